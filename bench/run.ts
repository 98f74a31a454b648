/**
 * `npm run bench`: scenario runs per second for a typical five-step scenario with full
 * trace, and authorizations per second on realistic policies (median of several runs);
 * then the eight request shapes of a typical STS workload (bench/shapes.ts): for each, the
 * pre-validated core path (the decision with its full trace, on a built world and a ready
 * caller) and the whole scenario run, in operations per second and µs per operation,
 * each the median of 7 rounds. Every figure is per second of the process's CPU time, so that
 * other work on a shared machine disturbs it less; the load average is printed with the shapes. `npm run bench -- --shapes` runs only the shapes.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { simulate } from '../lib/engine';
import { loadScenario } from '../lib/scenario/load';
import { runScenario } from '../lib/scenario/run';
import { authorize, callerPolicies } from '../lib/sts/authorize';
import { callerKeys, requestPrincipal } from '../lib/sts/context';
import { evaluatePolicy } from '../lib/policy/evaluate';
import { assumeRole } from '../lib/sts/assumeRole';
import { assumeRoleWithWebIdentity } from '../lib/sts/federation';
import { runRequest } from '../lib/sts/request';
import { type Caller, type Session, type TraceEntry } from '../lib/sts/types';
import { type StepEnv } from '../lib/sts/context';
import { DEFAULT_START, parseInstant } from '../lib/util/time';
import { shapes } from './shapes';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const ROLE = 'arn:aws:iam::222222222222:role/RoleX';
const scenario = {
  format: 'sts-scenario/v1', id: 'bench', title: 'bench',
  world: {
    accounts: [{ id: '111111111111' }, { id: '222222222222' }],
    organizations: [{ id: 'o-aaaa1111', management: '999999999999', accounts: ['111111111111', '222222222222'] }],
    users: [{ arn: ALICE, accessKeys: ['AKIAALICEEXAMPLE0001'], policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: 'arn:aws:iam::222222222222:role/*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }] }], mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/alice', code: '123456' }], tags: { team: 'blue' } }],
    roles: [{ arn: ROLE, trustPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'Org', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:PrincipalOrgID': 'o-aaaa1111', 'sts:ExternalId': 'Ab12-xyz' }, StringLike: { 'sts:RoleSessionName': '${aws:username}' } } }] }, maxSessionDuration: 43200, policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::bkt-b', 'arn:aws:s3:::bkt-b/*'] }] }] }],
    resources: [{ arn: 'arn:aws:s3:::bkt-b', account: '222222222222', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::bkt-b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] } }],
  },
  steps: [
    { id: 'mfa', as: { user: ALICE }, call: 'GetSessionToken', params: { SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456', DurationSeconds: 3600 } },
    { id: 'assume', as: { session: 'mfa' }, call: 'AssumeRole', params: { RoleArn: ROLE, RoleSessionName: 'alice', ExternalId: 'Ab12-xyz', DurationSeconds: 900, Tags: [{ Key: 'project', Value: 'x' }] } },
    { id: 'read', as: { session: 'assume' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-b/report.csv' } },
    { id: 'write', as: { session: 'assume' }, request: { action: 's3:PutObject', resource: 'arn:aws:s3:::bkt-b/report.csv' } },
    { id: 'who', as: { session: 'assume' }, call: 'GetCallerIdentity' },
  ],
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The process's CPU time in milliseconds (user + system): steadier than wall time on a shared machine. */
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs fn repeatedly for ~ms milliseconds, several rounds; returns the median ops/second,
 * counted per second of the process's CPU time (wall time on a busy shared machine mostly
 * measures the other processes).
 */
function measure(fn: () => void, rounds = 7, ms = 300, clock: () => number = cpuNow): number {
  // Warm up for a round's length at least, so the optimizing compiler has run.
  const w0 = performance.now();
  for (let i = 0; i < 200 || performance.now() - w0 < ms; i++) fn();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    const c0 = clock();
    let t = t0;
    while (t - t0 < ms) {
      for (let i = 0; i < 50; i++) fn();
      n += 50;
      t = performance.now();
    }
    rates.push((n / (clock() - c0)) * 1000);
  }
  return median(rates);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const shapesOnly = process.argv.includes('--shapes');

if (!shapesOnly) {
  console.log(`Per second of this process's CPU time, median of 7 rounds (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}):`);
  const text = JSON.stringify(scenario);
  const loaded = loadScenario(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const check = runScenario(loaded.scenario, loaded.world).steps.map((s) => (s.kind === 'clock' ? 'clock' : s.kind === 'request' ? s.decision : s.outcome));
  if (check.join(',') !== 'success,success,Allow,ImplicitDeny,success') throw new Error(`bench scenario changed behaviour: ${check.join(',')}`);

  const runOnly = measure(() => runScenario(loaded.scenario, loaded.world));
  const full = measure(() => simulate(text, { fixes: false }));
  const withFixes = measure(() => simulate(text), 5, 300);

  // Authorizations: the trust-policy check of AssumeRole with its full trace, as the engine does it.
  const world = loaded.world;
  const user = world.users.get(ALICE)!;
  const role = world.roles.get(ROLE)!;
  const caller = { kind: 'user' as const, user, mfa: { present: true, authAt: 0 }, console: true };
  const env = { now: Date.parse('2026-01-01T00:00:00Z'), region: 'us-east-1', endpoint: 'regional' as const };
  const keys = { ...callerKeys(world, caller, env), 'sts:ExternalId': 'Ab12-xyz', 'sts:RoleSessionName': 'alice' };
  const principal = requestPrincipal(caller);
  const set = callerPolicies(world, caller);
  const az = () => authorize(world, caller, set, { action: 'sts:AssumeRole', resource: ROLE, principal, keys, resourcePolicy: role.trust, resourceAccount: role.account, mode: 'trust' });
  if (az().decision !== 'Allow') throw new Error('bench authorization changed behaviour');
  const authz = measure(az);
  const evalOnly = measure(() => evaluatePolicy(role.trust.policy, { action: 'sts:AssumeRole', resource: ROLE, principal, keys }));

  console.log(`scenario runs (5 steps, full trace, validated world reused): ${fmt(runOnly)}/s`);
  console.log(`scenario runs from JSON text (parse + validate + run):        ${fmt(full)}/s`);
  console.log(`scenario runs from JSON text with counterfactual fixes:       ${fmt(withFixes)}/s`);
  console.log(`authorizations with trace (trust policy + identity + SCP):    ${fmt(authz)}/s (${(1e6 / authz).toFixed(2)} µs each)`);
  console.log(`trust-policy evaluations (policy only):                       ${fmt(evalOnly)}/s (${(1e6 / evalOnly).toFixed(2)} µs each)`);
}

type Outcome = { ok: boolean; trace: TraceEntry[]; session?: Session } | { decision: string; trace: TraceEntry[] };

/**
 * The measured decision of a shape: the last step's STS call or request, on the built world,
 * with the caller the earlier steps made. Earlier steps run once, here, through the same calls.
 */
function coreOf(shape: (typeof shapes)[number]): { run: () => Outcome; result: () => string; full: () => unknown } {
  const loadedShape = loadScenario(JSON.stringify({ format: 'sts-scenario/v1', id: 'bench-shape', title: shape.name, ...shape.scenario }));
  if (!loadedShape.ok) throw new Error(`${shape.name}: ${JSON.stringify(loadedShape.issues)}`);
  const { scenario: sc, world: w } = loadedShape;
  const now = parseInstant(sc.start ?? DEFAULT_START) ?? 0;
  const env: StepEnv = { now, region: sc.region ?? 'us-east-1', endpoint: 'regional' };
  const sessions = new Map<string, Session>();
  const callerFor = (as: unknown): Caller => {
    const a = as as { user?: string; mfaAgeSeconds?: number; session?: string } | undefined;
    if (a?.user) {
      const u = w.users.get(a.user)!;
      return a.mfaAgeSeconds !== undefined ? { kind: 'user', user: u, mfa: { present: true, authAt: now - a.mfaAgeSeconds * 1000 }, console: true } : { kind: 'user', user: u, mfa: {}, console: false };
    }
    if (a?.session) return { kind: 'session', session: sessions.get(a.session)! };
    return { kind: 'anonymous' };
  };
  const stepFn = (i: number): (() => Outcome) => {
    const step = sc.steps[i] as unknown as { id: string; as?: unknown; call?: string; params?: Record<string, unknown>; request?: { action: string; resource: string } };
    const caller = callerFor(step.as);
    if (step.request) {
      const req = step.request;
      return () => runRequest(w, caller, req, env);
    }
    const p = (step.params ?? {}) as never;
    if (step.call === 'AssumeRole') return () => assumeRole(w, caller, p, env, sc.id, step.id, `/steps/${i}`);
    if (step.call === 'AssumeRoleWithWebIdentity') return () => assumeRoleWithWebIdentity(w, p, env, sc.id, step.id, `/steps/${i}`);
    throw new Error(`${shape.name}: the bench does not run ${step.call}`);
  };
  for (let i = 0; i < sc.steps.length - 1; i++) {
    const out = stepFn(i)();
    const id = (sc.steps[i] as { id: string }).id;
    if (!('ok' in out) || !out.ok || !out.session) throw new Error(`${shape.name}: setup step ${id} failed`);
    sessions.set(id, out.session);
  }
  const run = stepFn(sc.steps.length - 1);
  const result = () => {
    const o = run();
    return 'decision' in o ? o.decision : o.ok ? 'success' : 'error';
  };
  // The core path must give exactly what the whole run gives for that step (its trace after authentication).
  const whole = runScenario(sc, w).steps.at(-1)!;
  const core = run();
  if (whole.kind === 'clock' || !JSON.stringify(whole.trace).endsWith(JSON.stringify(core.trace).slice(1))) throw new Error(`${shape.name}: the core path differs from the scenario run`);
  if (result() !== shape.expected) throw new Error(`${shape.name}: expected ${shape.expected}, got ${result()}`);
  return { run, result, full: () => runScenario(sc, w) };
}

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`\nRequest shapes (median of 7 rounds; load average ${load}):`);
console.log(`${'shape'.padEnd(66)} ${'core ops/s'.padStart(11)} ${'µs/op'.padStart(8)} ${'run ops/s'.padStart(10)} ${'µs/op'.padStart(8)}`);
const cores = shapes.map((shape) => ({ shape, c: coreOf(shape), core: [] as number[], full: [] as number[] }));
// One pass over every shape first, so each is measured with the engine's code already optimized for all of them;
// then the 7 rounds go round the shapes in turn, so a burst of load elsewhere hits them all alike.
for (const { c } of cores) measure(c.run, 1, 200);
for (let round = 0; round < 7; round++) {
  for (const s of cores) {
    s.core.push(measure(s.c.run, 1, 300));
    s.full.push(measure(s.c.full, 1, 300));
  }
}
for (const { shape, c, core: cs, full: fs } of cores) {
  const core = median(cs);
  const full = median(fs);
  console.log(`${`${shape.name} (${c.result()})`.padEnd(66)} ${fmt(core).padStart(11)} ${(1e6 / core).toFixed(2).padStart(8)} ${fmt(full).padStart(10)} ${(1e6 / full).toFixed(2).padStart(8)}`);
}
