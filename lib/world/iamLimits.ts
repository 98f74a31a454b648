/**
 * IAM's and AWS Organizations' own size limits on what a world holds. A world beyond them is
 * one IAM would refuse to create, so the scenario loader reports an invalid file.
 * Sizes count characters without white space, as IAM does.
 */
export const iamLimits = {
  /** Role trust policy, at the highest quota IAM grants (the default is 2,048). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
  trustPolicyChars: 4096,
  /** All inline policies of one user together. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
  userInlineChars: 2048,
  /** All inline policies of one role together. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
  roleInlineChars: 10240,
  /** One managed policy (and so a permissions boundary, which is one). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
  managedPolicyChars: 6144,
  /** Managed policies attached to one user or role, at the highest quota (the default is 10). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
  attachedPolicies: 20,
  /** One service control policy. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html */
  scpChars: 5120,
  /** One resource control policy. https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html */
  rcpChars: 5120,
} as const;

/**
 * A policy document's size as IAM counts it: characters, not counting white space.
 * @param doc the document as written (JSON text or a parsed object)
 * @example policySize('{ "Version": "2012-10-17" }') // 23
 */
export function policySize(doc: unknown): number {
  let text: string;
  if (typeof doc === 'string') text = doc;
  else {
    try {
      text = JSON.stringify(doc) ?? '';
    } catch {
      // Nested too deep to serialise: far beyond any limit.
      return Infinity;
    }
  }
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++;
  }
  return n;
}
