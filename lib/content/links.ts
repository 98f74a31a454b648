/** URLs of the notes area. Pure: safe for client components. */

/**
 * The page URL of a `slug#heading` reference (the form lib/explain/learn.ts uses).
 * @example noteHref('trust-policies#principals') // '/notes/trust-policies/#principals'
 */
export function noteHref(ref: string): string {
  const [slug, anchor] = ref.split('#');
  return `/notes/${slug}/${anchor ? `#${anchor}` : ''}`;
}

/**
 * The simulator URL that opens a built-in scenario.
 * @example simulatorHref('cross-account-external-id') // '/simulator/?scenario=cross-account-external-id'
 */
export function simulatorHref(scenarioId: string): string {
  return `/simulator/?scenario=${encodeURIComponent(scenarioId)}`;
}

/** Where the build writes the notes' search index. */
export const searchIndexPath = '/notes/search-index.json';
