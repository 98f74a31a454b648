/**
 * GetWebIdentityToken: outbound identity federation. STS signs a JWT that names the calling
 * AWS identity, for an external service that trusts the account's issuer URL.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_outbound.html
 */
import { learn } from '../explain/learn';
import { type ContextValue } from '../policy/types';
import { orgOf, orgPath, type World } from '../world/world';
import { base64url } from '../util/encoding';
import { randomString, seeded } from '../util/hash';
import { isoSeconds } from '../util/time';
import { authorize, callerPolicies } from './authorize';
import { callerAccount, callerArn, callerKeys, principalTags, requestPrincipal, type StepEnv } from './context';
import { awsError, notAuthorized } from './errors';
import { limits } from './limits';
import { addSessionKeys, fail, invalidParams, regionCheck, validateTags, type CallOutcome } from './shared';
import { type Caller, type TraceEntry } from './types';
import { rules, Validator } from './validate';

const SRC = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html';
const GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_outbound.html';

/** The namespace of AWS's own claims in the token. */
export const AWS_CLAIMS_NS = 'https://sts.amazonaws.com/';
/** Issuer URLs of outbound federation: `https://<id>.tokens.sts.global.api.aws`. */
export const OUTBOUND_ISSUER = /^https:\/\/[\w-]+\.tokens\.sts\.global\.api\.aws\/?$/;
/** The signing algorithms GetWebIdentityToken offers. */
export const signingAlgorithms = ['RS256', 'ES384'] as const;

/** A JWT as the result shows it: its decoded header and claims. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/** GetWebIdentityToken's parameters, resolved. */
export interface GetWebIdentityTokenParams {
  Audience?: string[];
  SigningAlgorithm?: string;
  DurationSeconds?: number;
  Tags?: { Key: string; Value: string }[];
}

const hex = (rnd: () => number, n: number): string => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');

/**
 * The account's issuer URL, which EnableOutboundWebIdentityFederation returns. AWS makes a
 * unique id per account; the model derives it from the account id so every scenario agrees.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableOutboundWebIdentityFederation.html
 * @example outboundIssuer('111111111111') // 'https://<uuid>.tokens.sts.global.api.aws'
 */
export function outboundIssuer(account: string): string {
  const rnd = seeded(`outbound-issuer|${account}`);
  return `https://${hex(rnd, 8)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 12)}.tokens.sts.global.api.aws`;
}

/** Encodes a JWT whose signature part is a readable placeholder, never a real signature. */
export function encodeJwt(t: DecodedJwt): string {
  return `${base64url(JSON.stringify(t.header))}.${base64url(JSON.stringify(t.claims))}.${base64url('simulated-signature-not-verifiable')}`;
}

/**
 * Runs GetWebIdentityToken.
 * @returns the response (WebIdentityToken, Expiration) and the decoded token, or AWS's error
 */
export function getWebIdentityToken(world: World, caller: Caller, p: GetWebIdentityTokenParams, env: StepEnv, seed: string, stepId: string): CallOutcome {
  const trace: TraceEntry[] = [];
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html (not available on the global endpoint)
  if (env.endpoint === 'global') {
    return fail(trace, awsError('InvalidAction', 'GetWebIdentityToken is not available on the global endpoint; use a Regional STS endpoint.'), { gate: 'region', result: 'fail', code: 'region.outbound-global', reason: 'GetWebIdentityToken works only on Regional STS endpoints (sts.<region>.amazonaws.com). AWS does not document the error code the global endpoint returns.', learn: learn.outboundRequest, source: SRC, uncertain: true });
  }
  const v = new Validator();
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html (Audience 1–10 items of 1–1000; SigningAlgorithm RS256 | ES384; DurationSeconds 60–3600)
  if (v.required('audience', p.Audience)) {
    v.listLength('audience', p.Audience, limits.outboundAudienceMin, limits.outboundAudienceMax);
    p.Audience?.forEach((a, i) => v.string(`audience.${i + 1}.member`, a, rules.audience));
  }
  if (v.required('signingAlgorithm', p.SigningAlgorithm)) v.string('signingAlgorithm', p.SigningAlgorithm, rules.signingAlgorithm);
  v.range('durationSeconds', p.DurationSeconds, limits.outboundTokenMinSeconds, limits.outboundTokenMaxSeconds);
  validateTags(v, p.Tags);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid, SRC);
  // The model only bounds SigningAlgorithm's length; the API reference lists the two values STS signs with.
  if (!(signingAlgorithms as readonly string[]).includes(p.SigningAlgorithm!)) {
    return fail(trace, awsError('ValidationError', `1 validation error detected: Value '${p.SigningAlgorithm!}' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [${signingAlgorithms.join(', ')}]`), { gate: 'validate', result: 'fail', code: 'outbound.bad-algorithm', reason: `SigningAlgorithm must be RS256 or ES384; "${p.SigningAlgorithm!}" is not one of them. The exact error for another five-character value is not documented.`, learn: learn.outboundRequest, source: SRC, uncertain: true });
  }
  trace.push({ gate: 'validate', result: 'pass', code: 'validate.params', reason: 'Every parameter meets the API constraints (Audience 1–10 values, SigningAlgorithm RS256 or ES384, DurationSeconds 60–3600).', learn: learn.validation });
  const account = callerAccount(caller)!;
  const regionErr = regionCheck(world, account, env, trace);
  if (regionErr) return fail(trace, regionErr);
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableOutboundWebIdentityFederation.html
  if (!world.accounts.get(account)?.outboundWebIdentityFederation) {
    return fail(trace, awsError('OutboundWebIdentityFederationDisabledException', 'The outbound web identity federation feature is not enabled for this account. To use this feature, you must first enable it through the AWS Management Console or API.'), { gate: 'caller-permissions', result: 'fail', code: 'outbound.disabled', reason: `Account ${account} has not enabled outbound identity federation (IAM EnableOutboundWebIdentityFederation), so no principal in it can get a token. Set "outboundWebIdentityFederation": true on the account.`, learn: learn.outboundEnabling, source: GUIDE });
  }
  trace.push({ gate: 'caller-permissions', result: 'info', code: 'outbound.enabled', reason: `Account ${account} has enabled outbound identity federation; its issuer is ${outboundIssuer(account)}.`, learn: learn.outboundEnabling, source: GUIDE });

  const audience = p.Audience!;
  const alg = p.SigningAlgorithm!;
  const duration = p.DurationSeconds ?? limits.outboundTokenDefaultSeconds;
  const who = callerArn(caller);
  // Condition keys: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys
  const keys: Record<string, ContextValue> = { ...callerKeys(world, caller, env), 'sts:IdentityTokenAudience': audience, 'sts:SigningAlgorithm': alg };
  if (p.DurationSeconds !== undefined) keys['sts:DurationSeconds'] = String(p.DurationSeconds);
  addSessionKeys(keys, p.Tags);
  const set = callerPolicies(world, caller);
  const base = { principal: requestPrincipal(caller), keys, resource: '*', resourceAccount: account, mode: 'request' as const };
  const az = authorize(world, caller, set, { ...base, action: 'sts:GetWebIdentityToken' });
  trace.push(...az.trace);
  if (az.decision !== 'Allow') return fail(trace, notAuthorized(who, 'sts:GetWebIdentityToken', '*'));
  if (p.Tags?.length) {
    const t = authorize(world, caller, set, { ...base, action: 'sts:TagGetWebIdentityToken' });
    if (t.decision !== 'Allow') {
      trace.push({ gate: 'session-tags', result: 'fail', code: 'outbound.tag-denied', reason: 'The call passes Tags, which become the token\'s request_tags, so sts:TagGetWebIdentityToken must be allowed too, and it is not.', learn: learn.outboundPermissions, source: GUIDE });
      return fail(trace, notAuthorized(who, 'sts:TagGetWebIdentityToken', '*'));
    }
    trace.push({ gate: 'session-tags', result: 'pass', code: 'outbound.tag-allowed', reason: 'sts:TagGetWebIdentityToken is allowed, so the tags go into the token as request_tags.', learn: learn.outboundPermissions });
  }
  const expiresAt = env.now + duration * 1000;
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html (SessionDurationEscalationException)
  if (caller.kind === 'session' && expiresAt > caller.session.expiresAt) {
    return fail(trace, awsError('SessionDurationEscalationException', 'The requested token duration would extend the session beyond its original expiration time.'), { gate: 'duration', result: 'fail', code: 'outbound.outlives-session', reason: `The token would last until ${isoSeconds(expiresAt)}, after the calling session expires (${isoSeconds(caller.session.expiresAt)}). Ask for a DurationSeconds of at most ${Math.floor((caller.session.expiresAt - env.now) / 1000)}.`, learn: learn.outboundErrors, source: SRC });
  }
  trace.push({ gate: 'duration', result: 'pass', code: p.DurationSeconds === undefined ? 'duration.default' : 'duration.within-max', reason: p.DurationSeconds === undefined ? 'No DurationSeconds: the token lasts the default 300 seconds.' : `DurationSeconds ${duration} is within 60–3600.`, learn: learn.outbound, source: SRC });

  const token = buildToken(world, caller, { account, audience, alg, env, expiresAt, tags: p.Tags, seed: `${seed}|${stepId}` });
  const payloadBytes = new TextEncoder().encode(JSON.stringify(token.claims)).length;
  if (payloadBytes > limits.outboundPayloadMaxBytes) {
    return fail(trace, awsError('JWTPayloadSizeExceededException', 'The JWT payload size exceeds the maximum allowed size. Reduce the number or size of request tags.'), { gate: 'session-tags', result: 'fail', code: 'outbound.payload-too-large', reason: `The token's claims take ${payloadBytes} bytes, more than the model's ${limits.outboundPayloadMaxBytes}. AWS does not publish the limit; request tags are what make the payload grow.`, learn: learn.outboundErrors, source: SRC, uncertain: true });
  }
  trace.push({ gate: 'issue', result: 'pass', code: 'outbound.issued', reason: `STS signs a ${alg} JWT for ${String(token.claims.sub)}, audience ${audience.join(', ')}, valid until ${isoSeconds(expiresAt)}. Its issuer is the account's URL; an external service verifies it with the keys at /.well-known/jwks.json there.`, learn: learn.outboundToken, source: GUIDE });
  return { ok: true, response: { WebIdentityToken: encodeJwt(token), Expiration: isoSeconds(expiresAt) }, trace, token };
}

/** The principal a token names in `sub`: for a role session, the role's ARN. */
function tokenSubject(caller: Caller): string {
  if (caller.kind === 'session') {
    const s = caller.session;
    if (s.role) return s.role.arn;
    if (s.user && s.kind === 'session-token') return s.user.arn;
  }
  return callerArn(caller);
}

/** The token's header and claims, in the order AWS documents them. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_outbound.html */
function buildToken(world: World, caller: Caller, o: { account: string; audience: string[]; alg: string; env: StepEnv; expiresAt: number; tags?: { Key: string; Value: string }[]; seed: string }): DecodedJwt {
  const rnd = seeded(`${o.seed}#jwt`);
  const sub = tokenSubject(caller);
  const aws: Record<string, unknown> = { aws_account: o.account, source_region: o.env.region, principal_id: sub };
  // org_id and ou_path describe the requesting account's place in its organization (F-16.6). The path is
  // written as aws:PrincipalOrgPaths writes it; AWS's page does not show the claim's exact form.
  const org = orgOf(world, o.account);
  if (org) {
    aws.org_id = org.id;
    aws.ou_path = orgPath(org, o.account);
  }
  const ptags = principalTags(caller);
  if (Object.keys(ptags).length) aws.principal_tags = ptags;
  if (caller.kind === 'session') {
    const s = caller.session;
    if (s.sourceIdentity !== undefined) aws.source_identity = s.sourceIdentity;
    if (s.federatedProvider) aws.federated_provider = s.federatedProvider;
    aws.original_session_exp = isoSeconds(s.expiresAt);
  }
  if (o.tags?.length) aws.request_tags = Object.fromEntries(o.tags.map((t) => [t.Key, t.Value]));
  const iat = Math.floor(o.env.now / 1000);
  const claims: Record<string, unknown> = {
    aud: o.audience.length === 1 ? o.audience[0] : o.audience,
    sub,
    [AWS_CLAIMS_NS]: aws,
    iss: outboundIssuer(o.account),
    exp: Math.floor(o.expiresAt / 1000),
    iat,
    jti: `${hex(rnd, 8)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 12)}`,
  };
  return { header: { kid: `${o.alg.toLowerCase()}-${randomString(seeded(`outbound-kid|${o.account}`), 12, 'alnum')}`, typ: 'JWT', alg: o.alg }, claims };
}
