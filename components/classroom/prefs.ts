'use client';

/** Screen options a teacher keeps between talks (this browser only). */
export interface ClassroomPrefs {
  /** High contrast on. */
  contrast: boolean;
  /** Type scale. */
  scale: number;
}

const KEY = 'sts-classroom-prefs';

/** Reads saved options; high contrast defaults to the system's `prefers-contrast: more`. */
export function readPrefs(): ClassroomPrefs {
  const systemMore = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-contrast: more)').matches;
  try {
    const v = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as Partial<ClassroomPrefs> | null;
    return { contrast: typeof v?.contrast === 'boolean' ? v.contrast : systemMore, scale: typeof v?.scale === 'number' ? v.scale : 1 };
  } catch {
    return { contrast: systemMore, scale: 1 };
  }
}

/** Saves options; quietly does nothing where storage is blocked. */
export function writePrefs(p: ClassroomPrefs): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Not remembered; still applied.
  }
}
