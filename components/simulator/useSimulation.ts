'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Fix, Simulation, fixesFor as FixesFor, simulate as SimulateFn } from '@/lib/engine';
import { FIX_BUDGET_RUNS } from '@/lib/simulator/defaultScenario';

/** The two engine entry points the simulator uses. */
export interface Engine {
  simulate: typeof SimulateFn;
  fixesFor: typeof FixesFor;
}

/** Load state of the engine chunk. */
export type EngineState = { kind: 'loading' } | ({ kind: 'ready' } & Engine) | { kind: 'error'; message: string };

let enginePromise: Promise<Engine> | undefined;

/** Starts loading the engine (once per page) and resolves to its entry points. */
export function loadEngine(): Promise<Engine> {
  enginePromise ??= import('./engine.chunk').then((m) => ({ simulate: m.simulate, fixesFor: m.fixesFor }));
  return enginePromise;
}

/**
 * The engine, loaded lazily once it is wanted (and from then on, even if it stops being wanted).
 * @param wanted false while the page can show everything without it (the build-time run of the
 *   open text); it stays in the 'loading' state until then
 */
export function useEngine(wanted = true): EngineState {
  const [state, setState] = useState<EngineState>({ kind: 'loading' });
  const [asked, setAsked] = useState(wanted);
  if (wanted && !asked) setAsked(true);
  useEffect(() => {
    if (!asked) return;
    let live = true;
    loadEngine().then(
      (engine) => live && setState({ kind: 'ready', ...engine }),
      (e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [asked]);
  return state;
}

/**
 * Runs the engine, turning a failure inside it (a bug, a stack overflow on a deeply nested
 * text) into a located issue instead of an exception thrown during render.
 * @example safeSimulate(simulate, '[[[[').ok // false
 */
export function safeSimulate(simulate: Engine['simulate'], text: string): Simulation {
  try {
    // The run on each keystroke skips fixes; the step on screen gets them from useStepFixes.
    return simulate(text, { fixes: false });
  } catch (e) {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { ok: false, issues: [{ path: '', message: `The simulator failed on this text (${what}). Your text is kept; change it, or go back to the last working version.` }] };
  }
}

/** A run of the current text, plus the last valid run while the text has problems. */
export interface Derived {
  /** The run of the text as it is now (undefined until the engine loads or when there is no text). */
  current?: Simulation;
  /** The last run that was valid: what the pictures keep showing while the text has problems. */
  shown?: Extract<Simulation, { ok: true }>;
  /** True when `shown` is from an earlier version of the text (which has problems, or has not run yet because the engine is loading). */
  stale: boolean;
}

/**
 * Runs the engine on every change of the text (it is fast: about a millisecond). Fixes are not
 * computed here: they cost a run per candidate, so {@link useStepFixes} asks for one step's
 * fixes once the text has settled.
 * @param resetKey identifies the open scenario: a different one never shows the old run
 * @param known the run of exactly this text, made earlier (the build-time preview's): used as
 *   is, so the page needs no engine for it and re-renders nothing when it arrives
 */
export function useSimulation(engine: EngineState, text: string, resetKey: string, known?: Extract<Simulation, { ok: true }>): Derived {
  const current = useMemo(() => known ?? (engine.kind === 'ready' && text.trim() ? safeSimulate(engine.simulate, text) : undefined), [known, engine, text]);
  // Remember the last valid run (the "adjust state while rendering" pattern, not an effect).
  const [last, setLast] = useState<{ key: string; sim: Extract<Simulation, { ok: true }> } | undefined>(undefined);
  if (current?.ok && (last?.sim !== current || last.key !== resetKey)) setLast({ key: resetKey, sim: current });
  if (current?.ok) return { current, shown: current, stale: false };
  const shown = last?.key === resetKey ? last.sim : undefined;
  return { current, shown, stale: !!shown };
}

/** How long the text must stay unchanged before fixes are computed. */
const FIX_IDLE_MS = 400;

/**
 * The verified fixes of the step the reader is looking at, computed after the text has been
 * still for a moment (never on the keystroke itself), and only when the step failed.
 * @param known each step's fixes for this text, computed earlier (the build-time preview's): used
 *   as they are, without the engine
 * @returns the fixes, or undefined while they are not computed yet (or not wanted)
 */
export function useStepFixes(engine: EngineState, text: string, stepIndex: number, wanted: boolean, known?: readonly (Fix[] | null)[]): Fix[] | undefined {
  const [done, setDone] = useState<{ text: string; step: number; fixes: Fix[] } | undefined>(undefined);
  const fresh = done && done.text === text && done.step === stepIndex;
  const given = known?.[stepIndex];
  useEffect(() => {
    if (known || engine.kind !== 'ready' || !wanted || fresh) return;
    const timer = setTimeout(() => setDone({ text, step: stepIndex, fixes: engine.fixesFor(text, stepIndex, { budgetRuns: FIX_BUDGET_RUNS }) }), FIX_IDLE_MS);
    return () => clearTimeout(timer);
  }, [known, engine, text, stepIndex, wanted, fresh]);
  if (known) return wanted ? (given ?? []) : undefined;
  return wanted && fresh ? done.fixes : undefined;
}
