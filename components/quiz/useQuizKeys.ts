'use client';

import { useEffect, useRef } from 'react';

/** What the quiz keys do in the current mode; absent handlers leave the key alone. */
export interface QuizKeyHandlers {
  /** 1–9 (index 0–8). */
  digit?: (index: number) => void;
  /** A–Z except F when `flag` is set (index 0 = A). */
  letter?: (index: number) => void;
  enter?: () => void;
  flag?: () => void;
  help?: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

/**
 * Quiz keyboard shortcuts: 1–4 or A–D choose, Enter submits and goes on, F flags, ? opens help.
 * Keys are ignored while typing in a field, with Ctrl/Alt/Meta held, or while a dialog is open;
 * Enter on a button or link is left to the browser, which activates it.
 */
export function useQuizKeys(handlers: QuizKeyHandlers, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const h = ref.current;
      if (e.key === '?') {
        if (h.help) {
          e.preventDefault();
          h.help();
        }
        return;
      }
      if (e.key === 'Enter') {
        const t = e.target;
        if (t instanceof HTMLElement && t.closest('button, a, summary, [role="button"]')) return;
        if (h.enter) {
          e.preventDefault();
          h.enter();
        }
        return;
      }
      if (/^[1-9]$/.test(e.key) && h.digit) {
        e.preventDefault();
        h.digit(Number(e.key) - 1);
        return;
      }
      const k = e.key.toLowerCase();
      if (k === 'f' && h.flag) {
        e.preventDefault();
        h.flag();
        return;
      }
      if (/^[a-z]$/.test(k) && !e.shiftKey && h.letter) {
        e.preventDefault();
        h.letter(k.charCodeAt(0) - 97);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
