'use client';

import { useEffect, useRef, useState } from 'react';
import { answerKeys, displayOptions } from '@/lib/quiz/display';
import { isCorrect, type Confidence } from '@/lib/quiz/grade';
import { domainLabels, noteHref } from '@/lib/quiz/topics';
import type { Question } from '@/lib/quiz/types';
import { ConfidencePicker } from './ConfidencePicker';
import { HelpDialog, type KeyHelp } from './HelpDialog';
import { QuestionCard } from './QuestionCard';
import { useQuizKeys } from './useQuizKeys';
import { withBase } from '@/lib/content/basePath';

/** Keys that work while answering a question with instant feedback. */
export const answeringKeys: readonly KeyHelp[] = [
  { keys: '1–5 or A–E', action: 'Choose an answer (toggles it on multiple-response questions)' },
  { keys: 'Enter', action: 'Submit the answer, then go to the next question' },
  { keys: '?', action: 'Show this help' },
  { keys: 'Esc', action: 'Close this help' },
];

/** Links under an answer: prove it in the simulator, read the note, the AWS source. */
export function AnswerLinks({ runHref, note, source }: { runHref?: string; note: string; source?: string }) {
  return (
    <ul className="quiz-links">
      {runHref && (
        <li>
          <a className="quiz-button quiz-button--secondary" href={withBase(runHref)}>
            Run it in the simulator
          </a>
        </li>
      )}
      <li>
        <a href={withBase(noteHref(note))}>Read the study note</a>
      </li>
      {source && (
        <li>
          <a href={source} rel="noreferrer">
            AWS documentation
          </a>
        </li>
      )}
    </ul>
  );
}

/**
 * Asks one question with instant feedback: choose, say how sure you are, submit, read why,
 * then go on. Used by practice and review.
 */
export function QuestionRunner({
  question,
  label,
  runHref,
  onAnswered,
  onNext,
  nextLabel = 'Next question',
  focusOnMount = false,
}: {
  question: Question;
  label: string;
  runHref?: string;
  onAnswered: (correct: boolean, confidence: Confidence) => void;
  onNext: () => void;
  nextLabel?: string;
  /** Focus the question's heading when it appears (true after the learner moved on). */
  focusOnMount?: boolean;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const [confidence, setConfidence] = useState<Confidence>('medium');
  const [revealed, setRevealed] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [help, setHelp] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  // Mounted per question (the parent keys it): move focus to the new question, except on page load.
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const correct = isCorrect(question, selected);
  const answerKeysText = answerKeys(question).join(' and ');

  const submit = () => {
    if (revealed || selected.length === 0) return;
    setRevealed(true);
    setAnnounce(correct ? `Correct. The answer is ${answerKeysText}.` : `Not quite. The answer is ${answerKeysText}.`);
    onAnswered(correct, confidence);
    requestAnimationFrame(() => nextRef.current?.focus());
  };
  const choose = (i: number) => {
    const o = displayOptions(question)[i];
    if (!o || revealed) return;
    if (question.kind === 'single') setSelected([o.id]);
    else setSelected((s) => (s.includes(o.id) ? s.filter((x) => x !== o.id) : [...s, o.id]));
  };
  useQuizKeys({ digit: choose, letter: (i) => i < 6 && choose(i), enter: () => (revealed ? onNext() : submit()), help: () => setHelp(true) });

  return (
    <div className="quiz-runner">
      <QuestionCard question={question} label={label} selected={selected} onChange={setSelected} reveal={revealed} headingRef={headingRef} />
      {!revealed ? (
        <form
          className="quiz-actions"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <ConfidencePicker value={confidence} onChange={setConfidence} />
          <div className="quiz-actions__buttons">
            <button type="submit" className="quiz-button" disabled={selected.length === 0}>
              Submit answer
            </button>
            <button type="button" className="quiz-button quiz-button--quiet" onClick={() => setHelp(true)} aria-keyshortcuts="?">
              Keyboard help
            </button>
          </div>
        </form>
      ) : (
        <section className={`quiz-feedback ${correct ? 'quiz-feedback--ok' : 'quiz-feedback--bad'}`} aria-label="Result">
          <p className="quiz-feedback__verdict">
            {correct ? 'Correct.' : 'Not quite.'} The answer is {answerKeysText}.
          </p>
          <p className="muted">Exam domain: {domainLabels[question.domain]}</p>
          <AnswerLinks runHref={runHref} note={question.note} source={question.source} />
          <div className="quiz-actions__buttons">
            <button type="button" className="quiz-button" ref={nextRef} onClick={onNext}>
              {nextLabel}
            </button>
          </div>
        </section>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <HelpDialog open={help} onClose={() => setHelp(false)} keys={answeringKeys} />
    </div>
  );
}
