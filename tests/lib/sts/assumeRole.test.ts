import { describe, expect, it } from 'vitest';
import { ALICE, BOB, ROLE_A, ROLE_X, allow, baseWorld, duration, lastCall, trust } from '../../helpers/world';

const AR = (params: Record<string, unknown>, as: Record<string, unknown> = { user: ALICE }) => ({ id: 'ar', as, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1', ...params } });

interface Row {
  name: string;
  source: string;
  world?: Record<string, unknown>;
  steps: Record<string, unknown>[];
  code?: string;
  message?: RegExp;
  seconds?: number;
  arn?: string;
}

const rows: Row[] = [
  { name: 'cross-account: trust names the account and alice has an allow', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html', steps: [AR({})], seconds: 3600, arn: 'arn:aws:sts::222222222222:assumed-role/RoleX/s1' },
  { name: 'cross-account: bob has no identity allow', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html', steps: [AR({}, { user: BOB })], code: 'AccessDenied', message: /^User: arn:aws:iam::111111111111:user\/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role\/RoleX$/ },
  { name: 'same account: trust names the user ARN, no identity policy needed', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', world: baseWorld({ roles: [{ arn: ROLE_A, trustPolicy: trust({ AWS: BOB }) }] }), steps: [{ as: { user: BOB }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'b' + 'ob' } }], seconds: 3600 },
  { name: 'same account: trust names the account, caller needs an identity allow', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', world: baseWorld({ roles: [{ arn: ROLE_A, trustPolicy: trust({ AWS: '111111111111' }) }] }), steps: [{ as: { user: BOB }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'bob' } }], code: 'AccessDenied' },
  { name: 'root cannot assume a role', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html', steps: [AR({}, { root: '111111111111' })], code: 'AccessDenied', message: /^Roles may not be assumed by root accounts\.$/ },
  { name: 'a role that does not exist is AccessDenied', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({ RoleArn: 'arn:aws:iam::222222222222:role/Nope' })], code: 'AccessDenied' },
  { name: 'default duration is 3600 even when MaxSessionDuration is 43200', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({})], seconds: 3600 },
  { name: 'DurationSeconds up to MaxSessionDuration', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({ DurationSeconds: 43200 })], seconds: 43200 },
  { name: 'DurationSeconds above MaxSessionDuration fails', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html', world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }), maxSessionDuration: 7200 }] }), steps: [AR({ DurationSeconds: 7201 })], code: 'ValidationError', message: /exceeds the MaxSessionDuration set for this role/ },
  { name: 'DurationSeconds 899 fails model validation', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({ DurationSeconds: 899 })], code: 'ValidationError', message: /Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900/ },
  { name: 'DurationSeconds 43201 fails model validation', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({ DurationSeconds: 43201 })], code: 'ValidationError', message: /less than or equal to 43200/ },
  { name: 'RoleSessionName of one character', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({ RoleSessionName: 'x' })], code: 'ValidationError', message: /at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2/ },
  { name: 'RoleSessionName with a space', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({ RoleSessionName: 'a b' })], code: 'ValidationError', message: /regular expression pattern/ },
  { name: 'RoleSessionName missing', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X } }], code: 'ValidationError', message: /Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null/ },
  { name: 'role chaining above one hour fails', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining', steps: [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'a1' } }, AR({ DurationSeconds: 3601 }, { session: 'a' })], code: 'ValidationError', message: /1 hour session limit for roles assumed by role chaining/ },
  { name: 'role chaining at exactly one hour works', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining', world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: ROLE_A }), maxSessionDuration: 43200 }, { arn: ROLE_A, trustPolicy: trust({ AWS: ALICE }), policies: [allow('sts:AssumeRole')] }] }), steps: [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'a1' } }, AR({ DurationSeconds: 3600 }, { session: 'a' })], seconds: 3600 },
  { name: 'GetSessionToken credentials are capped at one hour too', source: 'https://repost.aws/knowledge-center/iam-role-chaining-limit', steps: [{ id: 'g', as: { user: ALICE }, call: 'GetSessionToken' }, AR({ DurationSeconds: 7200 }, { session: 'g' })], code: 'ValidationError' },
  { name: 'ExternalId required and missing', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html', world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'Ab12-xyz' } }) }] }), steps: [AR({})], code: 'AccessDenied' },
  { name: 'ExternalId required and right', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html', world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'Ab12-xyz' } }) }] }), steps: [AR({ ExternalId: 'Ab12-xyz' })], seconds: 3600 },
  { name: 'ExternalId passed to a role that does not check it is ignored', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html', steps: [AR({ ExternalId: 'whatever' })], seconds: 3600 },
  { name: 'MFA condition without MFA: long-term keys carry no MFA key', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html', world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }, 'sts:AssumeRole', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) }] }), steps: [AR({})], code: 'AccessDenied' },
  { name: 'MFA condition with SerialNumber and TokenCode', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html', world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }, 'sts:AssumeRole', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }) }] }), steps: [AR({ SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456' })], seconds: 3600 },
  { name: 'wrong MFA code', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html', steps: [AR({ SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '000000' })], code: 'AccessDenied', message: /invalid MFA one time pass code/ },
  { name: 'BoolIfExists false-Deny catches long-term keys', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent', world: baseWorld({ users: [{ arn: ALICE, policies: [allow('sts:AssumeRole', ROLE_X), { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }] }] }] }), steps: [AR({})], code: 'AccessDenied' },
  { name: 'Bool false-Deny does not catch long-term keys (the key is absent)', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent', world: baseWorld({ users: [{ arn: ALICE, policies: [allow('sts:AssumeRole', ROLE_X), { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }] }] }] }), steps: [AR({})], seconds: 3600 },
  { name: 'explicit deny in the permissions boundary', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html', world: baseWorld({ users: [{ arn: ALICE, policies: [allow('sts:AssumeRole', ROLE_X)], boundary: allow('s3:*') }] }), steps: [AR({})], code: 'AccessDenied' },
  { name: 'the role path is not in the assumed-role ARN', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumedRoleUser.html', world: baseWorld({ users: [{ arn: ALICE, policies: [allow('sts:AssumeRole')] }], roles: [{ arn: 'arn:aws:iam::222222222222:role/ops/Deploy', trustPolicy: trust({ AWS: ALICE }) }] }), steps: [AR({ RoleArn: 'arn:aws:iam::222222222222:role/ops/Deploy' })], arn: 'arn:aws:sts::222222222222:assumed-role/Deploy/s1' },
  { name: 'a role may not assume itself without a trust statement', source: 'https://aws.amazon.com/blogs/security/announcing-an-update-to-iam-role-trust-policy-behavior/', steps: [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'a1' } }, { as: { session: 'a' }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'a2' } }], code: 'AccessDenied' },
  { name: 'session tags need sts:TagSession', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html', steps: [AR({ Tags: [{ Key: 'project', Value: 'x' }] })], code: 'AccessDenied', message: /sts:TagSession/ },
  { name: 'duplicate tag keys differing in case', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html', steps: [AR({ Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] })], code: 'InvalidParameterValue' },
  { name: 'more than 50 tags', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({ Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) })], code: 'ValidationError' },
  { name: 'malformed session policy', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', steps: [AR({ Policy: '{"Version":"2012-10-17",' })], code: 'MalformedPolicyDocument' },
  { name: 'STS deactivated in the role account Region', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html', world: baseWorld({ accounts: [{ id: '111111111111' }, { id: '222222222222', stsDisabledRegions: ['eu-west-3'] }] }), steps: [{ ...AR({}), context: { region: 'eu-west-3' } }], code: 'RegionDisabledException' },
  { name: 'an SCP denying sts:AssumeRole in the caller account', source: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html', world: baseWorld({ organizations: [{ id: 'o-aaaa1111', management: '999999999999', accounts: ['111111111111'], scps: [{ name: 'NoAssume', targets: ['111111111111'], document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] } }] }] }), steps: [AR({})], code: 'AccessDenied' },
  { name: 'SourceIdentity cannot change along a chain', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html', world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: ROLE_A }, ['sts:AssumeRole', 'sts:SetSourceIdentity']) }, { arn: ROLE_A, trustPolicy: trust({ AWS: ALICE }, ['sts:AssumeRole', 'sts:SetSourceIdentity']), policies: [allow('sts:AssumeRole')] }] }), steps: [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'a1', SourceIdentity: 'alice' } }, AR({ SourceIdentity: 'mallory' }, { session: 'a' })], code: 'ValidationError' },
];

describe('AssumeRole', () => {
  it.each(rows)('$name', (row) => {
    // Given the world and steps of the row
    const r = lastCall(row.world ?? baseWorld(), row.steps);
    // Then the last call has AWS's outcome
    if (row.code) {
      expect(r.outcome, row.source).toBe('error');
      expect(r.error?.code, row.source).toBe(row.code);
      if (row.message) expect(r.error?.message).toMatch(row.message);
    } else {
      expect(r.error, row.source).toBeUndefined();
      expect(r.outcome).toBe('success');
      if (row.seconds !== undefined) expect(duration(r)).toBe(row.seconds);
      if (row.arn) expect((r.response?.AssumedRoleUser as { Arn: string }).Arn).toBe(row.arn);
    }
  });

  it('returns an ASIA key, the AROA-based assumed-role id and no PackedPolicySize without session policies', () => {
    const r = lastCall(baseWorld(), [AR({})]);
    const creds = r.response?.Credentials as Record<string, string>;
    expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.SecretAccessKey).toHaveLength(40);
    expect(r.response?.AssumedRoleUser).toEqual({ Arn: 'arn:aws:sts::222222222222:assumed-role/RoleX/s1', AssumedRoleId: 'AROAEXAMPLEROLEX00001:s1' });
    expect(r.response).not.toHaveProperty('PackedPolicySize');
  });

  it('names the failing gate in the trace', () => {
    const r = lastCall(baseWorld(), [AR({}, { user: BOB })]);
    const failed = r.trace.filter((t) => t.result === 'fail');
    expect(failed.map((t) => t.gate)).toContain('caller-permissions');
    expect(failed[0]?.learn).toMatch(/^[a-z-]+#[a-z0-9-]+$/);
  });
});
