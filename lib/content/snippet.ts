/**
 * Search result snippets: a window of words around the first place a query term occurs in a
 * section's text, so the reader sees why the section matched, not how it starts.
 * Pure, no imports: safe in client bundles.
 */

/** How many words a snippet shows before and after the first hit. */
export interface SnippetWindow {
  /** Words before the word that matched. */
  before: number;
  /** Words after the word that matched. */
  after: number;
}

const defaultWindow: SnippetWindow = { before: 8, after: 22 };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The words of `text` around the first word that starts with one of `terms` (case-insensitive),
 * with an ellipsis where text was left out at either end. Without a hit it is the first words.
 * @param text the section's text
 * @param terms what to look for: the query's words and the indexed terms that matched
 * @param window how many words to keep on each side of the hit
 * @returns the snippet
 * @example snippetAround('one two three four five', ['four'], { before: 1, after: 0 }) // '… three four …'
 */
export function snippetAround(text: string, terms: readonly string[], window: SnippetWindow = defaultWindow): string {
  const words = text.split(/\s+/).filter(Boolean);
  const wanted = terms.map((t) => t.trim()).filter((t) => t.length >= 2);
  // A word matches when it starts with a term, after any punctuation that opens it ("(ExternalId", "`sts:…`").
  const starts = wanted.length ? new RegExp(`^[^\\p{L}\\p{N}]*(?:${wanted.map(escape).join('|')})`, 'iu') : undefined;
  // Terms with spaces or punctuation inside (a phrase) are found in the running text instead.
  let hit = starts ? words.findIndex((w) => starts.test(w)) : -1;
  if (hit < 0 && wanted.length) {
    const lower = text.toLowerCase();
    const at = Math.min(...wanted.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0));
    if (Number.isFinite(at)) {
      const lead = text.slice(0, at);
      const n = lead.split(/\s+/).filter(Boolean).length;
      // The hit's word is the next one, or the last one of `lead` when the term starts inside a word.
      hit = lead === '' || /\s$/.test(lead) ? n : n - 1;
    }
  }
  const span = window.before + window.after + 1;
  let from = hit < 0 ? 0 : Math.max(0, hit - window.before);
  const to = Math.min(words.length, from + span);
  // Near the end, show a full window by starting earlier.
  from = Math.max(0, Math.min(from, to - span));
  return `${from > 0 ? '… ' : ''}${words.slice(from, to).join(' ')}${to < words.length ? ' …' : ''}`;
}
