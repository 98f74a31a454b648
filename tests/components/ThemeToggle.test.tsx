import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, themeInitScript } from '@/components/layout/theme';
import { ThemeToggle } from '@/components/layout/ThemeToggle';

function pressed(name: string) {
  return screen.getByRole('button', { name }).getAttribute('aria-pressed');
}

describe('ThemeToggle', () => {
  beforeEach(() => {
    window.localStorage.clear();
    delete document.documentElement.dataset.theme;
  });
  afterEach(() => {
    cleanup();
    window.localStorage.clear();
    delete document.documentElement.dataset.theme;
  });

  it('follows the system until the reader chooses', () => {
    // Given no stored choice
    render(<ThemeToggle />);
    // Then "System theme" is selected and <html> has no forced theme
    expect(pressed('System theme')).toBe('true');
    expect(pressed('Dark theme')).toBe('false');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('applies and remembers a chosen theme', () => {
    render(<ThemeToggle />);
    // When the reader picks dark
    fireEvent.click(screen.getByRole('button', { name: 'Dark theme' }));
    // Then it is applied, shown as selected, and stored
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(pressed('Dark theme')).toBe('true');
    expect(pressed('System theme')).toBe('false');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    // And a new mount (next page view) starts from the stored choice
    cleanup();
    render(<ThemeToggle />);
    expect(pressed('Dark theme')).toBe('true');
  });

  it('going back to system forgets the choice', () => {
    render(<ThemeToggle />);
    fireEvent.click(screen.getByRole('button', { name: 'Light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');
    fireEvent.click(screen.getByRole('button', { name: 'System theme' }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
  });

  it('the head script applies a stored theme before React runs', () => {
    // Given a stored choice from an earlier visit
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    // When the inline <head> script runs
    act(() => {
      new Function(themeInitScript)();
    });
    // Then <html> is dark already
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('the head script ignores junk in storage', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    new Function(themeInitScript)();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
