'use client';

import { useEffect, useRef } from 'react';
import type { TraceEntry } from '@/lib/engine';
import { withBase } from '@/lib/content/basePath';
import { noteHref } from '@/lib/simulator/notes';
import './gates.css';

/** One check of a step, as the engine's trace and the classroom's digests both carry it. */
export type GateEntry = Pick<TraceEntry, 'gate' | 'result' | 'reason' | 'uncertain' | 'level'> & {
  /** The study-note section that teaches it (`slug#heading`). */
  learn: string;
};

/** What a result looks like: its icon and its word. */
const results: Record<GateEntry['result'], { icon: string; word: string }> = {
  pass: { icon: '✓', word: 'passed' },
  fail: { icon: '✗', word: 'failed' },
  skip: { icon: '–', word: 'skipped' },
  info: { icon: 'i', word: 'note' },
};

/** The gates of one step, drawn one of three ways. */
export type GateTraceProps = {
  /** The step's checks, in the order the engine ran them. */
  entries: readonly GateEntry[];
} & (
  | {
      /**
       * A picture of the pipeline (the simulator as a step plays, the lab's steps): small lit
       * gates and an end node. Hidden from assistive technology: the text beside it says the same.
       */
      mode: 'compact';
      /** How many checks are lit; 'all' when the step is complete. */
      revealed: number | 'all';
      /** The end node's text once complete (the outcome); no end node when undefined. */
      outcome?: string;
      /** Whether the step succeeded (colours the end node). */
      ok?: boolean;
    }
  | {
      /**
       * Stepped by key, predict then reveal (the classroom): the first `shown` checks with their
       * reasons, the rest as numbered placeholders; the newest is kept in view and whole.
       */
      mode: 'stepped';
      /** How many checks are revealed. */
      shown: number;
      /** Whether the step's outcome is showing too (the newest check then stops being "latest"). */
      outcome: boolean;
      /** Print and handout: every check whole, with its study-note link, nothing scrolled. */
      full?: boolean;
      /** Handout: reasons an earlier step of the slide printed word for word, shown as "As in the step above." */
      printedReasons?: ReadonlySet<string>;
      /** The id of the element that names the list. */
      labelledBy: string;
    }
  | {
      /** Every check at once, each with its reason and study-note link (the quiz after a prediction). */
      mode: 'all';
      /** A gate's name for people (defaults to the gate id). */
      label?: (gate: GateEntry['gate']) => string;
    }
);

/**
 * The gates of one step: the one way the site draws a trace's checks, in the simulator, the
 * classroom, the labs and the quiz's predict mode. Each look's colours live with its page's
 * styles (compact in ./gates.css, stepped in the classroom's, all in the quiz's); what is lit,
 * pending, newest or failed is decided here.
 */
export function GateTrace(props: GateTraceProps) {
  if (props.mode === 'compact') return <CompactGates {...props} />;
  if (props.mode === 'stepped') return <SteppedGates {...props} />;
  return <AllGates {...props} />;
}

function CompactGates({ entries, revealed, outcome, ok }: Extract<GateTraceProps, { mode: 'compact' }>) {
  const lit = revealed === 'all' ? entries.length : revealed;
  const done = revealed === 'all';
  return (
    <ol className="pipeline" aria-hidden="true">
      {entries.map((t, i) => {
        const state = i < lit ? t.result : 'pending';
        return (
          <li key={i} className={`gate gate--${state}${i === lit - 1 && !done ? ' gate--current' : ''}`} title={i < lit ? t.reason : undefined}>
            <span className="gate__icon">{i < lit ? results[t.result].icon : '·'}</span>
            <span className="gate__name">{t.level ? `${t.gate} · ${t.level}` : t.gate}</span>
          </li>
        );
      })}
      {outcome !== undefined && (
        <li className={`gate gate--end ${done ? (ok ? 'gate--pass' : 'gate--fail') : 'gate--pending'}`}>
          <span className="gate__icon">{done ? (ok ? '✓' : '✗') : '…'}</span>
          <span className="gate__name">{done ? outcome : 'outcome'}</span>
        </li>
      )}
    </ol>
  );
}

function SteppedGates({ entries, shown, outcome, full = false, printedReasons, labelledBy }: Extract<GateTraceProps, { mode: 'stepped' }>) {
  const latest = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    // Keep the newest reveal in view on a small screen; no smooth scrolling (reduced motion).
    if (!full && !outcome) latest.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown, outcome, full]);
  return (
    <ol className="cr-gates" aria-labelledby={labelledBy}>
      {entries.map((g, i) => {
        if (i >= shown)
          return (
            <li key={i} className="cr-gate cr-gate--pending" aria-hidden="true">
              <span className="cr-gate__icon">{i + 1}</span>
              <span className="cr-gate__name">…</span>
            </li>
          );
        const w = results[g.result];
        // The newest check wraps in full, also once the outcome is shown; earlier ones shrink to two lines.
        const newest = i === shown - 1 && !full;
        const isLatest = newest && !outcome;
        const past = !newest && !full;
        return (
          <li key={i} ref={isLatest ? latest : undefined} className={`cr-gate cr-gate--${g.result}${isLatest ? ' cr-gate--latest' : ''}${newest ? ' cr-gate--newest' : ''}${past ? ' cr-gate--past' : ''}`}>
            <span className="cr-gate__icon" aria-hidden="true">
              {w.icon}
            </span>
            <span className="cr-gate__body">
              <span className="cr-gate__name">
                {g.gate} <span className="cr-gate__word">{w.word}</span>
                {g.uncertain && <span className="cr-gate__uncertain"> (AWS does not document this; likeliest behaviour)</span>}
              </span>
              {printedReasons?.has(g.reason) ? <span className="cr-gate__reason cr-gate__reason--again">As in the step above.</span> : <span className="cr-gate__reason">{g.reason}</span>}
              {full && (
                <a className="cr-gate__learn" href={withBase(noteHref(g.learn))}>
                  Study note
                </a>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function AllGates({ entries, label = (g) => g }: Extract<GateTraceProps, { mode: 'all' }>) {
  return (
    <ol className="quiz-trace">
      {entries.map((t, i) => (
        <li key={i} className={`quiz-trace__item is-${t.result}`}>
          <span className="quiz-trace__gate">
            {label(t.gate)}: <strong>{results[t.result].word}</strong>
          </span>
          <span className="quiz-trace__reason">{t.reason}</span>
          <a className="quiz-trace__learn" href={withBase(noteHref(t.learn))}>
            Learn more<span className="visually-hidden"> about {label(t.gate).toLowerCase()}</span>
          </a>
        </li>
      ))}
    </ol>
  );
}
