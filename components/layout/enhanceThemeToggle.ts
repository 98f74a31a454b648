import { readThemePreference, setThemePreference, subscribeThemePreference, themePreferences, type ThemePreference } from './theme';

function isPreference(v: string | undefined): v is ThemePreference {
  return (themePreferences as readonly (string | undefined)[]).includes(v);
}

/**
 * Brings a server-rendered theme switch to life, as plain DOM code (used by <ThemeToggle> and by
 * the static note pages, which run no React): marks the stored choice with `aria-pressed`,
 * applies and remembers a click, and follows a choice made in another tab.
 * @param group the `.theme-toggle` element; its buttons carry `data-theme-pref`
 * @returns a function that stops listening
 */
export function enhanceThemeToggle(group: HTMLElement): () => void {
  const buttons = [...group.querySelectorAll<HTMLButtonElement>('button[data-theme-pref]')];
  const show = () => {
    const pref = readThemePreference();
    buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.themePref === pref)));
  };
  const onClick = (event: MouseEvent) => {
    const pref = (event.target as Element | null)?.closest<HTMLElement>('button[data-theme-pref]')?.dataset.themePref;
    if (isPreference(pref)) setThemePreference(pref);
  };
  group.addEventListener('click', onClick);
  const unsubscribe = subscribeThemePreference(show);
  show();
  return () => {
    group.removeEventListener('click', onClick);
    unsubscribe();
  };
}
