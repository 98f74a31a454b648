'use client';

import { useEffect, useRef } from 'react';
import { enhanceThemeToggle } from './enhanceThemeToggle';
import { themePreferences, type ThemePreference } from './theme';

const labels: Record<ThemePreference, string> = {
  system: 'System theme',
  light: 'Light theme',
  dark: 'Dark theme',
};

function Icon({ pref }: { pref: ThemePreference }) {
  const common = {
    width: 18,
    height: 18,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    'aria-hidden': true,
    focusable: false,
  };
  switch (pref) {
    case 'system':
      return (
        <svg {...common}>
          <rect x="3" y="4" width="18" height="12" rx="2" />
          <path d="M8 20h8M12 16v4" />
        </svg>
      );
    case 'light':
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="4" />
          <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
        </svg>
      );
    case 'dark':
      return (
        <svg {...common}>
          <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
        </svg>
      );
  }
}

/**
 * Three-way theme switch: follow the system, or force light or dark. The
 * choice is remembered in localStorage; the head script applies it before
 * paint, so this component only reflects and changes it. The markup is
 * static; enhanceThemeToggle (shared with the static note pages, which run
 * no React) marks the stored choice and handles clicks.
 */
export function ThemeToggle() {
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => (group.current ? enhanceThemeToggle(group.current) : undefined), []);

  // The server cannot know the stored choice: it marks "system", and the
  // enhancer marks the real one as soon as it runs.
  return (
    <div className="theme-toggle" role="group" aria-label="Colour theme" ref={group}>
      {themePreferences.map((p) => (
        <button
          key={p}
          type="button"
          className="theme-toggle__button"
          data-theme-pref={p}
          aria-pressed={p === 'system'}
          aria-label={labels[p]}
          title={labels[p]}
        >
          <Icon pref={p} />
        </button>
      ))}
    </div>
  );
}
