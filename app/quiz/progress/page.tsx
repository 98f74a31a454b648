import type { Metadata } from 'next';
import { ProgressView } from '@/components/quiz/ProgressView';
import { QuizIntro } from '../QuizIntro';

export const metadata: Metadata = { title: 'Progress · Quiz' };

/** Mastery, history, export, import and reset. */
export default function ProgressPage() {
  return (
    <>
      <QuizIntro title="Your progress">Mastery by topic, weakest first, from your recent answers. Export, import or reset what this browser keeps.</QuizIntro>
      <ProgressView />
    </>
  );
}
