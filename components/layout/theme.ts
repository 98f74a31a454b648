/** A theme the reader chose; `system` follows `prefers-color-scheme`. */
export type ThemePreference = 'system' | 'light' | 'dark';

/** The localStorage key that remembers the reader's choice. */
export const THEME_STORAGE_KEY = 'sts-theme';

/** Every preference, in the order the toggle shows them. */
export const themePreferences: readonly ThemePreference[] = ['system', 'light', 'dark'];

const listeners = new Set<() => void>();

function isExplicit(v: unknown): v is 'light' | 'dark' {
  return v === 'light' || v === 'dark';
}

/** Reads the stored preference; storage may be unavailable (private mode). */
export function readThemePreference(): ThemePreference {
  try {
    const v = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isExplicit(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

/** Stores the preference and applies it to `<html data-theme>` at once. */
export function setThemePreference(pref: ThemePreference): void {
  try {
    if (pref === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, pref);
  } catch {
    // Not remembered, but still applied for this page view.
  }
  applyThemePreference(pref);
  listeners.forEach((l) => l());
}

/** Sets or clears `data-theme`; with no attribute the CSS follows the system. */
export function applyThemePreference(pref: ThemePreference): void {
  const root = document.documentElement;
  if (pref === 'system') delete root.dataset.theme;
  else root.dataset.theme = pref;
}

/** Subscribes to preference changes, including other tabs (for useSyncExternalStore). */
export function subscribeThemePreference(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== THEME_STORAGE_KEY && e.key !== null) return;
    applyThemePreference(readThemePreference());
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * Runs in <head> before the first paint, so a remembered theme never flashes
 * the system one. Kept tiny and dependency-free; mirrors applyThemePreference.
 */
export const themeInitScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t;}catch(e){}})();`;
