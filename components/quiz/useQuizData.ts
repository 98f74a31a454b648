'use client';

import { useEffect, useState } from 'react';
import { withBase } from '@/lib/content/basePath';
import { quizFilesPath, type QuizFiles } from '@/lib/quiz/files';
import type { QuizData } from './quizData.chunk';

/** The load state of the quiz data. */
export type QuizDataState = { kind: 'loading' } | { kind: 'ready'; data: QuizData } | { kind: 'error'; message: string };

let cached: Promise<QuizData> | undefined;

/** The content index (question bank and built-in scenarios), a static file built from content/. */
async function fetchQuizFiles(): Promise<QuizFiles> {
  const r = await fetch(withBase(quizFilesPath));
  if (!r.ok) throw new Error(`The quiz questions could not be loaded (HTTP ${r.status}).`);
  return (await r.json()) as QuizFiles;
}

/** Loads the quiz data once per page (lazily: it carries the engine and the bank). */
export function loadQuizData(): Promise<QuizData> {
  cached ??= Promise.all([import('./quizData.chunk'), fetchQuizFiles()]).then(([m, files]) => m.createQuizData(files));
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
