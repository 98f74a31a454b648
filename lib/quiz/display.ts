/**
 * Display order of a question's options. Bank files often list the right answer first, so
 * bank questions are shown in a shuffled order that is fixed per question (seeded by its id):
 * stable across reloads and exams, and the same for everyone. Generated questions are already
 * shuffled by their seed. Option ids stay the authored letters; only the on-screen keys change.
 */
import { createRng } from './rng';
import type { Question, QuestionOption } from './types';

/** FNV-1a hash of a string (32-bit). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The options in the order to show them.
 * @example displayOptions(q).map((o) => o.id) // ['c', 'a', 'd', 'b']
 */
export function displayOptions(question: Question): QuestionOption[] {
  if (question.origin.kind === 'generated') return question.options;
  return createRng(hash(question.id)).shuffle(question.options);
}

/** The on-screen keys (A, B, …) of the correct options, in display order. */
export function answerKeys(question: Question): string[] {
  return displayOptions(question).flatMap((o, i) => (o.correct ? [String.fromCharCode(65 + i)] : []));
}
