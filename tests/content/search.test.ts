import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildSearchIndexJson, searchDocuments } from '@/lib/content/searchIndex';
import { searchOptions, searchQueryOptions, type SearchDoc } from '@/lib/content/searchOptions';
import { listNoteSlugs } from '@/lib/content/notes';

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
});
