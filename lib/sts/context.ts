/**
 * The request context a caller brings: who it is for Principal matching, and the global
 * condition keys AWS sets for it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import { type ContextValue, type RequestPrincipal } from '../policy/types';
import { arnPartition, orgOf, orgPath, type World } from '../world/world';
import { isoSeconds } from '../util/time';
import { type Caller, type MfaContext, type Session } from './types';

/** The ARN AWS names in `User: … is not authorized` for this caller. */
export function callerArn(c: Caller): string {
  switch (c.kind) {
    case 'user':
      return c.user.arn;
    case 'root':
      return `arn:${c.partition}:iam::${c.account}:root`;
    case 'session':
      return c.session.arn;
    case 'anonymous':
      return 'anonymous';
  }
}

/** The caller's partition (aws, aws-cn, aws-us-gov, …). */
export function callerPartition(c: Caller): string {
  switch (c.kind) {
    case 'user':
      return arnPartition(c.user.arn);
    case 'root':
      return c.partition;
    case 'session':
      return arnPartition(c.session.arn);
    case 'anonymous':
      return 'aws';
  }
}

/** The caller's account. */
export function callerAccount(c: Caller): string | undefined {
  switch (c.kind) {
    case 'user':
      return c.user.account;
    case 'root':
      return c.account;
    case 'session':
      return c.session.account;
    case 'anonymous':
      return undefined;
  }
}

/** The caller in the forms a Principal element can name. */
export function requestPrincipal(c: Caller): RequestPrincipal {
  const p = principalOf(c);
  const boundary = c.kind === 'user' ? c.user.boundary : c.kind === 'session' ? (c.session.role?.boundary ?? c.session.user?.boundary) : undefined;
  // principalOf makes a fresh object; setting the flag on it keeps the key order a spread gave.
  if (boundary) p.hasBoundary = true;
  return p;
}

function principalOf(c: Caller): RequestPrincipal {
  switch (c.kind) {
    case 'user':
      return { kind: 'aws', account: c.user.account, arns: [c.user.arn], ids: [c.user.id] };
    case 'root':
      return { kind: 'aws', account: c.account, arns: [`arn:${c.partition}:iam::${c.account}:root`], ids: [c.account] };
    case 'session': {
      const s = c.session;
      // A role ARN in a Principal element matches every session of that role.
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles
      if (s.kind === 'assumed-role' && s.role) return { kind: 'aws', account: s.account, arns: [s.arn, s.role.arn], ids: [s.role.id] };
      if (s.kind === 'session-token' && s.user) return { kind: 'aws', account: s.account, arns: [s.user.arn], ids: [s.user.id] };
      return { kind: 'aws', account: s.account, arns: [s.arn], ids: [] };
    }
    case 'anonymous':
      return { kind: 'anonymous', arns: [], ids: [] };
  }
}

/** The caller's MFA context (absent for long-term keys). */
export function callerMfa(c: Caller): MfaContext {
  if (c.kind === 'user') return c.mfa;
  if (c.kind === 'session') return c.session.mfa;
  return {};
}

/** Principal tags: the IAM tags of the user or role, overridden by session tags (case-insensitive keys). */
export function principalTags(c: Caller): Record<string, string> {
  const out = new Map<string, [string, string]>();
  const put = (k: string, v: string) => out.set(k.toLowerCase(), [k, v]);
  if (c.kind === 'user') for (const [k, v] of Object.entries(c.user.tags)) put(k, v);
  if (c.kind === 'session') {
    const s = c.session;
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html (session tags override role or user tags with the same key)
    if (s.role) for (const [k, v] of Object.entries(s.role.tags)) put(k, v);
    else if (s.user && (s.kind === 'session-token' || s.kind === 'federated-user')) for (const [k, v] of Object.entries(s.user.tags)) put(k, v);
    for (const t of s.tags) put(t.key, t.value);
  }
  return Object.fromEntries([...out.values()]);
}

const tagKeysCache = new WeakMap<object, [string, string][]>();

/**
 * The `aws:PrincipalTag/<key>` condition keys of a caller, in principalTags' order. Users and
 * sessions do not change once made, so the list is kept with the user or session.
 */
function principalTagKeys(c: Caller): [string, string][] {
  const owner = c.kind === 'user' ? c.user : c.kind === 'session' ? c.session : undefined;
  const hit = owner ? tagKeysCache.get(owner) : undefined;
  if (hit) return hit;
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(principalTags(c))) out.push([`aws:PrincipalTag/${k}`, v]);
  if (owner) tagKeysCache.set(owner, out);
  return out;
}

/**
 * aws:ResourceAccount, aws:ResourceOrgID and aws:ResourceOrgPaths for a resource owned by `account`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceaccount
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceorgpaths
 */
export function resourceKeys(world: World, account: string | undefined): Record<string, ContextValue> {
  if (!account) return {};
  const org = orgOf(world, account);
  return org ? { 'aws:ResourceAccount': account, 'aws:ResourceOrgID': org.id, 'aws:ResourceOrgPaths': [orgPath(org, account)] } : { 'aws:ResourceAccount': account };
}

/**
 * Keys the engine derives from the world, the caller, the call and the step: a step's
 * `context.keys` cannot set them (it would fake who is calling or what was passed).
 */
const derivedKeys = new Set(
  ['aws:CurrentTime', 'aws:EpochTime', 'aws:RequestedRegion', 'aws:SecureTransport', 'aws:ViaAWSService', 'aws:SourceIp', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:userid', 'aws:username', 'aws:TokenIssueTime', 'aws:SourceIdentity', 'aws:FederatedProvider', 'aws:TagKeys', 'aws:ResourceAccount', 'aws:ResourceOrgID', 'aws:ResourceOrgPaths'].map((k) => k.toLowerCase()),
);
/** True for a condition key the engine sets itself (aws:Principal*, sts:*, SAML:*, an OIDC provider's keys, …). */
export function isDerivedKey(key: string): boolean {
  const k = key.toLowerCase();
  const prefix = k.slice(0, k.indexOf(':'));
  return derivedKeys.has(k) || k.startsWith('aws:principal') || k.startsWith('aws:requesttag/') || prefix === 'sts' || prefix === 'saml' || prefix.includes('.');
}

/** Environment of one step. */
export interface StepEnv {
  now: number;
  region: string;
  sourceIp?: string;
  endpoint: 'regional' | 'global';
  /** Request keys the step carries that the engine cannot derive (`context.keys`: aws:SourceVpce, …). */
  keys?: Record<string, ContextValue>;
}

/** The global condition keys for a signed request by this caller. */
export function callerKeys(world: World, c: Caller, env: StepEnv): Record<string, ContextValue> {
  const keys: Record<string, ContextValue> = {
    'aws:CurrentTime': isoSeconds(env.now),
    'aws:EpochTime': String(Math.floor(env.now / 1000)),
    // Requests to the global endpoint (and to global services such as IAM) report us-east-1.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion
    'aws:RequestedRegion': env.endpoint === 'global' ? 'us-east-1' : env.region,
    'aws:SecureTransport': 'true',
    'aws:ViaAWSService': 'false',
    'aws:PrincipalIsAWSService': 'false',
  };
  if (env.sourceIp) keys['aws:SourceIp'] = env.sourceIp;
  // The schema refuses derived keys in context.keys, so these only add what the engine cannot know.
  if (env.keys) for (const [k, v] of Object.entries(env.keys)) keys[k] ??= v;
  if (c.kind === 'anonymous') return keys;
  const account = callerAccount(c) ?? '';
  keys['aws:PrincipalAccount'] = account;
  const org = orgOf(world, account);
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
  if (org) {
    keys['aws:PrincipalOrgID'] = org.id;
    keys['aws:PrincipalOrgPaths'] = [orgPath(org, account)];
  }
  for (const [k, v] of principalTagKeys(c)) keys[k] = v;
  const mfa = callerMfa(c);
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent (absent for long-term keys)
  if (mfa.present !== undefined) keys['aws:MultiFactorAuthPresent'] = String(mfa.present);
  if (mfa.present && mfa.authAt !== undefined) keys['aws:MultiFactorAuthAge'] = String(Math.max(0, Math.floor((env.now - mfa.authAt) / 1000)));
  switch (c.kind) {
    case 'user':
      keys['aws:PrincipalArn'] = c.user.arn;
      keys['aws:PrincipalType'] = 'User';
      keys['aws:userid'] = c.user.id;
      keys['aws:username'] = c.user.name;
      break;
    case 'root':
      keys['aws:PrincipalArn'] = `arn:${c.partition}:iam::${c.account}:root`;
      keys['aws:PrincipalType'] = 'Account';
      keys['aws:userid'] = c.account;
      break;
    case 'session':
      Object.assign(keys, sessionKeys(c.session));
      break;
  }
  return keys;
}

function sessionKeys(s: Session): Record<string, string> {
  const keys: Record<string, string> = { 'aws:userid': s.userId, 'aws:TokenIssueTime': isoSeconds(s.issuedAt) };
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn (a role session reports the role ARN)
  if (s.kind === 'assumed-role' && s.role) {
    keys['aws:PrincipalArn'] = s.role.arn;
    keys['aws:PrincipalType'] = 'AssumedRole';
  } else if (s.kind === 'session-token' && s.user) {
    keys['aws:PrincipalArn'] = s.user.arn;
    keys['aws:PrincipalType'] = 'User';
    keys['aws:username'] = s.user.name;
  } else if (s.kind === 'federated-user') {
    keys['aws:PrincipalArn'] = s.arn;
    keys['aws:PrincipalType'] = 'FederatedUser';
  } else {
    keys['aws:PrincipalArn'] = s.arn;
    keys['aws:PrincipalType'] = 'Account';
  }
  if (s.sourceIdentity !== undefined) keys['aws:SourceIdentity'] = s.sourceIdentity;
  if (s.federatedProvider) keys['aws:FederatedProvider'] = s.federatedProvider;
  return keys;
}
