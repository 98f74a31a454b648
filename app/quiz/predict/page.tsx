import type { Metadata } from 'next';
import { PredictMode } from '@/components/quiz/PredictMode';
import { QuizIntro } from '../QuizIntro';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = { title: 'Predict, then run · Quiz' };

/** Predict-then-run mode. */
export default function PredictPage() {
  return (
    <>
      <QuizIntro title="Predict, then run">Read the step, commit to what STS will do and which check decides it, then see the engine’s trace.</QuizIntro>
      <NeedsJavaScript what="Predict, then run" hide=".quiz-loading,[aria-busy=true]" />
      <PredictMode />
    </>
  );
}
