/**
 * Suggestions for the form's trust-policy condition rows: the operators IAM knows, the condition
 * keys the step's call puts in the request context, and "did you mean" for typos.
 */
import { conditionBases } from '../policy/types';
import { claimProviderFor } from '../sts/providerClaims';
import { closest } from '../util/suggest';
import { getAt } from './knobs';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Operators for the picker: every base operator, the `IfExists` forms people reach for, and the
 * set forms for multivalued keys.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export const operatorSuggestions: readonly string[] = [
  ...conditionBases,
  'StringEqualsIfExists', 'StringLikeIfExists', 'BoolIfExists', 'NumericLessThanIfExists', 'ArnLikeIfExists',
  'ForAnyValue:StringEquals', 'ForAnyValue:StringLike', 'ForAllValues:StringEquals', 'ForAllValues:StringLike',
];

/** Keys of the request context every STS call has. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html */
const globalKeys = ['aws:SourceIp', 'aws:CurrentTime', 'aws:EpochTime', 'aws:RequestedRegion', 'aws:SecureTransport'];

/**
 * Keys available in a role trust policy for AssumeRole (F-2.12).
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys
 */
const assumeRoleKeys = [
  'sts:ExternalId', 'sts:RoleSessionName', 'sts:SourceIdentity', 'sts:TransitiveTagKeys', 'aws:TagKeys',
  'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalArn',
  'aws:PrincipalAccount', 'aws:PrincipalType', 'aws:userid', 'aws:username', 'aws:SourceIdentity',
];

/**
 * Keys from a SAML assertion (F-8.9).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml
 */
const samlKeys = [
  'SAML:aud', 'SAML:iss', 'SAML:sub', 'SAML:sub_type', 'SAML:namequalifier', 'SAML:doc',
  'SAML:edupersonaffiliation', 'SAML:edupersonprincipalname', 'SAML:edupersonentitlement', 'aws:FederatedProvider', 'aws:TagKeys', 'sts:SourceIdentity',
];

/**
 * The key prefix a web identity token gets: the provider's host and path (without `https://`),
 * or the built-in provider's name (F-9.5).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
export function webIdentityPrefix(iss: string): string {
  return iss.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** The web identity keys for one prefix: the standard ones (per provider) and the provider-specific claims AWS lists. */
export function webIdentityKeys(prefix: string): string[] {
  const specific = claimProviderFor(prefix)?.claims.map((c) => `${prefix}:${c.key}`) ?? [];
  // Built-in providers name their keys differently (F-9.5).
  if (prefix === 'accounts.google.com') return ['accounts.google.com:aud', 'accounts.google.com:oaud', 'accounts.google.com:sub', ...specific];
  if (prefix === 'www.amazon.com') return ['www.amazon.com:app_id', 'www.amazon.com:user_id'];
  if (prefix === 'graph.facebook.com') return ['graph.facebook.com:app_id', 'graph.facebook.com:id'];
  return [`${prefix}:sub`, `${prefix}:aud`, `${prefix}:amr`, `${prefix}:azp`, ...specific];
}

/** Tag keys a step passes (`Tags`) and the caller's own tags, for the `aws:RequestTag/…` and `aws:PrincipalTag/…` suggestions. */
function tagKeys(doc: unknown, i: number): { request: string[]; principal: string[] } {
  const tags = getAt(doc, ['steps', i, 'params', 'Tags']);
  const request = Array.isArray(tags) ? tags.flatMap((t) => (isObject(t) && typeof t.Key === 'string' ? [t.Key] : [])) : [];
  const user = getAt(doc, ['steps', i, 'as', 'user']);
  const users = getAt(doc, ['world', 'users']);
  const u = Array.isArray(users) ? users.find((x) => isObject(x) && x.arn === user) : undefined;
  const principal = isObject(u) && isObject(u.tags) ? Object.keys(u.tags) : [];
  return { request, principal };
}

/** The issuers a web identity step may use: its token's `iss`, else the world's OIDC providers. */
function issuersFor(doc: unknown, i: number): string[] {
  const iss = getAt(doc, ['steps', i, 'params', 'WebIdentityToken', 'iss']);
  const providers = getAt(doc, ['world', 'oidcProviders']);
  const urls = Array.isArray(providers) ? providers.flatMap((p) => (isObject(p) && typeof p.url === 'string' ? [p.url] : [])) : [];
  return [...new Set([...(typeof iss === 'string' ? [iss] : []), ...urls])];
}

/**
 * The condition keys the step's call puts in the request context, for a trust policy's
 * condition key picker (the step's own token issuer and tag keys first).
 * @example conditionKeySuggestions(doc, 0) // ['token.actions.githubusercontent.com:sub', …] for a GitHub web identity step
 */
export function conditionKeySuggestions(doc: unknown, i: number): string[] {
  const call = getAt(doc, ['steps', i, 'call']);
  const { request, principal } = tagKeys(doc, i);
  const requestTags = (request.length ? request : ['team']).map((k) => `aws:RequestTag/${k}`);
  let keys: string[];
  if (call === 'AssumeRoleWithWebIdentity') {
    const prefixes = issuersFor(doc, i).map(webIdentityPrefix);
    keys = [...prefixes.flatMap(webIdentityKeys), 'cognito-identity.amazonaws.com:aud', 'cognito-identity.amazonaws.com:amr', 'cognito-identity.amazonaws.com:sub', 'sts:RoleSessionName', 'aws:FederatedProvider', 'aws:TagKeys', 'sts:SourceIdentity', ...requestTags];
  } else if (call === 'AssumeRoleWithSAML') {
    keys = [...samlKeys, ...requestTags];
  } else {
    keys = [...assumeRoleKeys, ...requestTags, ...(principal.length ? principal : ['team']).map((k) => `aws:PrincipalTag/${k}`)];
  }
  return [...new Set([...keys, ...globalKeys])];
}

/** Splits an operator into its set prefix, base and `IfExists`. */
function splitOperator(op: string): { set: string; base: string; ifExists: string } {
  const m = /^(ForAnyValue:|ForAllValues:)?(.*?)(IfExists)?$/.exec(op)!;
  return { set: m[1] ?? '', base: m[2] ?? '', ifExists: m[3] ?? '' };
}

/**
 * "Did you mean" for a condition operator IAM does not know (`StringEqual` → `StringEquals`,
 * `stringlike` → `StringLike`); undefined when it is known or nothing is close.
 * @example operatorHint('StringEqual') // 'StringEquals'
 */
export function operatorHint(op: string): string | undefined {
  const { set, base, ifExists } = splitOperator(op.trim());
  if ((conditionBases as readonly string[]).includes(base)) return undefined;
  const near = closest(base, conditionBases);
  return near ? `${set}${near}${ifExists}` : undefined;
}

/**
 * "Did you mean" for a condition key that is none of the suggested ones but close to one
 * (`sts:ExternalID` is fine: keys are case-insensitive; `sts:ExternalIds` → `sts:ExternalId`).
 * Tag keys are compared by their prefix (`aws:PrincipleTag/team` → `aws:PrincipalTag/team`).
 */
export function keyHint(key: string, known: readonly string[]): string | undefined {
  const k = key.trim();
  if (!k || known.some((x) => x.toLowerCase() === k.toLowerCase())) return undefined;
  const slash = k.indexOf('/');
  if (slash > 0 && /^aws:[A-Za-z]+\//.test(k)) {
    const head = k.slice(0, slash + 1);
    const heads = ['aws:RequestTag/', 'aws:PrincipalTag/', 'aws:ResourceTag/'];
    if (heads.some((h) => h.toLowerCase() === head.toLowerCase())) return undefined;
    const near = closest(head, heads);
    return near ? `${near}${k.slice(slash + 1)}` : undefined;
  }
  return closest(k, known.filter((x) => !x.includes('/') || !x.startsWith('aws:')));
}

/**
 * A hint for values that the operator reads literally: `*` and `?` are wildcards only for the
 * `…Like` operators. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
export function wildcardHint(op: string, values: readonly string[]): string | undefined {
  const { set, base, ifExists } = splitOperator(op.trim());
  const like: Record<string, string> = { StringEquals: 'StringLike', StringNotEquals: 'StringNotLike', ArnEquals: 'ArnLike', ArnNotEquals: 'ArnNotLike' };
  const to = like[base];
  if (!to || !values.some((v) => /[*?]/.test(v))) return undefined;
  return `${base} compares * and ? literally: use ${set}${to}${ifExists} for a pattern.`;
}
