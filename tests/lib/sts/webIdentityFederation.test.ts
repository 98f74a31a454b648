/**
 * Issue #12, part B: provider-specific OIDC claim keys, GitHub's immutable subjects,
 * GetWebIdentityToken (outbound identity federation), ProvidedContexts and AWS's
 * validation messages.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { ALICE, ROLE_A, ROLE_X, allow, baseWorld, lastCall, run, trust } from '../../helpers/world';

const GH = 'token.actions.githubusercontent.com';
const providerArn = (host: string) => `arn:aws:iam::222222222222:oidc-provider/${host}`;
const oidcWorld = (host: string, cond: Record<string, unknown>) =>
  baseWorld({
    oidcProviders: [{ arn: providerArn(host), url: `https://${host}`, clientIds: ['sts.amazonaws.com'] }],
    roles: [{ arn: ROLE_X, id: 'AROAEXAMPLEROLEX00001', trustPolicy: trust({ Federated: providerArn(host) }, 'sts:AssumeRoleWithWebIdentity', cond) }],
  });
const wi = (host: string, claims: Record<string, unknown>) => ({
  call: 'AssumeRoleWithWebIdentity',
  params: { RoleArn: ROLE_X, RoleSessionName: 'ci', WebIdentityToken: { iss: `https://${host}`, aud: 'sts.amazonaws.com', sub: 'subject', iat: 1767225570, exp: 1767225900, signature: 'valid', ...claims } },
});

// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys (F-9.9)
describe('provider-specific claims become <provider>:<claim> keys for the providers AWS lists', () => {
  it.each([
    ['GitHub repository', GH, 'repository', 'example-org/site', 'success'],
    ['GitHub ref', GH, 'ref', 'refs/heads/main', 'success'],
    ['GitHub environment', GH, 'environment', 'production', 'success'],
    ['GitHub repository_id', GH, 'repository_id', '700100200', 'success'],
    ['GitHub job_workflow_ref', GH, 'job_workflow_ref', 'example-org/ci/.github/workflows/deploy.yml@refs/heads/main', 'success'],
    ['GitHub Enterprise Cloud (GHE.com) tenant', 'token.actions.acme.ghe.com', 'repository', 'acme/site', 'success'],
    ['GitLab project_id', 'gitlab.com', 'project_id', '42', 'success'],
    ['GitLab ref_protected', 'gitlab.com', 'ref_protected', 'true', 'success'],
    ['CircleCI project-id', 'oidc.circleci.com/org/0f7e-org', 'oidc.circleci.com/project-id', 'a1b2', 'success'],
    ['OCI rpst_id', 'idcs-abc123.identity.oraclecloud.com', 'rpst_id', 'rpst-1', 'success'],
    // For an issuer AWS does not list, the claim is in the token but is not a key: the condition fails as on an absent key.
    ['an unlisted issuer: repository is an absent key', 'ci.example.com', 'repository', 'example-org/site', 'error'],
    // A claim AWS does not list for GitHub (repository_owner) is not a key either.
    ['GitHub repository_owner is not a key', GH, 'repository_owner', 'example-org', 'error'],
  ])('%s', (_n, host, claim, value, outcome) => {
    // Given a trust policy that tests <provider>:<claim>
    const world = oidcWorld(host, { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', [`${host}:${claim}`]: value } });
    // When a token carrying that claim is exchanged
    const r = lastCall(world, [wi(host, { [claim]: value })]);
    // Then STS allows it only where AWS lists the claim
    expect(r.outcome).toBe(outcome);
  });
  it('a GitHub ref condition refuses a token from another branch', () => {
    const world = oidcWorld(GH, { StringEquals: { [`${GH}:ref`]: 'refs/heads/main' } });
    expect(lastCall(world, [wi(GH, { ref: 'refs/heads/feature' })]).error?.code).toBe('AccessDenied');
  });
  it('Google organization_number uses numeric operators', () => {
    const world = baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ Federated: 'accounts.google.com' }, 'sts:AssumeRoleWithWebIdentity', { NumericEquals: { 'accounts.google.com:google/organization_number': '123456789' } }) }] });
    const r = lastCall(world, [{ call: 'AssumeRoleWithWebIdentity', params: { RoleArn: ROLE_X, RoleSessionName: 'gcp', WebIdentityToken: { iss: 'https://accounts.google.com', aud: 'client', sub: '1', exp: 1767229000, google: { organization_number: 123456789 }, signature: 'valid' } } }]);
    expect(r.outcome).toBe('success');
  });
});

// https://docs.github.com/en/actions/reference/security/oidc (immutable subject claims; F-9.10)
describe("GitHub's immutable subject (repo:owner@ID/repo@ID:…)", () => {
  const immutable = 'repo:example-org@41000001/site@700100200:ref:refs/heads/main';
  it.each([
    ['StringEquals on the name-only sub does not match', { StringEquals: { [`${GH}:sub`]: 'repo:example-org/site:ref:refs/heads/main' } }, 'error', true],
    ['StringLike repo:example-org/* does not match', { StringLike: { [`${GH}:sub`]: 'repo:example-org/*' } }, 'error', true],
    ['StringEquals on the sub with its IDs matches', { StringEquals: { [`${GH}:sub`]: immutable } }, 'success', false],
    ['a repository condition matches whatever the sub form', { StringEquals: { [`${GH}:repository`]: 'example-org/site' } }, 'success', false],
  ])('%s', (_n, cond, outcome, explained) => {
    const r = lastCall(oidcWorld(GH, cond), [wi(GH, { sub: immutable, repository: 'example-org/site' })]);
    expect(r.outcome).toBe(outcome);
    // And the trace says why a name-only sub condition failed.
    expect(r.trace.some((t) => t.code === 'oidc.github-immutable-sub')).toBe(explained);
  });
});

// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html (F-16.1–F-16.8)
describe('GetWebIdentityToken', () => {
  const enabled = (over: Record<string, unknown> = {}) =>
    baseWorld({
      accounts: [{ id: '111111111111', outboundWebIdentityFederation: true }, { id: '222222222222' }],
      users: [{ arn: ALICE, id: 'AIDAALICEEXAMPLE00001', policies: [allow(['sts:GetWebIdentityToken', 'sts:AssumeRole'])], tags: { team: 'blue' } }],
      ...over,
    });
  const gwit = (params: Record<string, unknown> = {}, context?: Record<string, unknown>) => ({ id: 'jwt', as: { user: ALICE }, call: 'GetWebIdentityToken', params: { Audience: ['https://api.example.com'], SigningAlgorithm: 'RS256', ...params }, ...(context ? { context } : {}) });

  it('returns a JWT and its decoded claims: iss, sub, aud, times, and the https://sts.amazonaws.com/ claims', () => {
    const r = lastCall(enabled(), [gwit({ Tags: [{ Key: 'job', Value: 'nightly' }] })]);
    expect(r.outcome, r.error?.message).toBe('error');
    // Tags need sts:TagGetWebIdentityToken, which alice lacks.
    expect(r.error?.message).toContain('sts:TagGetWebIdentityToken');
    const ok = lastCall(enabled(), [gwit()]);
    expect(ok.response?.Expiration).toBe('2026-01-01T00:05:00Z');
    expect(String(ok.response?.WebIdentityToken).split('.')).toHaveLength(3);
    const c = ok.token!.claims;
    expect(c.iss).toMatch(/^https:\/\/[0-9a-f-]{36}\.tokens\.sts\.global\.api\.aws$/);
    expect(c).toMatchObject({ sub: ALICE, aud: 'https://api.example.com', iat: 1767225600, exp: 1767225900 });
    expect(c['https://sts.amazonaws.com/']).toMatchObject({ aws_account: '111111111111', source_region: 'us-east-1', principal_tags: { team: 'blue' } });
    expect(ok.token!.header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
  });
  it('is deterministic: the same scenario gives the same token', () => {
    expect(lastCall(enabled(), [gwit()]).response?.WebIdentityToken).toBe(lastCall(enabled(), [gwit()]).response?.WebIdentityToken);
  });
  it("a role session's token names the role's ARN in sub", () => {
    const world = enabled({ roles: [{ arn: ROLE_A, id: 'AROAEXAMPLEROLEA00001', trustPolicy: trust({ AWS: ALICE }), policies: [allow('sts:GetWebIdentityToken')] }] });
    const r = lastCall(world, [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'sess' } }, { as: { session: 'a' }, call: 'GetWebIdentityToken', params: { Audience: ['x'], SigningAlgorithm: 'ES384' } }]);
    expect(r.token?.claims.sub).toBe(ROLE_A);
  });
  it.each([
    ['the account has not enabled outbound federation', baseWorld({ users: [{ arn: ALICE, policies: [allow('sts:GetWebIdentityToken')] }] }), gwit(), 'OutboundWebIdentityFederationDisabledException'],
    ['no sts:GetWebIdentityToken permission', enabled({ users: [{ arn: ALICE, policies: [allow('sts:AssumeRole')] }] }), gwit(), 'AccessDenied'],
    ['an audience outside sts:IdentityTokenAudience', enabled({ users: [{ arn: ALICE, policies: [allow('sts:GetWebIdentityToken', '*', { Condition: { 'ForAllValues:StringEquals': { 'sts:IdentityTokenAudience': 'https://api.example.com' } } })] }] }), gwit({ Audience: ['https://api.example.com', 'https://other.example'] }), 'AccessDenied'],
    ['an algorithm sts:SigningAlgorithm does not allow', enabled({ users: [{ arn: ALICE, policies: [allow('sts:GetWebIdentityToken', '*', { Condition: { StringEquals: { 'sts:SigningAlgorithm': 'ES384' } } })] }] }), gwit(), 'AccessDenied'],
    ['a lifetime above sts:DurationSeconds', enabled({ users: [{ arn: ALICE, policies: [allow('sts:GetWebIdentityToken', '*', { Condition: { NumericLessThanEquals: { 'sts:DurationSeconds': '600' } } })] }] }), gwit({ DurationSeconds: 900 }), 'AccessDenied'],
    ['the global endpoint', enabled(), gwit({}, { endpoint: 'global' }), 'InvalidAction'],
    ['DurationSeconds 59', enabled(), gwit({ DurationSeconds: 59 }), 'ValidationError'],
    ['DurationSeconds 3601', enabled(), gwit({ DurationSeconds: 3601 }), 'ValidationError'],
    ['eleven audiences', enabled(), gwit({ Audience: Array.from({ length: 11 }, (_, i) => `a${i}`) }), 'ValidationError'],
    ['SigningAlgorithm RS384', enabled(), gwit({ SigningAlgorithm: 'RS384' }), 'ValidationError'],
    ['a payload made too large by request tags', enabled({ users: [{ arn: ALICE, policies: [allow(['sts:GetWebIdentityToken', 'sts:TagGetWebIdentityToken'])] }] }), gwit({ Tags: Array.from({ length: 40 }, (_, i) => ({ Key: `k${i}`.padEnd(100, 'k'), Value: 'v'.repeat(200) })) }), 'JWTPayloadSizeExceededException'],
  ])('%s', (_n, world, step, code) => {
    expect(lastCall(world, [step]).error?.code).toBe(code);
  });
  it('DurationSeconds 60 and 3600 are accepted', () => {
    for (const d of [60, 3600]) expect(lastCall(enabled(), [gwit({ DurationSeconds: d })]).outcome, String(d)).toBe('success');
  });
  it('a token may not outlive the calling session (SessionDurationEscalationException)', () => {
    const world = enabled({ roles: [{ arn: ROLE_A, id: 'AROAEXAMPLEROLEA00001', trustPolicy: trust({ AWS: ALICE }), policies: [allow('sts:GetWebIdentityToken')] }] });
    const steps = [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'sess', DurationSeconds: 900 } }, { advance: 600 }];
    const call = (d: number) => lastCall(world, [...steps, { as: { session: 'a' }, call: 'GetWebIdentityToken', params: { Audience: ['x'], SigningAlgorithm: 'RS256', DurationSeconds: d } }]);
    expect(call(300).outcome).toBe('success');
    expect(call(301).error?.code).toBe('SessionDurationEscalationException');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_outbound.html (F-9.8, F-16.8)
  it('AssumeRoleWithWebIdentity refuses its tokens in the same partition, and accepts them across partitions', () => {
    const issuerOf = (world: Record<string, unknown>) => String(lastCall(world, [gwit()]).token!.claims.iss);
    const iss = issuerOf(enabled()).replace('https://', '');
    const gov = 'arn:aws-us-gov:iam::444444444444:role/FromCommercial';
    const govProvider = `arn:aws-us-gov:iam::444444444444:oidc-provider/${iss}`;
    const world = enabled({
      oidcProviders: [{ arn: govProvider, url: `https://${iss}`, clientIds: ['https://api.example.com'] }, { arn: `arn:aws:iam::222222222222:oidc-provider/${iss}`, url: `https://${iss}`, clientIds: ['https://api.example.com'] }],
      roles: [
        { arn: gov, trustPolicy: trust({ Federated: govProvider }, 'sts:AssumeRoleWithWebIdentity') },
        { arn: ROLE_X, trustPolicy: trust({ Federated: `arn:aws:iam::222222222222:oidc-provider/${iss}` }, 'sts:AssumeRoleWithWebIdentity') },
      ],
    });
    const exchange = (roleArn: string, audience = ['https://api.example.com']) => run(world, [gwit({ Audience: audience }), { call: 'AssumeRoleWithWebIdentity', params: { RoleArn: roleArn, RoleSessionName: 'xpart', WebIdentityToken: { fromStep: 'jwt', path: 'response.WebIdentityToken' } } }]).at(-1)!;
    expect(exchange(ROLE_X)).toMatchObject({ outcome: 'error', error: { code: 'InvalidIdentityToken' } });
    expect(exchange(gov)).toMatchObject({ outcome: 'success' });
    // Across partitions, a token with more than one audience is refused.
    expect(exchange(gov, ['https://api.example.com', 'b'])).toMatchObject({ outcome: 'error', error: { code: 'InvalidIdentityToken' } });
  });

  it('GetDelegatedAccessToken makes the file invalid, with a message saying why it is not modelled', () => {
    const sim = simulate({ format: 'sts-scenario/v1', id: 'u', title: 'u', world: {}, steps: [{ call: 'GetDelegatedAccessToken', params: {} }] });
    expect(sim.ok).toBe(false);
    if (!sim.ok) expect(sim.issues[0]).toMatchObject({ path: 'steps[0].call', message: expect.stringMatching(/not modelled.*trade-in token.*no way to obtain/) });
  });
});

// https://docs.aws.amazon.com/singlesignon/latest/userguide/trustedidentitypropagation-identity-enhanced-iam-role-sessions.html (F-21.8, F-21.9)
describe('AssumeRole ProvidedContexts needs sts:SetContext in the trust policy', () => {
  const ctx = [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'opaque-assertion' }];
  it.each([
    ['the trust policy allows only sts:AssumeRole', ['sts:AssumeRole'], 'AccessDenied'],
    ['the trust policy allows sts:AssumeRole and sts:SetContext', ['sts:AssumeRole', 'sts:SetContext'], undefined],
  ])('%s', (_n, actions, code) => {
    const world = baseWorld({ roles: [{ arn: ROLE_A, id: 'AROAEXAMPLEROLEA00001', trustPolicy: trust({ AWS: ALICE }, actions) }] });
    const r = lastCall(world, [{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'sess', ProvidedContexts: ctx } }]);
    expect(r.error?.code).toBe(code);
    if (code) expect(r.error?.message).toContain('sts:SetContext');
  });
  it.each([
    ['six contexts', Array.from({ length: 6 }, () => ctx[0]), "at 'providedContexts' failed to satisfy constraint: Member must have length less than or equal to 5"],
    ['an empty list', [], "at 'providedContexts' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['a three-character assertion', [{ ...ctx[0], ContextAssertion: 'abc' }], "at 'providedContexts.1.member.contextAssertion' failed to satisfy constraint: Member must have length greater than or equal to 4"],
  ])('%s is a ValidationError', (_n, contexts, text) => {
    const world = baseWorld({ roles: [{ arn: ROLE_A, trustPolicy: trust({ AWS: ALICE }, ['sts:AssumeRole', 'sts:SetContext']) }] });
    const r = lastCall(world, [{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_A, RoleSessionName: 'sess', ProvidedContexts: contexts } }]);
    expect(r.error?.code).toBe('ValidationError');
    expect(r.error?.message).toContain(text);
  });
});

// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (RoleArn: Length 20–2048, Pattern) and CommonErrors (ValidationError)
describe("validation messages follow AWS's format", () => {
  const assume = (params: Record<string, unknown>) => lastCall(baseWorld(), [{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 'sess', ...params } }]).error?.message;
  it.each([
    ['a control character in RoleArn', { RoleArn: `${ROLE_X}\u0001` }, /^1 validation error detected: Value '.*' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\u0009\\u000A\\u000D\\u0020-\\u007E/],
    ['an empty RoleArn breaks two rules', { RoleArn: '' }, /^2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern/],
    ['three members at once', { RoleSessionName: 'a', DurationSeconds: 60, ExternalId: 'x' }, /^3 validation errors detected: Value 'a' at 'roleSessionName'.*; Value '60' at 'durationSeconds'.*; Value 'x' at 'externalId'/],
  ])('%s', (_n, params, re) => {
    expect(assume(params)).toMatch(re);
  });
  it.each([
    ['WebIdentityToken', { call: 'AssumeRoleWithWebIdentity', params: { RoleArn: ROLE_X, RoleSessionName: 'sess', WebIdentityToken: 'abc' } }, 'webIdentityToken'],
    ['SAMLAssertion', { call: 'AssumeRoleWithSAML', params: { RoleArn: ROLE_X, PrincipalArn: 'arn:aws:iam::222222222222:saml-provider/Corp', SAMLAssertion: 'abc' } }, 'SAMLAssertion'],
  ])('the value of the sensitive member %s is never echoed', (_n, step, member) => {
    const msg = lastCall(baseWorld(), [step]).error?.message ?? '';
    expect(msg).toContain(`Value at '${member}' failed to satisfy constraint: Member must have length greater than or equal to 4`);
    expect(msg).not.toContain("'abc'");
  });
});
