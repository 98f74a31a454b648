import { accountPairs, allow, doc, fails, roleArn, roleNames, scenario, succeeds, trust } from './kit';
import { type Template, type Json } from './types';

/** GitHub Actions provider claim keys and immutable subjects in a trust policy. */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
export const githubClaimsTemplate: Template = {
  id: 'github-claims',
  title: 'GitHub Actions: claim keys and immutable subjects',
  topic: 'github-actions',
  note: 'github-actions-to-aws#pin-repository-and-environment',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const provider = `arn:aws:iam::${a}:oidc-provider/token.actions.githubusercontent.com`;
    const target = roleArn(a, rng.pick(roleNames));
    const style = rng.pick(['sub-name', 'sub-wildcard', 'repository-id', 'environment'] as const);
    const immutable = rng.pick([true, false] as const);
    const env = rng.pick([undefined, 'production', 'staging'] as const);
    const sameRepo = rng.pick([true, false] as const);
    const repoId = sameRepo ? '700100200' : '900900900';
    const ref = env ? `environment:${env}` : 'ref:refs/heads/main';
    const sub = immutable ? `repo:example-org@41000001/site@${repoId}:${ref}` : `repo:example-org/${sameRepo ? 'site' : 'site-old'}:${ref}`;
    const key = (k: string) => `token.actions.githubusercontent.com:${k}`;
    const conditions: Record<typeof style, Json> = {
      'sub-name': { StringEquals: { [key('aud')]: 'sts.amazonaws.com', [key('sub')]: `repo:example-org/site:${ref}` } },
      'sub-wildcard': { StringEquals: { [key('aud')]: 'sts.amazonaws.com' }, StringLike: { [key('sub')]: 'repo:example-org/*' } },
      'repository-id': { StringEquals: { [key('aud')]: 'sts.amazonaws.com', [key('repository_id')]: '700100200' } },
      environment: { StringEquals: { [key('aud')]: 'sts.amazonaws.com', [key('repository_id')]: '700100200', [key('environment')]: 'production' } },
    };
    const world: Json = {
      accounts: [{ id: a }],
      oidcProviders: [{ arn: provider, url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] }],
      roles: [{ arn: target, trustPolicy: doc(trust({ Federated: provider }, 'sts:AssumeRoleWithWebIdentity', conditions[style])), policies: [doc(allow('s3:ListAllMyBuckets', '*'))] }],
    };
    const token: Json = {
      iss: 'https://token.actions.githubusercontent.com', sub, aud: 'sts.amazonaws.com', iat: 1785715170, exp: 1785715500, signature: 'valid',
      repository: sameRepo ? 'example-org/site' : 'example-org/site-old', repository_id: repoId, repository_owner_id: '41000001', ref: 'refs/heads/main', ...(env ? { environment: env } : {}),
    };
    const steps: Json[] = [{ id: 'ask', call: 'AssumeRoleWithWebIdentity', params: { RoleArn: target, RoleSessionName: 'gha-run', WebIdentityToken: token } }];
    // F-9.9 claim keys; F-9.10 immutable subjects do not match name-based sub conditions.
    const matches: Record<typeof style, boolean> = {
      'sub-name': !immutable && sameRepo,
      'sub-wildcard': !immutable,
      'repository-id': sameRepo,
      environment: sameRepo && env === 'production',
    };
    const condText: Record<typeof style, string> = {
      'sub-name': `\`StringEquals\` on \`sub\` = \`repo:example-org/site:${ref}\``,
      'sub-wildcard': '`StringLike` on `sub` = `repo:example-org/*`',
      'repository-id': '`StringEquals` on `token.actions.githubusercontent.com:repository_id` = `700100200`',
      environment: '`StringEquals` on `repository_id` = `700100200` and `environment` = `production`',
    };
    return {
      scenario: scenario('gen-github-claims', 'Generated: GitHub claim keys and immutable subjects', world, steps),
      stem: `A role trusts GitHub's OIDC provider with the audience pinned and ${condText[style]}. A workflow presents a valid token with \`sub\` = \`${sub}\`, \`repository_id\` = \`${repoId}\`${env ? ` and \`environment\` = \`${env}\`` : ' and no environment'}.\n\nWhat happens?`,
      exhibits: [],
      choices: [
        { key: 'success', text: 'The workflow gets credentials.', matches: succeeds(), when: 'every condition of the trust policy matched the token' },
        { key: 'error-trust', text: '`AccessDenied` from the trust policy.', matches: fails('AccessDenied', 'trust-policy'), when: 'a condition did not match: an immutable subject against a name-based one, another repository ID, or another environment' },
        { key: 'error-token', text: '`InvalidIdentityToken`: the subject format is not recognised.', matches: fails('InvalidIdentityToken'), when: 'the token itself was invalid, which it is not here' },
      ],
      expected: matches[style] ? 'success' : 'error-trust',
      rule: 'Repositories created, renamed or transferred after 15 July 2026 get immutable subjects (`repo:owner@id/repo@id:…`), which name-based `sub` conditions and `repo:org/*` do not match. Provider claim keys such as `repository_id` and `environment` work whichever subject form the token uses.',
    };
  },
};
