/**
 * Runs a scenario's steps in order on one simulated clock and returns an `sts-result/v1`
 * document. Pure: the same scenario always gives the same result.
 */
import { learn } from '../explain/learn';
import { assumeRole } from '../sts/assumeRole';
import { type StepEnv } from '../sts/context';
import { awsError, expiredToken, invalidClientTokenId } from '../sts/errors';
import { assumeRoleWithSaml, assumeRoleWithWebIdentity } from '../sts/federation';
import { decodeAuthorizationMessage, getAccessKeyInfo, getCallerIdentity, stsCallAllowedFor } from '../sts/info';
import { runRequest } from '../sts/request';
import { type CallOutcome } from '../sts/shared';
import { assumeRoot, getFederationToken, getSessionToken } from '../sts/tokens';
import { type AwsError, type Caller, type Decision, type Session, type TraceEntry } from '../sts/types';
import { assertNever } from '../result';
import { isoSeconds, parseInstant, DEFAULT_START } from '../util/time';
import { type CallStep, type RequestStep, type Scenario, type StepAs, type StepExpect, type StsCall } from './schema';
import { accountPartition, type World } from '../world/world';

/** One unmet expectation. */
export interface Mismatch {
  field: keyof StepExpect;
  expected: unknown;
  actual: unknown;
}

/** A suggested change to the scenario that makes a failed step succeed. */
export interface Fix {
  summary: string;
  /** Set when the fix makes the step succeed by going around a safeguard (an MFA or ExternalId condition, …): what it gives up. */
  weakens?: string;
  patch: { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[];
}

interface StepBase {
  id?: string;
  at: string;
  trace: TraceEntry[];
  expect?: { met: boolean; mismatches: Mismatch[] };
  fixes?: Fix[];
}

/** The result of a call step. */
export interface CallResult extends StepBase {
  kind: 'call';
  call: StsCall;
  outcome: 'success' | 'error';
  response?: Record<string, unknown>;
  error?: AwsError;
}

/** The result of a request step. */
export interface RequestResult extends StepBase {
  kind: 'request';
  action: string;
  resource: string;
  outcome: 'success' | 'error';
  decision: Decision;
  error?: AwsError;
}

/** A clock step. */
export interface ClockResult {
  kind: 'clock';
  at: string;
}

/** Any step's result. */
export type StepResult = CallResult | RequestResult | ClockResult;

/** The whole `sts-result/v1` document. */
export interface StsResult {
  format: 'sts-result/v1';
  scenario: string;
  steps: StepResult[];
}

/** Runtime state carried from step to step. */
interface RunState {
  now: number;
  sessions: Map<string, Session>;
  byKey: Map<string, Session>;
  results: Map<string, StepResult>;
}

/** Reads a dotted path (`response.Credentials.AccessKeyId`, `steps.0`) from a value. */
export function readPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Resolves who signs a step. */
function resolveCaller(world: World, as: StepAs | undefined, state: RunState, trace: TraceEntry[]): { ok: true; caller: Caller } | { ok: false; error: AwsError } {
  if (!as) return { ok: true, caller: { kind: 'anonymous' } };
  if ('user' in as) {
    const user = world.users.get(as.user)!;
    if (as.mfaAgeSeconds !== undefined) {
      trace.push({ gate: 'authenticate', result: 'pass', code: 'auth.user-mfa', reason: `${user.name} signed in with MFA ${as.mfaAgeSeconds} seconds ago, so the request carries aws:MultiFactorAuthPresent=true and aws:MultiFactorAuthAge=${as.mfaAgeSeconds}.`, learn: learn.mfaKeys });
      return { ok: true, caller: { kind: 'user', user, mfa: { present: true, authAt: state.now - as.mfaAgeSeconds * 1000 }, console: true } };
    }
    trace.push({ gate: 'authenticate', result: 'pass', code: 'auth.long-term', reason: `Signed with ${user.name}'s long-term access key. Such a request carries no aws:MultiFactorAuthPresent key at all, unless the call itself passes an MFA code (SerialNumber and TokenCode).`, learn: learn.authenticate });
    return { ok: true, caller: { kind: 'user', user, mfa: {}, console: false } };
  }
  if ('root' in as) {
    trace.push({ gate: 'authenticate', result: 'pass', code: 'auth.root', reason: `Signed with the root user's credentials of account ${as.root}.`, learn: learn.authenticate });
    return { ok: true, caller: { kind: 'root', account: as.root, partition: accountPartition(world, as.root) } };
  }
  if ('session' in as) {
    const s = state.sessions.get(as.session);
    if (!s) {
      trace.push({ gate: 'authenticate', result: 'fail', code: 'auth.no-session', reason: `Step "${as.session}" did not issue credentials, so there is nothing to sign this request with.`, learn: learn.authenticate });
      return { ok: false, error: awsError('MissingAuthenticationToken', 'Request is missing Authentication Token') };
    }
    return sessionCaller(s, state, trace);
  }
  const owner = world.keyOwners.get(as.accessKeyId);
  if (owner) {
    trace.push({ gate: 'authenticate', result: 'pass', code: 'auth.long-term', reason: `Access key ${as.accessKeyId} belongs to ${owner.name}.`, learn: learn.authenticate });
    return { ok: true, caller: { kind: 'user', user: owner, mfa: {}, console: false } };
  }
  const s = state.byKey.get(as.accessKeyId);
  if (s) return sessionCaller(s, state, trace);
  trace.push({ gate: 'authenticate', result: 'fail', code: 'auth.unknown-key', reason: `No user or issued session has access key ${as.accessKeyId}.`, learn: learn.authenticate, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html' });
  return { ok: false, error: invalidClientTokenId() };
}

function sessionCaller(s: Session, state: RunState, trace: TraceEntry[]): { ok: true; caller: Caller } | { ok: false; error: AwsError } {
  if (state.now >= s.expiresAt) {
    trace.push({ gate: 'authenticate', result: 'fail', code: 'auth.expired', reason: `The credentials from step "${s.stepId}" expired at ${isoSeconds(s.expiresAt)}; it is now ${isoSeconds(state.now)}. Signing credentials that have expired give ExpiredToken (403), not ExpiredTokenException.`, learn: learn.expired, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html' });
    return { ok: false, error: expiredToken() };
  }
  trace.push({ gate: 'authenticate', result: 'pass', code: 'auth.session', reason: `Signed with the temporary credentials from step "${s.stepId}" (${s.arn}), valid until ${isoSeconds(s.expiresAt)}.`, learn: learn.credentials });
  return { ok: true, caller: { kind: 'session', session: s } };
}

/** Resolves `{ fromStep, path }` parameter values. */
function resolveParams(params: CallStep['params'], state: RunState, trace: TraceEntry[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v && typeof v === 'object' && 'fromStep' in v && 'path' in v && Object.keys(v).length === 2) {
      const src = state.results.get(v.fromStep as string);
      const val = readPath(src, v.path as string);
      trace.push({ gate: 'validate', result: 'info', code: val === undefined ? 'params.from-step-missing' : 'params.from-step', reason: val === undefined ? `${k} should come from step "${v.fromStep}" at ${v.path}, but that step's result has nothing there.` : `${k} is taken from step "${v.fromStep}" (${v.path}).`, learn: learn.validation });
      out[k] = val;
    } else out[k] = v;
  }
  return out;
}

/** Dispatches one STS call. */
function runCall(world: World, step: CallStep, caller: Caller, params: Record<string, unknown>, env: StepEnv, seed: string, stepId: string, stepPath: string, state: RunState): CallOutcome {
  const p = params as never;
  const call = step.call;
  if (call !== 'AssumeRoleWithSAML' && call !== 'AssumeRoleWithWebIdentity') {
    if (caller.kind === 'anonymous') return { ok: false, error: awsError('MissingAuthenticationToken', 'Request is missing Authentication Token'), trace: [{ gate: 'authenticate', result: 'fail', code: 'auth.unsigned', reason: `${call} must be signed with AWS credentials; add "as" to the step.`, learn: learn.authenticate }] };
    if (caller.kind === 'session' && !stsCallAllowedFor(caller.session, call) && call !== 'GetSessionToken' && call !== 'GetFederationToken') {
      const s = caller.session;
      return { ok: false, error: awsError('AccessDenied', `User: ${s.arn} is not authorized to perform: sts:${call}`), trace: [{ gate: 'caller-type', result: 'fail', code: 'caller.sts-not-allowed', reason: s.kind === 'federated-user' ? 'Credentials from GetFederationToken can call no STS operation except GetCallerIdentity.' : 'Credentials from GetSessionToken can call only AssumeRole and GetCallerIdentity in STS.', learn: s.kind === 'federated-user' ? learn.federationToken : learn.getSessionToken, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html', uncertain: true }] };
    }
  } else if (caller.kind !== 'anonymous') {
    // Signed anyway: STS ignores the signature of these two calls.
  }
  switch (call) {
    case 'AssumeRole':
      return assumeRole(world, caller, p, env, seed, stepId, stepPath);
    case 'AssumeRoleWithSAML':
      return assumeRoleWithSaml(world, p, env, seed, stepId, stepPath);
    case 'AssumeRoleWithWebIdentity':
      return assumeRoleWithWebIdentity(world, p, env, seed, stepId, stepPath);
    case 'GetSessionToken':
      return getSessionToken(world, caller, p, env, seed, stepId);
    case 'GetFederationToken':
      return getFederationToken(world, caller, p, env, seed, stepId, stepPath);
    case 'AssumeRoot':
      return assumeRoot(world, caller, p, env, seed, stepId);
    case 'GetCallerIdentity':
      return getCallerIdentity(caller);
    case 'DecodeAuthorizationMessage':
      return decodeAuthorizationMessage(world, caller, p, env);
    case 'GetAccessKeyInfo':
      return getAccessKeyInfo(world, p, state.sessions.values());
    default:
      return assertNever(call, 'call');
  }
}

/** Compares a step's result with its `expect`. */
export function checkExpect(expect: StepExpect, r: CallResult | RequestResult): { met: boolean; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  const resp = r.kind === 'call' ? r.response : undefined;
  const creds = resp?.Credentials as Record<string, string> | undefined;
  const aru = resp?.AssumedRoleUser as Record<string, string> | undefined;
  const fu = resp?.FederatedUser as Record<string, string> | undefined;
  const at = parseInstant(r.at) ?? 0;
  const exp = creds ? parseInstant(creds.Expiration ?? '') : undefined;
  const actual: Record<keyof StepExpect, unknown> = {
    outcome: r.outcome,
    code: r.error?.code,
    durationSeconds: exp === undefined ? undefined : Math.round((exp - at) / 1000),
    expiration: creds?.Expiration,
    arn: aru?.Arn ?? fu?.Arn ?? (resp?.Arn as string | undefined),
    assumedRoleId: aru?.AssumedRoleId ?? fu?.FederatedUserId ?? (resp?.UserId as string | undefined),
    sourceIdentity: resp?.SourceIdentity,
    decision: r.kind === 'request' ? r.decision : undefined,
  };
  for (const [field, expected] of Object.entries(expect) as [keyof StepExpect, unknown][]) {
    if (expected === undefined) continue;
    const got = actual[field];
    const same = field === 'expiration' ? got !== undefined && parseInstant(String(got)) === parseInstant(String(expected)) : got === expected;
    if (!same) mismatches.push({ field, expected, actual: got });
  }
  return { met: mismatches.length === 0, mismatches };
}

/** Options for a run. */
export interface RunOptions {
  /** Compute counterfactual fixes for failed steps (needs the raw scenario JSON). */
  fixes?: (scenario: Scenario, results: StepResult[]) => void;
}

/**
 * Runs every step of a loaded scenario.
 * @param scenario the validated scenario
 * @param world its world
 * @returns the `sts-result/v1` document
 * @example runScenario(loaded.scenario, loaded.world)
 */
export function runScenario(scenario: Scenario, world: World, options: RunOptions = {}): StsResult {
  const state: RunState = { now: parseInstant(scenario.start ?? DEFAULT_START) ?? 0, sessions: new Map(), byKey: new Map(), results: new Map() };
  const steps: StepResult[] = [];
  const seed = scenario.id;
  scenario.steps.forEach((step, i) => {
    if ('advance' in step) {
      state.now += step.advance * 1000;
      steps.push({ kind: 'clock', at: isoSeconds(state.now) });
      return;
    }
    if ('advanceTo' in step) {
      state.now = Math.max(state.now, parseInstant(step.advanceTo) ?? state.now);
      steps.push({ kind: 'clock', at: isoSeconds(state.now) });
      return;
    }
    const env: StepEnv = { now: state.now, region: step.context?.region ?? scenario.region ?? 'us-east-1', sourceIp: step.context?.sourceIp, endpoint: step.context?.endpoint ?? 'regional' };
    const stepId = step.id ?? `step-${i + 1}`;
    const at = isoSeconds(state.now);
    const trace: TraceEntry[] = [];
    let result: CallResult | RequestResult;
    if ('call' in step) result = callStep(world, step, state, env, seed, stepId, `/steps/${i}`, at, trace);
    else result = requestStep(world, step, state, env, at, trace);
    if (step.expect) result.expect = checkExpect(step.expect, result);
    steps.push(result);
    if (step.id) state.results.set(step.id, result);
  });
  const out: StsResult = { format: 'sts-result/v1', scenario: scenario.id, steps };
  options.fixes?.(scenario, steps);
  return out;
}

function callStep(world: World, step: CallStep, state: RunState, env: StepEnv, seed: string, stepId: string, stepPath: string, at: string, trace: TraceEntry[]): CallResult {
  // Results are built property by property in the order of sts-result/v1 (id, kind, call, at,
  // outcome, …): object spreads are slow in V8, and this runs for every step.
  const result = (outcome: 'success' | 'error'): CallResult => {
    const r = (step.id ? { id: step.id, kind: 'call', call: step.call, at } : { kind: 'call', call: step.call, at }) as CallResult;
    r.outcome = outcome;
    return r;
  };
  const federated = step.call === 'AssumeRoleWithSAML' || step.call === 'AssumeRoleWithWebIdentity';
  let caller: Caller = { kind: 'anonymous' };
  if (federated) {
    // These two calls are unsigned; credentials sent with them are not checked.
    if (step.as) trace.push({ gate: 'authenticate', result: 'info', code: 'auth.signature-ignored', reason: `${step.call} needs no AWS credentials; the ones this step names are ignored.`, learn: learn.authenticate, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html' });
  } else {
    const c = resolveCaller(world, step.as, state, trace);
    if (!c.ok) return Object.assign(result('error'), { error: c.error, trace });
    caller = c.caller;
  }
  const params = resolveParams(step.params, state, trace);
  const out = runCall(world, step, federated ? { kind: 'anonymous' } : caller, params, env, seed, stepId, stepPath, state);
  trace.push(...out.trace);
  if (!out.ok) return Object.assign(result('error'), { error: out.error, trace });
  if (out.session) {
    if (step.id) state.sessions.set(step.id, out.session);
    state.byKey.set(out.session.accessKeyId, out.session);
  }
  return Object.assign(result('success'), { response: out.response, trace });
}

function requestStep(world: World, step: RequestStep, state: RunState, env: StepEnv, at: string, trace: TraceEntry[]): RequestResult {
  const result = (outcome: 'success' | 'error', decision: Decision): RequestResult => {
    const r = (step.id ? { id: step.id, kind: 'request', action: step.request.action, resource: step.request.resource, at } : { kind: 'request', action: step.request.action, resource: step.request.resource, at }) as RequestResult;
    r.outcome = outcome;
    r.decision = decision;
    return r;
  };
  const c = resolveCaller(world, step.as, state, trace);
  // Credentials that fail authentication never reach authorization; the request is denied.
  if (!c.ok) return Object.assign(result('error', 'ImplicitDeny'), { error: c.error, trace });
  const r = runRequest(world, c.caller, step.request, env);
  trace.push(...r.trace);
  const out = result(r.decision === 'Allow' ? 'success' : 'error', r.decision);
  if (r.error) out.error = r.error;
  out.trace = trace;
  return out;
}
