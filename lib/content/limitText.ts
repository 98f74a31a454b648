/** How the notes write a limit from lib/sts/limits.ts in words; shared by <Limit> and the search index. */
import { limits } from '@/lib/sts/limits';

/** The name of a limit in lib/sts/limits.ts. */
export type LimitName = keyof typeof limits;

/**
 * How to show a limit: `number` (900), `seconds` (900 seconds), `short` (900 s), `time`
 * (15 minutes), `both` (900 seconds (15 minutes)). Durations default to `both`, counts to `number`.
 */
export type LimitFormat = 'number' | 'seconds' | 'short' | 'time' | 'both';

/** True for limits measured in seconds. */
export function isDurationLimit(name: LimitName): boolean {
  return /Seconds$/.test(name) || name.startsWith('roleMaxSession');
}

/** Seconds in words: 900 → "15 minutes", 3600 → "1 hour", 129600 → "36 hours". */
export function humanDuration(seconds: number): string {
  if (seconds % 3600 === 0) {
    const h = seconds / 3600;
    return `${h} hour${h === 1 ? '' : 's'}`;
  }
  if (seconds % 60 === 0) {
    const m = seconds / 60;
    return `${m} minute${m === 1 ? '' : 's'}`;
  }
  return `${seconds} seconds`;
}

/**
 * Formats a limit's value.
 * @example formatLimit('chainingCapSeconds') // '3,600 seconds (1 hour)'
 */
export function formatLimit(name: LimitName, as?: LimitFormat): string {
  const value: number = limits[name];
  const format = as ?? (isDurationLimit(name) ? 'both' : 'number');
  const n = value.toLocaleString('en-US');
  switch (format) {
    case 'number':
      return n;
    case 'seconds':
      return `${n} seconds`;
    case 'short':
      return `${n} s`;
    case 'time':
      return humanDuration(value);
    case 'both':
      return `${n} seconds (${humanDuration(value)})`;
  }
}
