/**
 * AssumeRoleWithSAML and AssumeRoleWithWebIdentity: unsigned calls authenticated by the token.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
import { learn } from '../explain/learn';
import { evaluatePolicy } from '../policy/evaluate';
import { type ContextValue, type RequestPrincipal } from '../policy/types';
import { type Policy } from '../policy/types';
import { glob } from '../policy/glob';
import { accountPartition, arnPartition, type World } from '../world/world';
import { nameOnlySubject, providerClaimKeys } from './providerClaims';
import { AWS_CLAIMS_NS, OUTBOUND_ISSUER } from './outbound';
import { base64, decodeBase64Text, sha1, utf8 } from '../util/encoding';
import { epochSecondsText, isoSeconds, parseInstant } from '../util/time';
import { describeStatement, rcpGate } from './authorize';
import { type StepEnv } from './context';
import { awsError } from './errors';
import { checkMaxDuration, issueRoleSession } from './roleSession';
import { addSessionKeys, checkPackedSize, combineTags, fail, regionCheck, sessionPolicies, validateSessionPolicyParams, type CallOutcome, invalidParams } from './shared';
import { type AwsError, type SamlAssertion, type SessionTag, type TraceEntry } from './types';
import { rules, Validator } from './validate';
import { limits } from './limits';

const SAML_ATTR = 'https://aws.amazon.com/SAML/Attributes/';
const NAME_RE = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;

/** Evaluates a trust policy for a federated principal (no identity side: the caller has no policies). */
function federatedTrust(world: World, roleArn: string, action: string, principal: RequestPrincipal, keys: Record<string, ContextValue>, trace: TraceEntry[]): boolean {
  const role = world.roles.get(roleArn)!;
  if (!rcpGate(world, { action, resource: roleArn, resourceAccount: role.account, principal, keys }, trace)) return false;
  const ev = evaluatePolicy(role.trust.policy, { action, resource: roleArn, principal, keys });
  const st = (i: number | undefined) => ev.statements.find((s) => s.index === i);
  if (ev.result === 'Allow') {
    trace.push({ gate: 'trust-policy', result: 'pass', code: 'trust.allows', reason: `${describeStatement(role.trust, st(ev.decidingIndex)!)} allows ${action} for ${principal.federated}.`, learn: learn.trust });
    return true;
  }
  if (ev.result === 'Deny') {
    trace.push({ gate: 'trust-policy', result: 'fail', code: 'deny.explicit', reason: `${describeStatement(role.trust, st(ev.decidingIndex)!)} explicitly denies ${action}.`, learn: learn.explicitDeny });
    return false;
  }
  const why = ev.statements.filter((s) => s.effect === 'Allow' && s.mismatch).map((s) => `${describeStatement(role.trust, s)}: ${s.mismatch!.detail}`);
  trace.push({ gate: 'trust-policy', result: 'fail', code: 'trust.no-statement-allows', reason: `No statement of ${role.name}'s trust policy allows ${action} for ${principal.federated}${why.length ? `: ${why.join('; ')}` : ''}.`, learn: learn.trust, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp.html' });
  return false;
}

/** AssumeRoleWithSAML's parameters, resolved. */
export interface SamlParams {
  RoleArn?: string;
  PrincipalArn?: string;
  SAMLAssertion?: SamlAssertion | string;
  DurationSeconds?: number;
  Policy?: unknown;
  PolicyArns?: { arn: string }[];
}

/** Runs AssumeRoleWithSAML. */
export function assumeRoleWithSaml(world: World, p: SamlParams, env: StepEnv, seed: string, stepId: string, stepPath: string): CallOutcome {
  const trace: TraceEntry[] = [];
  const v = new Validator();
  if (v.required('roleArn', p.RoleArn)) v.string('roleArn', p.RoleArn, rules.arn);
  if (v.required('principalArn', p.PrincipalArn)) v.string('principalArn', p.PrincipalArn, rules.arn);
  if (v.required('SAMLAssertion', p.SAMLAssertion) && typeof p.SAMLAssertion === 'string') v.string('SAMLAssertion', p.SAMLAssertion, rules.samlAssertion);
  v.range('durationSeconds', p.DurationSeconds, limits.assumeRoleMinSeconds, limits.assumeRoleMaxSeconds);
  validateSessionPolicyParams(v, p.Policy, p.PolicyArns, limits.sessionPolicyMaxChars);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid);
  trace.push({ gate: 'authenticate', result: 'info', code: 'auth.unsigned', reason: 'AssumeRoleWithSAML is not signed with AWS credentials: the SAML assertion is the proof of identity.', learn: learn.saml });
  const roleArn = p.RoleArn!;
  const providerArn = p.PrincipalArn!;
  const roleAccount = roleArn.split(':')[4] ?? '';
  const regionErr = regionCheck(world, roleAccount, env, trace);
  if (regionErr) return fail(trace, regionErr);
  const sp = sessionPolicies(world, p.Policy, p.PolicyArns, roleAccount, stepPath, trace);
  if (!sp.ok) return fail(trace, sp.error);

  const a = p.SAMLAssertion!;
  if (typeof a === 'string') {
    return fail(trace, awsError('InvalidIdentityToken', 'Invalid SAML response: the simulator needs the decoded assertion as an object.'), { gate: 'token', result: 'fail', code: 'saml.encoded-assertion', reason: 'The simulator reads SAMLAssertion as a decoded object (issuer, recipient, attributes, …), not as base64 XML.', learn: learn.saml, uncertain: true });
  }
  const provider = world.samlProviders.get(providerArn);
  if (!provider) {
    return fail(trace, awsError('InvalidIdentityToken', `Specified provider doesn't exist.`), { gate: 'token', result: 'fail', code: 'saml.no-provider', reason: `There is no SAML provider ${providerArn} in IAM.`, learn: learn.saml, uncertain: true });
  }
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html
  if (a.signature === 'invalid') {
    return fail(trace, awsError('InvalidIdentityToken', 'Response signature invalid'), { gate: 'token', result: 'fail', code: 'saml.bad-signature', reason: `The assertion's signature does not verify against the metadata of ${provider.name}.`, learn: learn.saml, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html' });
  }
  if (a.issuer !== provider.issuer) {
    return fail(trace, awsError('InvalidIdentityToken', 'Issuer not present in metadata'), { gate: 'token', result: 'fail', code: 'saml.issuer-mismatch', reason: `The assertion's issuer ${a.issuer} is not the issuer in ${provider.name}'s metadata (${provider.issuer}).`, learn: learn.saml, uncertain: true });
  }
  const notOnOrAfter = a.notOnOrAfter ? parseInstant(a.notOnOrAfter) : undefined;
  if (notOnOrAfter !== undefined && env.now >= notOnOrAfter) {
    return fail(trace, awsError('ExpiredTokenException', 'Response has expired'), { gate: 'token', result: 'fail', code: 'saml.expired', reason: `The assertion was valid until ${a.notOnOrAfter}; it is now ${isoSeconds(env.now)}.`, learn: learn.expired, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html' });
  }
  const issued = a.issueInstant ? parseInstant(a.issueInstant) : undefined;
  if (issued !== undefined && env.now - issued > limits.samlRedeemWindowSeconds * 1000) {
    return fail(trace, awsError('ExpiredTokenException', 'Token must be redeemed within 5 minutes of issuance'), { gate: 'token', result: 'fail', code: 'saml.redeem-window', reason: `The assertion was issued at ${a.issueInstant}, more than 5 minutes before ${isoSeconds(env.now)}. This window is observed, not documented: AWS pages document only NotOnOrAfter and SessionNotOnOrAfter, and the 5 minutes come from the error text callers report.`, learn: learn.expired, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html', uncertain: true });
  }
  trace.push({ gate: 'token', result: 'pass', code: 'saml.valid', reason: `The assertion is signed by ${provider.name}'s IdP (${provider.issuer}) and still valid.`, learn: learn.saml });

  const attrs = a.attributes ?? {};
  const roleValues = attrs[`${SAML_ATTR}Role`] ?? [];
  const pairs = roleValues.map((s) => s.split(',').map((x) => x.trim()));
  if (!pairs.some((pair) => pair.includes(roleArn) && pair.includes(providerArn))) {
    return fail(trace, awsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML'), { gate: 'token', result: 'fail', code: 'saml.role-not-in-assertion', reason: `The assertion's Role attribute does not list the pair "${roleArn},${providerArn}" (it has ${roleValues.length ? roleValues.join(' | ') : 'none'}).`, learn: learn.saml, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html' });
  }
  const names = attrs[`${SAML_ATTR}RoleSessionName`];
  const sessionName = names?.[0];
  if (sessionName === undefined) {
    return fail(trace, awsError('InvalidIdentityToken', 'RoleSessionName is required in AuthnResponse'), { gate: 'token', result: 'fail', code: 'saml.no-session-name', reason: 'The assertion has no https://aws.amazon.com/SAML/Attributes/RoleSessionName attribute.', learn: learn.saml, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html' });
  }
  if (!NAME_RE.test(sessionName)) {
    return fail(trace, awsError('InvalidIdentityToken', 'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}'), { gate: 'token', result: 'fail', code: 'saml.bad-session-name', reason: `RoleSessionName "${sessionName}" must be 2–64 of [a-zA-Z_0-9+=,.@-].`, learn: learn.saml, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html' });
  }
  const sourceIdentity = attrs[`${SAML_ATTR}SourceIdentity`]?.[0];
  if (sourceIdentity !== undefined && (!NAME_RE.test(sourceIdentity) || sourceIdentity.startsWith('aws:'))) {
    return fail(trace, awsError('InvalidIdentityToken', 'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"'), { gate: 'source-identity', result: 'fail', code: 'saml.bad-source-identity', reason: `SourceIdentity "${sourceIdentity}" is not valid.`, learn: learn.sourceIdentity });
  }
  const tags: { Key: string; Value: string }[] = [];
  for (const [name, values] of Object.entries(attrs)) {
    if (name.startsWith(`${SAML_ATTR}PrincipalTag:`)) tags.push({ Key: name.slice(`${SAML_ATTR}PrincipalTag:`.length), Value: values[0] ?? '' });
  }
  const transitiveKeys = attrs[`${SAML_ATTR}TransitiveTagKeys`] ?? [];
  const tagged = combineTags([], tags, transitiveKeys, trace);
  if (!tagged.ok) return fail(trace, tagged.error);

  const role = world.roles.get(roleArn);
  if (!role) return fail(trace, awsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML'), { gate: 'trust-policy', result: 'fail', code: 'trust.role-not-found', reason: `There is no role ${roleArn}.`, learn: learn.saml, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_saml.html' });

  // SAML condition keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml
  const format = a.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
  const subType = format.replace(/^urn:oasis:names:tc:SAML:2\.0:nameid-format:/, '');
  const nameQualifier = base64(sha1(utf8(`${a.issuer}${role.account}/${provider.name}`)));
  const keys: Record<string, ContextValue> = {
    'aws:CurrentTime': isoSeconds(env.now),
    'aws:EpochTime': String(Math.floor(env.now / 1000)),
    'aws:RequestedRegion': env.region,
    'aws:FederatedProvider': providerArn,
    'SAML:iss': a.issuer,
    'SAML:namequalifier': nameQualifier,
    'SAML:doc': `${role.account}/${provider.name}`,
    'SAML:sub_type': subType,
  };
  if (env.sourceIp) keys['aws:SourceIp'] = env.sourceIp;
  if (a.recipient !== undefined) keys['SAML:aud'] = a.recipient;
  if (a.nameId !== undefined) keys['SAML:sub'] = a.nameId;
  for (const [name, values] of Object.entries(attrs)) {
    const m = /^urn:oid:1\.3\.6\.1\.4\.1\.5923\.1\.1\.1\.(\d+)$/.exec(name);
    if (m) keys[`SAML:${eduPerson[m[1]!] ?? name}`] = values;
  }
  addSessionKeys(keys, tags, transitiveKeys, sourceIdentity);
  const principal: RequestPrincipal = { kind: 'federated', arns: [], ids: [], federated: providerArn };
  const denied = authorizeFederated(world, roleArn, 'sts:AssumeRoleWithSAML', principal, keys, tags.length > 0, sourceIdentity, trace);
  if (denied) return fail(trace, denied);

  const requested = p.DurationSeconds ?? limits.assumeRoleDefaultSeconds;
  const tooLong = checkMaxDuration(role, requested, p.DurationSeconds !== undefined, trace);
  if (tooLong) return fail(trace, tooLong);
  let duration = requested;
  const sessionEnd = a.sessionNotOnOrAfter ? parseInstant(a.sessionNotOnOrAfter) : undefined;
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html (the session ends at SessionNotOnOrAfter if that comes first)
  if (sessionEnd !== undefined && sessionEnd < env.now + duration * 1000) {
    duration = Math.max(0, Math.floor((sessionEnd - env.now) / 1000));
    trace.push({ gate: 'duration', result: 'info', code: 'duration.saml-session-not-on-or-after', reason: `The assertion's SessionNotOnOrAfter (${a.sessionNotOnOrAfter}) comes first, so the session lasts ${duration} seconds instead of ${requested}.`, learn: learn.duration, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html' });
  }
  const { packed, error: packedError } = checkPackedSize(sp.policies, sp.plainChars, p.PolicyArns?.length ?? 0, tags, trace);
  if (packedError) return fail(trace, packedError);
  const { session, response } = issueRoleSession({ role, env, seed, stepId, sessionName, durationSeconds: duration, policies: sp.policies, packedPercent: packed, tags: tagged.tags, sourceIdentity, mfa: { present: false }, chained: false, createdBy: 'AssumeRoleWithSAML', federatedProvider: providerArn });
  Object.assign(response, {
    Subject: a.nameId ?? '',
    SubjectType: subType,
    Issuer: a.issuer,
    Audience: a.recipient ?? 'https://signin.aws.amazon.com/saml',
    NameQualifier: nameQualifier,
  });
  trace.push({ gate: 'issue', result: 'pass', code: 'issue.credentials', reason: `STS issues credentials for ${session.arn} lasting ${duration} seconds. A SAML session is not role chaining, so it may last up to the role's MaxSessionDuration.`, learn: learn.saml });
  return { ok: true, response, session, trace };
}

// eduPerson attribute OIDs that AWS exposes as SAML:* keys.
const eduPerson: Record<string, string> = { '1': 'edupersonaffiliation', '2': 'edupersonnickname', '5': 'edupersonprimaryaffiliation', '6': 'edupersonprincipalname', '7': 'edupersonentitlement', '9': 'edupersonscopedaffiliation', '10': 'edupersontargetedid' };

/**
 * The trust policy for a federated caller: the call's action, then sts:TagSession and
 * sts:SetSourceIdentity when the token sets tags or a SourceIdentity. Returns the AccessDenied.
 */
function authorizeFederated(world: World, roleArn: string, action: string, principal: RequestPrincipal, keys: Record<string, ContextValue>, hasTags: boolean, sourceIdentity: string | undefined, trace: TraceEntry[]): AwsError | undefined {
  if (!federatedTrust(world, roleArn, action, principal, keys, trace)) return awsError('AccessDenied', `Not authorized to perform ${action}`);
  const extra = federatedExtras(world, roleArn, principal, keys, hasTags, sourceIdentity, trace);
  if (extra) return awsError('AccessDenied', `Not authorized to perform ${extra === 'tag' ? 'sts:TagSession' : 'sts:SetSourceIdentity'}`);
  return undefined;
}

/** sts:TagSession and sts:SetSourceIdentity for federated callers; returns what failed. */
function federatedExtras(world: World, roleArn: string, principal: RequestPrincipal, keys: Record<string, ContextValue>, hasTags: boolean, sourceIdentity: string | undefined, trace: TraceEntry[]): 'tag' | 'source' | undefined {
  const role = world.roles.get(roleArn)!;
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
  if (hasTags) {
    const ev = evaluatePolicy(role.trust.policy, { action: 'sts:TagSession', resource: roleArn, principal, keys });
    if (ev.result !== 'Allow') {
      trace.push({ gate: 'session-tags', result: 'fail', code: 'tags.tagsession-denied', reason: `The token carries session tags, so ${role.name}'s trust policy must also allow sts:TagSession for ${principal.federated}, and it does not.`, learn: learn.sessionTags, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html' });
      return 'tag';
    }
    trace.push({ gate: 'session-tags', result: 'pass', code: 'tags.tagsession-allowed', reason: 'The trust policy allows sts:TagSession, so the session tags are accepted.', learn: learn.sessionTags });
  }
  if (sourceIdentity !== undefined) {
    const ev = evaluatePolicy(role.trust.policy, { action: 'sts:SetSourceIdentity', resource: roleArn, principal, keys });
    if (ev.result !== 'Allow') {
      trace.push({ gate: 'source-identity', result: 'fail', code: 'source-identity.denied', reason: `The token sets SourceIdentity "${sourceIdentity}", so the trust policy must allow sts:SetSourceIdentity, and it does not.`, learn: learn.sourceIdentity });
      return 'source';
    }
    trace.push({ gate: 'source-identity', result: 'pass', code: 'source-identity.set', reason: `SourceIdentity "${sourceIdentity}" is set and will follow every chained session.`, learn: learn.sourceIdentity });
  }
  return undefined;
}

/** AssumeRoleWithWebIdentity's parameters, resolved. */
export interface WebIdentityParams {
  RoleArn?: string;
  RoleSessionName?: string;
  WebIdentityToken?: string | Record<string, unknown>;
  ProviderId?: string;
  DurationSeconds?: number;
  Policy?: unknown;
  PolicyArns?: { arn: string }[];
}

/** Built-in identity providers that need no IAM OIDC provider; their Federated principal names. */
const builtinIdps: Record<string, string> = {
  'https://accounts.google.com': 'accounts.google.com',
  'accounts.google.com': 'accounts.google.com',
  'https://cognito-identity.amazonaws.com': 'cognito-identity.amazonaws.com',
  'cognito-identity.amazonaws.com': 'cognito-identity.amazonaws.com',
  'www.amazon.com': 'www.amazon.com',
  'graph.facebook.com': 'graph.facebook.com',
};

/** The signing algorithms STS accepts in a web identity token's header. */
const JWT_ALGS: readonly string[] = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

/** A compact JWT's header `alg`, when its header decodes to an object that names one. */
function jwtAlg(token: string): string | undefined {
  const header = decodeBase64Text(token.split('.')[0] ?? '');
  if (header === undefined) return undefined;
  try {
    const h: unknown = JSON.parse(header);
    return h && typeof h === 'object' && typeof (h as { alg?: unknown }).alg === 'string' ? (h as { alg: string }).alg : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes a compact JWT's payload, or undefined when it is not one. */
export function decodeJwt(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const payload = decodeBase64Text(parts[1] ?? '');
  if (payload === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(payload);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A claim as a condition-key string: strings as they are, numbers and booleans as JSON writes
 * them; objects, arrays and null are not strings, so no condition key gets them (a policy that
 * tests one fails as an absent key does). The token still shows them.
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
function claimText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A single- or multi-valued claim as strings, leaving out values that are not strings ({@link claimText}). */
const asList = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((x) => claimText(x) ?? []);

/** Runs AssumeRoleWithWebIdentity. */
export function assumeRoleWithWebIdentity(world: World, p: WebIdentityParams, env: StepEnv, seed: string, stepId: string, stepPath: string): CallOutcome {
  const trace: TraceEntry[] = [];
  const v = new Validator();
  if (v.required('roleArn', p.RoleArn)) v.string('roleArn', p.RoleArn, rules.arn);
  if (v.required('roleSessionName', p.RoleSessionName)) v.string('roleSessionName', p.RoleSessionName, rules.roleSessionName);
  if (v.required('webIdentityToken', p.WebIdentityToken) && typeof p.WebIdentityToken === 'string') v.string('webIdentityToken', p.WebIdentityToken, rules.webIdentityToken);
  v.string('providerId', p.ProviderId, rules.providerId);
  v.range('durationSeconds', p.DurationSeconds, limits.assumeRoleMinSeconds, limits.assumeRoleMaxSeconds);
  validateSessionPolicyParams(v, p.Policy, p.PolicyArns, limits.sessionPolicyMaxChars);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid);
  trace.push({ gate: 'authenticate', result: 'info', code: 'auth.unsigned', reason: 'AssumeRoleWithWebIdentity is not signed with AWS credentials: the identity provider\'s token is the proof of identity.', learn: learn.webIdentity });
  const roleArn = p.RoleArn!;
  const roleAccount = roleArn.split(':')[4] ?? '';
  const regionErr = regionCheck(world, roleAccount, env, trace);
  if (regionErr) return fail(trace, regionErr);
  const sp = sessionPolicies(world, p.Policy, p.PolicyArns, roleAccount, stepPath, trace);
  if (!sp.ok) return fail(trace, sp.error);

  const tok = p.WebIdentityToken!;
  let claims: Record<string, unknown>;
  let verified: boolean | undefined;
  if (typeof tok === 'string') {
    const decoded = decodeJwt(tok);
    if (!decoded) {
      return fail(trace, awsError('InvalidIdentityToken', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)'), { gate: 'token', result: 'fail', code: 'oidc.not-a-jwt', reason: 'WebIdentityToken is not a compact JWT (three base64url parts separated by dots).', learn: learn.webIdentity, uncertain: true });
    }
    claims = decoded;
    const alg = jwtAlg(tok);
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html ("Tokens must be signed using either RSA keys (RS256, RS384, or RS512) or ECDSA keys (ES256, ES384, or ES512)")
    if (alg !== undefined && !JWT_ALGS.includes(alg)) {
      return fail(trace, awsError('InvalidIdentityToken', 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.'), { gate: 'token', result: 'fail', code: 'oidc.bad-algorithm', reason: `The token's header says it is signed with ${alg}; STS accepts only RSA (RS256, RS384, RS512) and ECDSA (ES256, ES384, ES512) signatures.`, learn: learn.webIdentity, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html' });
    }
    trace.push({ gate: 'token', result: 'info', code: 'oidc.signature-not-verified', reason: 'The token was decoded from a compact JWT; the simulator cannot verify its signature, so it treats it as signed by the issuer.', learn: learn.webIdentity });
  } else {
    const { signature, ...rest } = tok;
    claims = rest;
    verified = signature !== 'invalid';
  }
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const outbound = outboundTokenCheck(world, roleArn, iss, claims, trace);
  if (outbound) return fail(trace, outbound);
  const builtin = builtinIdps[iss.replace(/\/$/, '')];
  const host = iss.replace(/^https:\/\//, '').replace(/\/$/, '');
  const provider = builtin ? undefined : world.oidcProviders.find((o) => o.account === roleAccount && o.host === host);
  if (!builtin && !provider) {
    return fail(trace, awsError('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${iss}`), { gate: 'token', result: 'fail', code: 'oidc.no-provider', reason: `Account ${roleAccount} has no IAM OIDC provider for the token's issuer ${iss || '(no iss claim)'}. Create one whose URL is the issuer.`, learn: learn.webIdentity, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html' });
  }
  if (provider && !provider.reachable) {
    return fail(trace, awsError('IDPCommunicationError', 'The request could not be fulfilled because the identity provider (IDP) that was asked to verify the incoming identity token could not be reached.'), { gate: 'token', result: 'fail', code: 'oidc.unreachable', reason: `STS could not fetch the signing keys of ${provider.url}. The documented error is IDPCommunicationError; some callers report InvalidIdentityToken instead.`, learn: learn.webIdentity, uncertain: true });
  }
  if (verified === false) {
    return fail(trace, awsError('InvalidIdentityToken', 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.'), { gate: 'token', result: 'fail', code: 'oidc.bad-signature', reason: `The token's signature does not verify against ${provider ? provider.url : iss}'s keys.`, learn: learn.webIdentity, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html' });
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  const nowSec = Math.floor(env.now / 1000);
  if (exp !== undefined && nowSec >= exp) {
    return fail(trace, awsError('ExpiredTokenException', `Token expired: current date/time ${nowSec} must be before the expiration date/time ${exp}`), { gate: 'token', result: 'fail', code: 'oidc.expired', reason: `The token expired at ${epochSecondsText(exp)} (exp ${exp}); it is now ${isoSeconds(env.now)}.`, learn: learn.expired, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html' });
  }
  const aud = asList(claims.aud);
  if (provider) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html (the token's aud must be one of the provider's client IDs)
    if (!aud.some((a) => provider.clientIds.includes(a))) {
      return fail(trace, awsError('InvalidIdentityToken', 'Incorrect token audience'), { gate: 'token', result: 'fail', code: 'oidc.wrong-audience', reason: `The token's aud (${aud.join(', ') || 'none'}) is not among the client IDs of ${arnLabel(provider.arn)} (${provider.clientIds.join(', ') || 'none'}).`, learn: learn.webIdentity, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html' });
    }
  }
  trace.push({ gate: 'token', result: 'pass', code: 'oidc.valid', reason: `The token from ${iss} is valid${exp !== undefined ? ` until ${epochSecondsText(exp)}` : ''}${provider ? ` and its audience is a client ID of the IAM OIDC provider` : ''}.`, learn: learn.webIdentity });

  const role = world.roles.get(roleArn);
  if (!role) return fail(trace, awsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity'), { gate: 'trust-policy', result: 'fail', code: 'trust.role-not-found', reason: `There is no role ${roleArn}.`, learn: learn.webIdentity });

  const federated = builtin ?? provider!.arn;
  const prefix = builtin ?? provider!.host;
  // Provider-specific condition keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
  const keys: Record<string, ContextValue> = {
    'aws:CurrentTime': isoSeconds(env.now),
    'aws:EpochTime': String(nowSec),
    'aws:RequestedRegion': env.region,
    'aws:FederatedProvider': federated,
    'sts:RoleSessionName': p.RoleSessionName!,
  };
  if (env.sourceIp) keys['aws:SourceIp'] = env.sourceIp;
  const sub = claimText(claims.sub);
  if (prefix === 'accounts.google.com') {
    // Google: accounts.google.com:aud is the token's azp when present, :oaud is its aud.
    const azp = claimText(claims.azp);
    keys['accounts.google.com:aud'] = azp ?? aud[0] ?? '';
    if (aud.length) keys['accounts.google.com:oaud'] = aud.length === 1 ? aud[0]! : aud;
    if (sub !== undefined) keys['accounts.google.com:sub'] = sub;
  } else if (prefix === 'www.amazon.com') {
    if (aud.length) keys['www.amazon.com:app_id'] = aud[0]!;
    if (sub !== undefined) keys['www.amazon.com:user_id'] = sub;
  } else if (prefix === 'graph.facebook.com') {
    if (aud.length) keys['graph.facebook.com:app_id'] = aud[0]!;
    if (sub !== undefined) keys['graph.facebook.com:id'] = sub;
  } else {
    if (aud.length) keys[`${prefix}:aud`] = aud.length === 1 ? aud[0]! : aud;
    if (sub !== undefined) keys[`${prefix}:sub`] = sub;
    if (claims.amr !== undefined) keys[`${prefix}:amr`] = asList(claims.amr);
    const azpText = claimText(claims.azp);
    if (azpText !== undefined) keys[`${prefix}:azp`] = azpText;
  }
  const specific = providerClaimKeys(prefix, claims);
  Object.assign(keys, specific.keys);
  const specificNames = Object.keys(specific.keys);
  if (specific.provider) {
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys
    trace.push({ gate: 'token', result: 'info', code: 'oidc.provider-claim-keys', reason: `AWS lists ${specific.provider.name} among the providers whose claims become condition keys: ${specificNames.length ? `${prefix}: ${specificNames.map((k) => k.slice(prefix.length + 1)).join(', ')}` : 'this token carries none of them'}. Other claims in the token are not keys.`, learn: learn.oidcConditions, source: 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys' });
  }
  const tagClaim = claims['https://aws.amazon.com/tags'] as { principal_tags?: Record<string, unknown>; transitive_tag_keys?: unknown } | undefined;
  const tags: { Key: string; Value: string }[] = [];
  for (const [k, val] of Object.entries(tagClaim?.principal_tags ?? {})) tags.push({ Key: k, Value: asList(val)[0] ?? '' });
  const transitiveKeys = asList(tagClaim?.transitive_tag_keys);
  const tagged = combineTags([], tags, transitiveKeys, trace);
  if (!tagged.ok) return fail(trace, tagged.error);
  // The token can set SourceIdentity with the https://aws.amazon.com/source_identity claim.
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html (SourceIdentity)
  const siClaim = claims['https://aws.amazon.com/source_identity'];
  const sourceIdentity = siClaim === undefined ? undefined : (claimText(siClaim) ?? '(not a string)');
  if (sourceIdentity !== undefined && (!NAME_RE.test(sourceIdentity) || sourceIdentity.startsWith('aws:'))) {
    return fail(trace, awsError('InvalidIdentityToken', 'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"'), { gate: 'source-identity', result: 'fail', code: 'oidc.bad-source-identity', reason: `The token's source_identity "${sourceIdentity}" is not a valid SourceIdentity.`, learn: learn.sourceIdentity, uncertain: true });
  }
  addSessionKeys(keys, tags, transitiveKeys, sourceIdentity);
  const principal: RequestPrincipal = { kind: 'federated', arns: [], ids: [], federated };
  const denied = authorizeFederated(world, roleArn, 'sts:AssumeRoleWithWebIdentity', principal, keys, tags.length > 0, sourceIdentity, trace);
  if (denied) {
    const why = specific.provider?.name === 'GitHub' && sub !== undefined ? immutableSubjectHint(role.trust.policy, prefix, sub) : undefined;
    if (why) trace.push(why);
    return fail(trace, denied);
  }

  const requested = p.DurationSeconds ?? limits.assumeRoleDefaultSeconds;
  const tooLong = checkMaxDuration(role, requested, p.DurationSeconds !== undefined, trace);
  if (tooLong) return fail(trace, tooLong);
  const { packed, error: packedError } = checkPackedSize(sp.policies, sp.plainChars, p.PolicyArns?.length ?? 0, tags, trace);
  if (packedError) return fail(trace, packedError);
  const sessionTags: SessionTag[] = tagged.tags;
  const { session, response } = issueRoleSession({ role, env, seed, stepId, sessionName: p.RoleSessionName!, durationSeconds: requested, policies: sp.policies, packedPercent: packed, tags: sessionTags, sourceIdentity, mfa: { present: false }, chained: false, createdBy: 'AssumeRoleWithWebIdentity', federatedProvider: federated });
  const ordered: Record<string, unknown> = { Credentials: response.Credentials };
  if (sub !== undefined) ordered.SubjectFromWebIdentityToken = sub;
  ordered.AssumedRoleUser = response.AssumedRoleUser;
  if (response.PackedPolicySize !== undefined) ordered.PackedPolicySize = response.PackedPolicySize;
  ordered.Provider = p.ProviderId ?? (iss || federated);
  ordered.Audience = aud[0] ?? '';
  if (sourceIdentity !== undefined) ordered.SourceIdentity = sourceIdentity;
  trace.push({ gate: 'issue', result: 'pass', code: 'issue.credentials', reason: `STS issues credentials for ${session.arn} lasting ${requested} seconds. Web identity federation is not role chaining, so it may last up to the role's MaxSessionDuration.`, learn: learn.webIdentity });
  return { ok: true, response: ordered, session, trace };
}

const arnLabel = (arn: string): string => arn.split(':').slice(5).join(':');

/** Every string value a policy's conditions compare with `key` (any operator). */
function conditionValues(policy: Policy, key: string): string[] {
  const out: string[] = [];
  for (const st of policy.statements) for (const c of st.conditions) if (c.key.toLowerCase() === key.toLowerCase()) out.push(...c.values);
  return out;
}

/**
 * Explains a GitHub trust failure caused by the immutable subject format: the token's sub is
 * `repo:owner@ID/repo@ID:…`, and the trust policy tests `sub` against the name-only form.
 * https://docs.github.com/en/actions/reference/security/oidc (immutable subject claims; F-9.10)
 */
function immutableSubjectHint(policy: Policy, prefix: string, sub: string): TraceEntry | undefined {
  const nameOnly = nameOnlySubject(sub);
  if (!nameOnly) return undefined;
  const tested = conditionValues(policy, `${prefix}:sub`);
  if (!tested.length) return undefined;
  const likeName = tested.filter((v) => !v.includes('@') && glob(v, nameOnly));
  if (!likeName.length) return undefined;
  return { gate: 'trust-policy', result: 'fail', code: 'oidc.github-immutable-sub', reason: `The token's sub is "${sub}", GitHub's immutable subject format (owner and repository IDs after "@"; the default for repositories created, renamed or transferred after 2026-07-15). The trust policy tests ${prefix}:sub against ${likeName.map((v) => `"${v}"`).join(', ')}, written for the name-only form "${nameOnly}", so it does not match. Test ${prefix}:repository (or repository_id) instead, or write the sub with its IDs.`, learn: learn.oidcConditions, source: 'https://docs.github.com/en/actions/reference/security/oidc' };
}

/**
 * Refuses tokens that STS GetWebIdentityToken issued when the role is in the same partition as
 * the issuing account; across partitions they are accepted, with a single audience.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_outbound.html (F-9.8, F-16.8)
 */
function outboundTokenCheck(world: World, roleArn: string, iss: string, claims: Record<string, unknown>, trace: TraceEntry[]): AwsError | undefined {
  if (!OUTBOUND_ISSUER.test(iss)) return undefined;
  const ns = claims[AWS_CLAIMS_NS] as Record<string, unknown> | undefined;
  const account = typeof ns?.aws_account === 'string' ? ns.aws_account : undefined;
  const tokenPartition = account ? accountPartition(world, account) : 'aws';
  const rolePartition = arnPartition(roleArn);
  const src = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_outbound.html';
  if (tokenPartition === rolePartition) {
    trace.push({ gate: 'token', result: 'fail', code: 'oidc.outbound-same-partition', reason: `The token was issued by STS GetWebIdentityToken (issuer ${iss}) in the ${tokenPartition} partition. AWS does not accept these tokens for AssumeRoleWithWebIdentity in the same partition; they are for external services (or for a role in another partition).`, learn: learn.outboundPartitions, source: src });
    return awsError('InvalidIdentityToken', 'The web identity token that was passed could not be validated by AWS. Tokens issued by AWS STS GetWebIdentityToken cannot be used for AssumeRoleWithWebIdentity in the same partition.');
  }
  if (asList(claims.aud).length > 1) {
    trace.push({ gate: 'token', result: 'fail', code: 'oidc.outbound-multiple-audiences', reason: `A GetWebIdentityToken token used across partitions (${tokenPartition} → ${rolePartition}) must carry a single audience; this one has ${asList(claims.aud).length}.`, learn: learn.outboundPartitions, source: src });
    return awsError('InvalidIdentityToken', 'Incorrect token audience');
  }
  trace.push({ gate: 'token', result: 'info', code: 'oidc.outbound-cross-partition', reason: `The token comes from GetWebIdentityToken in the ${tokenPartition} partition and the role is in ${rolePartition}: cross-partition federation is supported, through an IAM OIDC provider for the issuer ${iss}.`, learn: learn.outboundPartitions, source: src });
  return undefined;
}
