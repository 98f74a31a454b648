import { describe, expect, it } from 'vitest';
import { matchAction, matchPrincipal, matchResource } from '@/lib/policy/match';
import { type PrincipalSpec, type RequestPrincipal } from '@/lib/policy/types';
import { alice, anonymous, ec2, githubOidc, opsSession } from './helpers';

const ACTION = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html';
const RESOURCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html';
const PRINCIPAL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html';

describe('matchAction', () => {
  const rows: { pattern: string; action: string; expected: boolean; source: string }[] = [
    { pattern: '*', action: 'sts:AssumeRole', expected: true, source: ACTION },
    { pattern: 'sts:AssumeRole', action: 'sts:AssumeRole', expected: true, source: ACTION },
    { pattern: 'STS:assumerole', action: 'sts:AssumeRole', expected: true, source: `${ACTION} (case-insensitive)` },
    { pattern: 'sts:Assume*', action: 'sts:AssumeRoleWithSAML', expected: true, source: ACTION },
    { pattern: 'sts:AssumeRole', action: 'sts:AssumeRoleWithSAML', expected: false, source: ACTION },
    { pattern: 'sts:*', action: 's3:GetObject', expected: false, source: ACTION },
    { pattern: 'iam:?etRole', action: 'iam:GetRole', expected: true, source: ACTION },
    { pattern: 's3:*Object*', action: 's3:PutObjectAcl', expected: true, source: ACTION },
  ];
  it.each(rows)('$pattern vs $action → $expected', ({ pattern, action, expected, source }) => {
    expect(matchAction(pattern, action), source).toBe(expected);
  });
});

describe('matchResource', () => {
  const rows: { pattern: string; arn: string; expected: boolean; source: string }[] = [
    { pattern: '*', arn: 'arn:aws:iam::111122223333:role/Admin', expected: true, source: RESOURCE },
    { pattern: 'arn:aws:iam::111122223333:role/Admin', arn: 'arn:aws:iam::111122223333:role/Admin', expected: true, source: RESOURCE },
    { pattern: 'arn:aws:iam::111122223333:role/admin', arn: 'arn:aws:iam::111122223333:role/Admin', expected: false, source: `${RESOURCE} (case-sensitive)` },
    { pattern: 'arn:aws:iam::*:role/*', arn: 'arn:aws:iam::111122223333:role/team/Ops', expected: true, source: RESOURCE },
    { pattern: 'arn:aws:s3:::bucket/*', arn: 'arn:aws:s3:::bucket/a/b.txt', expected: true, source: RESOURCE },
    { pattern: 'arn:aws:s3:::bucket/*', arn: 'arn:aws:s3:::bucket', expected: false, source: RESOURCE },
    { pattern: 'arn:aws:ec2:us-?ast-1:*:instance/*', arn: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', expected: true, source: RESOURCE },
    { pattern: 'arn:aws:iam::1*:role/x', arn: 'arn:aws:iam::1:2:role/x', expected: false, source: `${RESOURCE} (components are globbed separately)` },
    { pattern: 'arn:aws:logs:*:*:log-group:app:*', arn: 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s', expected: true, source: RESOURCE },
    { pattern: 'arn:aws:s3:::bucket', arn: '*', expected: false, source: RESOURCE },
  ];
  it.each(rows)('$pattern vs $arn → $expected', ({ pattern, arn, expected, source }) => {
    expect(matchResource(pattern, arn), source).toBe(expected);
  });
});

describe('matchPrincipal', () => {
  const map = (m: Partial<Omit<Extract<PrincipalSpec, { kind: 'map' }>, 'kind'>>): PrincipalSpec => ({
    kind: 'map', aws: [], service: [], federated: [], canonicalUser: [], ...m,
  });
  const rows: { name: string; spec: PrincipalSpec; p: RequestPrincipal; expected: boolean; source: string }[] = [
    { name: '"*" matches anonymous', spec: { kind: 'any' }, p: anonymous, expected: true, source: `${PRINCIPAL}#principal-anonymous` },
    { name: '"*" matches a service', spec: { kind: 'any' }, p: ec2, expected: true, source: `${PRINCIPAL}#principal-anonymous` },
    { name: 'AWS "*" matches an IAM user', spec: map({ aws: ['*'] }), p: alice, expected: true, source: `${PRINCIPAL}#principal-anonymous` },
    { name: 'AWS "*" does not match anonymous', spec: map({ aws: ['*'] }), p: anonymous, expected: false, source: 'lib/policy/types.ts RequestPrincipal contract' },
    { name: 'account id matches any principal of that account', spec: map({ aws: ['111122223333'] }), p: opsSession, expected: true, source: `${PRINCIPAL}#principal-accounts` },
    { name: 'root ARN matches any principal of that account', spec: map({ aws: ['arn:aws:iam::111122223333:root'] }), p: alice, expected: true, source: `${PRINCIPAL}#principal-accounts` },
    { name: 'another account does not match', spec: map({ aws: ['444455556666'] }), p: alice, expected: false, source: `${PRINCIPAL}#principal-accounts` },
    { name: 'user ARN matches exactly', spec: map({ aws: ['arn:aws:iam::111122223333:user/alice'] }), p: alice, expected: true, source: `${PRINCIPAL}#principal-users` },
    { name: 'role ARN matches a session of the role', spec: map({ aws: ['arn:aws:iam::111122223333:role/team/Ops'] }), p: opsSession, expected: true, source: `${PRINCIPAL}#principal-roles` },
    { name: 'session ARN matches', spec: map({ aws: ['arn:aws:sts::111122223333:assumed-role/Ops/bob'] }), p: opsSession, expected: true, source: `${PRINCIPAL}#principal-role-session` },
    { name: 'no partial wildcards in Principal', spec: map({ aws: ['arn:aws:iam::111122223333:user/*'] }), p: alice, expected: false, source: `${PRINCIPAL}#principal-users` },
    { name: 'unique id matches', spec: map({ aws: ['AIDAEXAMPLEALICE00001'] }), p: alice, expected: true, source: PRINCIPAL },
    { name: 'Federated provider matches an OIDC caller', spec: map({ federated: ['arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'] }), p: githubOidc, expected: true, source: `${PRINCIPAL}#principal-federated-web-identity` },
    { name: 'Federated entry does not match an IAM user', spec: map({ federated: ['cognito-identity.amazonaws.com'] }), p: alice, expected: false, source: `${PRINCIPAL}#principal-federated-web-identity` },
    { name: 'Service matches the service', spec: map({ service: ['ec2.amazonaws.com'] }), p: ec2, expected: true, source: `${PRINCIPAL}#principal-services` },
    { name: 'Service does not match a user', spec: map({ service: ['ec2.amazonaws.com'] }), p: alice, expected: false, source: `${PRINCIPAL}#principal-services` },
    { name: 'account id does not match a service', spec: map({ aws: ['111122223333'] }), p: ec2, expected: false, source: `${PRINCIPAL}#principal-accounts` },
  ];
  it.each(rows)('$name', ({ spec, p, expected, source }) => {
    const m = matchPrincipal(spec, p);
    expect(m.matches, source).toBe(expected);
    expect(m.detail.length).toBeGreaterThan(0);
  });

  it('explains a mismatch', () => {
    expect(matchPrincipal(map({ aws: ['444455556666'] }), alice).detail).toMatchInlineSnapshot(`"arn:aws:iam::111122223333:user/alice (account 111122223333) is not named in {AWS: ["444455556666"]}"`);
  });
});
