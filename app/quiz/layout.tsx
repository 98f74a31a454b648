import type { ReactNode } from 'react';
import { ProgressNotice } from '@/components/quiz/Notice';
import { ProgressProvider } from '@/components/quiz/ProgressProvider';
import { QuizNav } from '@/components/quiz/QuizNav';
import './quiz.css';
import { SafeIsland } from '@/components/layout/SafeIsland';

/** The quiz section: one progress store for every mode, the modes' navigation, saved-data notices. */
export default function QuizLayout({ children }: { children: ReactNode }) {
  return (
    <ProgressProvider>
      <div className="container quiz">
        <QuizNav />
        <ProgressNotice />
        <SafeIsland what="The quiz" keys={['sts-quiz-progress']}>
          {children}
        </SafeIsland>
      </div>
    </ProgressProvider>
  );
}
