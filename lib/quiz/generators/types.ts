/** The shapes shared by the question templates and the runner (lib/quiz/generate.ts). */
import type { Rng } from '../rng';
import type { Difficulty, Domain, Topic } from '../topics';
import type { Exhibit, Question } from '../types';
import type { ActionResult } from '../verdict';

/** A scenario file as plain JSON. */
export type Json = Record<string, unknown>;
/** One answer a template offers; the engine's result decides which one is right. */
export interface Choice {
  /** Stable key, e.g. `success-3600` or `error-AccessDenied-trust`. */
  key: string;
  /** Option text. */
  text: string;
  /** Whether the engine's result for the asked step is this answer. */
  matches: (step: ActionResult) => boolean;
  /** When this answer would be right ("the trust policy did not name the caller"). */
  when: string;
}

/** What a template builds from a seed. */
export interface Built {
  scenario: Json;
  stem: string;
  exhibits: Exhibit[];
  choices: Choice[];
  /** The key of the choice the template's own rules predict (checked against the engine in tests). */
  expected: string;
  /** The rule the question teaches, in a sentence or two. */
  rule: string;
}

/** A question template. */
export interface Template {
  id: string;
  /** What the template varies, for the UI. */
  title: string;
  topic: Topic;
  note: string;
  domain: Domain;
  difficulty: Difficulty;
  build(rng: Rng): Built;
}

/** A generated question with the scenario behind it. */
export interface Generated {
  question: Question;
  scenario: Json;
  /** The step the question asks about. */
  stepId: string;
  /** The engine's result for that step. */
  step: ActionResult;
  /** The choice key the template's rules predicted. */
  expected: string;
  /** The choice key the engine's result matched (undefined if none did: a template bug). */
  actual: string | undefined;
  /** Opens the scenario in the simulator. */
  href: string;
}
