/**
 * Why a failing step has no verified fix: for failures that no change to the scenario file can
 * (or should) turn into a success, the reason in one sentence. Keyed by the trace's failing codes.
 */

/** Failing trace codes whose failure has no safe fix, and why. */
export const noFixReasons: Record<string, string> = {
  'auth.expired': 'The credentials have expired: request new ones (call STS again, or refresh the session); nothing in a policy extends them.',
  'auth.unknown-key': 'AWS does not know this access key (deleted, mistyped, or from another partition): use valid credentials.',
  'oidc.expired': 'The token has expired: get a fresh token from the identity provider and call again at once; nothing in AWS extends it.',
  'oidc.bad-signature': 'The token\'s signature does not verify: it must come from the identity provider unchanged. Nothing in AWS can accept a forged or altered token.',
  'oidc.bad-algorithm': 'STS accepts only RSA (RS256, RS384, RS512) and ECDSA (ES256, ES384, ES512) signed tokens: configure the identity provider to sign with one of them.',
  'oidc.not-a-jwt': 'STS needs the ID token (a compact JWT), not an access token: fix the caller to send the ID token.',
  'oidc.unreachable': 'STS could not fetch the identity provider\'s keys: the provider\'s discovery endpoint must be reachable from AWS.',
  'saml.expired': 'The SAML assertion has expired: sign in at the IdP again and post the new response within its validity window.',
  'saml.redeem-window': 'A SAML assertion must be redeemed within 5 minutes of issuance: sign in again.',
  'saml.bad-signature': 'The SAML response\'s signature does not verify: upload the IdP\'s current metadata to the IAM SAML provider (a certificate rotation), or fix the IdP; AWS cannot accept an unsigned change.',
  'saml.no-session-name': 'The IdP must send the https://aws.amazon.com/SAML/Attributes/RoleSessionName attribute: add it in the IdP\'s AWS application mapping.',
  'saml.bad-session-name': 'The IdP sends a RoleSessionName that STS refuses: change the IdP\'s attribute mapping to 2–64 characters of [a-zA-Z_0-9+=,.@-].',
  'saml.role-not-in-assertion': 'The IdP must offer this role: its Role attribute needs the pair "role ARN,provider ARN". Change the IdP\'s group-to-role mapping; nothing in AWS can add it.',
  'caller.root-cannot-assume': 'The root user cannot assume roles at all (AWS forbids it): make the call as an IAM user or role. Giving root a way in is not a fix.',
  'caller.session-credentials': 'This call cannot be made with temporary credentials, whatever the policies say: call it with an IAM user\'s long-term keys.',
  'region.disabled': 'STS is not activated in this Region for the account: activate it in the account settings, or call the regional endpoint of an active Region.',
  'decode.invalid': 'The encoded message is damaged or from another account: copy it whole from the failing request.',
  'session.malformed': 'The session policy is not valid JSON or not a valid policy: fix its syntax.',
  'session.packed-too-large': 'The session policies and tags pack to more than AWS allows: pass fewer or smaller session policies and tags.',
  'tags.duplicate-key': 'Session tag keys must be unique, case-insensitively: remove the duplicate key.',
  'tags.transitive-conflict': 'A chained call cannot override a transitive tag set earlier in the chain: drop that tag from the call.',
  'source-identity.already-set': 'SourceIdentity cannot change once set in a chain: pass the same value, or none.',
  'source-identity.chain-needs-identity': 'In role chaining, the role doing the assuming needs sts:SetSourceIdentity in its own permissions policy as well as in the target\'s trust policy: its owner must add it.',
  'deny.explicit': 'An explicit Deny wins over every Allow. Removing or narrowing it is a security decision for its owner: check why it is there before you change it.',
  'boundary.no-allow': 'The permissions boundary caps what this principal may ever do: widening it is a decision for whoever set it, not a debugging fix.',
  'resource.no-allow': 'The resource\'s own policy does not allow this principal: its owner must add it.',
  'validate.params': 'A parameter value is outside what STS accepts: change it to a valid value (the error message says which).',
  'trust.no-statement-allows': 'No trust statement admits this caller, and no single change that keeps the trust policy\'s conditions could be verified: compare the trust statement\'s conditions with the values in the trace.',
  'session.no-allow': 'The session\'s own policy does not allow this: request the session again with a session policy that does.',
  'context.setcontext-denied': 'The role\'s trust policy does not let this caller set context from these providers (sts:SetContext, and any sts:RequestContextProviders condition): pass a context from a provider it allows; admitting another provider is the role owner\'s decision.',
  'outbound.outlives-session': 'A web identity token may not outlive the session that asks for it: request a shorter DurationSeconds, or ask from a session with more time left.',
  'outbound.disabled': 'Outbound identity federation is off for this account: an administrator must enable it (IAM EnableOutboundWebIdentityFederation) before any principal can get a token.',
  'oidc.outbound-same-partition': 'AWS does not accept its own GetWebIdentityToken tokens in AssumeRoleWithWebIdentity within the same partition: they are for services outside AWS (or another partition). Use AssumeRole for AWS roles.',
  'scp.no-allow': 'No SCP allows this action at one level of the organization tree (an allow list): adding it is a decision for the organization administrators, for every account under that level.',
  'identity.no-allow': 'No identity-based policy allows this for the principal, and a new one could not be verified here.',
};

/**
 * Why a failed step has no fix, in one or two sentences.
 * @param r the failed step's trace
 * @returns the reason for the most specific failing gate, or a general one
 * @example noFixReason({ trace: [{ result: 'fail', code: 'oidc.expired' }] }) // 'The token has expired: …'
 */
export function noFixReason(r: { trace: readonly { result: string; code: string }[] }): string {
  const codes = r.trace.filter((t) => t.result === 'fail').map((t) => t.code);
  for (const c of codes) if (noFixReasons[c]) return noFixReasons[c];
  return 'No single change to the scenario could be verified to make this call succeed: follow the failing check in the trace.';
}

/** True when the failure has a stated reason (not the general sentence). */
export const hasNoFixReason = (r: { trace: readonly { result: string; code: string }[] }) => r.trace.some((t) => t.result === 'fail' && noFixReasons[t.code] !== undefined);
