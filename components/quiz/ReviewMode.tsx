'use client';

import { Link } from '@/components/layout/Link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Confidence } from '@/lib/quiz/grade';
import { dueRefs, nextDue } from '@/lib/quiz/schedule';
import type { Topic } from '@/lib/quiz/topics';
import { PredictRunner } from './PredictRunner';
import { useProgress, useProgressStore } from './ProgressProvider';
import { QuestionRunner } from './QuestionRunner';
import { QuizLoading } from './QuizLoading';
import { useQuizData } from './useQuizData';
import type { QuizData } from './quizData.chunk';

/** "in 3 minutes", "in 2 days". */
function relative(ms: number): string {
  const min = Math.round(ms / 60000);
  if (min < 1) return 'in less than a minute';
  if (min < 60) return `in ${min} minute${min === 1 ? '' : 's'}`;
  const h = Math.round(min / 60);
  if (h < 48) return `in ${h} hour${h === 1 ? '' : 's'}`;
  const d = Math.round(h / 24);
  return `in ${d} days`;
}

function resolvable(data: QuizData, ref: string): boolean {
  return ref.startsWith('p') ? !!data.predict(ref) : !!data.question(ref);
}

/** Review: the cards FSRS says are due, most overdue first. */
export function ReviewMode() {
  const state = useQuizData();
  const hydrated = useProgress((s) => s.hydrated);
  const cards = useProgress((s) => s.cards);
  const store = useProgressStore();
  const [queue, setQueue] = useState<string[] | undefined>();
  const [count, setCount] = useState(0);

  const refresh = useCallback(() => {
    if (state.kind !== 'ready') return;
    const now = Date.now();
    setQueue(dueRefs(store.getState().cards, now).filter((r) => resolvable(state.data, r)));
    setCount((c) => c + 1);
  }, [state, store]);

  useEffect(() => {
    if (state.kind === 'ready' && hydrated && queue === undefined) refresh();
  }, [state.kind, hydrated, queue, refresh]);

  if (state.kind !== 'ready' || !hydrated || !queue) return <QuizLoading state={state} />;
  const total = Object.keys(cards).length;
  const ref = queue[0];
  if (!ref) return <NothingDue total={total} upcoming={nextDue(cards, Date.now())} onCheck={refresh} focusOnMount={count > 1} />;
  const record = (topic: Topic, correct: boolean, confidence: Confidence) =>
    store.getState().record({ ref, topic, correct, confidence, now: Date.now() });
  const label = `Review card 1 of ${queue.length} due`;
  const predict = ref.startsWith('p') ? state.data.predict(ref) : undefined;
  const question = predict ? undefined : state.data.question(ref);
  return (
    <div className="quiz-mode">
      {predict && <PredictRunner key={`${count}-${ref}`} item={predict} label={label} focusOnMount={count > 1} onGraded={(c, conf) => record(predict.topic, c, conf)} onNext={refresh} nextLabel="Next card" />}
      {question && <QuestionRunner key={`${count}-${ref}`} question={question} label={label} runHref={state.data.runHref(question)} focusOnMount={count > 1} onAnswered={(c, conf) => record(question.topic, c, conf)} onNext={refresh} nextLabel="Next card" />}
    </div>
  );
}

/**
 * The empty state: what is coming up, and somewhere to go meanwhile (practice or an exam make
 * the cards this page reviews). Takes focus when the learner just finished the last due card.
 */
export function NothingDue({ total, upcoming, onCheck, focusOnMount = false }: { total: number; upcoming?: number; onCheck: () => void; focusOnMount?: boolean }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  return (
    <div className="quiz-panel">
      <h2 tabIndex={-1} ref={headingRef}>
        Nothing is due
      </h2>
      {total === 0 ? (
        <p>
          You have no review cards yet. Questions you miss (or get right by guessing) in practice, exams and <Link href="/quiz/predict/">predict-then-run</Link> become
          cards, scheduled with spaced repetition.
        </p>
      ) : (
        <p>
          You have {total} card{total === 1 ? '' : 's'}.{upcoming !== undefined ? ` The next one is due ${relative(upcoming - Date.now())}.` : ''} Meanwhile, practise or
          take an exam: what you miss comes back here.
        </p>
      )}
      <div className="quiz-actions__buttons">
        <Link className="quiz-button" href="/quiz/practice/">
          Practise questions
        </Link>
        <Link className="quiz-button quiz-button--secondary" href="/quiz/exam/">
          Take a timed exam
        </Link>
        {total > 0 && (
          <button type="button" className="quiz-button quiz-button--quiet" onClick={onCheck}>
            Check again
          </button>
        )}
      </div>
    </div>
  );
}
