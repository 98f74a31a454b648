import type { Metadata } from 'next';
import { ExamMode } from '@/components/quiz/ExamMode';
import { QuizIntro } from '../QuizIntro';

export const metadata: Metadata = { title: 'Timed exam · Quiz' };

/** Timed exam mode. */
export default function ExamPage() {
  return (
    <>
      <QuizIntro title="Timed exam">No feedback until you submit. Flag questions to come back to; your exam is saved as you go.</QuizIntro>
      <ExamMode />
    </>
  );
}
