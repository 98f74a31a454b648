import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSearchIndexJson, searchDocuments } from '@/lib/content/searchIndex';
import { searchOptions, searchQueryOptions, type SearchDoc } from '@/lib/content/searchOptions';
import { listNoteSlugs } from '@/lib/content/notes';
import { snippetAround } from '@/lib/content/snippet';

describe('notes search index', () => {
  const mini = MiniSearch.loadJSON<SearchDoc>(buildSearchIndexJson(), {
    ...searchOptions,
    fields: [...searchOptions.fields],
    storeFields: [...searchOptions.storeFields],
  });
  const search = (q: string) => mini.search(q, searchQueryOptions);

  it('has a document for every note', () => {
    const slugs = new Set(searchDocuments().map((d) => d.slug));
    expect([...slugs].sort()).toEqual(listNoteSlugs());
  });

  it.each([
    ['external id', 'external-id'],
    ['confused deputy', 'external-id'],
    ['role chaining', 'session-duration'],
    ['BoolIfExists', 'mfa-and-get-session-token'],
    ['sts:TagSession', 'session-tags'],
  ])('finds "%s" in %s', (query, slug) => {
    const hits = search(query).slice(0, 5).map((h) => String(h.slug));
    expect(hits).toContain(slug);
  });

  // Issue #16: a result shows the words around the match, not the start of the section.
  it.each([
    ['confused deputy', /confused deputy/i],
    ['BoolIfExists', /BoolIfExists/],
    ['transitive', /transitive/i],
    ['PackedPolicyTooLarge', /PackedPolicyTooLarge/],
  ])('the snippet of each hit for "%s" shows a matched word', (query, word) => {
    const hits = search(query).slice(0, 8);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const text = String(h.text);
      const snippet = snippetAround(text, [...h.terms, ...searchOptions.tokenize(query)]);
      // Where the section's text holds the word (a hit may match on its heading alone), the snippet shows it
      if (word.test(text)) expect(snippet, String(h.id)).toMatch(word);
    }
    // And at least one hit's word lies past the first thirty words, so this is not the section's start
    expect(hits.some((h) => word.test(String(h.text)) && !word.test(String(h.text).split(/\s+/).slice(0, 30).join(' ')))).toBe(true);
  });
});

describe('the text the search index holds is the text readers see', () => {
  const docs = searchDocuments();
  const section = (id: string) => docs.find((d) => d.id === id)?.text ?? '';

  it('writes out numbers that notes render from data (<Limit>)', () => {
    // The role-chaining cap is <Limit name="chainingCapSeconds" as="time" /> in the note
    expect(section('session-duration#role-chaining')).toContain('A chained session is capped at 1 hour, whatever');
    // No sentence keeps the hole a missing number leaves ("at , whatever")
    for (const d of docs) expect(d.text, d.id).not.toMatch(/ ,|\( \)| \./);
  });

  it('keeps table cells, rows and list items apart', () => {
    const table = section('session-duration#every-duration-rule');
    expect(table).toContain('Call and caller · Default · Minimum');
    expect(table).toMatch(/ValidationError\. AssumeRole, signed with a role session/);
    const learn = docs.find((d) => d.slug === 'session-duration' && d.heading === 'What you will learn')?.text;
    expect(learn).toMatch(/STS call; Tell the cases/);
  });
});
