/**
 * The quiz's data types. Plain TypeScript (no zod) so that UI code can import them
 * without pulling a validator into the page; lib/quiz/schema.ts validates bank files into them.
 */
import type { Decision, Gate } from '../sts/types';
import type { Difficulty, Domain, Topic } from './topics';

/** What a scenario step must show for a claim to hold. Every given field must match. */
export interface StepClaim {
  /** Call steps: success or error. */
  outcome?: 'success' | 'error';
  /** The exact AWS error code of a failed call or denied request. */
  code?: string;
  /** Request steps: AWS's decision. */
  decision?: Decision;
  /** Session length in seconds (Expiration minus the step's time). */
  durationSeconds?: number;
  /** The issued principal ARN (assumed-role or federated-user ARN, or GetCallerIdentity's Arn). */
  arn?: string;
  /** The SourceIdentity the response carries. */
  sourceIdentity?: string;
  /** The first gate of the trace that failed ("none" when no gate failed). */
  gate?: Gate | 'none';
}

/** One claim about a step of the linked scenario. */
export interface ProofCheck extends StepClaim {
  /** The step id in the linked scenario. */
  step: string;
  /**
   * When set, the claim is what option `option` asserts: it must hold exactly when that option
   * is marked correct. Without it, the claim must always hold (a supporting fact).
   */
  option?: string;
}

/** Links a question to a built-in scenario that proves its answer. */
export interface Proof {
  /** A scenario id from content/scenarios/. */
  scenario: string;
  /**
   * The step the simulator opens at from "Run it in the simulator"; when absent, the first step
   * a correct option's claim is about, else the first step claimed to fail, else the last one checked.
   */
  step?: string;
  /** What the scenario proves; a test runs it and compares. */
  checks: ProofCheck[];
}

/** A policy or parameter exhibit shown with the stem. */
export interface Exhibit {
  /** Caption, e.g. "Trust policy of RoleX". */
  title: string;
  /** A JSON value, shown pretty-printed. */
  json?: unknown;
  /** Plain text shown as is (an AWS CLI command, say). */
  text?: string;
}

/** One answer option. */
export interface QuestionOption {
  /** "a", "b", … (from its position in the bank file). */
  id: string;
  /** The option text (inline `code` and **bold** allowed). */
  text: string;
  /** Whether the option is part of the answer. */
  correct: boolean;
  /** Why it is right or wrong. */
  explanation: string;
}

/** Where a question came from. */
export type QuestionOrigin =
  | { kind: 'bank' }
  | { kind: 'generated'; template: string; seed: number; scenario: unknown };

/** A question, from the bank or generated. */
export interface Question {
  /** Bank id (kebab-case), or `gen:<template>:<seed>` for generated ones. */
  id: string;
  /** Single response (radio) or multiple response (checkboxes). */
  kind: 'single' | 'multiple';
  /** The question text; paragraphs separated by blank lines. */
  stem: string;
  /** Policies or parameters the stem refers to. */
  exhibits: Exhibit[];
  options: QuestionOption[];
  topic: Topic;
  /** Note slug or `slug#heading` (lib/explain/learn.ts), where the rule is taught. */
  note: string;
  domain: Domain;
  difficulty: Difficulty;
  /** A built-in scenario that proves the answer, when the question is about behaviour. */
  proof?: Proof;
  /** The AWS documentation page the answer rests on. */
  source?: string;
  origin: QuestionOrigin;
}

/** A verdict a learner can predict for a step: the outcome and, for errors, the code. */
export type Verdict =
  | { kind: 'success' }
  | { kind: 'error'; code: string }
  | { kind: 'decision'; decision: Decision };
