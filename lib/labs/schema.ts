/**
 * zod schema for lab files (`sts-lab/v1`, docs/lab-format.md): a starting scenario, the parts a learner may
 * change, a goal the engine checks, hints, and a reference solution. Every object is strict.
 */
import { z } from 'zod';
import { StepExpectSchema } from '../scenario/schema';

/** The four learning tracks, in the order they are taught. */
export const labTracks = ['basics', 'cross-account', 'federation', 'guardrails'] as const;
/** A track id. */
export type LabTrack = (typeof labTracks)[number];

/** Trust-policy finding severities a goal can rule out (lib/lint). */
export const findingSeverities = ['low', 'medium', 'high'] as const;
/** A finding severity. */
export type FindingSeverity = (typeof findingSeverities)[number];

const pointer = z.string().regex(/^(\/[^/]*)+$/, 'expected a JSON Pointer such as /world/roles/0/trustPolicy');
const learnRef = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'expected a note section such as trust-policies#conditions');

const PatchOpSchema = z.strictObject({
  op: z.enum(['add', 'replace', 'remove']),
  path: pointer,
  value: z.unknown().optional(),
});

const EditableSchema = z.strictObject({
  /** Where in the scenario the learner may edit (a JSON Pointer); everything else is locked. */
  path: pointer,
  /** What the editor is called on the page: "RoleX trust policy". */
  label: z.string().min(1).max(80),
});

const StepGoalSchema = z.strictObject({
  kind: z.literal('step'),
  /** The goal line in plain words: "Alice gets a two-hour session". */
  text: z.string().min(1),
  /** The scenario step (its id) the line checks. */
  step: z.string().min(1),
  /** What that step's result must show, as in a scenario's `expect`. */
  expect: StepExpectSchema,
});
const FindingsGoalSchema = z.strictObject({
  kind: z.literal('no-findings'),
  text: z.string().min(1),
  /** No trust-policy finding of this severity or above may remain. */
  severity: z.enum(findingSeverities),
});
const ChangesGoalSchema = z.strictObject({
  kind: z.literal('max-changes'),
  text: z.string().min(1),
  /** At most this many values may differ from the starting scenario. */
  max: z.number().int().min(1).max(50),
});

/** One machine-checked line of a lab's goal. */
export const GoalLineSchema = z.discriminatedUnion('kind', [StepGoalSchema, FindingsGoalSchema, ChangesGoalSchema]);

/** A lab file. */
export const LabSchema = z.strictObject({
  format: z.literal('sts-lab/v1', { error: 'expected "sts-lab/v1"' }),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
  track: z.enum(labTracks),
  /** Position in its track, from 1. */
  order: z.number().int().min(1).max(99),
  title: z.string().min(1).max(100),
  /** The one idea the lab teaches, in a sentence. */
  idea: z.string().min(1).max(300),
  /** The situation, in Markdown. */
  briefing: z.string().min(1).max(4000),
  /** The starting scenario (`sts-scenario/v1`); validated by the scenario loader. */
  scenario: z.record(z.string(), z.unknown()),
  editable: z.array(EditableSchema).min(1).max(5),
  goal: z.array(GoalLineSchema).min(1).max(10),
  /** Progressive hints; the last one is nearly the answer. */
  hints: z.array(z.string().min(1).max(1000)).min(2).max(5),
  /** A reference solution: a JSON Patch against `scenario`, touching only editable parts. */
  solution: z.array(PatchOpSchema).min(1).max(20),
  /** What the learner takes away, shown on success. */
  learned: z.string().min(1).max(1000),
  /** The note sections the lab draws on (`slug#heading`). */
  learn: z.array(learnRef).min(1).max(6),
});

/** A parsed lab file. */
export type Lab = z.infer<typeof LabSchema>;
/** A goal line. */
export type GoalLine = z.infer<typeof GoalLineSchema>;
