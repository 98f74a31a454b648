import { describe, expect, it } from 'vitest';
import { ALICE, ROLE_X, allow, baseWorld, lastCall, lastRequest, trust } from '../../helpers/world';

const KEY = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const keyPolicy = (principal: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'kms:*', Resource: '*' }] });
const decrypt = [{ as: { user: ALICE }, request: { action: 'kms:Decrypt', resource: KEY } }];

describe('KMS key policies must allow explicitly (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html)', () => {
  it('an IAM allow alone is not enough when the key policy does not delegate to the account', () => {
    const w = baseWorld({ users: [{ arn: ALICE, policies: [allow('kms:Decrypt')] }], resources: [{ arn: KEY, policy: keyPolicy('arn:aws:iam::111111111111:user/bob') }] });
    expect(lastRequest(w, decrypt).decision).toBe('ImplicitDeny');
  });
  it('a key policy naming the account delegates to IAM policies', () => {
    const w = baseWorld({ users: [{ arn: ALICE, policies: [allow('kms:Decrypt')] }], resources: [{ arn: KEY, policy: keyPolicy('arn:aws:iam::111111111111:root') }] });
    expect(lastRequest(w, decrypt).decision).toBe('Allow');
  });
  it('a key policy naming the user is enough on its own', () => {
    const w = baseWorld({ users: [{ arn: ALICE }], resources: [{ arn: KEY, policy: keyPolicy(ALICE) }] });
    expect(lastRequest(w, decrypt).decision).toBe('Allow');
  });
});

describe('AWS managed policies', () => {
  it('well-known ones are modelled (AmazonS3ReadOnlyAccess)', () => {
    const w = baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }), managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] }] });
    const steps = [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } }];
    expect(lastRequest(w, [...steps, { as: { session: 'a' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } }]).decision).toBe('Allow');
    expect(lastRequest(w, [...steps, { as: { session: 'a' }, request: { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' } }]).decision).toBe('ImplicitDeny');
  });
  it('an unmodelled AWS managed session policy is accepted and allows nothing', () => {
    const r = lastCall(baseWorld(), [{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1', PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/SomethingNew' }] } }]);
    expect(r.outcome).toBe('success');
    expect(r.trace.some((t) => t.code === 'session.managed-not-modelled' && t.uncertain)).toBe(true);
  });
});
