'use client';

import { type RefObject, useEffect, useState } from 'react';

/** What counts as the reader starting to use the page (a touch also starts a scroll). */
const firstInput = ['pointerdown', 'keydown', 'focusin'] as const;

/**
 * True from the reader's first pointer press, key press or focus on the page on. Work the first
 * paint does not need (loading the engine, mounting the editor on a phone) starts then, so it is
 * under way before the reader's next move needs it.
 * @param already true when that move came before this mounted (the static page starts React on it)
 */
export function useFirstInteraction(already = false): boolean {
  const [interacted, setInteracted] = useState(false);
  useEffect(() => {
    // After hydration, not in the first render: the server rendered the island without it.
    if (already) setInteracted(true);
  }, [already]);
  useEffect(() => {
    if (interacted) return;
    const on = () => setInteracted(true);
    for (const type of firstInput) window.addEventListener(type, on, { capture: true, passive: true });
    return () => {
      for (const type of firstInput) window.removeEventListener(type, on, { capture: true });
    };
  }, [interacted]);
  return interacted;
}

/**
 * True once the element has come within `rootMargin` of the viewport (at once where
 * IntersectionObserver is missing), and from then on. Only observes while `enabled`.
 * @param rootMargin how far outside the viewport counts as near, generous so what mounts is ready
 *   before it scrolls into view
 * @example const near = useNearViewport(editRef, ready, '800px 0px');
 */
export function useNearViewport(ref: RefObject<Element | null>, enabled: boolean, rootMargin = '800px 0px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (near || !enabled || !el) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, enabled, near, rootMargin]);
  return near;
}
