import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, highlightParts, queryTerms, searchQuery, searchStatus, type HitText } from '@/components/notes/enhance/highlight';

const marked = (text: string, terms: string[]) =>
  highlightParts(text, terms)
    .map((p) => (p.marked ? `[${p.text}]` : p.text))
    .join('');

describe('the notes search box marks the query’s words in its results', () => {
  it.each([
    { query: 'Role chaining', terms: ['role', 'chaining'] },
    { query: 'a ExternalId, ExternalId!', terms: ['externalid'] },
    { query: 'sts:AssumeRole aws:MultiFactorAuthPresent', terms: ['sts:assumerole', 'aws:multifactorauthpresent'] },
    { query: 'x', terms: [] },
  ])('"$query" gives the words $terms (two letters or more, no repeats)', ({ query, terms }) => {
    expect(queryTerms(query)).toEqual(terms);
  });

  it.each([
    { text: 'Role chaining', terms: ['chain'], out: 'Role [chain]ing' },
    { text: 'CHAINING and chains', terms: ['chain'], out: '[CHAIN]ING and [chain]s' },
    // Characters a regular expression would read specially are taken literally.
    { text: 'Session policies (a.k.a. inline) (b)', terms: ['a.k.a.', '(b'], out: 'Session policies ([a.k.a.] inline) [(b])' },
    { text: 'aXkXa', terms: ['a.k.a.'], out: 'aXkXa' },
    { text: 'Nothing here', terms: ['mfa'], out: 'Nothing here' },
    { text: 'No terms', terms: [], out: 'No terms' },
  ])('"$text" with $terms reads "$out"', ({ text, terms, out }) => {
    expect(marked(text, terms)).toBe(out);
    expect(highlightParts(text, terms).every((p) => p.text.length > 0)).toBe(true);
  });

  it('says how many results it found, or that it found none, or why it cannot search', () => {
    const hit: HitText = { href: '/notes/mfa/', note: 'MFA', heading: 'MFA', excerpt: '' };
    expect(searchStatus({ kind: 'empty' })).toBe('');
    expect(searchStatus({ kind: 'searching' })).toBe('Searching…');
    expect(searchStatus({ kind: 'done', query: 'mfa', hits: [hit] })).toBe('1 result for “mfa”');
    expect(searchStatus({ kind: 'done', query: 'mfa', hits: [hit, hit] })).toBe('2 results for “mfa”');
    expect(searchStatus({ kind: 'done', query: 'zzq', hits: [] })).toBe('No notes match “zzq”');
    expect(searchStatus({ kind: 'error', message: 'search index: HTTP 404' })).toBe('Search is unavailable (search index: HTTP 404)');
  });

  it('searches at most 200 characters, so a pasted 10 MB text cannot freeze the tab', () => {
    expect(searchQuery('  role chaining  ')).toBe('role chaining');
    const pasted = 'word '.repeat(2_000_000);
    const q = searchQuery(pasted);
    expect(q.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(q).toBe('word '.repeat(40).trim());
    // What the highlighting then builds stays small and quick.
    const started = performance.now();
    expect(marked('a word here', queryTerms(q))).toBe('a [word] here');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
