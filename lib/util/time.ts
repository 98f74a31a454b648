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

/** Days in each month of a common year (February's leap day is added by the caller). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// The ISO 8601 instant a scenario writes: date, time, optional fraction, Z or a ±hh:mm offset.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether an ISO 8601 instant names a real calendar time. `Date.parse` rolls an impossible
 * day over (2026-02-30 becomes 2026-03-02), so the fields are checked against the calendar.
 * @example isCalendarInstant('2026-02-29T00:00:00Z') // false: 2026 is not a leap year
 */
export function isCalendarInstant(s: string): boolean {
  const m = ISO_INSTANT.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Arithmetic, not a Date: the engine parses an instant per step and per expectation.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[month - 1] ?? 0);
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59 && offsetOk;
}

/** Parses an ISO 8601 instant to epoch milliseconds, or undefined (also for an impossible calendar date such as February 30). */
export function parseInstant(s: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}T/.test(s) && !isCalendarInstant(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** The default scenario start. */
export const DEFAULT_START = '2026-01-01T00:00:00Z';
