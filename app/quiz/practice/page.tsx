import type { Metadata } from 'next';
import { PracticeMode } from '@/components/quiz/PracticeMode';
import { QuizIntro } from '../QuizIntro';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Practice · Quiz' };

/** Practice mode. */
export default function PracticePage() {
  return (
    <>
      <QuizIntro title="Practice">Answer, say how sure you are, and read why each option is right or wrong. Press ? for keyboard shortcuts.</QuizIntro>
      <NeedsJavaScript what="Practice" hide=".quiz-loading,[aria-busy=true]" />
      <PracticeMode />
    </>
  );
}
