/**
 * The notes' search engine, loaded with `import()` the first time a reader uses the search
 * box: MiniSearch plus the index the build wrote to /notes/search-index.json.
 */
import MiniSearch from 'minisearch';
import { searchIndexPath } from '@/lib/content/links';
import { searchOptions, searchQueryOptions, type SearchDoc } from '@/lib/content/searchOptions';
import { withBase } from '@/lib/content/basePath';
import { snippetAround } from '@/lib/content/snippet';

/** One hit, as the search box lists it. */
export interface SearchHit {
  /** Page URL with the section anchor. */
  href: string;
  /** The note's title. */
  note: string;
  /** The section heading. */
  heading: string;
  /** The words around the first match in the section (issue #16: not the section's first words). */
  excerpt: string;
}

let loading: Promise<MiniSearch<SearchDoc>> | undefined;

function load(): Promise<MiniSearch<SearchDoc>> {
  loading ??= fetch(withBase(searchIndexPath))
    .then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.text();
    })
    .then((json) => MiniSearch.loadJSON<SearchDoc>(json, { ...searchOptions, fields: [...searchOptions.fields], storeFields: [...searchOptions.storeFields] }))
    .catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
  return loading;
}

/** Starts fetching the index (on focus), so the first query is quick. */
export function warmUp(): void {
  void load().catch(() => undefined);
}

/**
 * Searches the notes.
 * @param query what the reader typed
 * @param limit how many hits at most
 */
export async function searchNotes(query: string, limit = 8): Promise<SearchHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const mini = await load();
  let results = mini.search(q, searchQueryOptions);
  if (!results.length) results = mini.search(q, { ...searchQueryOptions, combineWith: 'OR' });
  const words = searchOptions.tokenize(q);
  return results.slice(0, limit).map((r) => ({
    href: withBase(`/notes/${String(r.slug)}/${r.anchor ? `#${String(r.anchor)}` : ''}`),
    note: String(r.note),
    heading: String(r.heading),
    // The indexed terms that matched (prefix and fuzzy hits included), then what was typed.
    excerpt: snippetAround(String(r.text ?? ''), [...r.terms, ...words]),
  }));
}
