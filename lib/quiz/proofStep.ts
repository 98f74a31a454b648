/**
 * Which step of a question's proof scenario the simulator opens at ("Run it in the simulator"):
 * the step that proves the answer. Types only, so the quiz page can import it cheaply.
 */
import type { ProofCheck, Question } from './types';

/** A claim that the step fails: an error, a deny, or a check that fails. */
const claimsFailure = (c: ProofCheck) => c.outcome === 'error' || c.code !== undefined || c.decision === 'ExplicitDeny' || c.decision === 'ImplicitDeny' || (c.gate !== undefined && c.gate !== 'none');

/**
 * The step that proves the answer: the one the bank names (`proof.step`); else the first step a
 * correct option's claim is about; else the first step claimed to fail; else the last step checked.
 * @param question a question
 * @returns the step id, or undefined when the question has no proof
 * @example proofStep(bankQuestion) // 'no-external-id'
 */
export function proofStep(question: Pick<Question, 'proof' | 'options'>): string | undefined {
  const proof = question.proof;
  if (!proof) return undefined;
  if (proof.step) return proof.step;
  const correct = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
  return (proof.checks.find((c) => c.option !== undefined && correct.has(c.option)) ?? proof.checks.find(claimsFailure) ?? proof.checks[proof.checks.length - 1])?.step;
}
