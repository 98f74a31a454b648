import type { QuizDataState } from './useQuizData';

/** The placeholder while the question bank and the engine load (or the error if they fail). */
export function QuizLoading({ state }: { state: QuizDataState }) {
  if (state.kind === 'error') {
    return (
      <div className="quiz-notice quiz-notice--recovered" role="alert">
        <p>The quiz could not load: {state.message}</p>
      </div>
    );
  }
  return (
    <div className="quiz-loading" aria-busy="true">
      <p>Loading questions…</p>
    </div>
  );
}
