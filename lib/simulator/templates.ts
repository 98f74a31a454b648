/**
 * Starting points for a new scenario: small, valid files that already run, so a learner
 * edits something that works instead of a blank page.
 */

/** A template the simulator offers under "New". */
export interface ScenarioTemplate {
  /** Stable id (also the new scenario's id). */
  id: string;
  /** Button label. */
  title: string;
  /** One line on what it sets up. */
  description: string;
  /** The scenario file as JSON. */
  scenario: Record<string, unknown>;
}

const allowAssume = (resource: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource }],
});

const readBucket = (bucket: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }],
});

/** The templates, in menu order. */
export const templates: readonly ScenarioTemplate[] = [
  {
    id: 'my-cross-account-role',
    title: 'Cross-account role',
    description: 'A user in one account assumes a role in another, then reads a bucket.',
    scenario: {
      format: 'sts-scenario/v1',
      id: 'my-cross-account-role',
      title: 'My cross-account role',
      summary: 'A user in account 111111111111 assumes `Reader` in account 222222222222. Both sides must agree: the user needs `sts:AssumeRole` on the role, and the role\'s trust policy must name the user\'s account.',
      tags: ['assume-role', 'cross-account'],
      start: '2026-01-01T00:00:00Z',
      world: {
        accounts: [
          { id: '111111111111', alias: 'dev' },
          { id: '222222222222', alias: 'prod' },
        ],
        users: [
          {
            arn: 'arn:aws:iam::111111111111:user/alice',
            policies: [allowAssume('arn:aws:iam::222222222222:role/Reader')],
            mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/alice', code: '123456' }],
          },
        ],
        roles: [
          {
            arn: 'arn:aws:iam::222222222222:role/Reader',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }],
            },
            maxSessionDuration: 3600,
            policies: [readBucket('prod-reports')],
          },
        ],
        resources: [{ arn: 'arn:aws:s3:::prod-reports', account: '222222222222' }],
      },
      steps: [
        {
          id: 'assume',
          as: { user: 'arn:aws:iam::111111111111:user/alice' },
          call: 'AssumeRole',
          params: { RoleArn: 'arn:aws:iam::222222222222:role/Reader', RoleSessionName: 'alice' },
        },
        {
          id: 'read',
          as: { session: 'assume' },
          request: { action: 's3:GetObject', resource: 'arn:aws:s3:::prod-reports/2026/01.csv' },
        },
      ],
    },
  },
  {
    id: 'my-oidc-role',
    title: 'OIDC (GitHub Actions)',
    description: 'A workflow exchanges its OIDC token for a deploy role with AssumeRoleWithWebIdentity.',
    scenario: {
      format: 'sts-scenario/v1',
      id: 'my-oidc-role',
      title: 'My GitHub Actions OIDC role',
      summary: 'A GitHub Actions workflow sends its OIDC token to `AssumeRoleWithWebIdentity`. The trust policy names the OIDC provider and pins the token\'s `aud`, and its `sub` to one repository and branch. The repository was created after 2026-07-15, so its `sub` has GitHub\'s immutable form with the owner\'s and the repository\'s IDs (`repo:example-org@41000001/site@700100200:…`). Conditions on `token.actions.githubusercontent.com:repository_id` and `:ref` work as well.',
      tags: ['web-identity', 'oidc', 'github-actions'],
      start: '2026-08-03T09:00:00Z',
      world: {
        accounts: [{ id: '222222222222', alias: 'prod' }],
        oidcProviders: [
          {
            arn: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com',
            url: 'https://token.actions.githubusercontent.com',
            clientIds: ['sts.amazonaws.com'],
          },
        ],
        roles: [
          {
            arn: 'arn:aws:iam::222222222222:role/Deploy',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Federated: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com' },
                  Action: 'sts:AssumeRoleWithWebIdentity',
                  Condition: {
                    StringEquals: {
                      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                      'token.actions.githubusercontent.com:sub': 'repo:example-org@41000001/site@700100200:ref:refs/heads/main',
                    },
                  },
                },
              ],
            },
            maxSessionDuration: 3600,
            policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::prod-site/*' }] }],
          },
        ],
        resources: [{ arn: 'arn:aws:s3:::prod-site', account: '222222222222' }],
      },
      steps: [
        {
          id: 'deploy',
          call: 'AssumeRoleWithWebIdentity',
          params: {
            RoleArn: 'arn:aws:iam::222222222222:role/Deploy',
            RoleSessionName: 'gha-deploy',
            WebIdentityToken: {
              iss: 'https://token.actions.githubusercontent.com',
              aud: 'sts.amazonaws.com',
              // GitHub's immutable subject: https://docs.github.com/en/actions/reference/security/oidc
              sub: 'repo:example-org@41000001/site@700100200:ref:refs/heads/main',
              repository: 'example-org/site',
              repository_id: '700100200',
              repository_owner_id: '41000001',
              ref: 'refs/heads/main',
              iat: 1785747570,
              exp: 1785747900,
              signature: 'valid',
            },
          },
        },
        {
          id: 'upload',
          as: { session: 'deploy' },
          request: { action: 's3:PutObject', resource: 'arn:aws:s3:::prod-site/index.html' },
        },
      ],
    },
  },
  {
    id: 'my-saml-role',
    title: 'SAML federation',
    description: 'A corporate IdP posts a signed SAML assertion to AssumeRoleWithSAML.',
    scenario: {
      format: 'sts-scenario/v1',
      id: 'my-saml-role',
      title: 'My SAML federation',
      summary: 'Users sign in to a corporate identity provider, which posts a signed SAML assertion. `AssumeRoleWithSAML` needs no AWS credentials: the trust policy names the SAML provider and checks `SAML:aud`.',
      tags: ['saml', 'federation'],
      start: '2026-01-01T00:00:00Z',
      world: {
        accounts: [{ id: '222222222222', alias: 'corp' }],
        samlProviders: [{ arn: 'arn:aws:iam::222222222222:saml-provider/CorpIdP', issuer: 'https://idp.corp.example.com/saml' }],
        roles: [
          {
            arn: 'arn:aws:iam::222222222222:role/Engineer',
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Federated: 'arn:aws:iam::222222222222:saml-provider/CorpIdP' },
                  Action: 'sts:AssumeRoleWithSAML',
                  Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
                },
              ],
            },
            maxSessionDuration: 28800,
            policies: [readBucket('corp-docs')],
          },
        ],
        resources: [{ arn: 'arn:aws:s3:::corp-docs', account: '222222222222' }],
      },
      steps: [
        {
          id: 'sign-in',
          call: 'AssumeRoleWithSAML',
          params: {
            RoleArn: 'arn:aws:iam::222222222222:role/Engineer',
            PrincipalArn: 'arn:aws:iam::222222222222:saml-provider/CorpIdP',
            SAMLAssertion: {
              issuer: 'https://idp.corp.example.com/saml',
              recipient: 'https://signin.aws.amazon.com/saml',
              nameId: 'alice-guid',
              nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
              issueInstant: '2025-12-31T23:59:00Z',
              notOnOrAfter: '2026-01-01T00:05:00Z',
              attributes: {
                'https://aws.amazon.com/SAML/Attributes/Role': ['arn:aws:iam::222222222222:role/Engineer,arn:aws:iam::222222222222:saml-provider/CorpIdP'],
                'https://aws.amazon.com/SAML/Attributes/RoleSessionName': ['alice@corp.example.com'],
              },
              signature: 'valid',
            },
            DurationSeconds: 14400,
          },
        },
        {
          id: 'read-docs',
          as: { session: 'sign-in' },
          request: { action: 's3:GetObject', resource: 'arn:aws:s3:::corp-docs/handbook.pdf' },
        },
      ],
    },
  },
];

/** A template's scenario as the editor shows it. */
export function templateText(t: ScenarioTemplate): string {
  return `${JSON.stringify(t.scenario, null, 2)}\n`;
}
