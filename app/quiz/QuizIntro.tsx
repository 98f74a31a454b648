import type { ReactNode } from 'react';

/** A quiz page's heading and one-paragraph introduction. */
export function QuizIntro({ title, children }: { title: string; children: ReactNode }) {
  return (
    <header className="quiz-intro">
      <p className="eyebrow">Quiz</p>
      <h1>{title}</h1>
      <p className="lede">{children}</p>
    </header>
  );
}
