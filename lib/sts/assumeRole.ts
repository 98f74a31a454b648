/**
 * AssumeRole.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import { learn } from '../explain/learn';
import { arnPartition, type World } from '../world/world';
import { authorize, callerPolicies, type AuthzRequest } from './authorize';
import { callerArn, callerKeys, callerMfa, callerPartition, requestPrincipal, resourceKeys, type StepEnv } from './context';
import { awsError, notAuthorized } from './errors';
import { checkMfa } from './mfa';
import { checkMaxDuration, diagnoseTrust, issueRoleSession } from './roleSession';
import { addSessionKeys, checkPackedSize, combineTags, fail, regionCheck, sessionPolicies, validateProvidedContexts, validateSessionPolicyParams, validateTags, type CallOutcome, invalidParams } from './shared';
import { type Caller, type MfaContext, type TraceEntry } from './types';
import { rules, Validator } from './validate';
import { limits } from './limits';

/** AssumeRole's parameters, resolved. */
export interface AssumeRoleParams {
  RoleArn?: string;
  RoleSessionName?: string;
  DurationSeconds?: number;
  ExternalId?: string;
  SerialNumber?: string;
  TokenCode?: string;
  Policy?: unknown;
  PolicyArns?: { arn: string }[];
  Tags?: { Key: string; Value: string }[];
  TransitiveTagKeys?: string[];
  SourceIdentity?: string;
  /** Trusted identity propagation: signed context assertions (IAM Identity Center). */
  ProvidedContexts?: { ProviderArn?: string; ContextAssertion?: string }[];
  /** Accepted and validated; the model does not simulate session token sizes. */
  MinimumSessionTokenSize?: number;
}

/** Role chaining caps a session at one hour. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining */
export const CHAINING_CAP_SECONDS = limits.chainingCapSeconds;

/**
 * Runs AssumeRole for a signed caller.
 * @returns the AWS response and new session, or the AWS error; always with the trace
 */
export function assumeRole(world: World, caller: Caller, p: AssumeRoleParams, env: StepEnv, seed: string, stepId: string, stepPath: string): CallOutcome {
  const trace: TraceEntry[] = [];
  const who = callerArn(caller);

  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (the root user cannot call AssumeRole)
  // GetSessionToken credentials of the root user are still the root user.
  if (caller.kind === 'root' || (caller.kind === 'session' && (caller.session.kind === 'root' || (caller.session.kind === 'session-token' && !caller.session.user)))) {
    return fail(trace, awsError('AccessDenied', 'Roles may not be assumed by root accounts.'), { gate: 'caller-type', result: 'fail', code: 'caller.root-cannot-assume', reason: 'The root user cannot assume roles. Sign in as an IAM user or role instead.', learn: learn.rootCannotAssume, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html' });
  }
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html (GetFederationToken credentials cannot call STS except GetCallerIdentity)
  if (caller.kind === 'session' && caller.session.kind === 'federated-user') {
    return fail(trace, notAuthorized(who, 'sts:AssumeRole', p.RoleArn ?? ''), { gate: 'caller-type', result: 'fail', code: 'caller.federated-user-cannot-call', reason: 'Credentials from GetFederationToken cannot call any STS operation except GetCallerIdentity.', learn: learn.federationToken, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html', uncertain: true });
  }
  const chained = caller.kind === 'session';
  // AWS defines role chaining as "using a role to assume a second role"; its Knowledge Center says GetSessionToken
  // (MFA) credentials that assume a role are also limited to one hour. https://repost.aws/knowledge-center/iam-role-chaining-limit
  const roleToRole = chained && caller.session.kind === 'assumed-role';
  trace.push({
    gate: 'caller-type', result: 'pass', code: chained ? 'caller.temporary' : 'caller.long-term',
    reason: !chained
      ? `The caller signs with ${caller.kind === 'user' ? `${caller.user.name}'s` : 'its'} long-term credentials.`
      : roleToRole
        ? `The caller signs with a role session from step "${caller.session.stepId}" (${caller.session.createdBy}): a role assuming a role is role chaining.`
        : `The caller signs with temporary credentials from step "${caller.session.stepId}" (${caller.session.createdBy}). AWS defines role chaining as a role assuming a role; its Knowledge Center says GetSessionToken credentials that assume a role are limited to one hour too, so the model applies the same cap.`,
    learn: chained ? learn.chaining : learn.authenticate,
    ...(chained && !roleToRole ? { source: 'https://repost.aws/knowledge-center/iam-role-chaining-limit' } : {}),
  });

  const v = new Validator();
  if (v.required('roleArn', p.RoleArn)) v.string('roleArn', p.RoleArn, rules.arn);
  if (v.required('roleSessionName', p.RoleSessionName)) v.string('roleSessionName', p.RoleSessionName, rules.roleSessionName);
  v.range('durationSeconds', p.DurationSeconds, limits.assumeRoleMinSeconds, limits.assumeRoleMaxSeconds);
  v.string('externalId', p.ExternalId, rules.externalId);
  v.string('serialNumber', p.SerialNumber, rules.serialNumber);
  v.string('tokenCode', p.TokenCode, rules.tokenCode);
  v.string('sourceIdentity', p.SourceIdentity, rules.sourceIdentity);
  // The documented plaintext limit for session policies is 2048 characters.
  validateSessionPolicyParams(v, p.Policy, p.PolicyArns, limits.sessionPolicyMaxChars);
  validateTags(v, p.Tags, p.TransitiveTagKeys);
  validateProvidedContexts(v, p.ProvidedContexts);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid, 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html');
  trace.push({ gate: 'validate', result: 'pass', code: 'validate.params', reason: 'Every parameter meets the API constraints (RoleSessionName 2–64 of [\\w+=,.@-], DurationSeconds 900–43200, …).', learn: learn.validation });
  const roleArn = p.RoleArn!;
  const sessionName = p.RoleSessionName!;
  const roleAccount = roleArn.split(':')[4] ?? '';

  const regionErr = regionCheck(world, roleAccount, env, trace);
  if (regionErr) return fail(trace, regionErr);

  const sp = sessionPolicies(world, p.Policy, p.PolicyArns, roleAccount, stepPath, trace);
  if (!sp.ok) return fail(trace, sp.error);

  const inherited = caller.kind === 'session' ? caller.session.tags.filter((t) => t.transitive) : [];
  const tagged = combineTags(inherited, p.Tags ?? [], p.TransitiveTagKeys ?? [], trace);
  if (!tagged.ok) return fail(trace, tagged.error);

  // MFA given with the call: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
  let mfa: MfaContext = callerMfa(caller);
  if (p.SerialNumber !== undefined || p.TokenCode !== undefined) {
    const m = checkMfa(caller, p.SerialNumber, p.TokenCode, env, trace);
    if (!m.ok) return fail(trace, m.error);
    if (m.mfa) mfa = m.mfa;
  }

  if (caller.kind === 'session' && caller.session.mfa.present && !(p.SerialNumber && p.TokenCode)) {
    // GetSessionToken credentials made with MFA satisfy MFA conditions later (documented);
    // whether a role session made with MFA carries it into a chained session is not.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
    const documented = caller.session.kind === 'session-token';
    trace.push({ gate: 'mfa', result: 'info', code: 'mfa.carried', reason: documented ? 'The calling credentials came from GetSessionToken with MFA, so this call carries aws:MultiFactorAuthPresent=true and the age of that MFA sign-in.' : 'The calling role session was created with MFA; the model carries that MFA context into the new session.', learn: learn.mfaKeys, ...(documented ? {} : { uncertain: true }) });
  }
  // Each partition has its own IAM: credentials from one cannot reach a role in another.
  // https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
  if (arnPartition(roleArn) !== callerPartition(caller)) {
    return fail(trace, notAuthorized(who, 'sts:AssumeRole', roleArn), { gate: 'trust-policy', result: 'fail', code: 'trust.other-partition', reason: `The role is in the ${arnPartition(roleArn)} partition and the caller in ${callerPartition(caller)}. Partitions have separate IAM, so no trust policy can let a caller from another partition in; STS there finds no such role and answers AccessDenied.`, learn: learn.accessDenied, source: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html', uncertain: true });
  }
  const role = world.roles.get(roleArn);
  if (!role) {
    // AWS does not reveal whether a role exists: it answers AccessDenied.
    return fail(trace, notAuthorized(who, 'sts:AssumeRole', roleArn), { gate: 'trust-policy', result: 'fail', code: 'trust.role-not-found', reason: `There is no role ${roleArn}. STS answers AccessDenied, as it does for a role you may not assume, so a typo in RoleArn looks like a trust problem.`, learn: learn.accessDenied, uncertain: true });
  }

  const principal = requestPrincipal(caller);
  const keys = Object.assign(callerKeys(world, caller, env), resourceKeys(world, role.account));
  if (mfa.present !== undefined) keys['aws:MultiFactorAuthPresent'] = String(mfa.present);
  if (mfa.present && mfa.authAt !== undefined) keys['aws:MultiFactorAuthAge'] = String(Math.max(0, Math.floor((env.now - mfa.authAt) / 1000)));
  // Trust-policy condition keys of AssumeRole: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
  keys['sts:RoleSessionName'] = sessionName;
  if (p.ExternalId !== undefined) keys['sts:ExternalId'] = p.ExternalId;
  addSessionKeys(keys, p.Tags, p.TransitiveTagKeys, p.SourceIdentity);

  const set = callerPolicies(world, caller);
  // A fresh literal per question: object spreads are slow in V8.
  const question = (action: string, k = keys): AuthzRequest => ({ action, principal, keys: k, resource: roleArn, resourcePolicy: role.trust, resourceAccount: role.account, mode: 'trust' });
  const az = authorize(world, caller, set, question('sts:AssumeRole'));
  trace.push(...diagnoseTrust(role, 'sts:AssumeRole', principal, keys), ...az.trace);
  if (az.decision !== 'Allow') {
    if (caller.kind === 'session' && caller.session.role?.arn === role.arn && az.deniedBy?.policyType === 'resource-based policy') {
      trace.push({ gate: 'trust-policy', result: 'info', code: 'trust.self-assume', reason: `${role.name} is assuming itself. Since September 2022 (for almost every role; a few allow-listed roles kept the old behaviour longer) a role's trust policy must allow the role explicitly; its own permissions are not enough.`, learn: learn.selfAssume, source: 'https://aws.amazon.com/blogs/security/announcing-an-update-to-iam-role-trust-policy-behavior/' });
    }
    return fail(trace, notAuthorized(who, 'sts:AssumeRole', roleArn));
  }

  // Passing tags, or carrying transitive ones, needs sts:TagSession. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
  if (p.Tags?.length || inherited.length) {
    const t = authorize(world, caller, set, question('sts:TagSession'));
    if (t.decision !== 'Allow') {
      trace.push({ gate: 'session-tags', result: 'fail', code: 'tags.tagsession-denied', reason: `${p.Tags?.length ? 'The call passes session tags' : 'The calling session carries transitive tags'}, so sts:TagSession must be allowed too, and it is not: ${t.trace.filter((e) => e.result === 'fail').map((e) => e.reason).join(' ')}`, learn: learn.sessionTags, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required' });
      return fail(trace, notAuthorized(who, 'sts:TagSession', roleArn));
    }
    trace.push({ gate: 'session-tags', result: 'pass', code: 'tags.tagsession-allowed', reason: 'sts:TagSession is allowed, so the session tags are accepted.', learn: learn.sessionTags });
  }

  // ProvidedContexts need sts:SetContext in the trust policy. https://docs.aws.amazon.com/singlesignon/latest/userguide/trustedidentitypropagation-identity-enhanced-iam-role-sessions.html
  if (p.ProvidedContexts?.length) {
    const providers = p.ProvidedContexts.map((c) => c.ProviderArn ?? '');
    const c = authorize(world, caller, set, question('sts:SetContext', Object.assign({}, keys, { 'sts:RequestContextProviders': providers })));
    if (c.decision !== 'Allow') {
      trace.push({ gate: 'trust-policy', result: 'fail', code: 'context.setcontext-denied', reason: `The call passes ProvidedContexts (${providers.join(', ')}), so ${role.name}'s trust policy must also allow sts:SetContext for the caller, and it does not: ${c.trace.filter((e) => e.result === 'fail').map((e) => e.reason).join(' ')}`, learn: learn.providedContexts, source: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/trustedidentitypropagation-identity-enhanced-iam-role-sessions.html' });
      return fail(trace, notAuthorized(who, 'sts:SetContext', roleArn));
    }
    trace.push({ gate: 'trust-policy', result: 'pass', code: 'context.setcontext-allowed', reason: `sts:SetContext is allowed, so the context from ${providers.join(', ')} is set on the session (an identity-enhanced role session). The assertion is opaque: STS signs and encrypts it, and the model does not decode it.`, learn: learn.providedContexts, source: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/trustedidentitypropagation-identity-enhanced-iam-role-sessions.html' });
  }

  // SourceIdentity: set once, then carried. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
  const carried = caller.kind === 'session' ? caller.session.sourceIdentity : undefined;
  if (p.SourceIdentity !== undefined && carried !== undefined && p.SourceIdentity !== carried) {
    return fail(trace, awsError('ValidationError', 'The source identity is already set for this assume role session.'), { gate: 'source-identity', result: 'fail', code: 'source-identity.already-set', reason: `The calling session's SourceIdentity is "${carried}"; it cannot be changed to "${p.SourceIdentity}" along a chain.`, learn: learn.sourceIdentity, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html' });
  }
  const sourceIdentity = p.SourceIdentity ?? carried;
  if (sourceIdentity !== undefined) {
    const s = authorize(world, caller, set, question('sts:SetSourceIdentity', Object.assign({}, keys, { 'sts:SourceIdentity': sourceIdentity })));
    if (s.decision !== 'Allow') {
      trace.push({ gate: 'source-identity', result: 'fail', code: 'source-identity.denied', reason: `${p.SourceIdentity !== undefined ? 'The call sets' : 'The calling session carries'} SourceIdentity "${sourceIdentity}", so sts:SetSourceIdentity must be allowed, and it is not.`, learn: learn.sourceIdentity, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html#id_credentials_temp_control-access_monitor-perms' });
      return fail(trace, notAuthorized(who, 'sts:SetSourceIdentity', roleArn));
    }
    // Role chaining: the assuming role's own permissions policy must allow it as well, even where a same-account trust naming the role would otherwise suffice.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html#id_credentials_temp_control-access_monitor-perms
    if (roleToRole && p.SourceIdentity !== undefined && caller.kind === 'session' && caller.session.role?.account === role.account) {
      const own = authorize(world, caller, set, { ...question('sts:SetSourceIdentity', Object.assign({}, keys, { 'sts:SourceIdentity': sourceIdentity })), resourcePolicy: undefined, mode: 'request' });
      if (own.decision !== 'Allow') {
        trace.push({ gate: 'source-identity', result: 'fail', code: 'source-identity.chain-needs-identity', reason: `In role chaining, sts:SetSourceIdentity must be allowed by the permissions policy of the role doing the assuming (${caller.session.role.name}) as well as by ${role.name}'s trust policy; ${caller.session.role.name}'s policies do not allow it.`, learn: learn.sourceIdentity, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html#id_credentials_temp_control-access_monitor-perms' });
        return fail(trace, notAuthorized(who, 'sts:SetSourceIdentity', roleArn));
      }
    }
    trace.push({ gate: 'source-identity', result: 'pass', code: 'source-identity.set', reason: `SourceIdentity "${sourceIdentity}" ${p.SourceIdentity !== undefined && carried === undefined ? 'is set and' : 'is carried from the calling session and'} will stay with every session chained from this one.`, learn: learn.sourceIdentity });
  }

  const requested = p.DurationSeconds ?? limits.assumeRoleDefaultSeconds;
  if (chained && requested > CHAINING_CAP_SECONDS) {
    return fail(trace, awsError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'), { gate: 'duration', result: 'fail', code: 'duration.chaining-cap', reason: `${roleToRole ? 'This is role chaining' : 'The caller uses GetSessionToken credentials, which AWS caps like role chaining'}, which limits the session to 3600 seconds; DurationSeconds is ${requested}. When both this cap and MaxSessionDuration are exceeded, the model reports the chaining cap.`, learn: learn.chaining, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining' });
  }
  const tooLong = checkMaxDuration(role, requested, p.DurationSeconds !== undefined, trace);
  if (tooLong) return fail(trace, tooLong);
  if (chained) trace.push({ gate: 'duration', result: 'info', code: 'duration.chained-not-capped-by-parent', reason: `A chained session is limited to one hour but is not cut to the calling session's expiry.`, learn: learn.chaining, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining' });

  const { packed, error: packedError } = checkPackedSize(sp.policies, sp.plainChars, p.PolicyArns?.length ?? 0, p.Tags ?? [], trace);
  if (packedError) return fail(trace, packedError);

  const sessionMfa: MfaContext = mfa.present ? mfa : { present: false };
  const { session, response } = issueRoleSession({ role, env, seed, stepId, sessionName, durationSeconds: requested, policies: sp.policies, packedPercent: packed, tags: tagged.tags, sourceIdentity, mfa: sessionMfa, chained, createdBy: 'AssumeRole' });
  trace.push({ gate: 'issue', result: 'pass', code: 'issue.credentials', reason: `STS issues credentials for ${session.arn} lasting ${requested} seconds (until ${String((response.Credentials as Record<string, string>).Expiration)}).`, learn: learn.credentials });
  return { ok: true, response, session, trace };
}
