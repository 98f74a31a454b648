import type { Metadata } from 'next';
import { ExamMode } from '@/components/quiz/ExamMode';
import { QuizIntro } from '../QuizIntro';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Timed exam · Quiz' };

/** Timed exam mode. */
export default function ExamPage() {
  return (
    <>
      <QuizIntro title="Timed exam">No feedback until you submit. Flag questions to come back to; your exam is saved as you go.</QuizIntro>
      <NeedsJavaScript what="The timed exam" hide=".quiz-loading,[aria-busy=true]" />
      <ExamMode />
    </>
  );
}
