/** Pure text helpers of the notes search box (enhance/search.ts builds the DOM from them). */

/** One piece of a text: `marked` pieces are the query's words and get a `<mark>`. */
export interface TextPart {
  text: string;
  marked: boolean;
}

/**
 * The longest query the box searches (and its `maxLength`). Longer than any question a reader
 * types, and short enough that a pasted page of text cannot freeze the tab: every word of the
 * query becomes a fuzzy lookup and an alternative of the highlighting pattern.
 */
export const MAX_QUERY_CHARS = 200;

/**
 * What the box searches for: the text trimmed and cut at {@link MAX_QUERY_CHARS}.
 * @example searchQuery('  role chaining ') // 'role chaining'
 */
export function searchQuery(typed: string): string {
  return typed.trim().slice(0, MAX_QUERY_CHARS).trim();
}

/** The query's words (two letters or more, lower case, no repeats), for highlighting. */
export function queryTerms(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}:_-]+/u).filter((t) => t.length >= 2))];
}

/**
 * Text cut into pieces, every occurrence of the query's words (and of words they start) marked,
 * whatever its case. Empty pieces are left out; joined, the pieces give the text back.
 * @example highlightParts('Role chaining', ['chain']) // [{ text: 'Role ', marked: false }, { text: 'chain', marked: true }, { text: 'ing', marked: false }]
 */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  if (!terms.length) return text ? [{ text, marked: false }] : [];
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A capturing split: the odd pieces are the matches.
  return text
    .split(new RegExp(`(${escaped.join('|')})`, 'giu'))
    .map((p, i) => ({ text: p, marked: i % 2 === 1 }))
    .filter((p) => p.text);
}

/** One search hit, as the box lists it (the shape of search.chunk's SearchHit). */
export interface HitText {
  href: string;
  note: string;
  heading: string;
  excerpt: string;
}

/** Where the search is: nothing asked, looking, results, or the index failed to load. */
export type SearchState =
  | { kind: 'empty' }
  | { kind: 'searching' }
  | { kind: 'done'; query: string; hits: readonly HitText[] }
  | { kind: 'error'; message: string };

/**
 * What the live status line says in each state.
 * @example searchStatus({ kind: 'done', query: 'mfa', hits: [hit] }) // '1 result for “mfa”'
 */
export function searchStatus(state: SearchState): string {
  switch (state.kind) {
    case 'done':
      return state.hits.length
        ? `${state.hits.length} result${state.hits.length === 1 ? '' : 's'} for “${state.query}”`
        : `No notes match “${state.query}”`;
    case 'searching':
      return 'Searching…';
    case 'error':
      return `Search is unavailable (${state.message})`;
    case 'empty':
      return '';
  }
}
