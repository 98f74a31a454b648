'use client';

import { type RefObject, useEffect } from 'react';

/**
 * Publishes the height of a bar stuck to the top of the window as `--cr-bar-h` on <html>,
 * so scrolling (a newly revealed check, Tab to a control) stops below the bar, not under it.
 * @param ref the sticky bar
 */
export function useStickyBar(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const bar = ref.current;
    const root = document.documentElement;
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => root.style.setProperty('--cr-bar-h', `${Math.ceil(bar.getBoundingClientRect().height)}px`));
    ro.observe(bar);
    return () => {
      ro.disconnect();
      root.style.removeProperty('--cr-bar-h');
    };
  }, [ref]);
}
