/**
 * Provider-specific OIDC claims that STS exposes as `<provider>:<claim>` condition keys for
 * AssumeRoleWithWebIdentity (trust policies and RCPs), for the identity providers AWS lists.
 * For any other issuer these claims stay absent keys: a policy that tests them fails as an
 * absent key does.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
 */
import { type ContextValue } from '../policy/types';

/** One provider that AWS lists, and the claims it turns into keys. */
export interface ClaimProvider {
  /** Short name for the trace. */
  name: 'GitHub' | 'GitLab' | 'CircleCI' | 'Oracle Cloud Infrastructure' | 'Google';
  /** Whether the key prefix (the provider's host and path, without https://) is this provider's issuer. */
  matches: (prefix: string) => boolean;
  /** Claims (as they appear in the token) → key suffix after `<prefix>:`. */
  claims: readonly { claim: string; key: string; numeric?: boolean }[];
}

const same = (names: readonly string[]) => names.map((n) => ({ claim: n, key: n }));

/** The providers of the Service Authorization Reference's web-identity keys (F-9.9). */
export const claimProviders: readonly ClaimProvider[] = [
  {
    name: 'GitHub',
    // token.actions.githubusercontent.com, GHE.com tenants token.actions.<domain>.ghe.com, enterprise issuers and sub-paths.
    matches: (p) => /^token\.actions\.githubusercontent\.com(\/.*)?$/.test(p) || /^token\.actions\.[\w-]+\.ghe\.com(\/.*)?$/.test(p) || /^github\.com\/enterprises\/[\w-]+$/.test(p),
    claims: same(['actor', 'actor_id', 'enterprise_id', 'environment', 'job_workflow_ref', 'ref', 'repository', 'repository_id', 'repository_owner_id', 'workflow']),
  },
  {
    name: 'GitLab',
    matches: (p) => p === 'gitlab.com',
    claims: same(['namespace_id', 'pipeline_source', 'project_id', 'ref_protected', 'runner_environment', 'user_access_level', 'user_email', 'user_id', 'user_login']),
  },
  {
    name: 'CircleCI',
    matches: (p) => /^oidc\.circleci\.com\/org\/[\w-]+$/.test(p),
    claims: [{ claim: 'oidc.circleci.com/project-id', key: 'oidc.circleci.com/project-id' }],
  },
  {
    name: 'Oracle Cloud Infrastructure',
    matches: (p) => /^idcs-[\w]+\.identity\.oraclecloud\.com$/.test(p),
    claims: same(['rpst_id']),
  },
  {
    name: 'Google',
    matches: (p) => p === 'accounts.google.com',
    // The token carries it nested: {"google": {"organization_number": …}}; the key uses numeric operators.
    claims: [{ claim: 'google.organization_number', key: 'google/organization_number', numeric: true }],
  },
];

/** The provider AWS lists for a key prefix, if any. */
export function claimProviderFor(prefix: string): ClaimProvider | undefined {
  return claimProviders.find((p) => p.matches(prefix));
}

const readClaim = (claims: Record<string, unknown>, path: string): unknown => {
  if (path in claims) return claims[path];
  const [head, ...rest] = path.split('.');
  const inner = claims[head ?? ''];
  return rest.length && inner && typeof inner === 'object' ? (inner as Record<string, unknown>)[rest.join('.')] : undefined;
};

/**
 * The provider-specific condition keys a token yields.
 * @param prefix the key prefix (the provider's host and path)
 * @param claims the token's claims
 * @returns the keys, the provider (if AWS lists it) and the claims of the token that AWS exposes
 * @example providerClaimKeys('token.actions.githubusercontent.com', { repository: 'o/r' }).keys
 */
export function providerClaimKeys(prefix: string, claims: Record<string, unknown>): { provider?: ClaimProvider; keys: Record<string, ContextValue> } {
  const provider = claimProviderFor(prefix);
  const keys: Record<string, ContextValue> = {};
  if (!provider) return { keys };
  for (const c of provider.claims) {
    const v = readClaim(claims, c.claim);
    if (v === undefined || v === null || typeof v === 'object') continue;
    keys[`${prefix}:${c.key}`] = String(v);
  }
  return { provider, keys };
}

/**
 * GitHub's immutable subject: `repo:owner@OWNER_ID/repo@REPO_ID:…`, the default for
 * repositories created, renamed or transferred after 2026-07-15 (F-9.10).
 * https://docs.github.com/en/actions/reference/security/oidc (subject claims; changelog 2026-04-23)
 */
export const IMMUTABLE_SUB = /^repo:([^/@:]+)@(\d+)\/([^/@:]+)@(\d+):/;

/** The name-only form of an immutable GitHub subject (`repo:owner/repo:…`), or undefined. */
export function nameOnlySubject(sub: string): string | undefined {
  const m = IMMUTABLE_SUB.exec(sub);
  return m ? `repo:${m[1]}/${m[3]}:${sub.slice(m[0].length)}` : undefined;
}
