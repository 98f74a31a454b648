/**
 * Checks a question's answer key against the engine: runs the linked scenario and tests
 * every claim. A claim tied to an option must hold exactly when that option is correct.
 */
import { simulate } from '../engine';
import { checkExpect } from '../scenario/run';
import type { Question, StepClaim } from './types';
import { decidingGate, isAction, type ActionResult } from './verdict';

/** Trace codes that are flagged uncertain in the engine but rest on a confirmed fact. */
export const confirmedDespiteFlag: Readonly<Record<string, string>> = {
  // F-4.5: GetSessionToken credentials obtained with MFA satisfy MFA conditions on a later
  // AssumeRole. The engine flags all MFA carry-over as uncertain because of role sessions (U-2).
  'mfa.carried': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html',
};

/**
 * Runs the question's linked scenario and lists every disagreement with its answer key.
 * @param question a question with a proof
 * @param scenario the linked scenario file's JSON
 * @returns problems in plain words ([] when the engine agrees)
 */
export function proofProblems(question: Question, scenario: unknown): string[] {
  const proof = question.proof;
  if (!proof) return [];
  const sim = simulate(scenario, { fixes: false });
  if (!sim.ok) return sim.issues.map((i) => `scenario ${proof.scenario} is invalid: ${i.path}: ${i.message}`);
  const steps = new Map<string, ActionResult>();
  for (const s of sim.result.steps) if (isAction(s) && s.id) steps.set(s.id, s);
  const problems: string[] = [];
  if (proof.step !== undefined && !steps.has(proof.step)) problems.push(`proof.step "${proof.step}" is not a call or request step of scenario ${proof.scenario}`);
  for (const check of proof.checks) {
    const step = steps.get(check.step);
    if (!step) {
      problems.push(`step "${check.step}" is not in scenario ${proof.scenario}`);
      continue;
    }
    const { step: _s, option, ...claim } = check;
    const mismatches = claimMismatches(step, claim);
    const uncertain = step.trace.filter((t) => t.uncertain && !(t.code in confirmedDespiteFlag));
    if (uncertain.length) problems.push(`step "${check.step}" rests on behaviour the engine marks uncertain: ${uncertain.map((t) => t.code).join(', ')}`);
    if (option === undefined) {
      if (mismatches.length) problems.push(`step "${check.step}": ${mismatches.join('; ')}`);
      continue;
    }
    const marked = question.options.find((o) => o.id === option)?.correct === true;
    if (marked && mismatches.length) problems.push(`option ${option} is marked correct, but step "${check.step}" disagrees: ${mismatches.join('; ')}`);
    if (!marked && !mismatches.length) problems.push(`option ${option} is marked wrong, but step "${check.step}" shows exactly what it claims`);
  }
  return problems;
}

/**
 * What does not match between a step and a claim about it ([] when the claim holds).
 * @example claimMismatches(step, { outcome: 'error', code: 'AccessDenied', gate: 'trust-policy' })
 */
export function claimMismatches(step: ActionResult, claim: StepClaim): string[] {
  const { gate, ...expect } = claim;
  const out = checkExpect(expect, step).mismatches.map((m) => `${m.field}: expected ${JSON.stringify(m.expected)}, engine gives ${JSON.stringify(m.actual)}`);
  if (gate !== undefined && decidingGate(step) !== gate) out.push(`gate: expected ${JSON.stringify(gate)}, engine gives ${JSON.stringify(decidingGate(step))}`);
  return out;
}
