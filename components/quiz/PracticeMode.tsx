'use client';

import { useCallback, useEffect, useState } from 'react';
import type { PracticeFilter, PracticeSource } from '@/lib/quiz/practice';
import { useProgress, useProgressStore } from './ProgressProvider';
import { QuestionRunner } from './QuestionRunner';
import { QuizLoading } from './QuizLoading';
import { TopicField } from './TopicField';
import { useQuizData } from './useQuizData';

const sources: { value: PracticeSource; label: string }[] = [
  { value: 'mixed', label: 'Bank and generated' },
  { value: 'bank', label: 'Question bank only' },
  { value: 'generated', label: 'Generated only' },
];

/** Practice: one question at a time with instant feedback; never runs out. */
export function PracticeMode() {
  const state = useQuizData();
  const hydrated = useProgress((s) => s.hydrated);
  const store = useProgressStore();
  const [filter, setFilter] = useState<PracticeFilter>({ source: 'mixed' });
  const [ref, setRef] = useState<string | undefined>();
  const [count, setCount] = useState(0);
  /** This session's running tally (the progress page keeps the history). */
  const [tally, setTally] = useState({ right: 0, answered: 0 });

  const next = useCallback(
    (f: PracticeFilter = filter) => {
      if (state.kind !== 'ready') return;
      const n = store.getState().takeSeed('practice');
      setRef(state.data.practiceRef(n, f));
      setCount((c) => c + 1);
    },
    [state, store, filter],
  );
  const change = (f: PracticeFilter) => {
    setFilter(f);
    next(f);
  };

  useEffect(() => {
    if (state.kind === 'ready' && hydrated && ref === undefined) next();
  }, [state.kind, hydrated, ref, next]);

  if (state.kind !== 'ready' || !hydrated) return <QuizLoading state={state} />;
  const question = ref ? state.data.question(ref) : undefined;

  return (
    <div className="quiz-mode">
      <form className="quiz-filters" aria-label="Practice settings" onSubmit={(e) => e.preventDefault()}>
        <TopicField id="practice-topic" value={filter.topic ?? ''} onChange={(t) => change({ ...filter, topic: t || undefined })} />
        <div className="quiz-field">
          <label htmlFor="practice-source">Questions</label>
          <select
            id="practice-source"
            value={filter.source}
            onChange={(e) => change({ ...filter, source: e.currentTarget.value as PracticeSource })}
          >
            {sources.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="quiz-tally" data-testid="practice-tally">
        This session: <strong>{tally.right}</strong> right of <strong>{tally.answered}</strong>
      </p>
      {filter.source === 'generated' && filter.topic && !state.data.generatedTopics.has(filter.topic) && (
        <p className="muted">No generator covers this topic yet, so these come from the question bank.</p>
      )}
      {question ? (
        <QuestionRunner
          key={count}
          question={question}
          label={`Practice question ${count}`}
          runHref={state.data.runHref(question)}
          focusOnMount={count > 1}
          onAnswered={(correct, confidence) => {
            setTally((t) => ({ right: t.right + (correct ? 1 : 0), answered: t.answered + 1 }));
            store.getState().record({ ref: ref!, topic: question.topic, correct, confidence, now: Date.now() });
          }}
          onNext={() => next()}
        />
      ) : (
        <p>No question matches these settings.</p>
      )}
    </div>
  );
}
