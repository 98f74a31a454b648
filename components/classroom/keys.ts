'use client';

import { useEffect, useRef } from 'react';

/** What a key does in the classroom. */
export type DeckAction =
  | 'next'
  | 'back'
  | 'reveal'
  | 'revealAll'
  | 'first'
  | 'last'
  | 'notes'
  | 'blank'
  | 'fullscreen'
  | 'help'
  | 'escape'
  | 'contrast'
  | 'bigger'
  | 'smaller'
  | 'timer';

/** The keyboard map, for the help overlay and the handler alike. */
export const keyHelp: readonly { keys: string[]; action: DeckAction; label: string }[] = [
  { keys: ['→', 'Space', 'Page Down'], action: 'next', label: 'Next: reveal the next check or answer, then the next slide' },
  { keys: ['←', 'Page Up'], action: 'back', label: 'Back' },
  { keys: ['R', 'Enter'], action: 'reveal', label: 'Reveal the next check, the outcome or the answer' },
  { keys: ['A'], action: 'revealAll', label: 'Reveal everything on this slide at once' },
  { keys: ['Home', 'End'], action: 'first', label: 'First or last slide' },
  { keys: ['P'], action: 'notes', label: 'Presenter notes on or off (never shown to the audience)' },
  { keys: ['B', '.'], action: 'blank', label: 'Blank the screen, and back' },
  { keys: ['F'], action: 'fullscreen', label: 'Full screen on or off' },
  { keys: ['C'], action: 'contrast', label: 'High contrast on or off' },
  { keys: ['+', '−'], action: 'bigger', label: 'Larger or smaller type' },
  { keys: ['T'], action: 'timer', label: 'Start or pause the timer' },
  { keys: ['?'], action: 'help', label: 'This help' },
  { keys: ['Esc'], action: 'escape', label: 'Close help, notes or the blank screen' },
];

/** The part of a KeyboardEvent the map reads. */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

function isTyping(t: EventTarget | null | undefined): boolean {
  if (!t || typeof (t as Element).closest !== 'function') return false;
  const el = t as HTMLElement;
  return !!el.closest('input, textarea, select, [contenteditable="true"]');
}

function isActivatable(t: EventTarget | null | undefined): boolean {
  if (!t || typeof (t as Element).closest !== 'function') return false;
  return !!(t as HTMLElement).closest('button, a[href], summary, [role="button"]');
}

/**
 * Maps a key press to a classroom action. Keys typed into a form field do nothing, and Space
 * or Enter on a focused button or link keep their usual meaning (pressing that control).
 * @param e the key event
 * @returns the action, or undefined
 * @example keyAction({ key: 'ArrowRight' }) // 'next'
 */
export function keyAction(e: KeyLike): DeckAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (isTyping(e.target)) return undefined;
  if ((e.key === ' ' || e.key === 'Enter') && isActivatable(e.target)) return undefined;
  switch (e.key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'back';
    case 'r':
    case 'R':
    case 'Enter':
      return 'reveal';
    case 'a':
    case 'A':
      return 'revealAll';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'p':
    case 'P':
      return 'notes';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'c':
    case 'C':
      return 'contrast';
    case '+':
    case '=':
      return 'bigger';
    case '-':
    case '_':
      return 'smaller';
    case 't':
    case 'T':
      return 'timer';
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    default:
      return undefined;
  }
}

/**
 * Listens for classroom keys on the window while mounted.
 * @param handle receives each action; return false to let the browser handle the key
 */
export function useDeckKeys(handle: (action: DeckAction) => boolean | void): void {
  const ref = useRef(handle);
  useEffect(() => {
    ref.current = handle;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e);
      if (!action) return;
      if (ref.current(action) === false) return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    // Lets browser tests know the keys work (the listener is attached after the first paint).
    document.documentElement.dataset.deckKeys = 'ready';
    return () => {
      window.removeEventListener('keydown', onKey);
      delete document.documentElement.dataset.deckKeys;
    };
  }, []);
}

/**
 * Toggles full screen for an element; failures (no permission, no API) are ignored quietly.
 * @param el the element to show full screen
 */
export function toggleFullscreen(el: HTMLElement | null): void {
  if (typeof document === 'undefined') return;
  if (document.fullscreenElement) {
    void document.exitFullscreen?.().catch(() => undefined);
  } else if (el?.requestFullscreen) {
    void el.requestFullscreen().catch(() => undefined);
  }
}
