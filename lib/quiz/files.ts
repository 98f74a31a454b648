/**
 * The quiz's content, indexed at build time from content/questions and content/scenarios
 * (lib/content/quizFiles.ts reads the folders; app/quiz/data.json/route.ts writes the index as a
 * static file the quiz fetches). Adding a file to either folder needs no code change.
 */

/** Where the static index is served. */
export const quizFilesPath = '/quiz/data.json';

/** The quiz's raw content, to validate with parseBank and predictableSteps. */
export interface QuizFiles {
  /** Question bank: file name (`assume-role.json`) → parsed JSON, sorted by file name. */
  bank: Readonly<Record<string, unknown>>;
  /** Built-in scenarios that predict-then-run draws steps from: id → parsed JSON, sorted by id. */
  scenarios: Readonly<Record<string, unknown>>;
}
