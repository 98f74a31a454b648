'use client';

import { Link } from '@/components/layout/Link';
import { usePathname } from 'next/navigation';

/** The quiz's modes, in order. */
export const quizModes = [
  { href: '/quiz/', label: 'Overview' },
  { href: '/quiz/practice/', label: 'Practice' },
  { href: '/quiz/exam/', label: 'Timed exam' },
  { href: '/quiz/review/', label: 'Review' },
  { href: '/quiz/predict/', label: 'Predict' },
  { href: '/quiz/progress/', label: 'Progress' },
] as const;

/** The quiz's sub-navigation. */
export function QuizNav() {
  const pathname = usePathname() ?? '/quiz/';
  const norm = pathname.endsWith('/') ? pathname : `${pathname}/`;
  return (
    <nav aria-label="Quiz modes" className="quiz-nav">
      <ul>
        {quizModes.map((m) => (
          <li key={m.href}>
            <Link href={m.href} aria-current={norm === m.href ? 'page' : undefined}>
              {m.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
