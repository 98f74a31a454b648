'use client';

import { useCallback, useEffect, useState } from 'react';
import { predictGeneratedRef } from '@/lib/quiz/refs';
import { createRng, seedFrom } from '@/lib/quiz/rng';
import { PredictRunner } from './PredictRunner';
import { useProgress, useProgressStore } from './ProgressProvider';
import { QuizLoading } from './QuizLoading';
import { useQuizData } from './useQuizData';
import type { QuizData } from './quizData.chunk';

type Source = 'mixed' | 'built-in' | 'generated';

/** The predict item for counter `n`: built-in steps in a fixed shuffled order, every other one generated in `mixed`. */
function predictRefFor(data: QuizData, n: number, source: Source): string {
  const generated = source === 'generated' || (source === 'mixed' && n % 2 === 1);
  if (generated) return predictGeneratedRef(data.templateIds[n % data.templateIds.length]!, seedFrom(n, 0x9e));
  const order = createRng(0x7e57).shuffle(data.predictRefs);
  return order[n % order.length]!;
}

/** Predict-then-run: guess the outcome and the deciding check of a step, then see the trace. */
export function PredictMode() {
  const state = useQuizData();
  const hydrated = useProgress((s) => s.hydrated);
  const store = useProgressStore();
  const [source, setSource] = useState<Source>('mixed');
  const [ref, setRef] = useState<string | undefined>();
  const [count, setCount] = useState(0);

  const next = useCallback(
    (src: Source = source) => {
      if (state.kind !== 'ready') return;
      // Skip the rare step whose outcome the engine is not sure about (it has no item).
      for (let tries = 0; tries < 20; tries++) {
        const r = predictRefFor(state.data, store.getState().takeSeed('predict'), src);
        if (state.data.predict(r)) {
          setRef(r);
          setCount((c) => c + 1);
          return;
        }
      }
    },
    [state, store, source],
  );

  useEffect(() => {
    if (state.kind === 'ready' && hydrated && ref === undefined) next();
  }, [state.kind, hydrated, ref, next]);

  if (state.kind !== 'ready' || !hydrated) return <QuizLoading state={state} />;
  const item = ref ? state.data.predict(ref) : undefined;
  return (
    <div className="quiz-mode">
      <form className="quiz-filters" aria-label="Predict settings" onSubmit={(e) => e.preventDefault()}>
        <div className="quiz-field">
          <label htmlFor="predict-source">Steps from</label>
          <select
            id="predict-source"
            value={source}
            onChange={(e) => {
              const s = e.currentTarget.value as Source;
              setSource(s);
              next(s);
            }}
          >
            <option value="mixed">Built-in and generated scenarios</option>
            <option value="built-in">Built-in scenarios</option>
            <option value="generated">Generated scenarios</option>
          </select>
        </div>
      </form>
      {item && (
        <PredictRunner
          key={count}
          item={item}
          label={`Step ${count}: what happens?`}
          focusOnMount={count > 1}
          onGraded={(correct, confidence) => store.getState().record({ ref: item.ref, topic: item.topic, correct, confidence, now: Date.now() })}
          onNext={() => next()}
        />
      )}
    </div>
  );
}
