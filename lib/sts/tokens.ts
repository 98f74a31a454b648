/**
 * GetSessionToken, GetFederationToken and AssumeRoot.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html
 */
import { learn } from '../explain/learn';
import { type World, orgOf, rootTaskPolicies } from '../world/world';
import { authorize, callerPolicies } from './authorize';
import { callerAccount, callerArn, callerKeys, callerPartition, requestPrincipal, resourceKeys, type StepEnv } from './context';
import { awsError, notAuthorized } from './errors';
import { checkMfa } from './mfa';
import { addSessionKeys, checkPackedSize, combineTags, credentialsFor, fail, issued, regionCheck, sessionPolicies, validateSessionPolicyParams, validateTags, type CallOutcome, invalidParams } from './shared';
import { type Caller, type Session, type TraceEntry } from './types';
import { rules, Validator } from './validate';
import { limits } from './limits';

const ROOT_MAX = limits.rootTokenMaxSeconds;

/** Clamps a root user's duration to one hour, as GetSessionToken and GetFederationToken do. */
function rootClamp(requested: number | undefined, trace: TraceEntry[], call: string): number {
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html (root: 900–3600, longer values default to one hour)
  const d = requested ?? ROOT_MAX;
  if (d > ROOT_MAX) {
    trace.push({ gate: 'duration', result: 'info', code: 'duration.root-clamped', reason: `The root user asked ${call} for ${d} seconds; root sessions are limited to one hour, so STS silently shortens it to 3600 (no error).`, learn: learn.duration, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html' });
    return ROOT_MAX;
  }
  trace.push({ gate: 'duration', result: 'pass', code: requested === undefined ? 'duration.default' : 'duration.within-max', reason: requested === undefined ? 'No DurationSeconds: the root user gets the default of 3600 seconds.' : `DurationSeconds ${d} is within the root user's one-hour limit.`, learn: learn.duration });
  return d;
}

function longTermOnly(caller: Caller, call: 'GetSessionToken' | 'GetFederationToken', trace: TraceEntry[]): CallOutcome | undefined {
  if (caller.kind === 'session') {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html
    return fail(trace, awsError('AccessDenied', `Cannot call ${call} with session credentials`), { gate: 'caller-type', result: 'fail', code: 'caller.session-credentials', reason: `${call} must be called with an IAM user's or the root user's long-term access keys; this caller uses temporary credentials from step "${caller.session.stepId}".`, learn: call === 'GetSessionToken' ? learn.getSessionToken : learn.federationToken, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html' });
  }
  trace.push({ gate: 'caller-type', result: 'pass', code: 'caller.long-term', reason: `${call} is called with long-term credentials, as it must be.`, learn: call === 'GetSessionToken' ? learn.getSessionToken : learn.federationToken });
  return undefined;
}

/** GetSessionToken's parameters. */
export interface GetSessionTokenParams {
  DurationSeconds?: number;
  SerialNumber?: string;
  TokenCode?: string;
}

/** Runs GetSessionToken. No permission is needed, and no policy can deny it. */
export function getSessionToken(world: World, caller: Caller, p: GetSessionTokenParams, env: StepEnv, seed: string, stepId: string): CallOutcome {
  const trace: TraceEntry[] = [];
  const bad = longTermOnly(caller, 'GetSessionToken', trace);
  if (bad) return bad;
  const v = new Validator();
  v.range('durationSeconds', p.DurationSeconds, limits.userTokenMinSeconds, limits.userTokenMaxSeconds);
  v.string('serialNumber', p.SerialNumber, rules.serialNumber);
  v.string('tokenCode', p.TokenCode, rules.tokenCode);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid, 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html');
  trace.push({ gate: 'validate', result: 'pass', code: 'validate.params', reason: 'Every parameter meets the API constraints (DurationSeconds 900–129600).', learn: learn.validation });
  const account = callerAccount(caller)!;
  const regionErr = regionCheck(world, account, env, trace);
  if (regionErr) return fail(trace, regionErr);
  let mfa: Session['mfa'] = { present: false };
  if (p.SerialNumber !== undefined || p.TokenCode !== undefined) {
    const m = checkMfa(caller, p.SerialNumber, p.TokenCode, env, trace);
    if (!m.ok) return fail(trace, m.error);
    if (m.mfa) mfa = m.mfa;
  }
  trace.push({ gate: 'caller-permissions', result: 'skip', code: 'permissions.not-needed', reason: 'GetSessionToken needs no permission, and no policy (not even an explicit Deny) can stop it.', learn: learn.getSessionToken, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html' });
  let duration: number;
  if (caller.kind === 'root') duration = rootClamp(p.DurationSeconds, trace, 'GetSessionToken');
  else {
    duration = p.DurationSeconds ?? limits.userTokenDefaultSeconds;
    trace.push({ gate: 'duration', result: 'pass', code: p.DurationSeconds === undefined ? 'duration.default' : 'duration.within-max', reason: p.DurationSeconds === undefined ? 'No DurationSeconds: an IAM user gets the default of 43200 seconds (12 hours).' : `DurationSeconds ${duration} is within 900–129600 for an IAM user.`, learn: learn.duration, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html' });
  }
  const c = credentialsFor(account, `${seed}|${stepId}`, env, duration);
  const user = caller.kind === 'user' ? caller.user : undefined;
  const session: Session = {
    stepId, kind: 'session-token', createdBy: 'GetSessionToken', account,
    arn: user ? user.arn : callerArn(caller), userId: user ? user.id : account, user,
    accessKeyId: c.accessKeyId, issuedAt: env.now, expiresAt: c.expiresAt, mfa, tags: [], chained: false,
  };
  trace.push(issued(`temporary credentials for ${session.arn}`, duration, c.expiresAt, mfa.present ? ' They carry the MFA context, so MFA-protected actions and IAM calls work.' : ' Without MFA they cannot call IAM, and they can call only AssumeRole and GetCallerIdentity in STS.'));
  return { ok: true, response: { Credentials: c.credentials }, session, trace };
}

/** GetFederationToken's parameters. */
export interface GetFederationTokenParams {
  Name?: string;
  DurationSeconds?: number;
  Policy?: unknown;
  PolicyArns?: { arn: string }[];
  Tags?: { Key: string; Value: string }[];
}

/** Runs GetFederationToken. */
export function getFederationToken(world: World, caller: Caller, p: GetFederationTokenParams, env: StepEnv, seed: string, stepId: string, stepPath: string): CallOutcome {
  const trace: TraceEntry[] = [];
  const bad = longTermOnly(caller, 'GetFederationToken', trace);
  if (bad) return bad;
  const v = new Validator();
  if (v.required('name', p.Name)) v.string('name', p.Name, rules.federatedName);
  v.range('durationSeconds', p.DurationSeconds, limits.userTokenMinSeconds, limits.userTokenMaxSeconds);
  validateSessionPolicyParams(v, p.Policy, p.PolicyArns, limits.sessionPolicyMaxChars);
  validateTags(v, p.Tags);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid, 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html');
  trace.push({ gate: 'validate', result: 'pass', code: 'validate.params', reason: 'Every parameter meets the API constraints (Name 2–32, DurationSeconds 900–129600, Policy ≤ 2048).', learn: learn.validation });
  const account = callerAccount(caller)!;
  const regionErr = regionCheck(world, account, env, trace);
  if (regionErr) return fail(trace, regionErr);
  const sp = sessionPolicies(world, p.Policy, p.PolicyArns, account, stepPath, trace);
  if (!sp.ok) return fail(trace, sp.error);
  const tagged = combineTags([], p.Tags ?? [], [], trace);
  if (!tagged.ok) return fail(trace, tagged.error);

  const name = p.Name!;
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns (arn:partition:sts::account:federated-user/name)
  const fedArn = `arn:${callerPartition(caller)}:sts::${account}:federated-user/${name}`;
  const keys = Object.assign(callerKeys(world, caller, env), resourceKeys(world, account));
  addSessionKeys(keys, p.Tags);
  const set = callerPolicies(world, caller);
  const base = { principal: requestPrincipal(caller), keys, resource: fedArn, resourceAccount: account, mode: 'request' as const };
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getfederationtoken.html
  const az = authorize(world, caller, set, Object.assign({}, base, { action: 'sts:GetFederationToken' }));
  trace.push(...az.trace);
  if (az.decision !== 'Allow') return fail(trace, notAuthorized(callerArn(caller), 'sts:GetFederationToken', fedArn));
  if (p.Tags?.length) {
    const t = authorize(world, caller, set, Object.assign({}, base, { action: 'sts:TagSession' }));
    if (t.decision !== 'Allow') {
      trace.push({ gate: 'session-tags', result: 'fail', code: 'tags.tagsession-denied', reason: 'Passing session tags needs sts:TagSession in the caller\'s policies, and it is not allowed.', learn: learn.sessionTags, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html' });
      return fail(trace, notAuthorized(callerArn(caller), 'sts:TagSession', fedArn));
    }
  }
  let duration: number;
  if (caller.kind === 'root') duration = rootClamp(p.DurationSeconds, trace, 'GetFederationToken');
  else {
    duration = p.DurationSeconds ?? limits.userTokenDefaultSeconds;
    trace.push({ gate: 'duration', result: 'pass', code: p.DurationSeconds === undefined ? 'duration.default' : 'duration.within-max', reason: p.DurationSeconds === undefined ? 'No DurationSeconds: the default is 43200 seconds (12 hours).' : `DurationSeconds ${duration} is within 900–129600.`, learn: learn.duration });
  }
  const { packed, error: packedError } = checkPackedSize(sp.policies, sp.plainChars, p.PolicyArns?.length ?? 0, p.Tags ?? [], trace);
  if (packedError) return fail(trace, packedError);
  if (!sp.policies) {
    trace.push({ gate: 'session-policy', result: 'info', code: 'session.none-federation', reason: 'No session policy was passed, so the federated user will have no permissions at all (only resource policies that name it can grant access).', learn: learn.federationToken, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html' });
  }
  const c = credentialsFor(account, `${seed}|${stepId}`, env, duration);
  const user = caller.kind === 'user' ? caller.user : undefined;
  const session: Session = {
    stepId, kind: 'federated-user', createdBy: 'GetFederationToken', account, arn: fedArn, userId: `${account}:${name}`, user, sessionName: name,
    accessKeyId: c.accessKeyId, issuedAt: env.now, expiresAt: c.expiresAt, mfa: { present: false }, sessionPolicies: sp.policies ?? [], tags: tagged.tags, chained: false,
  };
  const response: Record<string, unknown> = { Credentials: c.credentials, FederatedUser: { FederatedUserId: `${account}:${name}`, Arn: fedArn } };
  if (packed !== undefined) response.PackedPolicySize = packed;
  trace.push(issued(`credentials for federated user ${fedArn}`, duration, c.expiresAt));
  return { ok: true, response, session, trace };
}

/** AssumeRoot's parameters. */
export interface AssumeRootParams {
  TargetPrincipal?: string;
  TaskPolicyArn?: { arn: string };
  DurationSeconds?: number;
}

/** Runs AssumeRoot: short-term root credentials for a member account. */
export function assumeRoot(world: World, caller: Caller, p: AssumeRootParams, env: StepEnv, seed: string, stepId: string): CallOutcome {
  const trace: TraceEntry[] = [];
  const src = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html';
  if (caller.kind === 'root' || (caller.kind === 'session' && (caller.session.kind === 'root' || caller.session.kind === 'federated-user' || caller.session.kind === 'session-token'))) {
    const why = caller.kind === 'root' || (caller.kind === 'session' && caller.session.kind === 'root') ? 'Root user credentials cannot call AssumeRoot; an IAM user or role of the management account calls it.' : 'These temporary credentials cannot call AssumeRoot.';
    return fail(trace, notAuthorized(callerArn(caller), 'sts:AssumeRoot', p.TargetPrincipal ?? ''), { gate: 'caller-type', result: 'fail', code: 'caller.cannot-assume-root', reason: why, learn: learn.assumeRoot, source: src, uncertain: true });
  }
  if (env.endpoint === 'global') {
    return fail(trace, awsError('InvalidAction', 'AssumeRoot is not available on the global endpoint; use a Regional STS endpoint.'), { gate: 'region', result: 'fail', code: 'region.assume-root-global', reason: 'AssumeRoot works only on Regional STS endpoints.', learn: learn.assumeRoot, source: src, uncertain: true });
  }
  const v = new Validator();
  if (v.required('targetPrincipal', p.TargetPrincipal)) v.string('targetPrincipal', p.TargetPrincipal, rules.targetPrincipal);
  if (v.required('taskPolicyArn', p.TaskPolicyArn)) v.string('taskPolicyArn.arn', p.TaskPolicyArn?.arn, rules.arn);
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html (DurationSeconds at most 900)
  v.range('durationSeconds', p.DurationSeconds, 0, limits.assumeRootMaxSeconds);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid, src);
  const taskArn = p.TaskPolicyArn!.arn;
  if (!(taskArn in rootTaskPolicies)) {
    return fail(trace, awsError('ValidationError', `The TaskPolicyArn ${taskArn} is not a supported root task policy.`), { gate: 'validate', result: 'fail', code: 'validate.task-policy', reason: `TaskPolicyArn must be one of the AWS managed root-task policies (${Object.keys(rootTaskPolicies).map((a) => a.split('/').pop()).join(', ')}).`, learn: learn.assumeRoot, source: src, uncertain: true });
  }
  trace.push({ gate: 'validate', result: 'pass', code: 'validate.params', reason: 'TargetPrincipal and TaskPolicyArn are present and DurationSeconds is at most 900.', learn: learn.validation });
  const target = /^\d{12}$/.test(p.TargetPrincipal!) ? p.TargetPrincipal! : (/^arn:[\w-]+:iam::(\d{12}):root$/.exec(p.TargetPrincipal!)?.[1] ?? p.TargetPrincipal!);
  const account = callerAccount(caller)!;
  const org = orgOf(world, account);
  const targetRoot = `arn:${callerPartition(caller)}:iam::${target}:root`;
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management
  if (!org || org.management !== account) {
    return fail(trace, notAuthorized(callerArn(caller), 'sts:AssumeRoot', targetRoot), { gate: 'caller-permissions', result: 'fail', code: 'assume-root.not-management', reason: `AssumeRoot is called from the Organizations management account (or a delegated administrator for IAM); ${account} is not ${org ? `the management account of ${org.id}` : 'in an organization'}.`, learn: learn.assumeRoot, source: src });
  }
  if (!org.centralizedRootAccess) {
    return fail(trace, notAuthorized(callerArn(caller), 'sts:AssumeRoot', targetRoot), { gate: 'caller-permissions', result: 'fail', code: 'assume-root.not-enabled', reason: `Centralized root access is not enabled in ${org.id}.`, learn: learn.assumeRoot, source: src, uncertain: true });
  }
  if (!org.accounts.includes(target) || target === org.management) {
    return fail(trace, notAuthorized(callerArn(caller), 'sts:AssumeRoot', targetRoot), { gate: 'caller-permissions', result: 'fail', code: 'assume-root.not-member', reason: `Account ${target} is not a member account of ${org.id}.`, learn: learn.assumeRoot, source: src });
  }
  const regionErr = regionCheck(world, target, env, trace);
  if (regionErr) return fail(trace, regionErr);
  const keys = { ...callerKeys(world, caller, env), ...resourceKeys(world, target), 'sts:TaskPolicyArn': taskArn };
  const az = authorize(world, caller, callerPolicies(world, caller), { action: 'sts:AssumeRoot', resource: targetRoot, principal: requestPrincipal(caller), keys, resourceAccount: account, mode: 'request' });
  trace.push(...az.trace);
  if (az.decision !== 'Allow') return fail(trace, notAuthorized(callerArn(caller), 'sts:AssumeRoot', targetRoot));
  const duration = p.DurationSeconds || limits.assumeRootMaxSeconds;
  trace.push({ gate: 'duration', result: p.DurationSeconds === 0 ? 'info' : 'pass', code: 'duration.assume-root', reason: p.DurationSeconds === undefined ? 'No DurationSeconds: root sessions last the default and maximum of 900 seconds.' : p.DurationSeconds === 0 ? 'DurationSeconds 0 is treated as the default of 900 seconds.' : `DurationSeconds ${duration} is within AssumeRoot's 900-second limit.`, learn: learn.assumeRoot, uncertain: p.DurationSeconds === 0 ? true : undefined });
  const c = credentialsFor(target, `${seed}|${stepId}`, env, duration);
  const taskPolicy = world.managedPolicies.get(taskArn);
  const sourceIdentity = caller.kind === 'session' ? caller.session.sourceIdentity : undefined;
  const session: Session = {
    stepId, kind: 'root', createdBy: 'AssumeRoot', account: target, arn: targetRoot, userId: target,
    accessKeyId: c.accessKeyId, issuedAt: env.now, expiresAt: c.expiresAt, mfa: { present: false }, tags: [], chained: false, taskPolicy, sourceIdentity,
  };
  const response: Record<string, unknown> = { Credentials: c.credentials };
  if (sourceIdentity !== undefined) response.SourceIdentity = sourceIdentity;
  trace.push(issued(`root credentials for account ${target}, limited to the task policy ${taskArn.split('/').pop()}`, duration, c.expiresAt));
  return { ok: true, response, session, trace };
}
