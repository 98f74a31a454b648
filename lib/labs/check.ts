/**
 * Checking a lab: build the learner's attempt from the editable parts, run it through the engine,
 * and say which goal lines hold. Pure and synchronous; never throws for user input.
 */
import { simulate } from '../engine';
import { lintScenario } from '../lint/trustLint';
import { formatPath } from '../scenario/load';
import { type StepResult } from '../scenario/run';
import { checkExpect } from '../scenario/run';
import { applyPatch, escapePointer, type PatchOp, readPointer } from '../util/jsonPatch';

export { readPointer };
import { type FindingSeverity, findingSeverities, type GoalLine, type Lab, LabSchema } from './schema';

/** A located problem in a lab file. */
export interface LabIssue {
  path: string;
  message: string;
}

/** Parses a lab file (text or JSON), or lists its problems. */
export function parseLab(input: unknown): { ok: true; lab: Lab } | { ok: false; issues: LabIssue[] } {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { ok: false, issues: [{ path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
    }
  }
  const r = LabSchema.safeParse(data);
  if (!r.success) return { ok: false, issues: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  return { ok: true, lab: r.data };
}

const segments = (pointer: string): string[] => pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** True when `path` is `base` or lies inside it (segment-wise, so /steps/1 is not inside /steps/10). */
export function isInside(path: string, base: string): boolean {
  const p = segments(path);
  const b = segments(base);
  return b.length <= p.length && b.every((s, i) => s === p[i]);
}

/** Whether a patch operation stays within the lab's editable parts. */
export function opIsEditable(lab: Lab, op: PatchOp): boolean {
  return lab.editable.some((e) => isInside(op.path, e.path));
}

/** The learner's attempt: the starting scenario with each editable part replaced by what they wrote. */
export function attemptFrom(lab: Lab, edits: Readonly<Record<string, unknown>>): unknown {
  const ops: PatchOp[] = [];
  for (const e of lab.editable) {
    if (!Object.hasOwn(edits, e.path)) continue;
    const value = edits[e.path];
    const exists = readPointer(lab.scenario, e.path) !== undefined;
    if (value === undefined) {
      if (exists) ops.push({ op: 'remove', path: e.path });
    } else ops.push({ op: exists ? 'replace' : 'add', path: e.path, value });
  }
  return ops.length ? (applyPatch(lab.scenario, ops) ?? lab.scenario) : lab.scenario;
}

/** The editable parts of a scenario, keyed by pointer (what an editor starts from). */
export function editableValues(lab: Lab, scenario: unknown = lab.scenario): Record<string, unknown> {
  return Object.fromEntries(lab.editable.map((e) => [e.path, readPointer(scenario, e.path)]));
}

const MAX_DIFF_NODES = 20_000;

/**
 * How many values differ between two JSON documents: each changed leaf, added or removed member
 * counts once. Iterative and bounded (stops counting at MAX_DIFF_NODES visited nodes).
 */
export function countChanges(a: unknown, b: unknown): number {
  let changes = 0;
  let visited = 0;
  const stack: [unknown, unknown][] = [[a, b]];
  while (stack.length && visited < MAX_DIFF_NODES) {
    const [x, y] = stack.pop()!;
    visited++;
    const xo = x !== null && typeof x === 'object';
    const yo = y !== null && typeof y === 'object';
    if (!xo || !yo || Array.isArray(x) !== Array.isArray(y)) {
      if (!Object.is(x, y)) changes++;
      continue;
    }
    const xr = x as Record<string, unknown>;
    const yr = y as Record<string, unknown>;
    for (const k of Object.keys(xr)) {
      if (!Object.hasOwn(yr, k)) changes++;
      else stack.push([xr[k], yr[k]]);
    }
    for (const k of Object.keys(yr)) if (!Object.hasOwn(xr, k)) changes++;
  }
  return changes;
}

/** The locked parts an attempt changed (pointers), compared with the starting scenario. */
export function lockedChanges(lab: Lab, attempt: unknown): string[] {
  // Put the starting values back into the editable parts; whatever still differs was locked.
  const restore: PatchOp[] = lab.editable.map((e) => {
    const start = readPointer(lab.scenario, e.path);
    const now = readPointer(attempt, e.path);
    if (start === undefined) return now === undefined ? undefined : ({ op: 'remove', path: e.path } as PatchOp);
    return { op: now === undefined ? 'add' : 'replace', path: e.path, value: start } as PatchOp;
  }).filter((o): o is PatchOp => o !== undefined);
  const restored = restore.length ? applyPatch(attempt, restore) : attempt;
  if (restored === undefined) return ['/'];
  const out: string[] = [];
  const stack: [unknown, unknown, string][] = [[lab.scenario, restored, '']];
  let visited = 0;
  while (stack.length && visited < MAX_DIFF_NODES && out.length < 20) {
    const [x, y, path] = stack.pop()!;
    visited++;
    const xo = x !== null && typeof x === 'object';
    const yo = y !== null && typeof y === 'object';
    if (!xo || !yo || Array.isArray(x) !== Array.isArray(y)) {
      if (!Object.is(x, y)) out.push(path || '/');
      continue;
    }
    const keys = new Set([...Object.keys(x as object), ...Object.keys(y as object)]);
    for (const k of keys) stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}/${escapePointer(k)}`]);
  }
  return out;
}

/** A trust-policy finding as a goal sees it (lib/lint produces these). */
export interface GoalFinding {
  severity: FindingSeverity | 'info';
  message: string;
}

/** Options for checking: where trust-policy findings come from (lib/lint by default). */
export interface CheckOptions {
  findings?: (scenario: unknown) => GoalFinding[];
}

/** The trust-policy findings of a scenario, as goal lines see them. */
export function scenarioFindings(scenario: unknown): GoalFinding[] {
  return lintScenario(scenario).map((f) => ({ severity: f.severity, message: `${f.where}: ${f.message}` }));
}

/** One goal line's verdict. */
export interface GoalResult {
  line: GoalLine;
  met: boolean;
  /** Why it is not met (or what was seen), in plain words. */
  detail: string;
}

/** A checked attempt. */
export type LabCheck =
  | { ok: true; met: boolean; goals: GoalResult[]; steps: StepResult[]; changes: number }
  | { ok: false; issues: LabIssue[] };

const atLeast = (s: FindingSeverity | 'info', min: FindingSeverity) => s !== 'info' && findingSeverities.indexOf(s) >= findingSeverities.indexOf(min);

function describeStep(r: StepResult): string {
  if (r.kind === 'clock') return `the clock moved to ${r.at}`;
  if (r.kind === 'request') return `${r.decision}${r.error ? ` (${r.error.code})` : ''}`;
  return r.outcome === 'success' ? 'success' : `${r.error?.code ?? 'error'}`;
}

/**
 * Checks an attempt (a whole scenario) against the lab's goal.
 * @example checkLab(lab, attemptFrom(lab, { '/world/roles/0/trustPolicy': policy }))
 */
export function checkLab(lab: Lab, attempt: unknown, options: CheckOptions = {}): LabCheck {
  const sim = simulate(attempt, { fixes: false });
  if (!sim.ok) return { ok: false, issues: sim.issues };
  const steps = sim.result.steps;
  const changes = countChanges(lab.scenario, attempt);
  const goals = lab.goal.map((line): GoalResult => {
    switch (line.kind) {
      case 'step': {
        const r = steps.find((s) => s.kind !== 'clock' && s.id === line.step);
        if (!r || r.kind === 'clock') return { line, met: false, detail: `no step "${line.step}" in the scenario` };
        const e = checkExpect(line.expect, r);
        return {
          line,
          met: e.met,
          detail: e.met ? `${line.step}: ${describeStep(r)}` : e.mismatches.map((m) => `${line.step}: expected ${m.field} ${JSON.stringify(m.expected)}, got ${m.actual === undefined ? 'nothing' : JSON.stringify(m.actual)}`).join('; '),
        };
      }
      case 'no-findings': {
        const bad = (options.findings ?? scenarioFindings)(attempt).filter((f) => atLeast(f.severity, line.severity));
        return { line, met: bad.length === 0, detail: bad.length ? bad.map((f) => `${f.severity}: ${f.message}`).join('; ') : `no ${line.severity}-severity finding` };
      }
      case 'max-changes':
        return { line, met: changes <= line.max, detail: `${changes} change${changes === 1 ? '' : 's'} from the start (at most ${line.max})` };
    }
  });
  return { ok: true, met: goals.every((g) => g.met), goals, steps, changes };
}

/** A lab's self-check, as `sim lab check` runs it. */
export function verifyLab(lab: Lab, options: CheckOptions & { resolveLearn?: (ref: string) => boolean } = {}): LabIssue[] {
  const issues: LabIssue[] = [];
  const start = checkLab(lab, lab.scenario, options);
  if (!start.ok) for (const i of start.issues) issues.push({ path: `scenario.${i.path}`.replace(/\.$/, ''), message: i.message });
  else if (start.met) issues.push({ path: 'goal', message: 'the starting scenario already meets the goal: there is nothing to solve' });
  lab.editable.forEach((e, i) => {
    // An editable part must exist, or be addable (its parent exists).
    const parent = e.path.replace(/\/[^/]*$/, '');
    const parentExists = parent === '' || readPointer(lab.scenario, parent) !== undefined;
    if (readPointer(lab.scenario, e.path) === undefined && !parentExists) issues.push({ path: `editable[${i}].path`, message: `${e.path} names nothing in the scenario` });
  });
  lab.solution.forEach((op, i) => {
    if (!opIsEditable(lab, op)) issues.push({ path: `solution[${i}].path`, message: `${op.path} is locked: the solution may change only ${lab.editable.map((e) => e.path).join(', ')}` });
  });
  const solved = applyPatch(lab.scenario, lab.solution);
  if (solved === undefined) issues.push({ path: 'solution', message: 'the solution patch does not apply to the scenario' });
  else {
    const locked = lockedChanges(lab, solved);
    if (locked.length) issues.push({ path: 'solution', message: `the solution changes locked parts: ${locked.join(', ')}` });
    const end = checkLab(lab, solved, options);
    if (!end.ok) for (const i of end.issues) issues.push({ path: `solution → scenario.${i.path}`, message: i.message });
    else for (const g of end.goals) if (!g.met) issues.push({ path: 'solution', message: `goal "${g.line.text}" is not met: ${g.detail}` });
  }
  lab.goal.forEach((g, i) => {
    if (g.kind === 'step' && !(lab.scenario.steps as unknown[] | undefined)?.some((s) => !!s && typeof s === 'object' && (s as { id?: unknown }).id === g.step))
      issues.push({ path: `goal[${i}].step`, message: `no step "${g.step}" in the scenario` });
  });
  if (options.resolveLearn) {
    const resolve = options.resolveLearn;
    lab.learn.forEach((ref, i) => {
      if (!resolve(ref)) issues.push({ path: `learn[${i}]`, message: `${ref} is not a note heading` });
    });
    // Links to notes inside the briefing, hints and the success text must resolve too.
    const texts: [string, string][] = [['briefing', lab.briefing], ['learned', lab.learned], ...lab.hints.map((h, i): [string, string] => [`hints[${i}]`, h])];
    for (const [path, text] of texts) {
      for (const m of text.matchAll(/\]\(\/notes\/([a-z0-9-]+)\/?(?:#([a-z0-9-]+))?\)/g)) {
        const ref = `${m[1]}#${m[2] ?? ''}`;
        if (!resolve(ref)) issues.push({ path, message: `the link to /notes/${m[1]}/${m[2] ? `#${m[2]}` : ''} does not resolve` });
      }
    }
  }
  return issues;
}
