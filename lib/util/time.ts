/** Simulated time: instants are epoch milliseconds; no wall clock anywhere in the engine. */

const isoCache = new Map<number, string>();

/** Formats an instant the way STS does: `2026-01-01T01:00:00Z` (no milliseconds). */
export function isoSeconds(ms: number): string {
  // A run formats the same few instants (the step's time, expirations) many times.
  let s = isoCache.get(ms);
  if (s !== undefined) return s;
  s = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (isoCache.size >= 1000) isoCache.clear();
  isoCache.set(ms, s);
  return s;
}

/** Parses an ISO 8601 instant to epoch milliseconds, or undefined. */
export function parseInstant(s: string): number | undefined {
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** The default scenario start. */
export const DEFAULT_START = '2026-01-01T00:00:00Z';
