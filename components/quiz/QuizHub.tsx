'use client';

import { Link } from '@/components/layout/Link';
import { dueRefs } from '@/lib/quiz/schedule';
import { useProgress } from './ProgressProvider';
import { MasteryTable } from './ProgressView';

const modes = [
  { href: '/quiz/practice/', title: 'Practice', body: 'One question at a time with instant feedback, an explanation for every option, and a link that proves the answer in the simulator. Mixes the question bank with freshly generated scenarios, so it never runs out.' },
  { href: '/quiz/exam/', title: 'Timed exam', body: 'Pick the number of questions and the time. A countdown, flags for review, no feedback until you submit; then your score by topic and a review of every answer. An exam in progress survives a reload.' },
  { href: '/quiz/review/', title: 'Review', body: 'Spaced repetition (FSRS): questions you missed or guessed come back when you are about to forget them. How sure you said you were counts in the schedule.' },
  { href: '/quiz/predict/', title: 'Predict, then run', body: 'See one step of a scenario, commit to its outcome and the check that decides it, then watch the engine’s trace.' },
] as const;

/** The quiz's overview: modes, what is due, and the weakest topics. */
export function QuizHub() {
  const hydrated = useProgress((s) => s.hydrated);
  const cards = useProgress((s) => s.cards);
  const exam = useProgress((s) => s.exam);
  const due = hydrated ? dueRefs(cards, Date.now()).length : 0;
  return (
    <>
      {hydrated && exam && exam.submittedAt === undefined && (
        <p className="quiz-notice quiz-notice--migrated">
          You have an exam in progress. <Link href="/quiz/exam/">Resume the exam</Link>
        </p>
      )}
      <ul className="cards quiz-modes">
        {modes.map((m) => (
          <li key={m.href} className="card card--link">
            <h2>
              <Link href={m.href}>{m.title}</Link>
            </h2>
            <p>{m.body}</p>
            {m.href === '/quiz/review/' && hydrated && (
              <p className="quiz-due">
                <strong>{due}</strong> card{due === 1 ? '' : 's'} due now
              </p>
            )}
          </li>
        ))}
      </ul>
      <section aria-labelledby="quiz-weak-title" className="quiz-panel">
        <h2 id="quiz-weak-title">Where to focus</h2>
        {hydrated ? <MasteryTable limit={5} /> : <p aria-busy="true">Loading your progress…</p>}
        <p>
          <Link href="/quiz/progress/">All topics, exam history, export and reset</Link>
        </p>
      </section>
    </>
  );
}
