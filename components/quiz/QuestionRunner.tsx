'use client';

import { useEffect, useRef, useState, useId } from 'react';
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
  { keys: 'G, S, K', action: 'How sure you are: guessing, fairly sure, certain (knew it)' },
  { keys: 'Enter', action: 'Submit the answer, then go to the next question' },
  { keys: '?', action: 'Show this help' },
  { keys: 'Esc', action: 'Close this help' },
];

/** Keys that say how sure the learner is (letters after the options' A–F). */
const confidenceKeys: Record<Confidence, string> = { low: 'G', medium: 'S', high: 'K' };
const confidenceByKey: Record<string, Confidence> = { g: 'low', s: 'medium', k: 'high' };

/** Links under an answer: prove it in the simulator, read the note, the AWS source. */
export function AnswerLinks({ runHref, note, source }: { runHref?: string; note: string; source?: string }) {
  const newTab = useId();
  return (
    <ul className="quiz-links">
      {runHref && (
        <li>
          {/* A new tab keeps the learner's place: the question and its explanation stay here. */}
          <a className="quiz-button quiz-button--secondary" href={withBase(runHref)} target="_blank" rel="noopener" aria-describedby={newTab}>
            Run it in the simulator
            <span aria-hidden="true"> ↗</span>
          </a>
          <span id={newTab} className="visually-hidden">
            Opens in a new tab
          </span>
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
  // No default: a confidence the learner did not choose would feed the schedule a constant.
  const [confidence, setConfidence] = useState<Confidence | null>(null);
  const [hint, setHint] = useState('');
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

  const want = question.kind === 'multiple' ? question.options.filter((o) => o.correct).length : 1;
  // A "choose two" question takes exactly two boxes.
  const missing = selected.length === 0 ? 'Choose an answer first.' : selected.length !== want ? `Choose ${want} answers (you have ${selected.length}).` : confidence === null ? 'Say how sure you are first: G, S or K.' : '';
  const submit = () => {
    if (revealed) return;
    if (missing || confidence === null) {
      setHint(missing);
      return;
    }
    setHint('');
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
  const chooseConfidence = (c: Confidence) => {
    if (revealed) return;
    setConfidence(c);
    setHint('');
  };
  const letter = (i: number) => {
    const c = confidenceByKey[String.fromCharCode(97 + i)];
    if (c) chooseConfidence(c);
    else if (i < 6) choose(i);
  };
  useQuizKeys({ digit: choose, letter, enter: () => (revealed ? onNext() : submit()), help: () => setHelp(true) });

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
          <ConfidencePicker value={confidence} onChange={chooseConfidence} keys={confidenceKeys} />
          <div className="quiz-actions__buttons">
            <button type="submit" className="quiz-button" disabled={missing !== ''}>
              Submit answer
            </button>
            <button type="button" className="quiz-button quiz-button--quiet" onClick={() => setHelp(true)} aria-keyshortcuts="?">
              Keyboard help
            </button>
          </div>
        </form>
      ) : null}
      {!revealed && (
        <p className="quiz-actions__hint" role="status">
          {hint || (missing && selected.length > 0 ? missing : '')}
        </p>
      )}
      {revealed && (
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
