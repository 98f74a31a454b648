/**
 * Starting values for a step the form adds or turns into another call: each one names what
 * the world already has (its first role, user, provider) so the file stays valid and the step
 * runs at once. Works on plain parsed JSON (see ../shared/scenario-format.md).
 */
import { callParams, stsCalls, type StsCall } from '../scenario/calls';
import { rootTaskPolicies } from '../world/world';
import { getAt } from './knobs';
import { freshStepId, stepId } from './steps';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (doc: unknown, key: string): Json[] => {
  const v = getAt(doc, ['world', key]);
  return Array.isArray(v) ? v.filter(isObject) : [];
};
const arnsOf = (doc: unknown, key: string): string[] => list(doc, key).flatMap((x) => (typeof x.arn === 'string' ? [x.arn] : []));

/** What the form's "Add step" offers: every call the format supports, a request, a clock step. */
export const stepKinds = [...stsCalls, 'request', 'advance'] as const;
/** One kind of new step. */
export type StepKind = (typeof stepKinds)[number];

/** The label of a step kind in the "Add step" list. */
export function stepKindLabel(k: StepKind): string {
  return k === 'request' ? 'Request with credentials (an AWS action)' : k === 'advance' ? 'Advance the clock' : k;
}

/** The default simulated start (scenario-format.md: "start" is optional, this is its default). */
export const DEFAULT_START = '2026-01-01T00:00:00Z';

/**
 * The simulated time, in epoch seconds, when the step at `index` runs: the scenario's start
 * plus every `advance` before it (or the last `advanceTo`).
 * @example clockAt({ start: '2026-01-01T00:00:00Z', steps: [{ advance: 60 }] }, 1) // 1767225660
 */
export function clockAt(doc: unknown, index: number): number {
  const start = getAt(doc, ['start']);
  const parsed = typeof start === 'string' ? Date.parse(start) : NaN;
  let t = Math.floor((Number.isNaN(parsed) ? Date.parse(DEFAULT_START) : parsed) / 1000);
  const steps = getAt(doc, ['steps']);
  if (!Array.isArray(steps)) return t;
  for (const s of steps.slice(0, Math.max(0, index))) {
    if (!isObject(s)) continue;
    if (typeof s.advance === 'number' && Number.isFinite(s.advance)) t += Math.max(0, Math.floor(s.advance));
    else if (typeof s.advanceTo === 'string' && !Number.isNaN(Date.parse(s.advanceTo))) t = Math.floor(Date.parse(s.advanceTo) / 1000);
  }
  return t;
}

/** An ISO instant without milliseconds. */
const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace(/\.000Z$/, 'Z');

/** The action a role's trust policy must allow for a call. */
export const trustActionFor: Partial<Record<StsCall, string>> = {
  AssumeRole: 'sts:AssumeRole',
  AssumeRoleWithWebIdentity: 'sts:AssumeRoleWithWebIdentity',
  AssumeRoleWithSAML: 'sts:AssumeRoleWithSAML',
};

/** Whether a role's trust policy names a principal of this kind (`oidc-provider`, `saml-provider`), as text. */
function trustNames(role: Json, what: string): boolean {
  return JSON.stringify(role.trustPolicy ?? '').includes(what);
}

/** The role a new step of this call targets: one whose trust policy fits the call, else the first. */
function roleFor(doc: unknown, call: StsCall): string | undefined {
  const roles = list(doc, 'roles').filter((r) => typeof r.arn === 'string');
  const fit =
    call === 'AssumeRoleWithWebIdentity'
      ? roles.find((r) => trustNames(r, 'AssumeRoleWithWebIdentity') || trustNames(r, ':oidc-provider/'))
      : call === 'AssumeRoleWithSAML'
        ? roles.find((r) => trustNames(r, 'AssumeRoleWithSAML') || trustNames(r, ':saml-provider/'))
        : roles.find((r) => trustNames(r, '"sts:AssumeRole"'));
  return ((fit ?? roles[0])?.arn as string | undefined) ?? undefined;
}

/** The first user of the world, as a caller. */
function userCaller(doc: unknown): Json | undefined {
  const u = arnsOf(doc, 'users')[0];
  return u ? { user: u } : undefined;
}

/** The id of the last call step before `index` that has an id (whose credentials a request can use). */
function lastCallBefore(doc: unknown, index: number): string | undefined {
  const steps = getAt(doc, ['steps']);
  if (!Array.isArray(steps)) return undefined;
  for (let i = Math.min(index, steps.length) - 1; i >= 0; i--) {
    const s = steps[i];
    if (isObject(s) && typeof s.call === 'string' && s.call !== 'GetCallerIdentity' && s.call !== 'DecodeAuthorizationMessage' && s.call !== 'GetAccessKeyInfo' && s.call !== 'GetWebIdentityToken' && stepId(s)) return stepId(s);
  }
  return undefined;
}

/** The last request step before `index` with an id (whose encoded denial DecodeAuthorizationMessage can read). */
function lastRequestBefore(doc: unknown, index: number): string | undefined {
  const steps = getAt(doc, ['steps']);
  if (!Array.isArray(steps)) return undefined;
  for (let i = Math.min(index, steps.length) - 1; i >= 0; i--) {
    const s = steps[i];
    if (isObject(s) && 'request' in s && stepId(s)) return stepId(s);
  }
  return undefined;
}

/** The OIDC provider a new web identity token comes from: the world's first, else GitHub's. */
export function oidcIssuerFor(doc: unknown): { url: string; audience: string } {
  const p = list(doc, 'oidcProviders')[0];
  const url = typeof p?.url === 'string' ? p.url : GITHUB_ISSUER;
  const ids = Array.isArray(p?.clientIds) ? p.clientIds.filter((x): x is string => typeof x === 'string') : [];
  return { url, audience: ids[0] ?? 'sts.amazonaws.com' };
}

/** GitHub Actions' issuer. https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/**
 * Claims for a new web identity token: a copy of the last earlier step's token if there is one,
 * else a token from the world's first OIDC provider; issued 30 seconds before the step, valid
 * five minutes, signed.
 */
export function defaultClaims(doc: unknown, index: number): Json {
  const { url, audience } = oidcIssuerFor(doc);
  const now = clockAt(doc, index);
  // An earlier web identity step's token is the likeliest starting point: copy it, re-timed.
  const steps = getAt(doc, ['steps']);
  const earlier = Array.isArray(steps) ? steps.slice(0, Math.max(0, index)).reverse().find((s) => isObject(s) && s.call === 'AssumeRoleWithWebIdentity' && isObject(getAt(s, ['params', 'WebIdentityToken'])) && !('fromStep' in (getAt(s, ['params', 'WebIdentityToken']) as Json))) : undefined;
  if (earlier) return { ...(getAt(earlier, ['params', 'WebIdentityToken']) as Json), iat: now - 30, exp: now + 270 };
  const github = url.replace(/\/$/, '') === GITHUB_ISSUER;
  return {
    iss: url,
    sub: github ? 'repo:my-org/my-repo:ref:refs/heads/main' : 'user-1234',
    aud: audience,
    ...(github ? { repository: 'my-org/my-repo', ref: 'refs/heads/main' } : {}),
    iat: now - 30,
    exp: now + 270,
    signature: 'valid',
  };
}

/** The AWS SAML attribute names (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html). */
export const SAML_ATTR = 'https://aws.amazon.com/SAML/Attributes/';

/** A new signed SAML assertion for a role and provider, issued a minute before the step, valid five minutes. */
export function defaultAssertion(doc: unknown, index: number, roleArn: string, providerArn: string): Json {
  const now = clockAt(doc, index);
  const provider = list(doc, 'samlProviders').find((p) => p.arn === providerArn);
  return {
    issuer: typeof provider?.issuer === 'string' ? provider.issuer : 'https://idp.example.com/saml',
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html (Recipient / SAML:aud)
    recipient: 'https://signin.aws.amazon.com/saml',
    nameId: 'user-guid-1234',
    nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    issueInstant: iso(now - 60),
    notOnOrAfter: iso(now + 300),
    attributes: {
      [`${SAML_ATTR}Role`]: [`${roleArn},${providerArn}`],
      [`${SAML_ATTR}RoleSessionName`]: ['user@example.com'],
    },
    signature: 'valid',
  };
}

/** The id a new step of this kind gets (`assume-role`, `web-identity`, …), made unique. */
function idFor(doc: unknown, kind: StepKind): string {
  const base: Record<StepKind, string> = {
    AssumeRole: 'assume-role', AssumeRoleWithSAML: 'saml', AssumeRoleWithWebIdentity: 'web-identity', GetSessionToken: 'session-token',
    GetFederationToken: 'federation-token', AssumeRoot: 'assume-root', GetCallerIdentity: 'whoami', DecodeAuthorizationMessage: 'decode',
    GetAccessKeyInfo: 'key-info', GetWebIdentityToken: 'outbound-token', request: 'request', advance: 'advance',
  };
  return freshStepId(doc, base[kind]);
}

/**
 * Parameters a call needs to run in this world (the required ones, with values the world
 * offers), for a new step at `index`.
 */
export function defaultParams(doc: unknown, index: number, call: StsCall): Json {
  const role = roleFor(doc, call) ?? 'arn:aws:iam::111111111111:role/MyRole';
  switch (call) {
    case 'AssumeRole':
      return { RoleArn: role, RoleSessionName: 'my-session' };
    case 'AssumeRoleWithWebIdentity':
      return { RoleArn: role, RoleSessionName: 'my-session', WebIdentityToken: defaultClaims(doc, index) };
    case 'AssumeRoleWithSAML': {
      const provider = arnsOf(doc, 'samlProviders')[0] ?? `arn:aws:iam::${role.split(':')[4] ?? '111111111111'}:saml-provider/MyIdP`;
      return { RoleArn: role, PrincipalArn: provider, SAMLAssertion: defaultAssertion(doc, index, role, provider) };
    }
    case 'GetSessionToken':
    case 'GetCallerIdentity':
      return {};
    case 'GetFederationToken':
      return { Name: 'federated-user' };
    case 'AssumeRoot': {
      const org = list(doc, 'organizations')[0];
      const members = Array.isArray(org?.accounts) ? org.accounts.filter((a): a is string => typeof a === 'string' && a !== org?.management) : [];
      const accounts = list(doc, 'accounts').flatMap((a) => (typeof a.id === 'string' ? [a.id] : []));
      return { TargetPrincipal: members[0] ?? accounts[1] ?? accounts[0] ?? '111111111111', TaskPolicyArn: { arn: Object.keys(rootTaskPolicies)[0]! } };
    }
    case 'DecodeAuthorizationMessage': {
      const from = lastRequestBefore(doc, index);
      return { EncodedMessage: from ? { fromStep: from, path: 'error.encodedMessage' } : '' };
    }
    case 'GetAccessKeyInfo': {
      const from = lastCallBefore(doc, index);
      const key = list(doc, 'users').flatMap((u) => (Array.isArray(u.accessKeys) ? u.accessKeys.filter((k): k is string => typeof k === 'string') : []))[0];
      return { AccessKeyId: from ? { fromStep: from, path: 'response.Credentials.AccessKeyId' } : (key ?? 'AKIAIOSFODNN7EXAMPLE') };
    }
    case 'GetWebIdentityToken':
      return { Audience: ['https://api.example.com'], SigningAlgorithm: 'RS256' };
  }
}

/** Who signs a new step: federation calls are unsigned; a request uses the last session; AssumeRoot a management-account user; others the first user. */
function defaultCaller(doc: unknown, index: number, kind: StepKind): Json | undefined {
  if (kind === 'AssumeRoleWithWebIdentity' || kind === 'AssumeRoleWithSAML' || kind === 'advance') return undefined;
  if (kind === 'request' || kind === 'GetWebIdentityToken') {
    const from = lastCallBefore(doc, index);
    return from ? { session: from } : userCaller(doc);
  }
  if (kind === 'AssumeRoot') {
    const mgmt = list(doc, 'organizations')[0]?.management;
    const u = arnsOf(doc, 'users').find((a) => a.split(':')[4] === mgmt);
    return u ? { user: u } : userCaller(doc);
  }
  return userCaller(doc);
}

/**
 * A new step of the given kind for position `index`, valid in this world where the world allows.
 * @example newStep(doc, 0, 'AssumeRole') // { id: 'assume-role', as: { user: … }, call: 'AssumeRole', params: { RoleArn: …, RoleSessionName: 'my-session' } }
 */
export function newStep(doc: unknown, index: number, kind: StepKind): Json {
  if (kind === 'advance') return { advance: 600 };
  const as = defaultCaller(doc, index, kind);
  const head: Json = { id: idFor(doc, kind), ...(as ? { as } : {}) };
  if (kind === 'request') {
    const bucket = list(doc, 'resources').find((r) => typeof r.arn === 'string' && r.arn.startsWith('arn:aws:s3:::'))?.arn as string | undefined;
    return { ...head, request: { action: 's3:GetObject', resource: `${bucket ?? 'arn:aws:s3:::example-bucket'}/example.txt` } };
  }
  const params = defaultParams(doc, index, kind);
  return { ...head, call: kind, ...(Object.keys(params).length ? { params } : {}) };
}

/**
 * Turns a call step into another call: keeps its id, caller, context and expectation, keeps the
 * parameters the new call also takes, and fills in those it needs.
 */
export function changeCall(doc: unknown, index: number, call: StsCall): Json | undefined {
  const steps = getAt(doc, ['steps']);
  const step = Array.isArray(steps) ? steps[index] : undefined;
  if (!isObject(step)) return undefined;
  const allowed = callParams[call];
  const kept = isObject(step.params) ? Object.fromEntries(Object.entries(step.params).filter(([k]) => allowed.includes(k))) : {};
  const params = { ...defaultParams(doc, index, call), ...kept };
  const unsigned = call === 'AssumeRoleWithWebIdentity' || call === 'AssumeRoleWithSAML';
  const as = step.as !== undefined ? step.as : unsigned ? undefined : defaultCaller(doc, index, call);
  const { id, params: _p, call: _c, request: _r, as: _a, ...rest } = step;
  return { ...(id !== undefined ? { id } : {}), ...(as !== undefined ? { as } : {}), call, ...(Object.keys(params).length ? { params } : {}), ...rest };
}
