import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { ALICE, ROLE_X, allow, baseWorld, lastCall, lastRequest, trust } from '../../helpers/world';

/**
 * Organizations as a tree (root → OUs → account), SCPs and RCPs at each level, and the smaller
 * 2026 rules: aws:PrincipalArn with a wildcard Principal, global-endpoint token versions, AWS-owned
 * resources and context.keys.
 */

const ROOT = 'r-aaaa';
const WORKLOADS = 'ou-aaaa-11111111';
const PROD = 'ou-aaaa-22222222';
const OUTSIDER = 'arn:aws:iam::444444444444:user/outsider';
const deny = (Action: string | string[], Resource = '*', extra: Record<string, unknown> = {}) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action, Resource, ...extra }] });
const rcpDeny = (Action: string | string[], Condition?: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action, Resource: '*', ...(Condition ? { Condition } : {}) }] });

/** alice (111…) sits in Workloads; RoleX's account (222…) sits in Workloads/Prod. */
function orgWorld(org: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return baseWorld({
    organizations: [{ id: 'o-aaaa1111', management: '999999999999', accounts: ['111111111111', '222222222222'], root: ROOT, ous: [{ id: WORKLOADS, name: 'Workloads', parent: ROOT, accounts: ['111111111111'] }, { id: PROD, name: 'Prod', parent: WORKLOADS, accounts: ['222222222222'] }], ...org }],
    ...over,
  });
}
const assume = [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } }];
const readAs = (session: string) => ({ as: { session }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt/k' } });

describe('SCPs: every level from the root down to the account must allow (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html)', () => {
  const onlyEc2 = (targets: string[]) => ({ name: 'OnlyEc2', targets, document: allow('ec2:*') });
  it.each([
    ['FullAWSAccess everywhere and a Deny-only SCP elsewhere allows', { scps: [{ name: 'NoEc2', targets: [PROD], document: deny('ec2:*') }] }, 'Allow'],
    ['an allow list on the Prod OU with FullAWSAccess still attached allows (both are attached)', { scps: [onlyEc2([PROD])] }, 'Allow'],
    ['an allow list on the Prod OU with FullAWSAccess detached there denies', { scps: [onlyEc2([PROD])], detachFullAWSAccess: [PROD] }, 'ImplicitDeny'],
    ['FullAWSAccess detached at the root with nothing else attached denies everything below', { detachFullAWSAccess: [ROOT] }, 'ImplicitDeny'],
    ['FullAWSAccess detached at the account but an allow list there that includes the action allows', { scps: [{ name: 'S3Only', targets: ['222222222222'], document: allow('s3:*') }], detachFullAWSAccess: ['222222222222'] }, 'Allow'],
    ['a Deny at the Workloads OU reaches the nested Prod OU', { scps: [{ name: 'NoS3', targets: [WORKLOADS], document: deny('s3:*') }] }, 'ExplicitDeny'],
  ])('%s', (_name, org, decision) => {
    expect(lastRequest(orgWorld(org), [...assume, readAs('a')]).decision).toBe(decision);
  });

  it('the trace names each level, root → OU → OU → account, with the policy that decided there', () => {
    const r = lastRequest(orgWorld({ scps: [onlyEc2([PROD])], detachFullAWSAccess: [PROD] }), [...assume, readAs('a')]);
    const scp = r.trace.filter((t) => t.gate === 'scp');
    expect(scp.map((t) => t.result)).toEqual(['pass', 'pass', 'fail']);
    expect(scp[0]!.reason).toMatch(/^At root r-aaaa: FullAWSAccess/);
    expect(scp[1]!.reason).toMatch(/^At OU Workloads \(ou-aaaa-11111111\): FullAWSAccess/);
    expect(scp[2]!.reason).toMatch(/^At OU Prod \(ou-aaaa-22222222\): No SCP attached there allows it: SCP OnlyEc2/);
  });

  it('an explicit Deny names the level it is attached at', () => {
    const r = lastCall(orgWorld({ scps: [{ name: 'NoAssume', targets: [WORKLOADS], document: deny('sts:AssumeRole') }] }), assume);
    expect(r.outcome).toBe('error');
    expect(r.trace.find((t) => t.code === 'deny.explicit')?.reason).toMatch(/SCP NoAssume Statement\[0\] \(attached at OU Workloads \(ou-aaaa-11111111\)\)/);
  });

  it('SCPs do not restrict service-linked roles (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html)', () => {
    const slr = 'arn:aws:iam::222222222222:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps';
    // Only the role's account is a member, and nothing is allowed anywhere in it: an ordinary role is stopped, the service-linked role is not.
    const org = { id: 'o-aaaa1111', management: '999999999999', accounts: ['222222222222'], root: ROOT, detachFullAWSAccess: [ROOT] };
    const w = baseWorld({ organizations: [org], users: [{ arn: ALICE, accessKeys: ['AKIAALICEEXAMPLE0001'], policies: [allow('sts:AssumeRole')] }], roles: [{ arn: slr, trustPolicy: trust({ AWS: '111111111111' }), policies: [allow('s3:GetObject')] }, { arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }), policies: [allow('s3:GetObject')] }] });
    const via = (role: string) => [{ id: 'r', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: role, RoleSessionName: 'sess' } }, readAs('r')];
    expect(lastRequest(w, via(slr)).decision).toBe('Allow');
    expect(lastRequest(w, via(ROLE_X)).decision).toBe('ImplicitDeny');
  });
});

describe('organization paths (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths)', () => {
  it.each([
    ['aws:PrincipalOrgPaths matches the exact OU path', { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': 'o-aaaa1111/r-aaaa/ou-aaaa-11111111/' } }, 'success'],
    ['aws:PrincipalOrgPaths with /* matches the OU and its children', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-aaaa1111/r-aaaa/*' } }, 'success'],
    ['aws:PrincipalOrgPaths for another OU does not match', { 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgPaths': 'o-aaaa1111/r-aaaa/ou-aaaa-11111111/ou-aaaa-22222222/' } }, 'error'],
    ['aws:ResourceOrgPaths is the path of the role\'s account', { 'ForAnyValue:StringEquals': { 'aws:ResourceOrgPaths': 'o-aaaa1111/r-aaaa/ou-aaaa-11111111/ou-aaaa-22222222/' } }, 'success'],
  ])('%s', (_name, Condition, outcome) => {
    const w = orgWorld({}, { roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }, 'sts:AssumeRole', Condition) }] });
    expect(lastCall(w, assume).outcome).toBe(outcome);
  });
});

describe('RCPs restrict requests to member accounts\' resources, whoever asks (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html)', () => {
  const orgOnly = { name: 'OrgOnly', targets: [ROOT], document: rcpDeny('sts:AssumeRole', { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-aaaa1111' } }) };
  const outsiderWorld = (org: Record<string, unknown>) =>
    orgWorld(org, {
      users: [{ arn: ALICE, accessKeys: ['AKIAALICEEXAMPLE0001'], policies: [allow('sts:AssumeRole')] }, { arn: OUTSIDER, accessKeys: ['AKIAOUTSIDEREXAMPLE1'], policies: [allow('sts:AssumeRole')] }],
      roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: ['arn:aws:iam::111111111111:root', 'arn:aws:iam::444444444444:root'] }), policies: [allow('s3:GetObject')] }],
    });
  const as = (user: string) => [{ id: 'a', as: { user }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } }];

  it.each([
    ['a caller in the organization passes the org-only RCP', ALICE, { rcps: [orgOnly] }, 'success'],
    ['a caller outside the organization is denied although the trust policy names its account', OUTSIDER, { rcps: [orgOnly] }, 'error'],
    ['without RCPs the outside caller gets in (RCPFullAWSAccess allows everything)', OUTSIDER, {}, 'success'],
    ['an RCP on another branch of the tree does not apply', OUTSIDER, { ous: [{ id: WORKLOADS, name: 'Workloads', parent: ROOT, accounts: ['111111111111'] }, { id: PROD, name: 'Prod', parent: ROOT, accounts: ['222222222222'] }], rcps: [{ ...orgOnly, targets: [WORKLOADS] }] }, 'success'],
  ])('%s', (_name, user, org, outcome) => {
    expect(lastCall(outsiderWorld(org), as(user)).outcome).toBe(outcome);
  });

  it('the RCP denial is its own gate, before the caller\'s SCPs and the trust policy, with its own learn link', () => {
    const r = lastCall(outsiderWorld({ rcps: [orgOnly] }), as(OUTSIDER));
    const fail = r.trace.find((t) => t.result === 'fail')!;
    expect(fail).toMatchObject({ gate: 'rcp', code: 'deny.explicit', learn: 'policy-evaluation#resource-control-policies' });
    expect(fail.reason).toMatch(/RCP OrgOnly Statement\[0\] \(attached at root r-aaaa\)/);
    expect(r.trace.some((t) => t.gate === 'trust-policy')).toBe(false);
  });

  it('a passing request shows one RCP entry per level of the resource\'s account, before the trust policy', () => {
    const gates = lastCall(outsiderWorld({ rcps: [orgOnly] }), as(ALICE)).trace.map((t) => t.gate);
    expect(gates.filter((g) => g === 'rcp')).toHaveLength(4);
    expect(gates.lastIndexOf('rcp')).toBeLessThan(gates.indexOf('trust-policy'));
  });

  it.each([
    ['resources in the management account', '999999999999'],
  ])('RCPs do not affect %s', (_name, account) => {
    const role = `arn:aws:iam::${account}:role/Mgmt`;
    const w = outsiderWorld({ rcps: [orgOnly] });
    (w.roles as unknown[]).push({ arn: role, trustPolicy: trust({ AWS: '444444444444' }) });
    expect(lastCall(w, [{ as: { user: OUTSIDER }, call: 'AssumeRole', params: { RoleArn: role, RoleSessionName: 'sess' } }]).outcome).toBe('success');
  });

  it('an RCP applies to S3 requests on a member account\'s bucket', () => {
    const w = outsiderWorld({ rcps: [{ name: 'NoDeletes', targets: ['222222222222'], document: rcpDeny('s3:DeleteObject') }] });
    (w as Record<string, unknown>).resources = [{ arn: 'arn:aws:s3:::bkt', account: '222222222222', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: OUTSIDER }, Action: 's3:*', Resource: 'arn:aws:s3:::bkt/*' }] } }];
    const steps = [{ as: { user: OUTSIDER }, request: { action: 's3:DeleteObject', resource: 'arn:aws:s3:::bkt/k' } }];
    const r = lastRequest(w, steps);
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.error?.message).toMatch(/with an explicit deny in a resource control policy/);
  });

  it('services RCPs do not cover are not gated (EC2 is not in AWS\'s list)', () => {
    const w = outsiderWorld({ rcps: [{ name: 'NoEc2', targets: [ROOT], document: rcpDeny('ec2:*') }] });
    const r = lastRequest(w, [...as(ALICE), { as: { session: 'a' }, request: { action: 'ec2:DescribeInstances', resource: '*' } }]);
    expect(r.trace.some((t) => t.gate === 'rcp')).toBe(false);
  });

  it('RCPs also gate AssumeRoleWithWebIdentity, whose callers carry no aws:PrincipalOrgID', () => {
    const oidc = 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com';
    const w = outsiderWorld({ rcps: [{ name: 'AllSts', targets: [ROOT], document: rcpDeny('sts:*', { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-aaaa1111' } }) }] });
    (w as Record<string, unknown>).oidcProviders = [{ arn: oidc, url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] }];
    (w.roles as unknown[]).push({ arn: 'arn:aws:iam::222222222222:role/Gh', trustPolicy: trust({ Federated: oidc }, 'sts:AssumeRoleWithWebIdentity') });
    const token = { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:o/r:ref:refs/heads/main', aud: 'sts.amazonaws.com', iat: 1767225570, exp: 1767225900, signature: 'valid' };
    const r = lastCall(w, [{ call: 'AssumeRoleWithWebIdentity', params: { RoleArn: 'arn:aws:iam::222222222222:role/Gh', RoleSessionName: 'gh', WebIdentityToken: token } }]);
    expect(r.outcome).toBe('error');
    expect(r.trace.find((t) => t.result === 'fail')?.gate).toBe('rcp');
  });
});

describe('organization files that IAM and Organizations would refuse are invalid, with a located message', () => {
  const issues = (org: Record<string, unknown>) => {
    const sim = simulate({ format: 'sts-scenario/v1', id: 'unit', title: 'unit', world: orgWorld(org), steps: [] });
    return sim.ok ? [] : sim.issues.map((i) => `${i.path}: ${i.message}`);
  };
  it.each([
    ['a target that is not the root, an OU or a member account', { scps: [{ name: 'X', targets: ['ou-aaaa-99999999'], document: deny('s3:*') }] }, /organizations\[0\]\.scps\[0\]\.targets\[0\]: ou-aaaa-99999999 is not the root, an OU or a member account/],
    ['an OU whose parent does not exist', { ous: [{ id: WORKLOADS, name: 'W', parent: 'ou-aaaa-77777777' }] }, /ous\[0\]\.parent: ou-aaaa-77777777 is neither the root/],
    ['an account in two OUs', { ous: [{ id: WORKLOADS, name: 'W', parent: ROOT, accounts: ['111111111111'] }, { id: PROD, name: 'P', parent: ROOT, accounts: ['111111111111'] }] }, /ous\[1\]\.accounts\[0\]: 111111111111 is already in ou-aaaa-11111111/],
    ['an RCP with an Allow statement (only RCPFullAWSAccess may allow)', { rcps: [{ name: 'R', targets: [ROOT], document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] } }] }, /rcps\[0\]\.document\.Statement\[0\]\.Effect: an RCP can only deny/],
    ['an RCP whose Principal is not "*"', { rcps: [{ name: 'R', targets: [ROOT], document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: '111111111111' }, Action: 's3:*', Resource: '*' }] } }] }, /rcps\[0\]\.document\.Statement\[0\]\.Principal: an RCP statement must have "Principal": "\*"/],
  ])('%s', (_name, org, message) => {
    expect(issues(org).join('\n')).toMatch(message);
  });

  it('a file written before root and ous existed may name one other level: it is read as the root', () => {
    const legacy = { id: 'o-aaaa1111', management: '999999999999', accounts: ['111111111111', '222222222222'], scps: [{ name: 'NoS3', targets: ['r-old1'], document: deny('s3:*') }] };
    const last = lastRequest(baseWorld({ organizations: [legacy] }), [...assume, readAs('a')]);
    expect(last.decision).toBe('ExplicitDeny');
    expect(last.trace.find((t) => t.code === 'deny.explicit')?.reason).toMatch(/attached at root r-old1/);
  });
});

describe('a wildcard Principal narrowed by aws:PrincipalArn is not limited by boundaries or session policies (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html)', () => {
  const ROLE = 'arn:aws:iam::111111111111:role/Reader';
  const BUCKET = 'arn:aws:s3:::same-acct';
  const bucketPolicy = (principal: unknown, Condition?: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `${BUCKET}/*`, ...(Condition ? { Condition } : {}) }] });
  const byArn = { ArnEquals: { 'aws:PrincipalArn': ROLE } };
  const world = (policy: unknown) =>
    baseWorld({
      users: [{ arn: ALICE, accessKeys: ['AKIAALICEEXAMPLE0001'], policies: [allow('sts:AssumeRole')] }],
      roles: [{ arn: ROLE, trustPolicy: trust({ AWS: '111111111111' }), policies: [allow('sts:AssumeRole')], boundary: allow('sts:*') }],
      resources: [{ arn: BUCKET, account: '111111111111', policy }],
    });
  const steps = (sessionPolicy?: unknown) => [
    { id: 'r', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE, RoleSessionName: 'sess', ...(sessionPolicy ? { Policy: sessionPolicy } : {}) } },
    { as: { session: 'r' }, request: { action: 's3:GetObject', resource: `${BUCKET}/k` } },
  ];
  it.each([
    ['Principal "*" with aws:PrincipalArn: the boundary does not limit it', bucketPolicy('*', byArn), undefined, 'Allow'],
    ['Principal {"AWS": "*"} with aws:PrincipalArn: the session policy does not limit it either', bucketPolicy({ AWS: '*' }, byArn), allow('sts:*'), 'Allow'],
    ['Principal naming the role ARN: the boundary\'s implicit deny limits it', bucketPolicy({ AWS: ROLE }), undefined, 'ImplicitDeny'],
    ['Principal "*" with no aws:PrincipalArn condition: the boundary limits it', bucketPolicy('*'), undefined, 'ImplicitDeny'],
    ['an explicit Deny in an identity-based policy still wins', bucketPolicy('*', byArn), { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }, 'ExplicitDeny'],
  ])('%s', (_name, policy, sessionPolicy, decision) => {
    expect(lastRequest(world(policy), steps(sessionPolicy)).decision).toBe(decision);
  });
});

describe('global-endpoint tokens and opt-in Regions (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html)', () => {
  const w = (version?: string) => baseWorld({ accounts: [{ id: '111111111111' }, { id: '222222222222', ...(version ? { globalEndpointTokenVersion: version } : {}) }] });
  const use = (endpoint: string, region: string, version?: string) =>
    lastRequest(w(version), [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' }, context: { endpoint } }, { as: { session: 'a' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt/k' }, context: { region } }]);
  it.each([
    ['global endpoint, default v1Token, used in an opt-in Region: refused', 'global', 'ap-east-1', undefined, 'InvalidClientTokenId'],
    ['global endpoint, v1Token, used in a Region enabled by default: accepted', 'global', 'eu-west-1', undefined, undefined],
    ['global endpoint, v2Token, used in an opt-in Region: accepted', 'global', 'ap-east-1', 'v2Token', undefined],
    ['Regional endpoint, used in an opt-in Region: accepted', 'regional', 'ap-east-1', undefined, undefined],
  ])('%s', (_name, endpoint, region, version, code) => {
    const r = use(endpoint, region, version);
    expect(r.error?.code).toBe(code);
    if (code) expect(r.trace.find((t) => t.code === 'auth.v1-token-opt-in-region')?.uncertain).toBe(true);
  });
});

describe('resources only AWS can change (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html, https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html)', () => {
  const admin = baseWorld({ users: [{ arn: ALICE, accessKeys: ['AKIAALICEEXAMPLE0001'], policies: [allow('*')] }] });
  it.each([
    ['a new version of an AWS managed policy', 'iam:CreatePolicyVersion', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'ImplicitDeny'],
    ['deleting an AWS managed policy', 'iam:DeletePolicy', 'arn:aws:iam::aws:policy/AdministratorAccess', 'ImplicitDeny'],
    ['a new version of a customer managed policy', 'iam:CreatePolicyVersion', 'arn:aws:iam::111111111111:policy/Mine', 'Allow'],
    ['pointing alias/aws/s3 at another key', 'kms:UpdateAlias', 'arn:aws:kms:us-east-1:111111111111:alias/aws/s3', 'ImplicitDeny'],
    ['pointing a customer alias at another key', 'kms:UpdateAlias', 'arn:aws:kms:us-east-1:111111111111:alias/app', 'Allow'],
  ])('%s, with an allow-everything policy', (_name, action, resource, decision) => {
    expect(lastRequest(admin, [{ as: { user: ALICE }, request: { action, resource } }]).decision).toBe(decision);
  });
});

describe('context.keys carries request keys the engine cannot derive (../shared/scenario-format.md)', () => {
  const vpceTrust = trust({ AWS: '111111111111' }, 'sts:AssumeRole', { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } });
  const call = (keys?: Record<string, unknown>) => [{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' }, ...(keys ? { context: { keys } } : {}) }];
  it.each([
    ['the call came through the named VPC endpoint', { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, 'success'],
    ['the call came through another endpoint', { 'aws:SourceVpce': 'vpce-99999999' }, 'error'],
    ['the call carries no aws:SourceVpce', undefined, 'error'],
  ])('%s', (_name, keys, outcome) => {
    expect(lastCall(baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: vpceTrust }] }), call(keys)).outcome).toBe(outcome);
  });

  it.each([['aws:PrincipalArn'], ['aws:MultiFactorAuthPresent'], ['sts:ExternalId'], ['aws:PrincipalOrgPaths'], ['token.actions.githubusercontent.com:sub']])('a key the engine derives (%s) cannot be set: the file is invalid', (key) => {
    const sim = simulate({ format: 'sts-scenario/v1', id: 'unit', title: 'unit', world: baseWorld(), steps: call({ [key]: 'x' }) });
    expect(sim.ok).toBe(false);
    if (!sim.ok) expect(sim.issues[0]).toMatchObject({ path: `steps[0].context.keys.${key}`, message: expect.stringMatching(/derives/) });
  });
});
