/**
 * "Paste anything": recognises what an engineer has in hand when a role assumption fails —
 * policies, IAM CLI output, tokens, SAML responses, AWS error messages, CloudTrail events and
 * `aws sts` command lines — alone or several in one paste. Pure; never throws for user input.
 */
import { parseIamOutput } from '../import/awsIam';
import { type SamlAssertion } from '../sts/types';
import { readSaml, samlXmlOf } from './saml';
import { base64ToText, findJsonObjects, isObject, shellWords } from './text';

/** The STS calls the debugger builds scenarios for. */
export type DebugCall = 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML';

/** Why AWS says a request was denied, from the error message's trailing clause. */
export type DenialReason =
  | { kind: 'no-allow'; policy: 'identity-based' | 'resource-based' | 'session' | 'permissions boundary' | 'service control' | 'resource control' }
  | { kind: 'explicit-deny'; policy: 'identity-based' | 'resource-based' | 'session' | 'permissions boundary' | 'service control' | 'resource control'; policyArn?: string };

/** One thing recognised in a paste. `label` says what it was, for the page to show. */
export type Recognised =
  | { kind: 'trust-policy'; label: string; policy: Record<string, unknown>; role?: { arn: string; id?: string; maxSessionDuration?: number } }
  | { kind: 'identity-policy'; label: string; policy: Record<string, unknown>; owner?: { type: 'role' | 'user'; name: string }; policyArn?: string }
  | { kind: 'user'; label: string; arn: string; id?: string }
  | { kind: 'attached-policies'; label: string; policies: { name: string; arn: string }[] }
  | { kind: 'web-identity-token'; label: string; claims: Record<string, unknown>; header?: Record<string, unknown>; compact?: string }
  | { kind: 'saml'; label: string; assertion: SamlAssertion; signed: boolean; encrypted: boolean; audience?: string }
  | { kind: 'error'; label: string; code: string; call?: DebugCall | string; caller?: string; action?: string; resource?: string; reason?: DenialReason; detail?: string; message: string }
  | { kind: 'cloudtrail'; label: string; call: string; caller?: string; roleArn?: string; sessionName?: string; errorCode?: string; errorMessage?: string; eventTime?: string; params: Record<string, unknown>; webIdentity?: { provider?: string; sub?: string; aud?: string } }
  | { kind: 'cli'; label: string; call: DebugCall | string; params: Record<string, unknown>; profile?: string };

/** Everything recognised in a paste, and the pieces that were not. */
export interface Recognition {
  items: Recognised[];
  /** Trimmed pieces of the paste that matched nothing (shown so nothing is silently dropped). */
  unrecognised: string[];
}

/**
 * Decodes a compact JWT without verifying it (three base64url parts).
 * https://datatracker.ietf.org/doc/html/rfc7519#section-3
 * @example decodeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig')?.claims.sub // 'x'
 */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header: unknown = JSON.parse(base64ToText(parts[0]!) ?? '');
    const claims: unknown = JSON.parse(base64ToText(parts[1]!) ?? '');
    return isObject(header) && isObject(claims) ? { header, claims } : undefined;
  } catch {
    return undefined;
  }
}

/** A policy is a trust policy when it names principals or allows an sts:AssumeRole* action. */
function isTrustPolicy(doc: Record<string, unknown>): boolean {
  const sts = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return sts.some((s) => isObject(s) && (s.Principal !== undefined || s.NotPrincipal !== undefined));
}

const claimsLabel = (c: Record<string, unknown>) => `web identity token claims${typeof c.iss === 'string' ? ` from ${c.iss}` : ''}${typeof c.sub === 'string' ? ` (sub ${c.sub})` : ''}`;

/** Reads one JSON value. */
function fromJson(v: unknown): Recognised[] {
  if (!isObject(v)) return [];
  if (Array.isArray(v.Records)) return v.Records.flatMap(fromJson);
  if (Array.isArray(v.Events)) return v.Events.flatMap((e) => (isObject(e) && typeof e.CloudTrailEvent === 'string' ? fromJsonText(e.CloudTrailEvent) : []));
  if (typeof v.CloudTrailEvent === 'string') return fromJsonText(v.CloudTrailEvent);
  if (v.Statement !== undefined) {
    return isTrustPolicy(v)
      ? [{ kind: 'trust-policy', label: 'a trust policy (JSON, as the console shows it)', policy: v }]
      : [{ kind: 'identity-policy', label: 'an identity-based policy (JSON)', policy: v }];
  }
  if (Array.isArray(v.AttachedPolicies)) {
    const policies = v.AttachedPolicies.filter(isObject).map((p) => ({ name: String(p.PolicyName ?? ''), arn: String(p.PolicyArn ?? '') }));
    return [{ kind: 'attached-policies', label: `aws iam list-attached-role-policies output (${policies.length} ${policies.length === 1 ? 'policy' : 'policies'})`, policies }];
  }
  if (typeof v.eventSource === 'string' && typeof v.eventName === 'string') return fromCloudTrail(v);
  if (typeof v.iss === 'string' && (v.sub !== undefined || v.aud !== undefined)) return [{ kind: 'web-identity-token', label: claimsLabel(v), claims: v }];
  if (isObject(v.Role) || isObject(v.User) || isObject(v.PolicyVersion) || typeof v.PolicyName === 'string') {
    const r = parseIamOutput(JSON.stringify(v));
    if (!r.ok) return [];
    const imp = r.value;
    switch (imp.kind) {
      case 'role':
        return [{ kind: 'trust-policy', label: `aws iam get-role output for ${imp.role.arn}`, policy: imp.role.trustPolicy, role: { arn: imp.role.arn, ...(imp.role.id ? { id: imp.role.id } : {}), ...(imp.role.maxSessionDuration ? { maxSessionDuration: imp.role.maxSessionDuration } : {}) } }];
      case 'user':
        return [{ kind: 'user', label: `aws iam get-user output for ${imp.user.arn}`, arn: imp.user.arn, ...(imp.user.id ? { id: imp.user.id } : {}) }];
      case 'policy-version':
        return [{ kind: 'identity-policy', label: `aws iam get-policy-version output${imp.versionId ? ` (${imp.versionId})` : ''}`, policy: imp.document }];
      case 'inline-policy':
        return [{ kind: 'identity-policy', label: `aws iam get-${imp.owner.type}-policy output (${imp.policyName} on ${imp.owner.name})`, policy: imp.document, owner: imp.owner }];
      case 'trust-policy':
        return [{ kind: 'trust-policy', label: 'a trust policy (JSON)', policy: imp.document }];
    }
  }
  return [];
}

function fromJsonText(text: string): Recognised[] {
  try {
    return fromJson(JSON.parse(text));
  } catch {
    return [];
  }
}

/**
 * A CloudTrail record of an STS call.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html#cloudtrail-integration_examples-sts-api
 */
function fromCloudTrail(e: Record<string, unknown>): Recognised[] {
  if (e.eventSource !== 'sts.amazonaws.com') return [];
  const call = String(e.eventName);
  const req = isObject(e.requestParameters) ? e.requestParameters : {};
  const ui = isObject(e.userIdentity) ? e.userIdentity : {};
  const params: Record<string, unknown> = {};
  if (typeof req.roleArn === 'string') params.RoleArn = req.roleArn;
  if (typeof req.roleSessionName === 'string') params.RoleSessionName = req.roleSessionName;
  if (typeof req.durationSeconds === 'number') params.DurationSeconds = req.durationSeconds;
  if (typeof req.externalId === 'string') params.ExternalId = req.externalId;
  if (typeof req.serialNumber === 'string') params.SerialNumber = req.serialNumber;
  if (typeof req.principalArn === 'string') params.PrincipalArn = req.principalArn;
  if (typeof req.sourceIdentity === 'string') params.SourceIdentity = req.sourceIdentity;
  const out: Extract<Recognised, { kind: 'cloudtrail' }> = { kind: 'cloudtrail', label: '', call, params };
  // For AssumeRole the signer is userIdentity.arn; federation calls are unsigned and name the IdP instead.
  if (typeof ui.arn === 'string') out.caller = ui.arn;
  if (typeof params.RoleArn === 'string') out.roleArn = params.RoleArn;
  if (typeof params.RoleSessionName === 'string') out.sessionName = params.RoleSessionName;
  if (typeof e.errorCode === 'string') out.errorCode = e.errorCode;
  if (typeof e.errorMessage === 'string') out.errorMessage = e.errorMessage;
  if (typeof e.eventTime === 'string') out.eventTime = e.eventTime;
  if (ui.type === 'WebIdentityUser') {
    // principalId is "<provider>:<aud>:<sub>"; userName is the sub.
    const provider = typeof ui.identityProvider === 'string' ? ui.identityProvider : undefined;
    const sub = typeof ui.userName === 'string' ? ui.userName : undefined;
    const pid = typeof ui.principalId === 'string' ? ui.principalId : '';
    let aud: string | undefined;
    if (provider && sub && pid.startsWith(`${provider}:`) && pid.endsWith(`:${sub}`)) aud = pid.slice(provider.length + 1, pid.length - sub.length - 1);
    out.webIdentity = { ...(provider ? { provider } : {}), ...(sub ? { sub } : {}), ...(aud ? { aud } : {}) };
  }
  out.label = `a CloudTrail ${call} event${out.errorCode ? ` that failed with ${out.errorCode}` : ''}${out.caller ? ` by ${out.caller}` : out.webIdentity?.sub ? ` for ${out.webIdentity.sub}` : ''}`;
  return [out];
}

const policyKinds = 'identity-based|resource-based|session|permissions boundary|service control|resource control';

/**
 * An AWS error message, as the CLI, an SDK or a CI log prints it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html (the "because …" clauses)
 */
function fromErrorText(text: string): Recognised | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const wrapper = /An error occurred \((\w+)\) when calling the (\w+) operation: (.*)$/.exec(t);
  const code = wrapper?.[1] ?? /^(?:Error: )?(AccessDenied|InvalidIdentityToken|IDPRejectedClaim|ExpiredToken(?:Exception)?|InvalidClientTokenId|ValidationError|IDPCommunicationError|RegionDisabledException)\b:?/.exec(t)?.[1];
  const body = wrapper?.[3] ?? t;
  const denied = /User: (arn:[^\s]+) is not authorized to perform: ([\w:*-]+) on resource: (arn:[^\s]+?)(?:\s+(.*))?$/.exec(body);
  if (denied) {
    const [, caller, action, resource, rest] = denied;
    const out: Extract<Recognised, { kind: 'error' }> = { kind: 'error', label: '', code: code ?? 'AccessDenied', caller: caller!, action: action!, resource: resource!.replace(/[.,;]$/, ''), message: body };
    const call = /^sts:(\w+)$/.exec(action!)?.[1] ?? wrapper?.[2];
    if (call) out.call = call;
    const noAllow = new RegExp(`because no (${policyKinds}) policy allows`).exec(rest ?? '');
    const deny = new RegExp(`with an explicit deny in an? (${policyKinds}) policy(?::? (arn:[^\\s]+))?`).exec(rest ?? '');
    if (noAllow) out.reason = { kind: 'no-allow', policy: noAllow[1] as DenialReason['policy'] };
    if (deny) out.reason = { kind: 'explicit-deny', policy: deny[1] as DenialReason['policy'], ...(deny[2] ? { policyArn: deny[2].replace(/[.,;]$/, '') } : {}) };
    out.label = `an ${out.code} error: ${caller} may not call ${action} on ${out.resource}${out.reason ? ` (${out.reason.kind === 'no-allow' ? `no ${out.reason.policy} policy allows it` : `explicit deny in a ${out.reason.policy} policy`})` : ''}`;
    return out;
  }
  const fed = /Not authorized to perform sts:(AssumeRoleWithWebIdentity|AssumeRoleWithSAML)/i.exec(t);
  if (fed) return { kind: 'error', label: `an AccessDenied error from ${fed[1]}`, code: 'AccessDenied', call: fed[1]!, action: `sts:${fed[1]}`, message: body };
  const oidc = /(No OpenIDConnect provider found in your account for (\S+)|Incorrect token audience|Couldn't retrieve verification key from your identity provider|The web identity token that was passed could not be validated|Token expired|The ID Token provided is not a valid JWT)/i.exec(t);
  if (oidc) {
    const detail = oidc[2] ? 'no-provider' : /audience/i.test(oidc[1]!) ? 'wrong-audience' : /expired/i.test(oidc[1]!) ? 'expired' : /JWT/.test(oidc[1]!) ? 'not-a-jwt' : /verification key/i.test(oidc[1]!) ? 'unreachable' : 'bad-signature';
    return { kind: 'error', label: `an ${code ?? 'InvalidIdentityToken'} error from AssumeRoleWithWebIdentity (${oidc[1]})`, code: code ?? 'InvalidIdentityToken', call: 'AssumeRoleWithWebIdentity', detail, message: body };
  }
  const dur = /(DurationSeconds exceeds the (?:MaxSessionDuration|1 hour session limit)[^.]*)/i.exec(t);
  if (dur) return { kind: 'error', label: `a ValidationError: ${dur[1]}`, code: 'ValidationError', ...(wrapper?.[2] ? { call: wrapper[2] } : {}), detail: /1 hour/.test(dur[1]!) ? 'chaining-cap' : 'above-max', message: body };
  if (code && wrapper) return { kind: 'error', label: `an ${code} error from ${wrapper[2]}`, code, call: wrapper[2]!, message: body };
  return undefined;
}

const cliCalls: Record<string, DebugCall | string> = {
  'assume-role': 'AssumeRole',
  'assume-role-with-web-identity': 'AssumeRoleWithWebIdentity',
  'assume-role-with-saml': 'AssumeRoleWithSAML',
  'get-session-token': 'GetSessionToken',
  'get-caller-identity': 'GetCallerIdentity',
};
const cliParams: Record<string, string> = {
  'role-arn': 'RoleArn', 'role-session-name': 'RoleSessionName', 'duration-seconds': 'DurationSeconds', 'external-id': 'ExternalId',
  'serial-number': 'SerialNumber', 'token-code': 'TokenCode', 'source-identity': 'SourceIdentity', 'web-identity-token': 'WebIdentityToken',
  'principal-arn': 'PrincipalArn', 'saml-assertion': 'SAMLAssertion', 'provider-id': 'ProviderId', policy: 'Policy',
};

/**
 * An `aws sts …` command line (https://docs.aws.amazon.com/cli/latest/reference/sts/assume-role.html).
 * `file://` values cannot be read from a paste and are reported as missing.
 */
function fromCli(line: string): Recognised | undefined {
  const w = shellWords(line);
  const at = w.findIndex((x, i) => x === 'sts' && /(^|\/)aws(\.exe)?$/.test(w[i - 1] ?? ''));
  if (at < 0) return undefined;
  const sub = w[at + 1] ?? '';
  const call = cliCalls[sub];
  if (!call) return undefined;
  const params: Record<string, unknown> = {};
  let profile: string | undefined;
  const tags: { Key: string; Value: string }[] = [];
  for (let i = at + 2; i < w.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(w[i]!);
    if (!m) continue;
    const value = m[2] ?? (w[i + 1] && !w[i + 1]!.startsWith('--') ? w[++i] : undefined);
    if (value === undefined) continue;
    if (m[1] === 'profile') profile = value;
    else if (m[1] === 'tags') {
      for (const t of value.split(/\s+/)) {
        const kv = /Key=([^,]+),Value=(.*)/.exec(t);
        if (kv) tags.push({ Key: kv[1]!, Value: kv[2]! });
      }
    } else if (cliParams[m[1]!]) {
      const name = cliParams[m[1]!]!;
      params[name] = name === 'DurationSeconds' && /^\d+$/.test(value) ? Number(value) : value;
    }
  }
  if (tags.length) params.Tags = tags;
  return { kind: 'cli', label: `an aws sts ${sub} command${typeof params.RoleArn === 'string' ? ` for ${params.RoleArn}` : ''}`, call, params, ...(profile ? { profile } : {}) };
}

const jwtRe = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const samlXmlRe = /<\?xml[\s\S]*?<\/(?:[\w-]+:)?Response>|<(?:[\w-]+:)?Response[\s>][\s\S]*?<\/(?:[\w-]+:)?Response>|<(?:[\w-]+:)?Assertion[\s>][\s\S]*?<\/(?:[\w-]+:)?Assertion>/g;
const base64BlobRe = /(?:SAMLResponse=)?[A-Za-z0-9+/%_-]{200,}={0,2}(?:%3D){0,2}/g;

/** Replaces a matched range with spaces, so later recognisers do not see it again. */
const blank = (s: string, start: number, end: number) => s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);

/**
 * Recognises everything in a paste.
 * @param text what the user pasted
 * @returns what it recognised, in paste order, and what it did not
 * @example recognise('{"Version":"2012-10-17","Statement":[…]}').items[0].kind // 'trust-policy'
 */
export function recognise(text: string): Recognition {
  const items: { at: number; item: Recognised }[] = [];
  let rest = text;
  // SAML first: its XML and base64 would otherwise look like other things.
  for (const m of text.matchAll(samlXmlRe)) {
    const xml = samlXmlOf(m[0]);
    if (!xml) continue;
    items.push({ at: m.index, item: samlItem(xml) });
    rest = blank(rest, m.index, m.index + m[0].length);
  }
  for (const m of rest.matchAll(base64BlobRe)) {
    const xml = samlXmlOf(m[0]);
    if (!xml) continue;
    items.push({ at: m.index, item: samlItem(xml) });
    rest = blank(rest, m.index, m.index + m[0].length);
  }
  for (const m of rest.matchAll(jwtRe)) {
    const d = decodeJwt(m[0]);
    if (!d) continue;
    items.push({ at: m.index, item: { kind: 'web-identity-token', label: `a compact JWT (decoded; its signature is not verified): ${claimsLabel(d.claims)}`, claims: d.claims, header: d.header, compact: m[0] } });
    rest = blank(rest, m.index, m.index + m[0].length);
  }
  // Command lines before JSON: --policy '{…}' belongs to the command.
  const lines = rest.replace(/\\\r?\n/g, '  ').split('\n');
  let offset = 0;
  for (const line of lines) {
    if (/\baws(\.exe)?\s+sts\s/.test(line)) {
      const cli = fromCli(line);
      if (cli) {
        items.push({ at: offset, item: cli });
        rest = blank(rest, offset, offset + line.length);
      }
    }
    offset += line.length + 1;
  }
  for (const c of findJsonObjects(rest)) {
    const found = fromJson(c.value);
    if (!found.length) continue;
    for (const f of found) items.push({ at: c.start, item: f });
    rest = blank(rest, c.start, c.end);
  }
  // Error messages: one per paragraph or line.
  const unrecognised: string[] = [];
  offset = 0;
  for (const para of rest.split(/\n\s*\n/)) {
    const e = para.trim() ? fromErrorText(para) : undefined;
    if (e) items.push({ at: offset, item: e });
    else if (para.trim()) {
      const perLine = para.split('\n').map((l) => ({ l, e: l.trim() ? fromErrorText(l) : undefined }));
      for (const p of perLine) if (p.e) items.push({ at: offset, item: p.e });
      const left = perLine.filter((p) => !p.e && p.l.trim()).map((p) => p.l.trim()).join('\n');
      if (left && /[A-Za-z0-9]/.test(left)) unrecognised.push(left.length > 200 ? `${left.slice(0, 200)}…` : left);
    }
    offset += para.length + 2;
  }
  return { items: items.sort((a, b) => a.at - b.at).map((x) => x.item), unrecognised };
}

function samlItem(xml: string): Recognised {
  const r = readSaml(xml);
  const role = r.assertion.attributes?.['https://aws.amazon.com/SAML/Attributes/Role']?.[0];
  return {
    kind: 'saml',
    label: `a SAML response from ${r.assertion.issuer || '(no issuer)'}${role ? ` offering ${role.split(',').find((x) => x.includes(':role/')) ?? role}` : ''}${r.encrypted ? ' (encrypted: its assertion cannot be read)' : ''}; its signature is not verified`,
    assertion: r.assertion,
    signed: r.signed,
    encrypted: r.encrypted,
    ...(r.audience ? { audience: r.audience } : {}),
  };
}

