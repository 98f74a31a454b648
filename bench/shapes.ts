/**
 * The eight request shapes of a typical STS workload, as scenario files. The last step of
 * each is the measured decision; earlier steps only make the caller (a role session).
 * `expected` is what the last step must give, so a behaviour change stops the bench.
 */

const V = '2012-10-17';
const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const ALICE = `arn:aws:iam::${A}:user/alice`;

const alice = (policies: unknown[], extra: Record<string, unknown> = {}) => ({ arn: ALICE, accessKeys: ['AKIAALICEEXAMPLE0001'], tags: { team: 'blue' }, policies, ...extra });
const allowAssume = (resource: string) => ({ Version: V, Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource }] });
const s3Read = { Version: V, Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::bkt-b', 'arn:aws:s3:::bkt-b/*'] }] };
const trustAccount = (account: string, condition?: Record<string, unknown>) => ({ Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });

/** One bench shape. */
export interface Shape {
  name: string;
  scenario: Record<string, unknown>;
  /** The last step's outcome (calls) or decision (requests). */
  expected: string;
}

export const shapes: Shape[] = [
  {
    name: 'same-account user to role',
    expected: 'success',
    scenario: {
      world: {
        accounts: [{ id: A }],
        users: [alice([allowAssume(`arn:aws:iam::${A}:role/Dev`)])],
        roles: [{ arn: `arn:aws:iam::${A}:role/Dev`, trustPolicy: trustAccount(A), policies: [s3Read] }],
      },
      steps: [{ id: 'assume', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${A}:role/Dev`, RoleSessionName: 'alice' } }],
    },
  },
  {
    name: 'cross-account with an identity policy',
    expected: 'success',
    scenario: {
      world: {
        accounts: [{ id: A }, { id: B }],
        users: [alice([allowAssume(`arn:aws:iam::${B}:role/*`), s3Read])],
        roles: [{ arn: `arn:aws:iam::${B}:role/Deploy`, trustPolicy: trustAccount(A), policies: [s3Read] }],
      },
      steps: [{ id: 'assume', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${B}:role/Deploy`, RoleSessionName: 'alice' } }],
    },
  },
  {
    name: 'MFA with age',
    expected: 'success',
    scenario: {
      world: {
        accounts: [{ id: A }, { id: B }],
        users: [alice([allowAssume(`arn:aws:iam::${B}:role/*`)])],
        roles: [{ arn: `arn:aws:iam::${B}:role/Admin`, trustPolicy: trustAccount(A, { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }), policies: [s3Read] }],
      },
      steps: [{ id: 'assume', as: { user: ALICE, mfaAgeSeconds: 300 }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${B}:role/Admin`, RoleSessionName: 'alice' } }],
    },
  },
  {
    name: 'ExternalId from a role session',
    expected: 'success',
    scenario: {
      world: {
        accounts: [{ id: A }, { id: C }],
        users: [alice([allowAssume(`arn:aws:iam::${A}:role/Vendor`)])],
        roles: [
          { arn: `arn:aws:iam::${A}:role/Vendor`, trustPolicy: trustAccount(A), policies: [allowAssume(`arn:aws:iam::${C}:role/*`)] },
          { arn: `arn:aws:iam::${C}:role/ThirdParty`, trustPolicy: { Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/Vendor` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'Ab12-xyz-7890' } } }] }, policies: [s3Read] },
        ],
      },
      steps: [
        { id: 'vendor', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${A}:role/Vendor`, RoleSessionName: 'alice' } },
        { id: 'assume', as: { session: 'vendor' }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${C}:role/ThirdParty`, RoleSessionName: 'vendor-job', ExternalId: 'Ab12-xyz-7890' } },
      ],
    },
  },
  {
    name: 'aws:PrincipalOrgID from a role session',
    expected: 'success',
    scenario: {
      world: {
        accounts: [{ id: A }, { id: B }],
        organizations: [{ id: 'o-aaaa1111', management: '999999999999', accounts: [A, B] }],
        users: [alice([allowAssume(`arn:aws:iam::${A}:role/App`)])],
        roles: [
          { arn: `arn:aws:iam::${A}:role/App`, trustPolicy: trustAccount(A), policies: [allowAssume(`arn:aws:iam::${B}:role/*`)] },
          { arn: `arn:aws:iam::${B}:role/Shared`, trustPolicy: { Version: V, Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-aaaa1111' } } }] }, policies: [s3Read] },
        ],
      },
      steps: [
        { id: 'app', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${A}:role/App`, RoleSessionName: 'alice' } },
        { id: 'assume', as: { session: 'app' }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${B}:role/Shared`, RoleSessionName: 'app' } },
      ],
    },
  },
  {
    name: 'GitHub OIDC',
    expected: 'success',
    scenario: {
      world: {
        accounts: [{ id: B }],
        oidcProviders: [{ arn: `arn:aws:iam::${B}:oidc-provider/token.actions.githubusercontent.com`, url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] }],
        roles: [{ arn: `arn:aws:iam::${B}:role/GhaDeploy`, trustPolicy: { Version: V, Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${B}:oidc-provider/token.actions.githubusercontent.com` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example-org/site:ref:refs/heads/main' } } }] }, policies: [s3Read] }],
      },
      steps: [{ id: 'assume', call: 'AssumeRoleWithWebIdentity', params: { RoleArn: `arn:aws:iam::${B}:role/GhaDeploy`, RoleSessionName: 'gha-site-main', WebIdentityToken: { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:example-org/site:ref:refs/heads/main', aud: 'sts.amazonaws.com', iat: 1767225570, exp: 1767225900, signature: 'valid' } } }],
    },
  },
  {
    name: 'S3 read: identity, boundary, session policy, 3 SCP levels',
    expected: 'Allow',
    scenario: {
      world: {
        accounts: [{ id: A }, { id: B }],
        organizations: [{
          id: 'o-aaaa1111', management: '999999999999', accounts: [A, B],
          // Three allow-list levels: root, the Workloads OU and the account, FullAWSAccess detached from each.
          root: 'r-aaaa',
          ous: [{ id: 'ou-aaaa-11111111', name: 'Workloads', parent: 'r-aaaa', accounts: [A, B] }],
          detachFullAWSAccess: ['r-aaaa', 'ou-aaaa-11111111', B],
          scps: [
            { name: 'RootGuard', targets: ['r-aaaa'], document: { Version: V, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: ['organizations:LeaveOrganization', 'iam:CreateUser'], Resource: '*' }] } },
            { name: 'WorkloadServices', targets: ['ou-aaaa-11111111'], document: { Version: V, Statement: [{ Effect: 'Allow', Action: ['s3:*', 'sts:*', 'kms:*', 'dynamodb:*'], Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } }] } },
            { name: 'AccountReadOnly', targets: [B], document: { Version: V, Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'sts:AssumeRole'], Resource: '*' }] } },
          ],
        }],
        users: [alice([allowAssume(`arn:aws:iam::${B}:role/*`)])],
        roles: [{
          arn: `arn:aws:iam::${B}:role/Analyst`, trustPolicy: trustAccount(A),
          policies: [s3Read, { Version: V, Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }] }],
          boundary: { Version: V, Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }] },
        }],
        resources: [{ arn: 'arn:aws:s3:::bkt-b', account: B }],
      },
      steps: [
        { id: 'analyst', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${B}:role/Analyst`, RoleSessionName: 'alice', Policy: { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bkt-b/reports/*' }] } } },
        { id: 'read', as: { session: 'analyst' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-b/reports/q3.csv' } },
      ],
    },
  },
  {
    name: 'SCP deny of a break-glass role',
    expected: 'error',
    scenario: {
      world: {
        accounts: [{ id: A }, { id: B }],
        organizations: [{
          id: 'o-aaaa1111', management: '999999999999', accounts: [A, B],
          scps: [{ name: 'ProtectBreakGlass', targets: ['r-aaaa'], document: { Version: V, Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/BreakGlass', Condition: { StringNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/security-*' } } }] } }],
        }],
        users: [alice([allowAssume(`arn:aws:iam::${B}:role/*`)])],
        roles: [{ arn: `arn:aws:iam::${B}:role/BreakGlass`, trustPolicy: trustAccount(A), managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] }],
      },
      steps: [{ id: 'assume', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: `arn:aws:iam::${B}:role/BreakGlass`, RoleSessionName: 'alice' } }],
    },
  },
];
