import type { Metadata } from 'next';
import { ProgressView } from '@/components/quiz/ProgressView';
import { QuizIntro } from '../QuizIntro';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Progress · Quiz' };

/** Mastery, history, export, import and reset. */
export default function ProgressPage() {
  return (
    <>
      <QuizIntro title="Your progress">Mastery by topic, weakest first, from your recent answers. Export, import or reset what this browser keeps.</QuizIntro>
      <NeedsJavaScript what="Your progress" hide=".quiz-loading,[aria-busy=true]" />
      <ProgressView />
    </>
  );
}
