/**
 * Runs a scenario's steps in order on one simulated clock and returns an `sts-result/v1`
 * document. Pure: the same scenario always gives the same result.
 */
import { learn } from '../explain/learn';
import { assumeRole } from '../sts/assumeRole';
import { type StepEnv } from '../sts/context';
import { awsError, expiredToken, expiredTokenFromService, invalidClientTokenId } from '../sts/errors';
import { assumeRoleWithSaml, assumeRoleWithWebIdentity } from '../sts/federation';
import { decodeAuthorizationMessage, getAccessKeyInfo, getCallerIdentity, stsCallAllowedFor } from '../sts/info';
import { globalTokenCheck } from '../sts/regions';
import { runRequest } from '../sts/request';
import { type CallOutcome } from '../sts/shared';
import { getWebIdentityToken } from '../sts/outbound';
import { assumeRoot, getFederationToken, getSessionToken } from '../sts/tokens';
import { type AwsError, type Caller, type Decision, type Session, type TraceEntry } from '../sts/types';
import { assertNever } from '../result';
import { isoSeconds, parseInstant, DEFAULT_START, MAX_INSTANT } from '../util/time';
import { type ScenarioIssue } from './buildWorld';
import { checkParamValue, type CallStep, type RequestStep, type Scenario, type StepAs, type StepExpect, type StsCall } from './schema';
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
  /** GetWebIdentityToken: the decoded JWT, for display and `expect.claims`. */
  token?: { header: Record<string, unknown>; claims: Record<string, unknown> };
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
  /** Problems of the file that only running it reveals (a value taken from a step that does not fit). */
  issues: ScenarioIssue[];
}

/**
 * Reads a dotted path (`response.Credentials.AccessKeyId`, `steps.0`) from a value. Only the
 * value's own members count: `constructor`, `__proto__` or `toString` read nothing.
 * @example readPath({ a: { b: 1 } }, 'a.b') // 1
 */
export function readPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (!part) continue;
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Resolves who signs a step. */
function resolveCaller(world: World, as: StepAs | undefined, state: RunState, trace: TraceEntry[], env: StepEnv): { ok: true; caller: Caller } | { ok: false; error: AwsError } {
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
    return sessionCaller(s, state, trace, env);
  }
  const owner = world.keyOwners.get(as.accessKeyId);
  if (owner) {
    trace.push({ gate: 'authenticate', result: 'pass', code: 'auth.long-term', reason: `Access key ${as.accessKeyId} belongs to ${owner.name}.`, learn: learn.authenticate });
    return { ok: true, caller: { kind: 'user', user: owner, mfa: {}, console: false } };
  }
  const s = state.byKey.get(as.accessKeyId);
  if (s) return sessionCaller(s, state, trace, env);
  trace.push({ gate: 'authenticate', result: 'fail', code: 'auth.unknown-key', reason: `No user or issued session has access key ${as.accessKeyId}.`, learn: learn.authenticate, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html' });
  return { ok: false, error: invalidClientTokenId() };
}

function sessionCaller(s: Session, state: RunState, trace: TraceEntry[], env: StepEnv): { ok: true; caller: Caller } | { ok: false; error: AwsError } {
  const tokenError = globalTokenCheck(s, env, trace);
  if (tokenError) return { ok: false, error: tokenError };
  if (state.now >= s.expiresAt) {
    trace.push({ gate: 'authenticate', result: 'fail', code: 'auth.expired', reason: `The credentials from step "${s.stepId}" expired at ${isoSeconds(s.expiresAt)}; it is now ${isoSeconds(state.now)}. STS answers expired signing credentials with ExpiredToken (403); ExpiredTokenException is what it declares for an expired token passed as a parameter.`, learn: learn.expired, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html' });
    return { ok: false, error: expiredToken() };
  }
  trace.push({ gate: 'authenticate', result: 'pass', code: 'auth.session', reason: `Signed with the temporary credentials from step "${s.stepId}" (${s.arn}), valid until ${isoSeconds(s.expiresAt)}.`, learn: learn.credentials });
  return { ok: true, caller: { kind: 'session', session: s } };
}

/**
 * Resolves `{ fromStep, path }` parameter values. A value found there must fit the parameter
 * as a literal would (the file's schema); one that does not is a problem of the file, recorded
 * in `state.issues`, and the call runs without it.
 */
function resolveParams(params: CallStep['params'], state: RunState, trace: TraceEntry[], stepIndex: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v && typeof v === 'object' && 'fromStep' in v && 'path' in v && Object.keys(v).length === 2) {
      const from = String(v.fromStep);
      const path = String(v.path);
      const val = readPath(state.results.get(from), path);
      if (val === undefined) {
        trace.push({ gate: 'validate', result: 'info', code: 'params.from-step-missing', reason: `${k} should come from step "${from}" at ${path}, but that step's result has nothing there.`, learn: learn.validation });
        continue;
      }
      const checked = checkParamValue(k, val);
      if (!checked.ok) {
        state.issues.push({ path: `steps[${stepIndex}].params.${k}`, message: `the value taken from step "${from}" at "${path}" ${checked.message}` });
        trace.push({ gate: 'validate', result: 'fail', code: 'params.from-step-type', reason: `${k} should come from step "${from}" at ${path}, but the value there ${checked.message}; the call runs without it.`, learn: learn.validation });
        continue;
      }
      trace.push({ gate: 'validate', result: 'info', code: 'params.from-step', reason: `${k} is taken from step "${from}" (${path}).`, learn: learn.validation });
      out[k] = checked.value;
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
    case 'GetWebIdentityToken':
      return getWebIdentityToken(world, caller, p, env, seed, stepId);
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
  // GetWebIdentityToken returns Expiration beside the token, not inside Credentials.
  const expiration = creds?.Expiration ?? (typeof resp?.Expiration === 'string' ? resp.Expiration : undefined);
  const exp = expiration !== undefined ? parseInstant(expiration) : undefined;
  const actual: Record<keyof StepExpect, unknown> = {
    outcome: r.outcome,
    code: r.error?.code,
    durationSeconds: exp === undefined ? undefined : Math.round((exp - at) / 1000),
    expiration,
    arn: aru?.Arn ?? fu?.Arn ?? (resp?.Arn as string | undefined),
    assumedRoleId: aru?.AssumedRoleId ?? fu?.FederatedUserId ?? (resp?.UserId as string | undefined),
    sourceIdentity: resp?.SourceIdentity,
    decision: r.kind === 'request' ? r.decision : undefined,
    claims: r.kind === 'call' && r.token ? r.token.claims : undefined,
  };
  for (const [field, expected] of Object.entries(expect) as [keyof StepExpect, unknown][]) {
    if (expected === undefined) continue;
    const got = actual[field];
    if (field === 'claims') {
      // Each listed claim by JSON equality; claims the expectation leaves out are not compared.
      const claims = (got ?? {}) as Record<string, unknown>;
      const wrong = Object.entries(expected as Record<string, unknown>).filter(([k, v]) => JSON.stringify(claims[k]) !== JSON.stringify(v));
      if (wrong.length) mismatches.push({ field, expected: Object.fromEntries(wrong), actual: Object.fromEntries(wrong.map(([k]) => [k, claims[k]])) });
      continue;
    }
    const same = field === 'expiration' ? got !== undefined && parseInstant(String(got)) === parseInstant(String(expected)) : got === expected;
    if (!same) mismatches.push({ field, expected, actual: got });
  }
  return { met: mismatches.length === 0, mismatches };
}

/** Options for a run. */
export interface RunOptions {
  /** Compute counterfactual fixes for failed steps (needs the raw scenario JSON). */
  fixes?: (scenario: Scenario, results: StepResult[]) => void;
  /** Receives the problems that only running the file reveals (see {@link resolveParams}). */
  issues?: ScenarioIssue[];
  /** Stop after this step index (fixes verify one step; the steps after it cannot change it). */
  through?: number;
}

/**
 * Runs every step of a loaded scenario.
 * @param scenario the validated scenario
 * @param world its world
 * @returns the `sts-result/v1` document
 * @example runScenario(loaded.scenario, loaded.world)
 */
export function runScenario(scenario: Scenario, world: World, options: RunOptions = {}): StsResult {
  const state: RunState = { now: parseInstant(scenario.start ?? DEFAULT_START) ?? 0, sessions: new Map(), byKey: new Map(), results: new Map(), issues: options.issues ?? [] };
  const steps: StepResult[] = [];
  const seed = scenario.id;
  const last = Math.min(scenario.steps.length - 1, options.through ?? Infinity);
  for (let i = 0; i <= last; i++) {
    const step = scenario.steps[i]!;
    // The loader refuses a file whose clock passes MAX_INSTANT; the clamp keeps every Date valid regardless.
    if ('advance' in step) {
      state.now = Math.min(MAX_INSTANT, state.now + step.advance * 1000);
      steps.push({ kind: 'clock', at: isoSeconds(state.now) });
      continue;
    }
    if ('advanceTo' in step) {
      state.now = Math.min(MAX_INSTANT, Math.max(state.now, parseInstant(step.advanceTo) ?? state.now));
      steps.push({ kind: 'clock', at: isoSeconds(state.now) });
      continue;
    }
    const env: StepEnv = { now: state.now, region: step.context?.region ?? scenario.region ?? 'us-east-1', sourceIp: step.context?.sourceIp, endpoint: step.context?.endpoint ?? 'regional' };
    if (step.context?.keys) env.keys = Object.fromEntries(Object.entries(step.context.keys).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]));
    const stepId = step.id ?? `step-${i + 1}`;
    const at = isoSeconds(state.now);
    const trace: TraceEntry[] = [];
    let result: CallResult | RequestResult;
    if ('call' in step) result = callStep(world, step, state, env, seed, stepId, i, at, trace);
    else result = requestStep(world, step, state, env, at, trace);
    if (step.expect) result.expect = checkExpect(step.expect, result);
    steps.push(result);
    if (step.id) state.results.set(step.id, result);
  }
  const out: StsResult = { format: 'sts-result/v1', scenario: scenario.id, steps };
  options.fixes?.(scenario, steps);
  return out;
}

function callStep(world: World, step: CallStep, state: RunState, env: StepEnv, seed: string, stepId: string, stepIndex: number, at: string, trace: TraceEntry[]): CallResult {
  const stepPath = `/steps/${stepIndex}`;
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
    const c = resolveCaller(world, step.as, state, trace, env);
    if (!c.ok) return Object.assign(result('error'), { error: c.error, trace });
    caller = c.caller;
  }
  const params = resolveParams(step.params, state, trace, stepIndex);
  if (params.MinimumSessionTokenSize !== undefined) {
    // A newer request member (AWS SDKs model it on the credential-issuing calls); the simulator's tokens have no real size.
    trace.push({ gate: 'validate', result: 'info', code: 'params.minimum-session-token-size', reason: `MinimumSessionTokenSize (${String(params.MinimumSessionTokenSize)}) is accepted; the simulator does not model session token sizes, so it changes nothing here.`, learn: learn.validation, uncertain: true });
  }
  const out = runCall(world, step, federated ? { kind: 'anonymous' } : caller, params, env, seed, stepId, stepPath, state);
  trace.push(...out.trace);
  if (!out.ok) return Object.assign(result('error'), { error: out.error, trace });
  if (out.session) {
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html (the global endpoint's token version; v1Token by default)
    const session: Session = env.endpoint === 'global' ? { ...out.session, globalEndpointToken: world.accounts.get(out.session.account)?.globalEndpointTokenVersion ?? 'v1Token' } : out.session;
    if (step.id) state.sessions.set(step.id, session);
    state.byKey.set(session.accessKeyId, session);
  }
  return Object.assign(result('success'), out.token ? { response: out.response, token: out.token, trace } : { response: out.response, trace });
}

function requestStep(world: World, step: RequestStep, state: RunState, env: StepEnv, at: string, trace: TraceEntry[]): RequestResult {
  const result = (outcome: 'success' | 'error', decision: Decision): RequestResult => {
    const r = (step.id ? { id: step.id, kind: 'request', action: step.request.action, resource: step.request.resource, at } : { kind: 'request', action: step.request.action, resource: step.request.resource, at }) as RequestResult;
    r.outcome = outcome;
    r.decision = decision;
    return r;
  };
  const c = resolveCaller(world, step.as, state, trace, env);
  // Credentials that fail authentication never reach authorization; the request is denied.
  if (!c.ok && c.error.code === 'ExpiredToken') {
    // Each service words expired signing credentials its own way (sts-facts F-0.15).
    const service = step.request.action.split(':')[0]!.toLowerCase();
    const { error, known } = expiredTokenFromService(service);
    trace.push({
      gate: 'authenticate', result: 'info', code: 'auth.expired-service-error',
      reason: known
        ? `${service} answers expired signing credentials with ${error.code} (HTTP ${error.httpStatus}).`
        : `AWS does not document how ${service} names expired signing credentials (S3 says ExpiredToken with HTTP 400, JSON-protocol services such as DynamoDB ExpiredTokenException); the simulator answers as STS does, ExpiredToken (403).`,
      learn: learn.expired,
      ...(known ? {} : { uncertain: true }),
    });
    return Object.assign(result('error', 'ImplicitDeny'), { error, trace });
  }
  if (!c.ok) return Object.assign(result('error', 'ImplicitDeny'), { error: c.error, trace });
  const r = runRequest(world, c.caller, step.request, env);
  trace.push(...r.trace);
  const out = result(r.decision === 'Allow' ? 'success' : 'error', r.decision);
  if (r.error) out.error = r.error;
  out.trace = trace;
  return out;
}
