import { describe, expect, it } from 'vitest';
import { ALICE, ROLE_X, allow, baseWorld, duration, lastCall, lastRequest, run, trust } from '../../helpers/world';

const OIDC = 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com';
const SAML = 'arn:aws:iam::222222222222:saml-provider/Corp';
const oidcWorld = (cond: Record<string, unknown> = { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }, max = 3600) =>
  baseWorld({
    oidcProviders: [{ arn: OIDC, url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] }],
    roles: [{ arn: ROLE_X, id: 'AROAEXAMPLEROLEX00001', trustPolicy: trust({ Federated: OIDC }, 'sts:AssumeRoleWithWebIdentity', cond), maxSessionDuration: max }],
  });
const token = (over: Record<string, unknown> = {}) => ({ iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com', sub: 'repo:org/site:ref:refs/heads/main', iat: 1767225570, exp: 1767225900, signature: 'valid', ...over });
const WI = (params: Record<string, unknown> = {}) => ({ id: 'wi', call: 'AssumeRoleWithWebIdentity', params: { RoleArn: ROLE_X, RoleSessionName: 'gha', WebIdentityToken: token(), ...params } });

const samlWorld = (max = 3600) =>
  baseWorld({
    samlProviders: [{ arn: SAML, issuer: 'https://idp.corp.example/saml' }],
    roles: [{ arn: ROLE_X, id: 'AROAEXAMPLEROLEX00001', trustPolicy: trust({ Federated: SAML }, 'sts:AssumeRoleWithSAML', { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }), maxSessionDuration: max }],
  });
const assertion = (over: Record<string, unknown> = {}) => ({
  issuer: 'https://idp.corp.example/saml', recipient: 'https://signin.aws.amazon.com/saml', nameId: 'alice-guid', nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  issueInstant: '2025-12-31T23:59:00Z', notOnOrAfter: '2026-01-01T00:05:00Z',
  attributes: { 'https://aws.amazon.com/SAML/Attributes/Role': [`${ROLE_X},${SAML}`], 'https://aws.amazon.com/SAML/Attributes/RoleSessionName': ['alice@corp'] },
  signature: 'valid', ...over,
});
const SAMLCALL = (params: Record<string, unknown> = {}) => ({ id: 'saml', call: 'AssumeRoleWithSAML', params: { RoleArn: ROLE_X, PrincipalArn: SAML, SAMLAssertion: assertion(), ...params } });

describe('AssumeRoleWithWebIdentity (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html)', () => {
  it('issues a session with the token subject, provider and audience', () => {
    const r = lastCall(oidcWorld(), [WI()]);
    expect(r.outcome).toBe('success');
    expect(r.response?.SubjectFromWebIdentityToken).toBe('repo:org/site:ref:refs/heads/main');
    expect(r.response?.Provider).toBe('https://token.actions.githubusercontent.com');
    expect(r.response?.Audience).toBe('sts.amazonaws.com');
  });
  it.each([
    ['wrong audience', { WebIdentityToken: token({ aud: 'other' }) }, oidcWorld(), 'InvalidIdentityToken'],
    ['no OIDC provider for the issuer', { WebIdentityToken: token({ iss: 'https://gitlab.example.com' }) }, oidcWorld(), 'InvalidIdentityToken'],
    ['expired token', { WebIdentityToken: token({ exp: 1767225000 }) }, oidcWorld(), 'ExpiredTokenException'],
    ['bad signature', { WebIdentityToken: token({ signature: 'invalid' }) }, oidcWorld(), 'InvalidIdentityToken'],
    ['sub condition does not match', {}, oidcWorld({ StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:org/other:ref:refs/heads/main' } }), 'AccessDenied'],
    ['above MaxSessionDuration', { DurationSeconds: 7200 }, oidcWorld(), 'ValidationError'],
  ])('%s', (_n, params, world, code) => {
    expect(lastCall(world, [WI(params)]).error?.code).toBe(code);
  });
  it('is not role chaining: may last up to MaxSessionDuration', () => {
    expect(duration(lastCall(oidcWorld(undefined, 43200), [WI({ DurationSeconds: 43200 })]))).toBe(43200);
  });
  it('decodes a compact JWT string', () => {
    const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const { signature: _s, ...claims } = token();
    const jwt = `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`;
    const r = lastCall(oidcWorld(), [WI({ WebIdentityToken: jwt })]);
    expect(r.outcome).toBe('success');
    expect(r.trace.some((t) => t.code === 'oidc.signature-not-verified')).toBe(true);
  });
  it('Google: accounts.google.com:aud is the azp claim', () => {
    const world = baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ Federated: 'accounts.google.com' }, 'sts:AssumeRoleWithWebIdentity', { StringEquals: { 'accounts.google.com:aud': 'web-client' } }) }] });
    const r = lastCall(world, [WI({ WebIdentityToken: { iss: 'https://accounts.google.com', aud: 'android-client', azp: 'web-client', sub: '1234567890', exp: 1767229000, signature: 'valid' } })]);
    expect(r.outcome).toBe('success');
  });
});

describe('AssumeRoleWithSAML (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html)', () => {
  it('issues a session named by the RoleSessionName attribute, with SAML response elements', () => {
    const r = lastCall(samlWorld(), [SAMLCALL()]);
    expect(r.outcome).toBe('success');
    expect((r.response?.AssumedRoleUser as { Arn: string }).Arn).toBe('arn:aws:sts::222222222222:assumed-role/RoleX/alice@corp');
    expect(r.response?.SubjectType).toBe('persistent');
    expect(r.response?.Issuer).toBe('https://idp.corp.example/saml');
    expect(r.response?.NameQualifier).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });
  it('SessionNotOnOrAfter shortens the session', () => {
    expect(duration(lastCall(samlWorld(), [SAMLCALL({ SAMLAssertion: assertion({ sessionNotOnOrAfter: '2026-01-01T00:30:00Z' }) })]))).toBe(1800);
  });
  it.each([
    ['expired assertion', { SAMLAssertion: assertion({ notOnOrAfter: '2025-12-31T23:59:59Z' }) }, 'ExpiredTokenException'],
    ['redeemed after 5 minutes', { SAMLAssertion: assertion({ issueInstant: '2025-12-31T23:50:00Z', notOnOrAfter: '2026-01-01T00:10:00Z' }) }, 'ExpiredTokenException'],
    ['bad signature', { SAMLAssertion: assertion({ signature: 'invalid' }) }, 'InvalidIdentityToken'],
    ['no RoleSessionName attribute', { SAMLAssertion: assertion({ attributes: { 'https://aws.amazon.com/SAML/Attributes/Role': [`${ROLE_X},${SAML}`] } }) }, 'InvalidIdentityToken'],
    ['role not in the assertion', { SAMLAssertion: assertion({ attributes: { 'https://aws.amazon.com/SAML/Attributes/Role': [`arn:aws:iam::222222222222:role/Other,${SAML}`], 'https://aws.amazon.com/SAML/Attributes/RoleSessionName': ['a1'] } }) }, 'AccessDenied'],
    ['above MaxSessionDuration', { DurationSeconds: 7200 }, 'ValidationError'],
  ])('%s', (_n, params, code) => {
    expect(lastCall(samlWorld(), [SAMLCALL(params)]).error?.code).toBe(code);
  });
});

describe('GetSessionToken (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html)', () => {
  it.each([
    ['IAM user default 43200', { user: ALICE }, {}, 43200],
    ['IAM user 129600', { user: ALICE }, { DurationSeconds: 129600 }, 129600],
    ['root default 3600', { root: '111111111111' }, {}, 3600],
    ['root 7200 is clamped to 3600', { root: '111111111111' }, { DurationSeconds: 7200 }, 3600],
  ])('%s', (_n, as, params, seconds) => {
    const r = lastCall(baseWorld(), [{ as, call: 'GetSessionToken', params }]);
    expect(r.outcome).toBe('success');
    expect(Object.keys(r.response ?? {})).toEqual(['Credentials']);
    expect(duration(r)).toBe(seconds);
  });
  it('129601 is a ValidationError', () => expect(lastCall(baseWorld(), [{ as: { user: ALICE }, call: 'GetSessionToken', params: { DurationSeconds: 129601 } }]).error?.code).toBe('ValidationError'));
  it('session credentials cannot call it', () => {
    const r = lastCall(baseWorld(), [{ id: 'g', as: { user: ALICE }, call: 'GetSessionToken' }, { as: { session: 'g' }, call: 'GetSessionToken' }]);
    expect(r.error).toMatchObject({ code: 'AccessDenied', message: 'Cannot call GetSessionToken with session credentials' });
  });
  it('an explicit Deny of sts:GetSessionToken has no effect', () => {
    const world = baseWorld({ users: [{ arn: ALICE, policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sts:*', Resource: '*' }] }] }] });
    expect(lastCall(world, [{ as: { user: ALICE }, call: 'GetSessionToken' }]).outcome).toBe('success');
  });
  it('without MFA the credentials cannot call IAM (InvalidClientTokenId)', () => {
    const world = baseWorld({ users: [{ arn: ALICE, policies: [allow('iam:*')] }] });
    const r = lastRequest(world, [{ id: 'g', as: { user: ALICE }, call: 'GetSessionToken' }, { as: { session: 'g' }, request: { action: 'iam:ListUsers', resource: '*' } }]);
    expect(r.error?.code).toBe('InvalidClientTokenId');
  });
});

describe('GetFederationToken (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html)', () => {
  const world = baseWorld({ users: [{ arn: ALICE, policies: [allow(['sts:GetFederationToken', 's3:*'])] }] });
  it('returns the federated-user ARN and id, default 43200', () => {
    const r = lastCall(world, [{ as: { user: ALICE }, call: 'GetFederationToken', params: { Name: 'Bob' } }]);
    expect(r.response?.FederatedUser).toEqual({ FederatedUserId: '111111111111:Bob', Arn: 'arn:aws:sts::111111111111:federated-user/Bob' });
    expect(duration(r)).toBe(43200);
  });
  it('no session policy means no permissions', () => {
    const r = lastRequest(world, [{ id: 'f', as: { user: ALICE }, call: 'GetFederationToken', params: { Name: 'Bob' } }, { as: { session: 'f' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } }]);
    expect(r.decision).toBe('ImplicitDeny');
  });
  it('with a session policy: the intersection', () => {
    const steps = [{ id: 'f', as: { user: ALICE }, call: 'GetFederationToken', params: { Name: 'Bob', Policy: allow('s3:GetObject') } }];
    expect(lastRequest(world, [...steps, { as: { session: 'f' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } }]).decision).toBe('Allow');
    expect(lastRequest(world, [...steps, { as: { session: 'f' }, request: { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' } }]).decision).toBe('ImplicitDeny');
  });
  it('needs sts:GetFederationToken', () => expect(lastCall(baseWorld(), [{ as: { user: ALICE }, call: 'GetFederationToken', params: { Name: 'Bob' } }]).error?.code).toBe('AccessDenied'));
  it('Name of 33 characters is a ValidationError', () => expect(lastCall(world, [{ as: { user: ALICE }, call: 'GetFederationToken', params: { Name: 'x'.repeat(33) } }]).error?.code).toBe('ValidationError'));
});

describe('AssumeRoot (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html)', () => {
  const admin = 'arn:aws:iam::999999999999:user/admin';
  const world = (enabled = true) => ({
    accounts: [{ id: '999999999999' }, { id: '111111111111' }],
    organizations: [{ id: 'o-aaaa1111', management: '999999999999', accounts: ['111111111111'], centralizedRootAccess: enabled }],
    users: [{ arn: admin, policies: [allow('sts:AssumeRoot')] }],
  });
  const call = (params: Record<string, unknown> = {}) => ({ as: { user: admin }, call: 'AssumeRoot', params: { TargetPrincipal: '111111111111', TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy' }, ...params } });
  it('issues 900-second root credentials for the member account', () => {
    const r = lastCall(world(), [call()]);
    expect(r.outcome).toBe('success');
    expect(duration(r)).toBe(900);
  });
  it('more than 900 seconds fails', () => expect(lastCall(world(), [call({ DurationSeconds: 901 })]).error?.code).toBe('ValidationError'));
  it('needs centralized root access', () => expect(lastCall(world(false), [call()]).error?.code).toBe('AccessDenied'));
  it('the task policy limits the root session', () => {
    const steps = run(world(), [{ id: 'r', ...call() }, { as: { session: 'r' }, request: { action: 's3:DeleteBucketPolicy', resource: 'arn:aws:s3:::b' } }, { as: { session: 'r' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } }]);
    expect(steps.map((s) => (s.kind === 'request' ? s.decision : s.kind))).toEqual(['call', 'Allow', 'ImplicitDeny']);
  });
});

describe('GetCallerIdentity, GetAccessKeyInfo, DecodeAuthorizationMessage', () => {
  it('reports a role session by its assumed-role ARN', () => {
    const r = lastCall(baseWorld(), [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } }, { as: { session: 'a' }, call: 'GetCallerIdentity' }]);
    expect(r.response).toEqual({ UserId: 'AROAEXAMPLEROLEX00001:s1', Account: '222222222222', Arn: 'arn:aws:sts::222222222222:assumed-role/RoleX/s1' });
  });
  it('reports the root user', () => expect(lastCall(baseWorld(), [{ as: { root: '111111111111' }, call: 'GetCallerIdentity' }]).response).toEqual({ UserId: '111111111111', Account: '111111111111', Arn: 'arn:aws:iam::111111111111:root' }));
  it('an unknown key is InvalidClientTokenId', () => expect(lastCall(baseWorld(), [{ as: { accessKeyId: 'AKIAUNKNOWNKEY000001' }, call: 'GetCallerIdentity' }]).error?.code).toBe('InvalidClientTokenId'));
  it('GetAccessKeyInfo finds the account of a generated key', () => {
    const r = lastCall(baseWorld(), [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } }, { as: { user: ALICE }, call: 'GetAccessKeyInfo', params: { AccessKeyId: { fromStep: 'a', path: 'response.Credentials.AccessKeyId' } } }]);
    expect(r.response).toEqual({ Account: '222222222222' });
  });
  it('DecodeAuthorizationMessage decodes what EC2 returned', () => {
    const world = baseWorld({ users: [{ arn: ALICE, policies: [allow('sts:DecodeAuthorizationMessage')] }] });
    const steps = run(world, [{ id: 'ec2', as: { user: ALICE }, request: { action: 'ec2:RunInstances', resource: '*' } }, { as: { user: ALICE }, call: 'DecodeAuthorizationMessage', params: { EncodedMessage: { fromStep: 'ec2', path: 'error.encodedMessage' } } }]);
    expect(steps[0]).toMatchObject({ decision: 'ImplicitDeny', error: { code: 'UnauthorizedOperation' } });
    const d = steps[1]!.kind === 'call' ? JSON.parse(String(steps[1]!.response?.DecodedMessage)) : undefined;
    expect(d).toMatchObject({ allowed: false, context: { action: 'ec2:RunInstances' } });
  });
});

describe('requests with issued credentials', () => {
  const bucket = (principal: string) => ({ arn: 'arn:aws:s3:::shared', account: '333333333333', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }] } });
  const world = (principal: string) => baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }), policies: [allow('s3:GetObject')] }], resources: [bucket(principal)] });
  const steps = [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } }, { as: { session: 'a' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::shared/k' } }];
  it('cross-account needs the resource policy to name the role', () => expect(lastRequest(world(ROLE_X), steps).decision).toBe('Allow'));
  it('cross-account with a bucket policy naming someone else is denied', () => expect(lastRequest(world('arn:aws:iam::444444444444:root'), steps).decision).toBe('ImplicitDeny'));
  it('a session policy limits what a resource policy naming the role grants (same account)', () => {
    const w = baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }) }], resources: [{ ...bucket(ROLE_X), account: '222222222222' }] });
    const s = [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1', Policy: allow('s3:ListBucket') } }, { as: { session: 'a' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::shared/k' } }];
    expect(lastRequest(w, s).decision).toBe('ImplicitDeny');
  });
  it('a resource policy naming the session ARN is not limited by the session policy (same account)', () => {
    const w = baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }) }], resources: [{ ...bucket('arn:aws:sts::222222222222:assumed-role/RoleX/s1'), account: '222222222222' }] });
    const s = [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1', Policy: allow('s3:ListBucket') } }, { as: { session: 'a' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::shared/k' } }];
    expect(lastRequest(w, s).decision).toBe('Allow');
  });
  it('an explicit deny names its policy type in the message', () => {
    const w = baseWorld({ users: [{ arn: ALICE, policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }] }] });
    const r = lastRequest(w, [{ as: { user: ALICE }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } }]);
    expect(r.decision).toBe('ExplicitDeny');
    expect(r.error?.message).toMatch(/with an explicit deny in an identity-based policy$/);
  });
  it('expired credentials give ExpiredToken', () => {
    const r = lastRequest(baseWorld(), [steps[0]!, { advance: 3600 }, steps[1]!]);
    expect(r.error?.code).toBe('ExpiredToken');
  });
});

describe('PackedPolicySize and PackedPolicyTooLarge (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)', () => {
  // Ten tags of the longest key and value the API allows pack far beyond the allotted space.
  const bigTags = Array.from({ length: 10 }, (_, i) => ({ Key: `k${i}`.padEnd(128, 'x'), Value: 'v'.repeat(256) }));
  const taggingWorld = baseWorld({
    users: [{ arn: ALICE, policies: [allow(['sts:AssumeRole', 'sts:TagSession', 'sts:GetFederationToken'])] }],
    roles: [{ arn: ROLE_X, trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] } }],
  });
  it.each([
    ['AssumeRole', { RoleArn: ROLE_X, RoleSessionName: 'packed', Tags: bigTags }],
    ['GetFederationToken', { Name: 'Bob', Policy: allow('s3:GetObject'), Tags: bigTags }],
  ])('%s fails with PackedPolicyTooLarge, and the trace says why', (call, params) => {
    const r = lastCall(taggingWorld, [{ as: { user: ALICE }, call, params }]);
    expect(r.error?.code).toBe('PackedPolicyTooLarge');
    expect(r.error?.message).toMatch(/^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/);
    const entry = r.trace.find((t) => t.code === 'session.packed-too-large');
    expect(entry?.result).toBe('fail');
    expect(entry?.uncertain).toBe(true);
  });
  it('AssumeRoleWithWebIdentity: tags in the token count too', () => {
    const principalTags = Object.fromEntries(bigTags.map((t) => [t.Key, [t.Value]]));
    const world = oidcWorld();
    (world.roles[0]!.trustPolicy.Statement[0] as { Action: string | string[] }).Action = ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'];
    const r = lastCall(world, [WI({ WebIdentityToken: token({ 'https://aws.amazon.com/tags': { principal_tags: principalTags } }) })]);
    expect(r.error?.code).toBe('PackedPolicyTooLarge');
    expect(r.trace.at(-1)?.code).toBe('session.packed-too-large');
  });
  it('a small session policy reports its PackedPolicySize as a percentage', () => {
    const r = lastCall(taggingWorld, [{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 'packed', Policy: allow('s3:GetObject') } }]);
    expect(r.outcome).toBe('success');
    expect(r.response?.PackedPolicySize).toBeGreaterThan(0);
    expect(r.response?.PackedPolicySize).toBeLessThanOrEqual(100);
  });
});
