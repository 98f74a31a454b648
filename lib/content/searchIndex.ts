/**
 * Builds the notes' MiniSearch index at build time (served as /notes/search-index.json).
 * Server-side only.
 */
import MiniSearch from 'minisearch';
import { loadAllNotes } from './notes';
import { searchOptions, type SearchDoc } from './searchOptions';

/** The documents: one per note section. */
export function searchDocuments(): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const note of loadAllNotes()) {
    for (const s of note.sections) {
      docs.push({ id: `${note.slug}#${s.anchor}`, slug: note.slug, anchor: s.anchor, note: note.meta.title, heading: s.heading, text: s.text });
    }
  }
  return docs;
}

/**
 * The serialized index (MiniSearch's own JSON), loaded on the client with `MiniSearch.loadJSON`.
 * @example JSON.parse(buildSearchIndexJson()).documentCount
 */
export function buildSearchIndexJson(): string {
  const mini = new MiniSearch<SearchDoc>({ ...searchOptions, fields: [...searchOptions.fields], storeFields: [...searchOptions.storeFields] });
  mini.addAll(searchDocuments());
  return JSON.stringify(mini);
}
