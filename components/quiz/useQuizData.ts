'use client';

import { useEffect, useState } from 'react';
import type { QuizData } from './quizData.chunk';

/** The load state of the quiz data. */
export type QuizDataState = { kind: 'loading' } | { kind: 'ready'; data: QuizData } | { kind: 'error'; message: string };

let cached: Promise<QuizData> | undefined;

/** Loads the quiz data once per page (lazily: it carries the engine and the bank). */
export function loadQuizData(): Promise<QuizData> {
  cached ??= import('./quizData.chunk').then((m) => m.createQuizData());
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

/** The quiz data, loaded after the first render. */
export function useQuizData(): QuizDataState {
  const [state, setState] = useState<QuizDataState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    loadQuizData().then(
      (data) => live && setState({ kind: 'ready', data }),
      (e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
