/**
 * Reading a simulated step the way a quiz does: its verdict (success, error code or
 * decision) and the gate that decided it. Types only from the engine, so the UI can import it.
 */
import type { CallResult, RequestResult, StepResult } from '../scenario/run';
import type { Gate, TraceEntry } from '../sts/types';
import type { Verdict } from './types';

/** A call or request step's result (clock steps carry nothing to predict). */
export type ActionResult = CallResult | RequestResult;

/** True for call and request results. */
export function isAction(step: StepResult): step is ActionResult {
  return step.kind === 'call' || step.kind === 'request';
}

/**
 * The gate that decided a step: the first trace entry that failed, or "none" when every check passed.
 * @example decidingGate(result.steps[0]) // 'external-id'
 */
export function decidingGate(step: ActionResult): Gate | 'none' {
  return step.trace.find((t) => t.result === 'fail')?.gate ?? 'none';
}

/** The first failing trace entry, if any. */
export function decidingEntry(step: ActionResult): TraceEntry | undefined {
  return step.trace.find((t) => t.result === 'fail');
}

/** The step's verdict: for calls success or the error code, for requests the decision. */
export function verdictOf(step: ActionResult): Verdict {
  if (step.kind === 'request') return { kind: 'decision', decision: step.decision };
  return step.outcome === 'success' ? { kind: 'success' } : { kind: 'error', code: step.error?.code ?? 'UnknownError' };
}

/** A stable string for a verdict (`success`, `error:AccessDenied`, `decision:Allow`). */
export function verdictKey(v: Verdict): string {
  return v.kind === 'success' ? 'success' : v.kind === 'error' ? `error:${v.code}` : `decision:${v.decision}`;
}

/** The session length a successful call issued, in seconds. */
export function durationOf(step: ActionResult): number | undefined {
  if (step.kind !== 'call' || step.outcome !== 'success') return undefined;
  const exp = (step.response?.Credentials as Record<string, string> | undefined)?.Expiration;
  if (!exp) return undefined;
  return Math.round((Date.parse(exp) - Date.parse(step.at)) / 1000);
}
