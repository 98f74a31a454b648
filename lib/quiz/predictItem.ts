/**
 * A predict-then-run item and its grading, without the engine: the UI imports this at first
 * load, while building items (lib/quiz/predict.ts) runs the engine in the lazily loaded chunk.
 */
import type { Gate } from '../sts/types';
import type { Topic } from './topics';
import type { Verdict } from './types';
import { verdictKey, type ActionResult } from './verdict';

type Json = Record<string, unknown>;

/** One earlier step, shown with its (already known) result. */
export interface EarlierStep {
  id: string;
  label: string;
  result: string;
}

/** A step to predict. */
export interface PredictItem {
  /** Progress key (`p:<scenario>:<step>` or `pg:<template>:<seed>`). */
  ref: string;
  /** The scenario's title, shown after the reveal (it can give the answer away). */
  title: string;
  /** The scenario JSON. */
  scenario: Json;
  /** Opens the scenario in the simulator. */
  href: string;
  stepId: string;
  /** The step as written in the scenario file. */
  stepJson: Json;
  /** The engine's result for it. */
  step: ActionResult;
  /** Steps that ran before it. */
  earlier: EarlierStep[];
  /** The parts of the world this step involves. */
  world: Json;
  /** Verdicts offered, in display order. */
  verdicts: Verdict[];
  /** Gates offered, in pipeline order. */
  gates: (Gate | 'none')[];
  /** The engine's verdict. */
  verdict: Verdict;
  /** The first failing gate ("none" on success). */
  gate: Gate | 'none';
  /** Every gate that failed (any of them counts as the deciding check), or ["none"]. */
  acceptedGates: (Gate | 'none')[];
  topic: Topic;
  note: string;
}

/** How a verdict reads in the UI. */
export function verdictLabel(v: Verdict): string {
  if (v.kind === 'success') return 'Succeeds';
  if (v.kind === 'error') return `Fails: ${v.code}`;
  return { Allow: 'Allowed', ExplicitDeny: 'Explicitly denied', ImplicitDeny: 'Implicitly denied' }[v.decision];
}

/** How a prediction scored. */
export interface PredictGrade {
  verdictOk: boolean;
  gateOk: boolean;
  /** Both right. */
  correct: boolean;
}

/**
 * Grades a prediction: the verdict must match exactly; the gate counts when it is any check that failed.
 * @example gradePrediction(item, 'error:AccessDenied', 'trust-policy').correct
 */
export function gradePrediction(item: PredictItem, verdict: string, gate: string): PredictGrade {
  const verdictOk = verdict === verdictKey(item.verdict);
  const gateOk = (item.acceptedGates as string[]).includes(gate);
  return { verdictOk, gateOk, correct: verdictOk && gateOk };
}
