'use client';

import { Link } from '@/components/layout/Link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { displayOptions } from '@/lib/quiz/display';
import { answerExam, deadline, examMinutes, formatClock, goTo, isValidExamMinutes, MAX_EXAM_MINUTES, MIN_EXAM_MINUTES, pickExamRefs, remainingSeconds, startExam, submitExam, toggleFlag, type ExamSession } from '@/lib/quiz/exam';
import { isCorrect, PASS_PERCENT, scoreExam } from '@/lib/quiz/grade';
import type { Topic } from '@/lib/quiz/topics';
import type { Question } from '@/lib/quiz/types';
import { HelpDialog, type KeyHelp } from './HelpDialog';
import { useProgress, useProgressStore } from './ProgressProvider';
import { QuestionCard } from './QuestionCard';
import { AnswerLinks } from './QuestionRunner';
import { QuizLoading } from './QuizLoading';
import { TopicField } from './TopicField';
import { useQuizData } from './useQuizData';
import type { QuizData } from './quizData.chunk';
import { useQuizKeys } from './useQuizKeys';

const examKeys: readonly KeyHelp[] = [
  { keys: '1–5 or A–E', action: 'Choose an answer (toggles it on multiple-response questions)' },
  { keys: 'Enter', action: 'Go to the next question (answers are saved as you choose)' },
  { keys: 'F', action: 'Flag or unflag the question for review' },
  { keys: '?', action: 'Show this help' },
  { keys: 'Esc', action: 'Close this help' },
];

const counts = [5, 10, 20, 30, 65] as const;

/** Timed exam: setup, the exam itself (resumable after a reload), then results and review. */
export function ExamMode() {
  const state = useQuizData();
  const hydrated = useProgress((s) => s.hydrated);
  const exam = useProgress((s) => s.exam);
  // True once the learner has moved from one stage to the next on this page (not on load or
  // reload): then the new stage takes focus, as practice does for each new question.
  const [moved, setMoved] = useState(false);
  const onMove = () => setMoved(true);
  if (state.kind !== 'ready' || !hydrated) return <QuizLoading state={state} />;
  if (!exam) return <ExamSetup data={state.data} onStart={onMove} focusOnMount={moved} />;
  if (exam.submittedAt === undefined) return <ExamRunner data={state.data} exam={exam} focusOnMount={moved} />;
  return <ExamResults data={state.data} exam={exam} onNewExam={onMove} />;
}

function ExamSetup({ data, onStart, focusOnMount }: { data: QuizData; onStart: () => void; focusOnMount: boolean }) {
  const store = useProgressStore();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const [count, setCount] = useState<number>(10);
  // The field's text, as typed: clamped to 1–240 only on blur and on submit, so it can be retyped.
  const [minutesText, setMinutesText] = useState('20');
  const [minutesNote, setMinutesNote] = useState<string | undefined>();
  const [topic, setTopic] = useState<Topic | ''>('');
  const [generated, setGenerated] = useState(true);
  const commitMinutes = (): number => {
    const m = examMinutes(minutesText, count * 2);
    if (String(m) !== minutesText.trim()) {
      setMinutesText(String(m));
      setMinutesNote(minutesText.trim() === '' ? `Set to ${m} minutes, two a question.` : `Set to ${m} minutes: an exam lasts from ${MIN_EXAM_MINUTES} to ${MAX_EXAM_MINUTES} minutes.`);
    }
    return m;
  };
  const start = () => {
    const minutes = commitMinutes();
    const seed = store.getState().takeSeed('exam');
    const refs = pickExamRefs(data.questions, { count, seed, topics: topic ? [topic] : [], generated: generated ? data.templateIds : [] });
    onStart();
    store.getState().setExam(startExam(refs, minutes * 60, Date.now()));
  };
  const available = data.questions.filter((q) => !topic || q.topic === topic).length;
  const minutesInvalid = minutesText.trim() !== '' && !isValidExamMinutes(minutesText);
  const minutesMessage = minutesInvalid ? `Enter a whole number of minutes from ${MIN_EXAM_MINUTES} to ${MAX_EXAM_MINUTES}.` : minutesNote;
  return (
    <form
      className="quiz-panel quiz-setup"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <h2 tabIndex={-1} ref={headingRef}>
        Set up an exam
      </h2>
      <p className="muted">
        Like the real thing: no feedback until you submit, a countdown, and questions you can flag to come back to. AWS
        gives about two minutes a question (65 in 130 minutes for SAA-C03).
      </p>
      <div className="quiz-setup__fields">
        <div className="quiz-field">
          <label htmlFor="exam-count">Questions</label>
          <select
            id="exam-count"
            value={count}
            onChange={(e) => {
              const c = Number(e.currentTarget.value);
              setCount(c);
              setMinutesText(String(c * 2));
              setMinutesNote(undefined);
            }}
          >
            {counts.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="quiz-field">
          <label htmlFor="exam-minutes">Minutes</label>
          <input
            id="exam-minutes"
            type="number"
            inputMode="numeric"
            min={MIN_EXAM_MINUTES}
            max={MAX_EXAM_MINUTES}
            step={1}
            value={minutesText}
            aria-invalid={minutesInvalid || undefined}
            aria-describedby="exam-minutes-message"
            onChange={(e) => {
              setMinutesText(e.currentTarget.value);
              setMinutesNote(undefined);
            }}
            onBlur={commitMinutes}
          />
        </div>
        <TopicField id="exam-topic" value={topic} onChange={setTopic} />
        <label className="quiz-check">
          <input type="checkbox" checked={generated} onChange={(e) => setGenerated(e.currentTarget.checked)} /> Include generated questions (about one in five)
        </label>
      </div>
      <p id="exam-minutes-message" className={`quiz-field__message${minutesInvalid ? ' is-error' : ''}`} aria-live="polite">
        {minutesMessage}
      </p>
      {topic && !generated && available < count && <p className="muted">This topic has {available} bank questions; the exam will have {available}.</p>}
      <button type="submit" className="quiz-button">
        Start the exam
      </button>
    </form>
  );
}

/** Resolves an exam's questions (bank and generated). */
function useExamQuestions(data: QuizData, exam: ExamSession): { ref: string; question: Question }[] {
  return useMemo(() => exam.refs.flatMap((ref) => {
    const question = data.question(ref);
    return question ? [{ ref, question }] : [];
  }), [data, exam.refs]);
}

function finish(store: ReturnType<typeof useProgressStore>, items: { ref: string; question: Question }[], exam: ExamSession, timedOut: boolean) {
  const now = Date.now();
  const done = submitExam(exam, now, timedOut);
  const results = items.map(({ ref, question }) => ({ ref, topic: question.topic, correct: isCorrect(question, exam.answers[ref] ?? []), now }));
  const correct = results.filter((r) => r.correct).length;
  store.getState().finishExam(done, results, { at: now, total: items.length, correct, durationSeconds: Math.round((Math.min(now, deadline(exam)) - exam.startedAt) / 1000) });
}

function ExamRunner({ data, exam, focusOnMount }: { data: QuizData; exam: ExamSession; focusOnMount: boolean }) {
  const store = useProgressStore();
  const items = useExamQuestions(data, exam);
  const [now, setNow] = useState(() => Date.now());
  const [confirming, setConfirming] = useState(false);
  const [help, setHelp] = useState(false);
  const [announce, setAnnounce] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus follows the question on screen once the learner moves (or has just started the exam).
  const moved = useRef(focusOnMount);

  const left = remainingSeconds(exam, now);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (left === 0) finish(store, items, exam, true);
    else if (left === 300 || left === 60) setAnnounce(`${left / 60} minute${left === 60 ? '' : 's'} left.`);
  }, [left, store, items, exam]);
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [exam.current]);

  const current = items[exam.current];
  if (!current) return <p>This exam has no questions.</p>;
  const { ref, question } = current;
  const selected = exam.answers[ref] ?? [];
  const flagged = exam.flagged.includes(ref);
  const answered = items.filter((i) => (exam.answers[i.ref] ?? []).length > 0).length;
  const update = (f: (e: ExamSession) => ExamSession) => store.getState().updateExam(f);
  const go = (i: number) => {
    moved.current = true;
    update((e) => goTo(e, i));
  };
  const choose = (i: number) => {
    const o = displayOptions(question)[i];
    if (!o) return;
    const next = question.kind === 'single' ? [o.id] : selected.includes(o.id) ? selected.filter((x) => x !== o.id) : [...selected, o.id];
    update((e) => answerExam(e, ref, next));
  };
  const flag = () => {
    update((e) => toggleFlag(e, ref));
    setAnnounce(flagged ? `Question ${exam.current + 1} unflagged.` : `Question ${exam.current + 1} flagged for review.`);
  };
  useQuizKeys({ digit: choose, letter: (i) => i < 5 && choose(i), enter: () => exam.current < items.length - 1 && go(exam.current + 1), flag, help: () => setHelp(true) }, !confirming);

  return (
    <div className="quiz-exam">
      <div className="quiz-exam__bar">
        <p className="quiz-exam__progress">
          {answered} of {items.length} answered
          {exam.flagged.length > 0 && `, ${exam.flagged.length} flagged`}
        </p>
        <p className={`quiz-timer${left <= 60 ? ' quiz-timer--low' : ''}`} role="timer" aria-label="Time left">
          <span className="visually-hidden">Time left: </span>
          {formatClock(left)}
        </p>
      </div>
      <QuestionCard question={question} label={`Question ${exam.current + 1} of ${items.length}`} selected={selected} onChange={(ids) => update((e) => answerExam(e, ref, ids))} headingRef={headingRef} showMeta={false} />
      <div className="quiz-actions__buttons quiz-exam__nav">
        <button type="button" className="quiz-button quiz-button--secondary" onClick={() => go(exam.current - 1)} disabled={exam.current === 0}>
          Previous
        </button>
        <button type="button" className="quiz-button quiz-button--secondary" aria-pressed={flagged} onClick={flag} aria-keyshortcuts="F">
          {flagged ? 'Flagged for review' : 'Flag for review'}
        </button>
        {exam.current < items.length - 1 ? (
          <button type="button" className="quiz-button" onClick={() => go(exam.current + 1)}>
            Next
          </button>
        ) : (
          <button type="button" className="quiz-button" onClick={() => setConfirming(true)}>
            Review and submit
          </button>
        )}
        <button type="button" className="quiz-button quiz-button--quiet" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Keyboard help
        </button>
      </div>
      <nav className="quiz-grid" aria-label="Exam questions">
        <ol>
          {items.map((it, i) => {
            const a = (exam.answers[it.ref] ?? []).length > 0;
            const f = exam.flagged.includes(it.ref);
            return (
              <li key={it.ref}>
                <button
                  type="button"
                  className={`quiz-grid__item${a ? ' is-answered' : ''}${f ? ' is-flagged' : ''}`}
                  aria-current={i === exam.current ? 'step' : undefined}
                  aria-label={`Question ${i + 1}${a ? ', answered' : ', not answered'}${f ? ', flagged' : ''}`}
                  onClick={() => go(i)}
                >
                  {i + 1}
                  {f && <span aria-hidden="true">⚑</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {confirming ? (
        <div className="quiz-panel quiz-confirm" role="alertdialog" aria-labelledby="quiz-submit-title" aria-describedby="quiz-submit-desc">
          <h2 id="quiz-submit-title">Submit the exam?</h2>
          <p id="quiz-submit-desc">
            {items.length - answered > 0 ? `${items.length - answered} question${items.length - answered === 1 ? ' is' : 's are'} not answered. ` : 'Every question is answered. '}
            {exam.flagged.length > 0 ? `${exam.flagged.length} flagged for review. ` : ''}You cannot change answers afterwards.
          </p>
          <div className="quiz-actions__buttons">
            <button type="button" className="quiz-button" autoFocus onClick={() => finish(store, items, exam, false)}>
              Submit the exam
            </button>
            <button type="button" className="quiz-button quiz-button--secondary" onClick={() => setConfirming(false)}>
              Keep working
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button type="button" className="quiz-button quiz-button--quiet" onClick={() => setConfirming(true)}>
            Submit the exam now
          </button>
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <HelpDialog open={help} onClose={() => setHelp(false)} keys={examKeys} />
    </div>
  );
}

type ReviewFilter = 'all' | 'wrong' | 'flagged';

function ExamResults({ data, exam, onNewExam }: { data: QuizData; exam: ExamSession; onNewExam: () => void }) {
  const store = useProgressStore();
  const items = useExamQuestions(data, exam);
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const score = scoreExam(items.map(({ ref, question }) => ({ question, selected: exam.answers[ref] ?? [] })));
  const shown = items
    .map((it, i) => ({ ...it, index: i, ok: isCorrect(it.question, exam.answers[it.ref] ?? []) }))
    .filter((it) => filter === 'all' || (filter === 'wrong' ? !it.ok : exam.flagged.includes(it.ref)));
  return (
    <div className="quiz-results">
      <section className="quiz-panel" aria-labelledby="quiz-score">
        <h2 id="quiz-score" tabIndex={-1} ref={headingRef}>
          Your score: {score.percent}%
        </h2>
        <p className={`quiz-score__verdict ${score.passed ? 'is-pass' : 'is-fail'}`}>
          {score.correct} of {score.total} correct: {score.passed ? 'at or above' : 'below'} the {PASS_PERCENT}% practice pass mark.
          {exam.timedOut ? ' The time ran out, so the exam was submitted automatically.' : ''}
        </p>
        <table className="quiz-table">
          <caption>Score by topic, weakest first</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Correct</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {score.byTopic.map((t) => (
              <tr key={t.topic}>
                <th scope="row">{t.label}</th>
                <td>
                  {t.correct} / {t.total}
                </td>
                <td>{t.percent}%</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Missed questions are now review cards: <Link href="/quiz/review/">review them when they are due</Link>.
        </p>
        <div className="quiz-actions__buttons">
          <button
            type="button"
            className="quiz-button"
            onClick={() => {
              onNewExam();
              store.getState().setExam(null);
            }}
          >
            Start a new exam
          </button>
        </div>
      </section>
      <section aria-labelledby="quiz-review-title">
        <h2 id="quiz-review-title">Review your answers</h2>
        <fieldset className="quiz-segmented">
          <legend className="visually-hidden">Show</legend>
          {(
            [
              ['all', `All (${items.length})`],
              ['wrong', `Incorrect only (${items.length - score.correct})`],
              ['flagged', `Flagged (${exam.flagged.length})`],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="quiz-chip">
              <input type="radio" name="quiz-review-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        {shown.length === 0 && <p>Nothing to show here.</p>}
        {shown.map((it) => (
          <div key={it.ref} className="quiz-review-item">
            <QuestionCard
              question={it.question}
              label={`Question ${it.index + 1}: ${it.ok ? 'correct' : (exam.answers[it.ref] ?? []).length ? 'incorrect' : 'not answered'}${exam.flagged.includes(it.ref) ? ' (flagged)' : ''}`}
              selected={exam.answers[it.ref] ?? []}
              onChange={() => undefined}
              reveal
            />
            <AnswerLinks runHref={data.runHref(it.question)} note={it.question.note} source={it.question.source} />
          </div>
        ))}
      </section>
    </div>
  );
}

