/**
 * The form's step list: add, remove, move, duplicate and rename steps of a scenario document,
 * keeping the references between steps (`"as": { "session": ID }` and `{ "fromStep": ID, … }`
 * parameter values) pointing where they pointed, and saying which ones a change breaks.
 * Works on plain parsed JSON, valid or not (see ../shared/scenario-format.md, "steps").
 */
import { getAt, setAt } from './knobs';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** The steps array of a document, or an empty one. */
const stepsIn = (doc: unknown): unknown[] => {
  const s = getAt(doc, ['steps']);
  return Array.isArray(s) ? s : [];
};

/** A step's id, when it has a string one. */
export function stepId(step: unknown): string | undefined {
  return isObject(step) && typeof step.id === 'string' ? step.id : undefined;
}

/** One place where a step names another step by id. */
export interface StepReference {
  /** Index of the step that holds the reference. */
  from: number;
  /** Where in that step: `as.session`, or `params.<Name>.fromStep`. */
  where: string;
  /** The id it names. */
  target: string;
}

/** A reference that the file's rules refuse: no step has the id, or only a later one (or the step itself). */
export interface BrokenReference extends StepReference {
  /** `missing`: no step has that id; `later`: the step comes at or after the one that needs it. */
  problem: 'missing' | 'later';
}

/** The references a step makes to other steps. */
function referencesOf(step: unknown, from: number): StepReference[] {
  if (!isObject(step)) return [];
  const out: StepReference[] = [];
  if (isObject(step.as) && typeof step.as.session === 'string') out.push({ from, where: 'as.session', target: step.as.session });
  if (isObject(step.params))
    for (const [name, v] of Object.entries(step.params)) if (isObject(v) && typeof v.fromStep === 'string') out.push({ from, where: `params.${name}.fromStep`, target: v.fromStep });
  return out;
}

/**
 * Every reference in the document that no earlier step satisfies, as the loader will report it
 * (`no earlier step has id "assume"`), so the form can say so next to the step list.
 * @example brokenReferences({ steps: [{ as: { session: 'a' }, call: 'GetCallerIdentity' }] }) // [{ from: 0, where: 'as.session', target: 'a', problem: 'missing' }]
 */
export function brokenReferences(doc: unknown): BrokenReference[] {
  const steps = stepsIn(doc);
  const firstIndex = new Map<string, number>();
  steps.forEach((s, i) => {
    const id = stepId(s);
    if (id !== undefined && !firstIndex.has(id)) firstIndex.set(id, i);
  });
  const out: BrokenReference[] = [];
  steps.forEach((s, i) => {
    for (const r of referencesOf(s, i)) {
      const at = firstIndex.get(r.target);
      if (at === undefined) out.push({ ...r, problem: 'missing' });
      else if (at >= i) out.push({ ...r, problem: 'later' });
    }
  });
  return out;
}

/** The ids in use, for picking new ones. */
function idsIn(doc: unknown): Set<string> {
  const ids = new Set<string>();
  for (const s of stepsIn(doc)) {
    const id = stepId(s);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/**
 * An id not yet used by a step: `base`, else `base-2`, `base-3`, …
 * @example freshStepId({ steps: [{ id: 'assume' }] }, 'assume') // 'assume-2'
 */
export function freshStepId(doc: unknown, base: string): string {
  const ids = idsIn(doc);
  const stem = base.replace(/-\d+$/, '') || 'step';
  if (!ids.has(base) && base) return base;
  for (let n = 2; ; n++) if (!ids.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Returns a copy of the document with `steps` replaced (creating it when absent or not a list). */
function withSteps<T>(doc: T, steps: unknown[]): T {
  return isObject(doc) ? setAt(doc, ['steps'], steps) : doc;
}

/**
 * Inserts a step at `index` (clamped to the list), giving it a fresh id if its id is taken.
 * @returns the new document and where the step landed
 */
export function insertStep<T>(doc: T, index: number, step: unknown): { doc: T; index: number } {
  const steps = [...stepsIn(doc)];
  const at = Math.max(0, Math.min(Number.isInteger(index) ? index : steps.length, steps.length));
  let s = structuredClone(step);
  const id = stepId(s);
  if (id !== undefined && idsIn(doc).has(id)) s = { ...(s as Json), id: freshStepId(doc, id) };
  steps.splice(at, 0, s);
  return { doc: withSteps(doc, steps), index: at };
}

/**
 * Removes the step at `index`. Steps that named it keep their reference (nothing is guessed for
 * them); the result lists those references so the form can say what the deletion broke.
 * @example removeStep(doc, 0).broken // [{ from: 0, where: 'as.session', target: 'assume', problem: 'missing' }]
 */
export function removeStep<T>(doc: T, index: number): { doc: T; broken: BrokenReference[] } {
  const steps = stepsIn(doc);
  if (!Number.isInteger(index) || index < 0 || index >= steps.length) return { doc, broken: [] };
  const before = new Set(brokenReferences(doc).map((b) => `${b.from}:${b.where}`));
  const next = withSteps(doc, steps.filter((_, i) => i !== index));
  // Only the references this deletion broke (indexes after it shift down by one).
  const broken = brokenReferences(next).filter((b) => !before.has(`${b.from >= index ? b.from + 1 : b.from}:${b.where}`));
  return { doc: next, broken };
}

/**
 * Moves the step at `from` to `to` (both clamped). References are by id, so they move with their
 * steps; the result lists references that now point forward (a session used before it exists).
 */
export function moveStep<T>(doc: T, from: number, to: number): { doc: T; index: number; broken: BrokenReference[] } {
  const steps = [...stepsIn(doc)];
  if (!Number.isInteger(from) || from < 0 || from >= steps.length) return { doc, index: from, broken: [] };
  const target = Math.max(0, Math.min(Number.isInteger(to) ? to : from, steps.length - 1));
  if (target === from) return { doc, index: from, broken: [] };
  const [s] = steps.splice(from, 1);
  steps.splice(target, 0, s);
  const next = withSteps(doc, steps);
  const before = new Set(brokenReferences(doc).map((b) => `${b.from}:${b.where}`));
  const broken = brokenReferences(next).filter((b) => !before.has(`${indexBeforeMove(b.from, from, target)}:${b.where}`));
  return { doc: next, index: target, broken };
}

/** Where a step now at `now` was before the move of `from` to `to`. */
function indexBeforeMove(now: number, from: number, to: number): number {
  if (now === to) return from;
  if (from < to && now >= from && now < to) return now + 1;
  if (from > to && now > to && now <= from) return now - 1;
  return now;
}

/**
 * Copies the step at `index` to just after it, with a fresh id (`assume` → `assume-2`). The copy
 * keeps the original's references, which still point at earlier steps.
 */
export function duplicateStep<T>(doc: T, index: number): { doc: T; index: number } {
  const steps = stepsIn(doc);
  if (!Number.isInteger(index) || index < 0 || index >= steps.length) return { doc, index };
  return insertStep(doc, index + 1, steps[index]);
}

/**
 * Renames a step and every reference to it (`as.session`, `fromStep`), so nothing breaks. An empty
 * name removes the id (and leaves references to it, which the form then reports as broken).
 * @returns the new document, or an error when another step already has that id
 */
export function renameStep<T>(doc: T, index: number, name: string): { ok: true; doc: T } | { ok: false; message: string } {
  const steps = stepsIn(doc);
  const step = steps[index];
  if (!isObject(step)) return { ok: false, message: `there is no step ${index + 1}` };
  const old = stepId(step);
  if (name === old) return { ok: true, doc };
  if (name && steps.some((s, i) => i !== index && stepId(s) === name)) return { ok: false, message: `step ${steps.findIndex((s) => stepId(s) === name) + 1} already has the id "${name}"` };
  let next = setAt(doc, ['steps', index, 'id'], name || undefined);
  if (old === undefined || !name) return { ok: true, doc: next };
  stepsIn(next).forEach((s, i) => {
    for (const r of referencesOf(s, i)) {
      if (r.target !== old) continue;
      const path = r.where === 'as.session' ? ['steps', i, 'as', 'session'] : ['steps', i, 'params', r.where.split('.')[1]!, 'fromStep'];
      next = setAt(next, path, name);
    }
  });
  return { ok: true, doc: next };
}

/**
 * A broken reference in words, for the form.
 * @example describeBroken(doc, b) // 'Step 2 signs with the credentials of step "assume", which no longer exists.'
 */
export function describeBroken(doc: unknown, b: BrokenReference): string {
  const what = b.where === 'as.session' ? 'signs with the credentials of' : `takes ${b.where.split('.')[1]} from`;
  const steps = stepsIn(doc);
  const at = steps.findIndex((s) => stepId(s) === b.target);
  const why = b.problem === 'missing' ? 'which no longer exists' : at === b.from ? 'which is itself' : `which now comes later (step ${at + 1})`;
  return `Step ${b.from + 1} ${what} step "${b.target}", ${why}.`;
}
