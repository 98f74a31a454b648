/** Simulated time: instants are epoch milliseconds; no wall clock anywhere in the engine. */

const isoCache = new Map<number, string>();

/**
 * The latest instant a scenario's clock may reach: the end of year 9999, the last one an
 * ISO 8601 `YYYY` year (and the scenario format's `start` and `advanceTo`) can write.
 * Expirations may run past it by at most a session's length and still format.
 */
export const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59);

/** JavaScript's own range for a Date: ±8.64e15 ms around 1970. */
const DATE_LIMIT = 8.64e15;

/** Whether epoch milliseconds make a valid Date (so formatting them cannot throw). */
export function isRepresentable(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= DATE_LIMIT;
}

/**
 * Formats an instant the way STS does: `2026-01-01T01:00:00Z` (no milliseconds). Never throws:
 * an instant outside JavaScript's Date range is clamped to the range's end.
 */
export function isoSeconds(ms: number): string {
  // A run formats the same few instants (the step's time, expirations) many times.
  let s = isoCache.get(ms);
  if (s !== undefined) return s;
  const safe = Number.isNaN(ms) ? 0 : Math.max(-DATE_LIMIT, Math.min(DATE_LIMIT, ms));
  s = new Date(safe).toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (isoCache.size >= 1000) isoCache.clear();
  isoCache.set(ms, s);
  return s;
}

/**
 * Describes an instant given in epoch seconds (a JWT's `exp`, `iat`): its ISO form when a Date
 * can hold it, else the number itself.
 * @example epochSecondsText(1767225900) // '2026-01-01T00:05:00Z'
 */
export function epochSecondsText(sec: number): string {
  return isRepresentable(sec * 1000) ? isoSeconds(sec * 1000) : `epoch second ${sec} (beyond any date JavaScript can show)`;
}

/** Parses an ISO 8601 instant to epoch milliseconds, or undefined. */
export function parseInstant(s: string): number | undefined {
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** The default scenario start. */
export const DEFAULT_START = '2026-01-01T00:00:00Z';
