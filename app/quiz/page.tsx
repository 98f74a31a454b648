import type { Metadata } from 'next';
import { QuizHub } from '@/components/quiz/QuizHub';
import { QuizIntro } from './QuizIntro';

export const metadata: Metadata = { title: 'Quiz', description: 'Exam-style STS practice for AWS Solutions Architect Associate and Security Specialty, with answers you can prove in the simulator.' };

/** The quiz overview. */
export default function QuizPage() {
  return (
    <>
      <QuizIntro title="Quiz: practise STS the way the exams ask">
        Exam-style questions for AWS Solutions Architect Associate and Security Specialty candidates. Every behaviour question links to a
        scenario that proves its answer in the simulator.
      </QuizIntro>
      <QuizHub />
    </>
  );
}
