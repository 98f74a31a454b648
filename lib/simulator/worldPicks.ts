/**
 * What the form's pickers offer from a scenario's world (roles, identity providers, principals,
 * managed policies), and the few world entries it can add so a new federated step has what it
 * needs: an OIDC or SAML provider and a role that trusts it. Plain parsed JSON in and out.
 */
import { type StsCall } from '../scenario/calls';
import { getAt, setAt } from './knobs';
import { trustActionFor } from './newStep';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** The world lists whose entries have an `arn`. */
export type ArnList = 'roles' | 'users' | 'samlProviders' | 'oidcProviders' | 'managedPolicies';

/** The ARNs of one world list, in file order. */
export function worldArns(doc: unknown, key: ArnList): string[] {
  const v = getAt(doc, ['world', key]);
  return Array.isArray(v) ? v.flatMap((x) => (isObject(x) && typeof x.arn === 'string' ? [x.arn] : [])) : [];
}

/** The world's account ids. */
export function worldAccounts(doc: unknown): string[] {
  const v = getAt(doc, ['world', 'accounts']);
  return Array.isArray(v) ? v.flatMap((a) => (isObject(a) && typeof a.id === 'string' ? [a.id] : [])) : [];
}

/**
 * The OIDC providers AWS has built in, named by host in a `Federated` principal.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-federated-web-identity
 */
export const builtinWebIdentityProviders = ['cognito-identity.amazonaws.com', 'accounts.google.com', 'www.amazon.com', 'graph.facebook.com'] as const;

/** Principal values the trust policy editor suggests: account roots, users, roles, providers. */
export function principalSuggestions(doc: unknown, type: 'AWS' | 'Federated' | 'Service' | '*'): string[] {
  if (type === 'Federated') return [...worldArns(doc, 'oidcProviders'), ...worldArns(doc, 'samlProviders'), ...builtinWebIdentityProviders];
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
  if (type === 'Service') return ['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'];
  if (type === 'AWS') return [...worldAccounts(doc).map((a) => `arn:aws:iam::${a}:root`), ...worldArns(doc, 'users'), ...worldArns(doc, 'roles')];
  return [];
}

/** The trust-policy actions the editor suggests. https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html */
export const trustActions = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'] as const;

/**
 * AWS managed policies the form suggests for `PolicyArns`, after the world's own.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html
 */
export function policyArnSuggestions(doc: unknown): string[] {
  return [...worldArns(doc, 'managedPolicies'), 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'];
}

/** The host and path of an issuer URL, as IAM names an OIDC provider after it. */
const hostOf = (url: string) => url.replace(/^https:\/\//, '').replace(/\/$/, '');

/**
 * Adds an IAM OIDC provider for an issuer (unless the world has one for it).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
 * @returns the document and the provider's ARN (`arn:aws:iam::ACCOUNT:oidc-provider/HOST`)
 */
export function addOidcProvider<T>(doc: T, url: string, clientIds: readonly string[], account: string): { doc: T; arn: string } {
  const arn = `arn:aws:iam::${account}:oidc-provider/${hostOf(url)}`;
  const list = getAt(doc, ['world', 'oidcProviders']);
  const have = Array.isArray(list) ? list : [];
  if (have.some((p) => isObject(p) && (p.arn === arn || (typeof p.url === 'string' && hostOf(p.url) === hostOf(url))))) return { doc, arn };
  return { doc: setAt(doc, ['world', 'oidcProviders'], [...have, { arn, url: url.startsWith('https://') ? url : `https://${url}`, clientIds: [...clientIds] }]), arn };
}

/**
 * Adds an IAM SAML provider (unless the world has that ARN).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html
 */
export function addSamlProvider<T>(doc: T, name: string, issuer: string, account: string): { doc: T; arn: string } {
  const arn = `arn:aws:iam::${account}:saml-provider/${name}`;
  const list = getAt(doc, ['world', 'samlProviders']);
  const have = Array.isArray(list) ? list : [];
  if (have.some((p) => isObject(p) && p.arn === arn)) return { doc, arn };
  return { doc: setAt(doc, ['world', 'samlProviders'], [...have, { arn, issuer }]), arn };
}

/**
 * A trust policy that lets this call in: the principal (an account, or a provider for the
 * federation calls) and the call's action. For OIDC it also checks `aud`, as AWS's console does.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
 */
export function trustPolicyFor(call: StsCall, principal: string, audience?: string): Json {
  const action = trustActionFor[call] ?? 'sts:AssumeRole';
  const federated = call === 'AssumeRoleWithWebIdentity' || call === 'AssumeRoleWithSAML';
  const statement: Json = { Effect: 'Allow', Principal: federated ? { Federated: principal } : { AWS: principal }, Action: action };
  if (call === 'AssumeRoleWithWebIdentity' && audience) {
    const host = principal.replace(/^arn:aws:iam::\d+:oidc-provider\//, '');
    statement.Condition = { StringEquals: { [`${host}:aud`]: audience } };
  }
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_enable-console-saml.html (SAML:aud)
  if (call === 'AssumeRoleWithSAML') statement.Condition = { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } };
  return { Version: '2012-10-17', Statement: [statement] };
}

/**
 * Adds a role named `name` in `account` whose trust policy lets `principal` make `call`.
 * @returns the document and the role's ARN, or an error when the world has that role already
 */
export function addRole<T>(doc: T, name: string, account: string, call: StsCall, principal: string, audience?: string): { ok: true; doc: T; arn: string } | { ok: false; message: string } {
  const arn = `arn:aws:iam::${account}:role/${name}`;
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (RoleName: [\w+=,.@-]+, up to 64)
  if (!/^[\w+=,.@-]{1,64}$/.test(name)) return { ok: false, message: 'A role name is 1 to 64 letters, digits and +=,.@_- characters.' };
  if (worldArns(doc, 'roles').includes(arn)) return { ok: false, message: `The world already has ${arn}.` };
  const list = getAt(doc, ['world', 'roles']);
  const roles = Array.isArray(list) ? list : [];
  return { ok: true, doc: setAt(doc, ['world', 'roles'], [...roles, { arn, trustPolicy: trustPolicyFor(call, principal, audience) }]), arn };
}
