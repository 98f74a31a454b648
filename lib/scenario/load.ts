/**
 * The boundary: turns a scenario file's text (or parsed JSON) into a validated Scenario
 * and its World, or a list of located problems. Never throws for user input.
 */
import { type z } from 'zod';
import { lineColumnOf, syntaxErrorAt } from '../util/jsonLocate';
import { DEFAULT_START, isoSeconds, MAX_INSTANT, parseInstant } from '../util/time';
import { caps } from './caps';
import { buildWorld, type ScenarioIssue } from './buildWorld';
import { type World } from '../world/world';
import { callParams, ParamSchemas, ScenarioSchema, type Scenario, type Step } from './schema';
import { closest } from '../util/suggest';

/** A loaded scenario, or every problem found. */
export type LoadResult = { ok: true; scenario: Scenario; world: World } | { ok: false; issues: ScenarioIssue[] };

/** Formats a zod path as `steps[3].params.DurationSeconds`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Every field name the format knows, for "did you mean" on a typo (`RoleArm` → `RoleArn`). */
const knownFields = [
  ...Object.keys(ParamSchemas),
  ...['format', 'id', 'title', 'summary', 'tags', 'start', 'region', 'world', 'steps'],
  ...['accounts', 'organizations', 'users', 'roles', 'managedPolicies', 'samlProviders', 'oidcProviders', 'resources'],
  ...['arn', 'alias', 'accessKeys', 'policies', 'managedPolicyArns', 'boundary', 'mfaDevices', 'trustPolicy', 'maxSessionDuration', 'clientIds', 'issuer', 'url', 'reachable', 'policy', 'account', 'document', 'targets', 'management', 'scps'],
  ...['as', 'call', 'params', 'context', 'expect', 'request', 'action', 'resource', 'advance', 'advanceTo', 'user', 'session', 'root', 'mfaAgeSeconds', 'fromStep', 'path'],
  ...['outcome', 'code', 'durationSeconds', 'expiration', 'assumedRoleId', 'sourceIdentity', 'decision', 'claims', 'recipient', 'nameId', 'nameIdFormat', 'issueInstant', 'notOnOrAfter', 'sessionNotOnOrAfter', 'attributes', 'signature'],
];

function zodIssues(error: z.ZodError): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const i of error.issues) {
    const path = formatPath(i.path);
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) {
        const near = closest(k, knownFields);
        out.push({ path: path ? `${path}.${k}` : k, message: `unknown field "${k}"${near ? `: did you mean "${near}"?` : ''}` });
      }
      continue;
    }
    let message = i.message;
    if (i.code === 'invalid_type' && /received undefined/.test(message)) message = 'required';
    if (i.code === 'invalid_union' && 'errors' in i && /^Invalid input/.test(i.message)) {
      // Surface the most specific branch's problem instead of "Invalid input"; the last branch is the plain value.
      const branches = (i as unknown as { errors: z.core.$ZodIssue[][] }).errors.filter((b) => b.length > 0);
      const custom = [...branches].reverse().find((b) => b[0] && !/^Invalid input/.test(b[0].message))?.[0];
      if (custom) {
        const innerPath = formatPath(custom.path);
        out.push({ path: innerPath ? (path ? `${path}.${innerPath}`.replace('.[', '[') : innerPath) : path, message: custom.message });
        continue;
      }
      const expected = branches.map((b) => /expected (\w+)/.exec(b[0]?.message ?? '')?.[1]).filter(Boolean);
      const received = /received (\w+)/.exec(branches[0]?.[0]?.message ?? '')?.[1];
      // Parameters also accept { fromStep, path }; name only the plain type unless that is all there is.
      const plain = expected.length > 1 ? expected.filter((e) => e !== 'object') : expected;
      if (plain.length) message = `expected ${[...new Set(plain)].join(' or ')}${received ? `, received ${received}` : ''}`;
    }
    out.push({ path, message });
  }
  return out;
}

/** A JSON syntax error located by line and column (browsers word JSON.parse errors differently, so we find the spot ourselves). */
function jsonError(text: string, e: unknown): ScenarioIssue {
  const raw = (e instanceof Error ? e.message : String(e)).replace(/^JSON\.parse: /, '');
  let at = syntaxErrorAt(text) ?? (/position (\d+)/.exec(raw) ? Number(/position (\d+)/.exec(raw)![1]) : undefined);
  // We give the line and column ourselves; drop the engine's own "at position N (line L column C)".
  const msg = raw.replace(/\s*(?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/\s*at line \d+ column \d+ of the JSON data$/, '');
  if (at === undefined) return { path: '', message: `not valid JSON: ${msg}` };
  // A missing comma is noticed at the next token, often on the next line: point just after the value that needs it.
  if (/^Expected ',' or /.test(msg)) while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  const { line, column } = lineColumnOf(text, at);
  return { path: '', message: `not valid JSON at line ${line}, column ${column}: ${msg}` };
}

/**
 * Parses and validates a scenario.
 * @param input the file's text, or an already-parsed JSON value
 * @returns the scenario and its world, or every located problem
 * @example loadScenario(fs.readFileSync('s.json', 'utf8'))
 */
export function loadScenario(input: unknown): LoadResult {
  let data = input;
  if (typeof input === 'string') {
    // RFC 8259 §8.1: a parser may ignore a leading byte order mark; editors on Windows write one.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    if (text.length > caps.fileChars) return { ok: false, issues: [{ path: '', message: `the file has ${text.length} characters; a scenario may have at most ${caps.fileChars} (1 MiB)` }] };
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { ok: false, issues: [jsonError(text, e)] };
    }
  }
  const parsed = ScenarioSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const scenario = parsed.data as Scenario;
  const { world, issues } = buildWorld(scenario.world);
  issues.push(...checkSteps(scenario.steps, world), ...checkClock(scenario));
  return issues.length ? { ok: false, issues } : { ok: true, scenario, world };
}

/** The clock must stay within MAX_INSTANT, so that every instant the run shows is a real date. */
function checkClock(scenario: Scenario): ScenarioIssue[] {
  let now = parseInstant(scenario.start ?? DEFAULT_START) ?? 0;
  const limit = `${isoSeconds(MAX_INSTANT)}, the latest instant a scenario's clock may reach`;
  if (now > MAX_INSTANT) return [{ path: 'start', message: `the clock starts after ${limit}` }];
  for (let i = 0; i < scenario.steps.length; i++) {
    const step = scenario.steps[i]!;
    if ('advance' in step) now += step.advance * 1000;
    else if ('advanceTo' in step) {
      const to = parseInstant(step.advanceTo) ?? now;
      // One clock, run in order: an instant before the clock's time is a mistake, not a no-op.
      if (to < now) return [{ path: `steps[${i}].advanceTo`, message: `${step.advanceTo} is before the clock's time at this step (${isoSeconds(now)}); the clock only moves forward` }];
      now = to;
    } else continue;
    if (now > MAX_INSTANT) return [{ path: `steps[${i}].${'advance' in step ? 'advance' : 'advanceTo'}`, message: `this step moves the clock past ${limit}` }];
  }
  return [];
}

/** Cross-references a file's steps: ids, earlier-step references, users, and each call's parameters. */
function checkSteps(steps: Step[], world: World): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    const base = `steps[${i}]`;
    if ('call' in step || 'request' in step) {
      if (step.as && 'session' in step.as && !seen.has(step.as.session))
        issues.push({ path: `${base}.as.session`, message: `no earlier step has id "${step.as.session}"` });
      if (step.as && 'user' in step.as && !world.users.has(step.as.user))
        issues.push({ path: `${base}.as.user`, message: `no user ${step.as.user} in world.users` });
    }
    if ('call' in step) {
      const allowed = callParams[step.call];
      for (const [k, v] of Object.entries(step.params ?? {})) {
        if (v === undefined) continue;
        if (!allowed.includes(k))
          issues.push({ path: `${base}.params.${k}`, message: `${step.call} has no parameter ${k}${allowed.length ? ` (it takes ${allowed.join(', ')})` : ''}` });
        if (v && typeof v === "object" && "fromStep" in v && typeof v.fromStep === "string" && !seen.has(v.fromStep))
          issues.push({ path: `${base}.params.${k}.fromStep`, message: `no earlier step has id "${v.fromStep}"` });
      }
    }
    if ('id' in step && step.id !== undefined) {
      if (seen.has(step.id)) issues.push({ path: `${base}.id`, message: `duplicate step id "${step.id}"` });
      seen.add(step.id);
    }
  });
  return issues;
}
