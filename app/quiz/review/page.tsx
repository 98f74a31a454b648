import type { Metadata } from 'next';
import { ReviewMode } from '@/components/quiz/ReviewMode';
import { QuizIntro } from '../QuizIntro';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Review · Quiz' };

/** Review of due cards. */
export default function ReviewPage() {
  return (
    <>
      <QuizIntro title="Review">Cards come back on a spaced-repetition schedule: a miss brings one back soon, a confident right answer pushes it further out.</QuizIntro>
      <NeedsJavaScript what="Review" hide=".quiz-loading,[aria-busy=true]" />
      <ReviewMode />
    </>
  );
}
