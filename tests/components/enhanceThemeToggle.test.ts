import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enhanceThemeToggle } from '@/components/layout/enhanceThemeToggle';
import { THEME_STORAGE_KEY } from '@/components/layout/theme';

// The theme switch as a static note page ships it: server-rendered buttons, "system" marked.
function staticToggle(): HTMLElement {
  document.body.innerHTML =
    '<div class="theme-toggle" role="group" aria-label="Colour theme">' +
    ['system', 'light', 'dark'].map((p) => `<button type="button" data-theme-pref="${p}" aria-pressed="${p === 'system'}">${p}</button>`).join('') +
    '</div>';
  return document.querySelector<HTMLElement>('.theme-toggle')!;
}

const pressed = () => [...document.querySelectorAll('button')].filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.themePref);

describe('the theme switch of a static note page (enhanceThemeToggle, no React)', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    window.localStorage.clear();
    delete document.documentElement.dataset.theme;
  });
  afterEach(() => {
    stop();
    document.body.innerHTML = '';
    window.localStorage.clear();
    delete document.documentElement.dataset.theme;
  });

  it('marks the choice stored on an earlier visit as soon as it runs', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    stop = enhanceThemeToggle(staticToggle());
    expect(pressed()).toEqual(['dark']);
  });

  it('applies, marks and remembers a click; System forgets it', () => {
    stop = enhanceThemeToggle(staticToggle());
    document.querySelector<HTMLButtonElement>('[data-theme-pref="light"]')!.click();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(pressed()).toEqual(['light']);
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    document.querySelector<HTMLButtonElement>('[data-theme-pref="system"]')!.click();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(pressed()).toEqual(['system']);
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('follows a choice made in another tab', () => {
    stop = enhanceThemeToggle(staticToggle());
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'dark' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(pressed()).toEqual(['dark']);
  });

  it('stops listening when asked', () => {
    stop = enhanceThemeToggle(staticToggle());
    stop();
    document.querySelector<HTMLButtonElement>('[data-theme-pref="dark"]')!.click();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(pressed()).toEqual(['system']);
  });
});
