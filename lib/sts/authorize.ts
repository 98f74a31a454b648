/**
 * AWS policy evaluation for one request by one caller: SCPs, resource-based policies
 * (a role's trust policy is one), identity policies, permissions boundaries and session
 * policies, with the same-account and cross-account rules.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { learn } from '../explain/learn';
import { evaluatePolicy } from '../policy/evaluate';
import { type ContextValue, type PolicyEvaluation, type PrincipalSpec, type RequestPrincipal, type Statement } from '../policy/types';
import { attachedAt, type NamedPolicy, orgLevels, type OrgLevel, orgOf, type World } from '../world/world';
import { callerAccount } from './context';
import { type Caller, type Decision, type Gate, type TraceEntry } from './types';

/** Which policy type a denial comes from, in AWS's own words for error messages. */
export type PolicyType = 'service control policy' | 'resource control policy' | 'resource-based policy' | 'identity-based policy' | 'session policy' | 'permissions boundary';

/** How a resource-based policy's applying Allow names the caller. */
export type Grant = 'session' | 'exact' | 'wildcard' | 'account';

/** The caller's own policies. */
export interface PolicySet {
  /** Identity-based policies; `all` for the root user, who needs none. */
  identity: NamedPolicy[] | 'all';
  boundary?: NamedPolicy;
  /** Session policies; undefined when the session has none (no limit); an empty list allows nothing. */
  session?: NamedPolicy[];
  /**
   * SCPs that apply to the caller's account, level by level from the root down to the account;
   * every level must allow. Undefined when only FullAWSAccess is attached all the way down.
   */
  scps?: OrgLevels;
}

/** The policies attached at each level of an organization path. */
export type OrgLevels = { level: OrgLevel; policies: NamedPolicy[] }[];

/** The caller's policies from the world. */
export function callerPolicies(world: World, c: Caller): PolicySet {
  const account = callerAccount(c);
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html (SCPs do not restrict service-linked roles)
  const serviceLinked = c.kind === 'session' && isServiceLinkedRole(c.session.role?.arn);
  const scps = account && !serviceLinked ? cachedScps(world, account) : undefined;
  switch (c.kind) {
    case 'user':
      return { identity: c.user.policies, boundary: c.user.boundary, scps };
    case 'root':
      return { identity: 'all', scps };
    case 'anonymous':
      return { identity: [] };
    case 'session': {
      const s = c.session;
      if (s.kind === 'assumed-role' && s.role) return { identity: s.role.policies, boundary: s.role.boundary, session: s.sessionPolicies, scps };
      if (s.kind === 'session-token') return s.user ? { identity: s.user.policies, boundary: s.user.boundary, scps } : { identity: 'all', scps };
      // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html (no session policy: no permissions)
      if (s.kind === 'federated-user') return s.user ? { identity: s.user.policies, boundary: s.user.boundary, session: s.sessionPolicies ?? [], scps } : { identity: 'all', session: s.sessionPolicies ?? [], scps };
      // AssumeRoot: the task policy is the session's only permission.
      return { identity: s.taskPolicy ? [s.taskPolicy] : [], scps };
    }
  }
}

const scpCache = new WeakMap<World, Map<string, PolicySet['scps']>>();

/** scpsFor, computed once per world and account: a built world does not change. */
function cachedScps(world: World, account: string): PolicySet['scps'] {
  let byAccount = scpCache.get(world);
  if (!byAccount) scpCache.set(world, (byAccount = new Map()));
  if (byAccount.has(account)) return byAccount.get(account);
  const scps = scpsFor(world, account);
  byAccount.set(account, scps);
  return scps;
}

/**
 * A service-linked role: its path is /aws-service-role/. SCPs and RCPs do not restrict it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
 */
export function isServiceLinkedRole(arn: string | undefined): boolean {
  return arn !== undefined && /:role\/aws-service-role\//.test(arn);
}

/**
 * The policies of one kind along an account's path, or undefined when nothing but the AWS
 * managed default is attached anywhere on it (the default allows everything, so there is nothing
 * to show).
 */
function levelsFor(world: World, account: string, kind: 'scp' | 'rcp'): OrgLevels | undefined {
  const org = orgOf(world, account);
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html (SCPs do not affect the management account)
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html (RCPs do not affect resources in the management account)
  if (!org || org.management === account || !(kind === 'scp' ? org.scps.length || org.detachFullAWSAccess.length : org.rcps.length)) return undefined;
  let custom = false;
  const out = orgLevels(org, account).map((level) => {
    const a = attachedAt(org, kind, level);
    custom ||= a.custom;
    return { level, policies: a.policies };
  });
  return custom ? out : undefined;
}

/**
 * SCPs that apply to an account, root → OUs → account. FullAWSAccess is attached at every level
 * unless detached.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
function scpsFor(world: World, account: string): OrgLevels | undefined {
  return levelsFor(world, account, 'scp');
}

/**
 * The services whose resources RCPs govern, as AWS's Organizations guide lists them.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
export const rcpServices: readonly string[] = ['s3', 'sts', 'kms', 'sqs', 'secretsmanager', 'cognito-identity', 'cognito-idp', 'logs', 'dynamodb', 'ecr', 'aoss'];

/**
 * STS actions that AWS's data-perimeter example RCP governs; for other STS actions whether an RCP
 * applies is not documented (the model applies it and marks the trace uncertain).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html
 */
const rcpStsActions = new Set(['sts:assumerole', 'sts:decodeauthorizationmessage', 'sts:getaccesskeyinfo', 'sts:getfederationtoken', 'sts:getservicebearertoken', 'sts:getsessiontoken', 'sts:setcontext', 'sts:assumerolewithwebidentity']);

/**
 * RCPs that apply to a request on a resource owned by `account`, whoever makes it, root → OUs →
 * account; undefined when none apply (not an organization member, the management account, a
 * service RCPs do not cover, a service-linked role, an AWS managed KMS key, kms:RetireGrant).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
 */
export function rcpsFor(world: World, account: string, action: string, resource: string): { levels: OrgLevels; uncertain: boolean } | undefined {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  if (!rcpServices.includes(service) || action.toLowerCase() === 'kms:retiregrant' || action.toLowerCase() === 'sts:getcalleridentity') return undefined;
  if (isServiceLinkedRole(resource) || /:alias\/aws\//.test(resource)) return undefined;
  const levels = levelsFor(world, account, 'rcp');
  return levels ? { levels, uncertain: service === 'sts' && !rcpStsActions.has(action.toLowerCase()) } : undefined;
}

/**
 * The RCP gate on its own, for calls that do not go through authorize (AssumeRoleWithSAML,
 * AssumeRoleWithWebIdentity): pushes the per-level entries and returns false when an RCP denies.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
 */
export function rcpGate(world: World, req: { action: string; resource: string; resourceAccount: string; principal: RequestPrincipal; keys: Record<string, ContextValue> }, trace: TraceEntry[]): boolean {
  if (!rcpsFor(world, req.resourceAccount, req.action, req.resource)) return true;
  const r = authorize(world, { kind: 'anonymous' }, { identity: 'all' }, { ...req, mode: 'request' });
  const rcpTrace = r.trace.filter((t) => t.gate === 'rcp');
  trace.push(...rcpTrace);
  return !rcpTrace.some((t) => t.result === 'fail');
}

/** One authorization question. */
export interface AuthzRequest {
  action: string;
  resource: string;
  principal: RequestPrincipal;
  keys: Record<string, ContextValue>;
  /** The resource's policy: a role's trust policy, a bucket policy. */
  resourcePolicy?: NamedPolicy;
  /** The account that owns the resource. */
  resourceAccount: string;
  /**
   * `trust`: a role trust policy, which must allow explicitly; `key`: a KMS key policy, the
   * other such exception; `request`: ordinary resource-based rules.
   */
  mode: 'trust' | 'key' | 'request';
}

/** The answer, with the trace that explains it. */
export interface AuthzResult {
  decision: Decision;
  trace: TraceEntry[];
  /** What denied: for AWS's message and for fixes. */
  deniedBy?: { explicit: boolean; policyType: PolicyType; policy?: NamedPolicy };
  /** How the resource-based policy named the caller, when it allowed. */
  grant?: Grant;
}

/** `RoleX trust policy statement "Sid"` or `… statement #2`. */
export function describeStatement(p: NamedPolicy, st: { index: number; sid?: string }): string {
  return `${p.label} ${st.sid ? `statement "${st.sid}"` : `Statement[${st.index}]`}`;
}

const specGrant = (spec: PrincipalSpec, p: RequestPrincipal): Grant | undefined => {
  if (spec.kind === 'any') return 'wildcard';
  if (p.kind !== 'aws') return spec.federated.length || spec.service.length ? 'exact' : undefined;
  let best: Grant | undefined;
  for (const e of spec.aws) {
    if (e === '*') best ??= 'wildcard';
    else if (/^\d{12}$/.test(e) || /^arn:[\w-]+:iam::\d{12}:root$/.test(e)) {
      if (e.endsWith(':root') && p.arns.includes(e)) return 'exact';
      best ??= 'account';
    } else if (p.arns[0] === e && /:(assumed-role|federated-user)\//.test(e)) return 'session';
    else if (p.arns.includes(e) || p.ids.includes(e)) best = 'exact';
  }
  return best;
};

/** How the applying Allow statements of a resource policy name the caller (strongest first). */
function grantOf(ev: PolicyEvaluation, statements: Statement[], p: RequestPrincipal): Grant | undefined {
  const order: Grant[] = ['session', 'exact', 'wildcard', 'account'];
  let best: Grant | undefined;
  for (const r of ev.statements) {
    if (!r.applies || r.effect !== 'Allow') continue;
    const st = statements[r.index];
    if (!st?.principal) continue;
    const g = specGrant(st.principal, p);
    if (g && (!best || order.indexOf(g) < order.indexOf(best))) best = g;
  }
  return best ?? (ev.result === 'Allow' ? 'wildcard' : undefined);
}

/** True when an applying Allow statement has a wildcard Principal and a condition on aws:PrincipalArn. */
function wildcardPrincipalArnGrant(ev: PolicyEvaluation, statements: Statement[]): boolean {
  return ev.statements.some((r) => {
    if (!r.applies || r.effect !== 'Allow') return false;
    const st = statements[r.index];
    const p = st?.principal;
    const wildcard = p?.kind === 'any' || (p?.kind === 'map' && p.aws.includes('*'));
    return wildcard && st!.conditions.some((c) => c.key.toLowerCase() === 'aws:principalarn');
  });
}

interface Evaluated {
  policy: NamedPolicy;
  ev: PolicyEvaluation;
  /** For an SCP or RCP: the level it is attached at, in full and short. */
  at?: string;
  short?: string;
}

const firstDeny = (list: Evaluated[]): Evaluated | undefined => list.find((e) => e.ev.result === 'Deny');
const firstAllow = (list: Evaluated[]): Evaluated | undefined => list.find((e) => e.ev.result === 'Allow');
const deciding = (e: Evaluated): string => {
  const st = e.ev.statements.find((s) => s.index === e.ev.decidingIndex);
  return st ? describeStatement(e.policy, st) : e.policy.label;
};

/** Why no statement of these policies applied, for the trace. */
function whyNone(list: Evaluated[], action: string): string {
  if (!list.length) return 'there is no policy of this kind';
  const parts: string[] = [];
  for (const e of list) {
    for (const s of e.ev.statements) {
      if (s.effect !== 'Allow' || !s.mismatch) continue;
      parts.push(`${describeStatement(e.policy, s)}: ${s.mismatch.detail}`);
      if (parts.length >= 3) break;
    }
  }
  return parts.length ? parts.join('; ') : `no statement allows ${action}`;
}

/**
 * Decides one request.
 * @param world the world (for SCPs)
 * @param caller who signs
 * @param set the caller's policies (callerPolicies)
 * @param req the action, resource, context and resource policy
 * @returns Allow, ExplicitDeny or ImplicitDeny, with the trace and the deciding policy type
 * @example authorize(world, caller, callerPolicies(world, caller), { action: 'sts:AssumeRole', … })
 */
export function authorize(world: World, caller: Caller, set: PolicySet, req: AuthzRequest): AuthzResult {
  const trace: TraceEntry[] = [];
  const ctx = { action: req.action, resource: req.resource, principal: req.principal, keys: req.keys };
  const ev = (p: NamedPolicy): Evaluated => ({ policy: p, ev: evaluatePolicy(p.policy, ctx) });
  const atLevels = (levels: OrgLevels | undefined) => (levels ?? []).map((l) => ({ level: l.level, evs: l.policies.map((p): Evaluated => ({ policy: p, ev: evaluatePolicy(p.policy, ctx), at: l.level.label, short: l.level.short })) }));
  const scpLevels = atLevels(set.scps);
  const scps = scpLevels.flatMap((l) => l.evs);
  const rcp = req.resourceAccount ? rcpsFor(world, req.resourceAccount, req.action, req.resource) : undefined;
  const rcpLevels = atLevels(rcp?.levels);
  const rcps = rcpLevels.flatMap((l) => l.evs);
  const identity = set.identity === 'all' ? [] : set.identity.map(ev);
  const boundary = set.boundary ? [ev(set.boundary)] : [];
  const session = (set.session ?? []).map(ev);
  const resource = req.resourcePolicy ? [ev(req.resourcePolicy)] : [];
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html (role trust policies and KMS key policies must allow explicitly)
  const trust = req.mode === 'trust' || req.mode === 'key';
  const resGate: Gate = req.mode === 'trust' ? 'trust-policy' : 'resource-policy';
  const idGate: Gate = req.action.startsWith('sts:') ? 'caller-permissions' : 'identity-policy';
  const resLearn = req.mode === 'trust' ? learn.trust : learn.resourcePolicy;
  const resName = req.mode === 'key' ? 'key policy' : 'trust policy';

  // 1. An explicit Deny in any policy wins.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
  const denies: [Evaluated | undefined, PolicyType, Gate][] = [
    [firstDeny(rcps), 'resource control policy', 'rcp'],
    [firstDeny(scps), 'service control policy', 'scp'],
    [firstDeny(resource), 'resource-based policy', resGate],
    [firstDeny(identity), 'identity-based policy', idGate],
    [firstDeny(boundary), 'permissions boundary', 'boundary'],
    [firstDeny(session), 'session policy', 'session-policy'],
  ];
  for (const [d, policyType, gate] of denies) {
    if (!d) continue;
    const at = d.at ? ` (attached at ${d.at})` : '';
    const rcpNote = gate === 'rcp' ? ` It applies to every request to resources of account ${req.resourceAccount}, whoever makes it.` : '';
    trace.push({ gate, ...(d.short ? { level: d.short } : {}), result: 'fail', code: 'deny.explicit', reason: `${deciding(d)}${at} explicitly denies ${req.action} on ${req.resource}.${rcpNote} An explicit Deny overrides every Allow.`, learn: gate === 'rcp' ? learn.rcp : learn.explicitDeny, source: gate === 'rcp' ? 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html' : 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html', ...(gate === 'rcp' && rcp?.uncertain ? { uncertain: true } : {}) });
    return { decision: 'ExplicitDeny', trace, deniedBy: { explicit: true, policyType, policy: d.policy } };
  }

  // 2. RCPs on the resource's account: RCPFullAWSAccess allows at every level and cannot be detached; they restrict only by Deny.
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html
  for (const [i, { level, evs }] of rcpLevels.entries()) {
    const a = firstAllow(evs);
    const others = evs.filter((e) => e !== a).map((e) => e.policy.label);
    const lead = i === 0 ? `The RCPs of account ${req.resourceAccount}, which owns the resource, apply whoever asks. ` : '';
    trace.push({ gate: 'rcp', level: level.short, result: 'pass', code: 'rcp.allows', reason: `${lead}At ${level.label}: ${a ? deciding(a) : 'RCPFullAWSAccess'} allows ${req.action}${others.length ? `, and ${others.join(', ')} ${others.length > 1 ? 'deny' : 'denies'} nothing here` : ''}.`, learn: learn.rcp, source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html', ...(rcp?.uncertain ? { uncertain: true } : {}) });
  }

  // 3. SCPs: every level from the root down to the account must allow.
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
  for (const { level, evs } of scpLevels) {
    const a = firstAllow(evs);
    if (!a) {
      const detached = evs.length === 0 ? 'No SCP is attached there (FullAWSAccess is detached), so nothing allows it' : `No SCP attached there allows it: ${whyNone(evs, req.action)}`;
      trace.push({ gate: 'scp', level: level.short, result: 'fail', code: 'scp.no-allow', reason: `At ${level.label}: ${detached}. Every level from the root down to the account must allow an action.`, learn: learn.scp, source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html' });
      return { decision: 'ImplicitDeny', trace, deniedBy: { explicit: false, policyType: 'service control policy' } };
    }
    trace.push({ gate: 'scp', level: level.short, result: 'pass', code: 'scp.allows', reason: `At ${level.label}: ${deciding(a)} allows ${req.action}.`, learn: learn.scp });
  }

  const pAccount = req.principal.account;
  const sameAccount = pAccount !== undefined && pAccount === req.resourceAccount;
  const rpAllow = firstAllow(resource);
  const grant = rpAllow ? grantOf(rpAllow.ev, rpAllow.policy.policy.statements, req.principal) : undefined;
  const idAllow = set.identity === 'all' ? true : firstAllow(identity);
  const bAllow = set.boundary ? firstAllow(boundary) : true;
  const sAllow = set.session === undefined ? true : firstAllow(session);

  // Resource side.
  if (rpAllow) {
    const how = grant === 'account' ? `names the caller's account ${pAccount}` : grant === 'session' ? 'names this exact session' : grant === 'wildcard' ? 'allows any principal' : 'names the caller';
    trace.push({ gate: resGate, result: 'pass', code: req.mode === 'trust' ? 'trust.allows' : 'resource.allows', reason: `${deciding(rpAllow)} allows ${req.action} and ${how}.`, learn: grant === 'account' ? learn.trustPrincipals : resLearn });
  } else if (trust || req.resourcePolicy) {
    const why = req.resourcePolicy ? whyNone(resource, req.action) : 'the resource has no resource-based policy';
    trace.push({ gate: resGate, result: trust || !sameAccount ? 'fail' : 'info', code: req.mode === 'trust' ? 'trust.no-statement-allows' : req.mode === 'key' ? 'key.no-statement-allows' : 'resource.no-allow', reason: req.mode === 'key' ? `${req.resourcePolicy?.label} does not allow ${req.action} for this caller: ${why}. A KMS key policy must allow access itself (or delegate to IAM by naming the account); IAM policies alone are not enough.` : trust ? `The trust policy does not allow ${req.action} for this caller: ${why}. A trust policy must allow the caller explicitly.` : `${req.resourcePolicy?.label} does not allow ${req.action} for this caller: ${why}.`, learn: resLearn, source: trust ? 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html' : undefined });
    if (trust) return { decision: 'ImplicitDeny', trace, deniedBy: { explicit: false, policyType: 'resource-based policy', policy: req.resourcePolicy } };
  } else if (!sameAccount) {
    trace.push({ gate: resGate, result: 'fail', code: 'resource.cross-account-no-policy', reason: `The resource is in account ${req.resourceAccount} and has no resource-based policy, so a caller from account ${pAccount} cannot be allowed.`, learn: learn.resourcePolicy, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html' });
    return { decision: 'ImplicitDeny', trace, deniedBy: { explicit: false, policyType: 'resource-based policy' } };
  }

  const isUserPrincipal = caller.kind === 'user' || (caller.kind === 'session' && caller.session.kind === 'session-token');
  // Same account: a resource-based policy that names the principal itself is enough on its own.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html#policy-eval-basics
  if (rpAllow && sameAccount && grant !== 'account') {
    if (trust) {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-trust-policy.html (check the user's permissions boundary)
      if (!bAllow) return limitFail(trace, 'boundary', 'permissions boundary', boundary, req, set.boundary);
      if (!sAllow && grant !== 'session') return limitFail(trace, 'session-policy', 'session policy', session, req);
      trace.push({ gate: idGate, result: 'skip', code: 'identity.not-needed-same-account', reason: `The ${resName} names the caller directly and both are in account ${pAccount}, so no identity-based policy is needed.`, learn: learn.sameAccount, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html' });
      return { decision: 'Allow', trace, grant };
    }
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html#access_policies_boundaries-eval-logic
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html#policy-eval-basics ("Permissions boundaries and session policies do not limit permissions granted using the aws:PrincipalArn condition key with a wildcard(*) in the Principal element")
    const arnWildcard = caller.kind === 'session' && caller.session.kind === 'assumed-role' && wildcardPrincipalArnGrant(rpAllow.ev, rpAllow.policy.policy.statements);
    const limited = !(grant === 'session' || (isUserPrincipal && grant === 'exact') || arnWildcard);
    if (!limited || (bAllow && sAllow)) {
      const why = !limited && arnWildcard && !(bAllow && sAllow) ? `, and because it allows Principal "*" narrowed by aws:PrincipalArn, the role's ${!bAllow ? 'permissions boundary' : 'session policy'} does not limit it (only an explicit Deny in an identity-based policy would)` : limited ? '' : ', and because it names ' + (grant === 'session' ? 'the session ARN, session policies and boundaries do not limit it' : 'the IAM user, its boundary does not limit it');
      trace.push({ gate: idGate, result: 'skip', code: arnWildcard && !(bAllow && sAllow) ? 'identity.not-needed-principal-arn-wildcard' : 'identity.not-needed-same-account', reason: `In the same account, the resource-based policy's Allow is enough${why}.`, learn: learn.resourcePolicy, ...(arnWildcard && !(bAllow && sAllow) ? { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html' } : {}) });
      return { decision: 'Allow', trace, grant };
    }
  }

  // Identity side: identity ∩ boundary ∩ session policies.
  if (!idAllow) {
    const why = set.identity === 'all' ? '' : whyNone(identity, req.action);
    trace.push({ gate: idGate, result: 'fail', code: 'identity.no-allow', reason: `No identity-based policy of ${req.principal.arns[0] ?? 'the caller'} allows ${req.action} on ${req.resource}: ${why}.${trust && !sameAccount ? ` Across accounts the caller needs its own allow as well as the ${resName}.` : trust ? ` The ${resName} names the account, not the caller, so the account must delegate with an identity-based policy.` : ''}`, learn: trust ? (sameAccount ? learn.sameAccount : learn.crossAccount) : learn.evaluation, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html' });
    return { decision: 'ImplicitDeny', trace, deniedBy: { explicit: false, policyType: 'identity-based policy' } };
  }
  trace.push({ gate: idGate, result: 'pass', code: 'identity.allows', reason: idAllow === true ? 'The root user needs no identity-based policy.' : `${deciding(idAllow)} allows ${req.action}.`, learn: learn.evaluation });
  if (!bAllow) return limitFail(trace, 'boundary', 'permissions boundary', boundary, req, set.boundary);
  if (set.boundary) trace.push({ gate: 'boundary', result: 'pass', code: 'boundary.allows', reason: `${deciding(bAllow as Evaluated)} allows ${req.action}.`, learn: learn.boundary });
  if (!sAllow) return limitFail(trace, 'session-policy', 'session policy', session, req);
  if (set.session) trace.push({ gate: 'session-policy', result: 'pass', code: 'session.allows', reason: `${deciding(sAllow as Evaluated)} allows ${req.action}.`, learn: learn.sessionPolicies });
  if (!rpAllow && req.resourcePolicy === undefined && sameAccount && !trust) {
    // nothing more to say: identity allow suffices in the same account
  } else if (!rpAllow && !sameAccount) {
    return { decision: 'ImplicitDeny', trace, deniedBy: { explicit: false, policyType: 'resource-based policy', policy: req.resourcePolicy } };
  }
  return { decision: 'Allow', trace, grant };
}

function limitFail(trace: TraceEntry[], gate: Gate, policyType: PolicyType, list: Evaluated[], req: AuthzRequest, policy?: NamedPolicy): AuthzResult {
  const what = policyType === 'permissions boundary' ? 'The permissions boundary' : list.length ? 'No session policy' : 'The session has no session policy, so it';
  trace.push({ gate, result: 'fail', code: policyType === 'permissions boundary' ? 'boundary.no-allow' : 'session.no-allow', reason: `${what} does not allow ${req.action}: ${whyNone(list, req.action)}. It limits what the other policies grant.`, learn: policyType === 'permissions boundary' ? learn.boundary : learn.sessionPolicies });
  return { decision: 'ImplicitDeny', trace, deniedBy: { explicit: false, policyType, policy } };
}
