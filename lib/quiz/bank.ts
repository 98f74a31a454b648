/**
 * The question bank boundary: validates bank files and turns them into Questions.
 * Never throws for bad input: every problem comes back with a path.
 */
import { formatPath } from '../scenario/load';
import type { Result } from '../result';
import { BankFileSchema, type BankQuestion } from './schema';
import type { Question } from './types';

/** A problem in a bank file, located by file and path (`questions[3].options`). */
export interface BankIssue {
  file: string;
  path: string;
  message: string;
}

/** Turns a validated bank question into a Question: option ids come from positions (a, b, c…). */
function toQuestion(q: BankQuestion): Question {
  return {
    id: q.id,
    kind: q.kind,
    stem: q.stem,
    exhibits: q.exhibits ?? [],
    options: q.options.map((o, i) => ({ id: String.fromCharCode(97 + i), text: o.text, correct: o.correct === true, explanation: o.explanation })),
    topic: q.topic,
    note: q.note,
    domain: q.domain,
    difficulty: q.difficulty,
    ...(q.proof ? { proof: q.proof } : {}),
    ...(q.source ? { source: q.source } : {}),
    origin: { kind: 'bank' },
  };
}

/**
 * Validates bank files and returns every question, or every problem found.
 * @param files file name → parsed JSON
 * @returns the questions in file order, or the issues (including duplicate ids across files)
 * @example parseBank({ 'mfa.json': json }).ok
 */
export function parseBank(files: Record<string, unknown>): Result<Question[], BankIssue[]> {
  const issues: BankIssue[] = [];
  const questions: Question[] = [];
  const seen = new Map<string, string>();
  for (const [file, json] of Object.entries(files)) {
    const parsed = BankFileSchema.safeParse(json);
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ file, path: formatPath(i.path), message: i.message });
      continue;
    }
    parsed.data.questions.forEach((q, i) => {
      const first = seen.get(q.id);
      if (first) issues.push({ file, path: `questions[${i}].id`, message: `duplicate id "${q.id}" (also in ${first})` });
      seen.set(q.id, file);
      questions.push(toQuestion(q));
    });
  }
  return issues.length ? { ok: false, error: issues } : { ok: true, value: questions };
}
