'use client';

import { type RefObject, useEffect, useRef } from 'react';
import { useScenarioStore, useScenarioStoreApi } from '@/components/providers/ScenarioStoreProvider';
import { speeds, type Speed } from '@/lib/stores/scenarioStore';

/** Milliseconds per beat at 1×: one gate lighting up, and the pause on a finished step. */
const GATE_MS = 550;
const STEP_MS = 1100;
const WHOLE_STEP_MS = 1600;

/** Drives playback: one beat per timeout while playing. */
export function usePlaybackTimer(gateCounts: readonly number[], reducedMotion: boolean) {
  const api = useScenarioStoreApi();
  const playing = useScenarioStore((s) => s.playing);
  const revealed = useScenarioStore((s) => s.revealed);
  const step = useScenarioStore((s) => s.step);
  const speed = useScenarioStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const base = reducedMotion ? WHOLE_STEP_MS : revealed === 'all' ? STEP_MS : GATE_MS;
    const t = setTimeout(() => api.getState().tick(gateCounts, { wholeSteps: reducedMotion }), base / speed);
    return () => clearTimeout(t);
  }, [api, playing, revealed, step, speed, gateCounts, reducedMotion]);
}

const ignoreTargets = 'input, textarea, select, [contenteditable="true"], .cm-editor, [role="tab"], [role="dialog"], dialog';

/**
 * Keyboard shortcuts for playback, on the whole page, except while typing or inside
 * widgets that use those keys themselves.
 */
export function usePlaybackKeys(stepCount: number, openHelp: () => void) {
  const api = useScenarioStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(ignoreTargets)) return;
      const s = api.getState();
      const i = speeds.indexOf(s.speed);
      switch (e.key) {
        case ' ':
          // Space on a button or link activates it; leave that alone.
          if (target?.closest('button, a, summary')) return;
          if (s.playing) s.pause();
          else s.play(stepCount);
          break;
        case 'k':
          if (s.playing) s.pause();
          else s.play(stepCount);
          break;
        case 'ArrowRight':
        case 'l':
          s.stepForward(stepCount);
          break;
        case 'ArrowLeft':
        case 'j':
          s.stepBack();
          break;
        case 'r':
        case '0':
          s.restart();
          break;
        case '+':
        case '=':
          s.setSpeed(speeds[Math.min(speeds.length - 1, i + 1)]!);
          break;
        case '-':
          s.setSpeed(speeds[Math.max(0, i - 1)]!);
          break;
        case '?':
          openHelp();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [api, stepCount, openHelp]);
}

function Icon({ d }: { d: string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

const paths = {
  restart: 'M6 5h2v14H6zM20 5v14L9.5 12z',
  back: 'M18 5v14L8 12zM6 5h2v14H6z',
  play: 'M7 4.5v15L19.5 12z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  forward: 'M6 5v14l10-7zM16 5h2v14h-2z',
};

/** Height of the site header where it sticks to the top of the window, else 0. */
function stickyHeaderHeight(header = document.querySelector<HTMLElement>('.site-header'), height?: number): number {
  return header && getComputedStyle(header).position === 'sticky' ? (height ?? header.getBoundingClientRect().height) : 0;
}

/**
 * What animates stays in view with its controls: the bar sticks under the site header, and
 * pressing Play brings the current step (the checks lighting up) up under it when it is below
 * the fold, instead of animating ~750 px down the page on a laptop.
 */
function useKeepPlaybackInView(barRef: RefObject<HTMLDivElement | null>, playing: boolean) {
  useEffect(() => {
    const header = document.querySelector<HTMLElement>('.site-header');
    const place = (height?: number) => {
      const top = `${stickyHeaderHeight(header, height)}px`;
      if (barRef.current && barRef.current.style.top !== top) barRef.current.style.top = top;
    };
    const onResize = () => place();
    window.addEventListener('resize', onResize);
    // The header's height comes from a ResizeObserver, after layout: measuring it while the page
    // mounts would force a layout of the whole page.
    if (!header || typeof ResizeObserver === 'undefined') {
      place();
      return () => window.removeEventListener('resize', onResize);
    }
    const ro = new ResizeObserver((entries) => place(entries[0]?.borderBoxSize?.[0]?.blockSize));
    ro.observe(header);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', onResize);
    };
  }, [barRef]);
  useEffect(() => {
    const bar = barRef.current;
    const step = document.querySelector<HTMLElement>('.sim-run .step');
    if (!playing || !bar || !step) return;
    const top = step.getBoundingClientRect().top;
    const below = stickyHeaderHeight() + bar.offsetHeight + 12;
    // Already in the upper part of the window: leave the page where the reader put it.
    if (top >= below && top < window.innerHeight * 0.45) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: Math.max(0, window.scrollY + top - below), behavior: reduce ? 'auto' : 'smooth' });
  }, [playing, barRef]);
}

/** Playback controls: Restart, Step back, Play/Pause, Step forward, speed, and the shortcut help. */
export function Player({ stepCount, onHelp }: { stepCount: number; onHelp: () => void }) {
  const api = useScenarioStoreApi();
  const playing = useScenarioStore((s) => s.playing);
  const speed = useScenarioStore((s) => s.speed);
  const step = useScenarioStore((s) => s.step);
  const disabled = stepCount === 0;
  const playRef = useRef<HTMLButtonElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  useKeepPlaybackInView(barRef, playing);
  return (
    <div className="player" role="group" aria-label="Playback" ref={barRef}>
      <div className="player__buttons">
        <button type="button" className="btn btn--icon" aria-label="Restart" title="Restart (R)" disabled={disabled} onClick={() => api.getState().restart()}>
          <Icon d={paths.restart} />
        </button>
        <button type="button" className="btn btn--icon" aria-label="Step back" title="Step back (←)" disabled={disabled} onClick={() => api.getState().stepBack()}>
          <Icon d={paths.back} />
        </button>
        <button
          ref={playRef}
          type="button"
          className="btn btn--icon btn--primary"
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause (K)' : 'Play (K)'}
          disabled={disabled}
          onClick={() => (playing ? api.getState().pause() : api.getState().play(stepCount))}
        >
          <Icon d={playing ? paths.pause : paths.play} />
        </button>
        <button type="button" className="btn btn--icon" aria-label="Step forward" title="Step forward (→)" disabled={disabled} onClick={() => api.getState().stepForward(stepCount)}>
          <Icon d={paths.forward} />
        </button>
      </div>
      <p className="player__pos" aria-live="off">
        Step {Math.min(step + 1, stepCount)} of {stepCount}
      </p>
      <label className="player__speed">
        <span>Speed</span>
        <select value={speed} onChange={(e) => api.getState().setSpeed(Number(e.target.value) as Speed)}>
          {speeds.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn--small btn--ghost" onClick={onHelp} aria-haspopup="dialog">
        <span aria-hidden="true">?</span> Shortcuts
      </button>
    </div>
  );
}

const shortcutList: [string, string][] = [
  ['Space or K', 'Play or pause'],
  ['→ or L', 'Step forward'],
  ['← or J', 'Step back'],
  ['R or 0', 'Restart'],
  ['+ and −', 'Faster and slower'],
  ['?', 'Show these shortcuts'],
];

/** The keyboard shortcut overlay, a modal dialog. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
      d.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || e.key === '?') {
          e.preventDefault();
          onClose();
        }
      }}
      onClick={(e) => e.target === ref.current && onClose()}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="shortcuts__list">
        {shortcutList.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Shortcuts work anywhere on the page except while you type in a field or the editor.</p>
      <button type="button" className="btn" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
