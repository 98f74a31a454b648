/**
 * MiniSearch options shared by the build-time index (lib/content/searchIndex.ts) and the
 * client that loads it (components/notes/search.chunk.ts): both sides must agree.
 * Pure data, no imports: safe in client bundles.
 */

/** One searchable section of a note. */
export interface SearchDoc {
  /** `slug#anchor`. */
  id: string;
  /** The note's slug. */
  slug: string;
  /** Heading id within the note ('' for the top). */
  anchor: string;
  /** The note's title. */
  note: string;
  /** The section heading. */
  heading: string;
  /** The section's text (also stored, so a result can show the words around the match). */
  text: string;
}

/** Fields indexed, fields returned with results, and how terms are split. */
export const searchOptions = {
  idField: 'id',
  fields: ['heading', 'note', 'text'],
  storeFields: ['slug', 'anchor', 'note', 'heading', 'text'],
  // Keep AWS names such as sts:AssumeRole and aws:MultiFactorAuthPresent whole, and also
  // searchable by their parts.
  tokenize: (text: string): string[] => {
    const words = text.toLowerCase().match(/[\p{L}\p{N}:_/*.-]+/gu) ?? [];
    const out: string[] = [];
    for (const w of words) {
      const trimmed = w.replace(/^[.:/-]+|[.:/-]+$/g, '');
      if (!trimmed) continue;
      out.push(trimmed);
      if (/[:/._-]/.test(trimmed)) for (const part of trimmed.split(/[:/._-]+/)) if (part) out.push(part);
    }
    return out;
  },
} as const;

/** Query-time options: prefix and light fuzzy matching, headings weigh most. */
export const searchQueryOptions = {
  prefix: true,
  fuzzy: 0.15,
  boost: { heading: 3, note: 2, text: 1 },
  combineWith: 'AND',
} as const;
