'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Simulation } from '@/lib/engine';

type Simulate = (input: unknown) => Simulation;

/** Load state of the engine chunk. */
export type EngineState = { kind: 'loading' } | { kind: 'ready'; simulate: Simulate } | { kind: 'error'; message: string };

let enginePromise: Promise<Simulate> | undefined;

/** Starts loading the engine (once per page) and resolves to `simulate`. */
export function loadEngine(): Promise<Simulate> {
  enginePromise ??= import('./engine.chunk').then((m) => m.simulate);
  return enginePromise;
}

/** The engine, loaded lazily when the component mounts. */
export function useEngine(): EngineState {
  const [state, setState] = useState<EngineState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    loadEngine().then(
      (simulate) => live && setState({ kind: 'ready', simulate }),
      (e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/**
 * Runs the engine, turning a failure inside it (a bug, a stack overflow on a deeply nested
 * text) into a located issue instead of an exception thrown during render.
 * @example safeSimulate(simulate, '[[[[').ok // false
 */
export function safeSimulate(simulate: Simulate, text: string): Simulation {
  try {
    return simulate(text);
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
  /** True when `shown` is from an earlier version of the text. */
  stale: boolean;
}

/**
 * Runs the engine on every change of the text (it is fast: about a millisecond).
 * @param resetKey identifies the open scenario: a different one never shows the old run
 */
export function useSimulation(engine: EngineState, text: string, resetKey: string): Derived {
  const current = useMemo(() => (engine.kind === 'ready' && text.trim() ? safeSimulate(engine.simulate, text) : undefined), [engine, text]);
  // Remember the last valid run (the "adjust state while rendering" pattern, not an effect).
  const [last, setLast] = useState<{ key: string; sim: Extract<Simulation, { ok: true }> } | undefined>(undefined);
  if (current?.ok && (last?.sim !== current || last.key !== resetKey)) setLast({ key: resetKey, sim: current });
  if (current?.ok) return { current, shown: current, stale: false };
  const shown = last?.key === resetKey ? last.sim : undefined;
  return { current, shown, stale: !!shown };
}
