/**
 * A lab digest: what a classroom lab slide needs from a lab file (content/labs/<id>.json): the
 * title, idea, goal lines and briefing the room reads, the hints and the solution the presenter
 * reveals one by one. Made at build time and served as static JSON, like the scenario digests.
 */
import { type Lab } from '../labs/schema';

/** The lab digest format tag. */
export const LAB_DIGEST_FORMAT = 'classroom-lab/v1';

/** One solution operation, as the room reads it. */
export interface LabDigestChange {
  /** add, replace or remove. */
  op: string;
  /** The JSON Pointer it changes. */
  path: string;
  /** The new value as compact JSON (none for remove). */
  value?: string;
}

/** A lab as a slide shows it. */
export interface LabDigest {
  format: typeof LAB_DIGEST_FORMAT;
  id: string;
  title: string;
  idea: string;
  /** Markdown, as in the lab file. */
  briefing: string;
  /** The goal lines' text, in order. */
  goal: string[];
  /** Hints, in the order they are revealed. */
  hints: string[];
  /** The reference solution. */
  solution: LabDigestChange[];
  /** What the learner takes away. */
  learned: string;
}

/**
 * Keeps what a slide shows of a lab.
 * @param lab a parsed lab file
 * @returns its digest
 * @example labDigest(lab).hints.length // 3
 */
export function labDigest(lab: Lab): LabDigest {
  return {
    format: LAB_DIGEST_FORMAT,
    id: lab.id,
    title: lab.title,
    idea: lab.idea,
    briefing: lab.briefing,
    goal: lab.goal.map((g) => g.text),
    hints: [...lab.hints],
    solution: lab.solution.map((o) => ({ op: o.op, path: o.path, ...('value' in o && o.value !== undefined ? { value: JSON.stringify(o.value) } : {}) })),
    learned: lab.learned,
  };
}

/** Where the room solves a lab. */
export const labHref = (id: string) => `/labs/${encodeURIComponent(id)}/`;
