/**
 * Issue #11: every input gives a result or located problems, never an exception, and the work
 * is bounded. Each example from the issue is a row here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caps, fixesFor, simulate } from '@/lib/engine';
import { arnGlob, glob } from '@/lib/policy/glob';
import { applyPatch } from '@/lib/util/jsonPatch';
import { ALICE, ROLE_X, allow, baseWorld, trust } from '../../helpers/world';

const file = (steps: unknown[], world: Record<string, unknown> = baseWorld(), extra: Record<string, unknown> = {}) => ({ format: 'sts-scenario/v1', id: 'robust', title: 'robust', world, steps, ...extra });
const who = { id: 'who', as: { user: ALICE }, call: 'GetCallerIdentity' };
const denied = { id: 'denied', as: { user: 'arn:aws:iam::111111111111:user/bob' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt/k' } };
const ms = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

describe('a value taken from an earlier step must fit its parameter (scenario-format.md: an invalid file)', () => {
  // Given a step whose parameter comes from a path of an earlier result that holds the wrong type
  const rows = [
    { call: 'GetSessionToken', param: 'DurationSeconds', from: 'who', path: 'at', message: 'is a string; expected an integer' },
    { call: 'DecodeAuthorizationMessage', param: 'EncodedMessage', from: 'who', path: 'response', message: 'is an object; expected a string' },
    { call: 'AssumeRole', param: 'RoleArn', from: 'who', path: 'response', message: 'is an object; expected a string' },
    { call: 'AssumeRole', param: 'PolicyArns', from: 'who', path: 'response', message: 'is an object; expected an array' },
    { call: 'AssumeRole', param: 'Tags', from: 'who', path: 'response', message: 'is an object; expected an array' },
    { call: 'AssumeRole', param: 'Tags', from: 'who', path: 'trace', message: 'is an array; expected a string (at [0].Key)' },
    { call: 'GetFederationToken', param: 'Name', from: 'who', path: 'trace', message: 'is an array; expected a string' },
    { call: 'AssumeRoot', param: 'TaskPolicyArn', from: 'who', path: 'at', message: 'is a string; expected an object' },
    { call: 'GetAccessKeyInfo', param: 'AccessKeyId', from: 'who', path: 'expect', message: undefined },
    { call: 'AssumeRoleWithWebIdentity', param: 'WebIdentityToken', from: 'who', path: 'trace', message: 'is an array;' },
    { call: 'AssumeRoleWithSAML', param: 'SAMLAssertion', from: 'who', path: 'response.Arn', message: undefined },
  ];
  it.each(rows)('$call $param from "$path"', ({ call, param, from, path, message }) => {
    const steps = [who, { as: { user: ALICE }, call, params: { [param]: { fromStep: from, path } } }];
    // When it runs
    const sim = simulate(JSON.stringify(file(steps)));
    // Then it is invalid with the problem at the parameter, or (the value is absent or fits) a result
    if (message === undefined) return expect(sim.ok || sim.issues.every((i) => !i.message.startsWith('internal'))).toBe(true);
    expect(sim.ok).toBe(false);
    if (!sim.ok) {
      expect(sim.issues[0]!.path).toBe(`steps[1].params.${param}`);
      expect(sim.issues[0]!.message).toContain(`the value taken from step "${from}" at "${path}" ${message}`);
    }
  });

  it.each(['constructor', '__proto__', 'toString', '__proto__.constructor', 'response.constructor.name'])('the path "%s" reads nothing (own members only)', (path) => {
    const sim = simulate(file([who, { as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's', Tags: { fromStep: 'who', path }, DurationSeconds: { fromStep: 'who', path } } }]));
    expect(sim.ok).toBe(true);
    if (sim.ok) {
      const s = sim.result.steps[1]!;
      expect(s.kind !== 'clock' && s.trace.filter((t) => t.code === 'params.from-step-missing')).toHaveLength(2);
    }
  });
});

describe('time stays within what a Date can hold', () => {
  it.each([
    { name: '{"advance": 1e13}', steps: [{ advance: 1e13 }], path: 'steps[0].advance' },
    { name: 'an advance just over 100 years', steps: [{ advance: caps.advanceSeconds + 1 }], path: 'steps[0].advance' },
    { name: 'advances that add up past 9999', steps: [{ advanceTo: '9999-12-31T00:00:00Z' }, { advance: 86400 }], path: 'steps[1].advance' },
  ])('$name is an invalid file at $path', ({ steps, path }) => {
    const sim = simulate(file(steps));
    expect(sim.ok).toBe(false);
    if (!sim.ok) expect(sim.issues.map((i) => i.path)).toContain(path);
  });

  it('a session issued at the last instant still gets an Expiration', () => {
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html (default 43,200 seconds)
    const sim = simulate(file([{ advanceTo: '9999-12-31T23:59:59Z' }, { as: { user: ALICE }, call: 'GetSessionToken' }]));
    expect(sim.ok).toBe(true);
    if (sim.ok) expect(sim.result.steps[1]).toMatchObject({ outcome: 'success', response: { Credentials: { Expiration: '+010000-01-01T11:59:59Z' } } });
  });
});

describe('web identity tokens with extreme or odd claims', () => {
  const GITHUB = 'https://token.actions.githubusercontent.com';
  const ROLE = 'arn:aws:iam::222222222222:role/Ci';
  const world = baseWorld({
    oidcProviders: [{ arn: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com', url: GITHUB, clientIds: ['sts.amazonaws.com'] }],
    roles: [{ arn: ROLE, trustPolicy: trust({ Federated: 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com' }, 'sts:AssumeRoleWithWebIdentity', { StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/main' } }) }],
  });
  const call = (claims: Record<string, unknown>) => simulate(file([{ call: 'AssumeRoleWithWebIdentity', params: { RoleArn: ROLE, RoleSessionName: 'ci', WebIdentityToken: { iss: GITHUB, aud: 'sts.amazonaws.com', sub: 'repo:o/r:ref:refs/heads/main', ...claims } } }], world));
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html (ExpiredTokenException)
  it.each([
    { name: 'exp 1e13 (far future) is not expired', claims: { exp: 1e13, iat: 1e13 }, outcome: 'success', code: undefined },
    { name: 'exp 1e308 is not expired', claims: { exp: 1e308, iat: 1e308 }, outcome: 'success', code: undefined },
    { name: 'exp -1e308 is expired', claims: { exp: -1e308 }, outcome: 'error', code: 'ExpiredTokenException' },
    { name: 'an object sub is no condition key, so StringEquals on it fails as an absent key does', claims: { sub: { toString: 1 } }, outcome: 'error', code: 'AccessDenied' },
    { name: 'an object aud matches no client ID', claims: { aud: { toString: 1 } }, outcome: 'error', code: 'InvalidIdentityToken' },
  ])('$name', ({ claims, outcome, code }) => {
    const sim = call(claims);
    expect(sim.ok).toBe(true);
    if (sim.ok) expect(sim.result.steps[0]).toMatchObject({ outcome, ...(code ? { error: { code } } : {}) });
  });
});

describe('input nested 5,000 levels and more', () => {
  const deepText = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  it.each([
    { name: 'an unclosed 20,000-deep array', text: '['.repeat(20000) },
    { name: 'a 20,000-deep object', text: deepText(20000) },
    { name: 'a 6,000-deep claim value', text: JSON.stringify(file([{ call: 'AssumeRoleWithWebIdentity', params: { RoleArn: ROLE_X, RoleSessionName: 's', WebIdentityToken: { iss: 'https://accounts.google.com', aud: 'a', sub: 's', deep: 'DEEP' } } }])).replace('"DEEP"', deepText(6000)) },
    { name: 'a 6,000-deep condition value', text: JSON.stringify(file([], baseWorld({ users: [{ arn: ALICE, policies: [allow('s3:*', '*', { Condition: { StringEquals: { 'aws:x': 'DEEP' } } })] }] }))).replace('"DEEP"', deepText(6000)) },
  ])('$name gives a result or located problems', ({ text }) => {
    const sim = simulate(text);
    if (!sim.ok) expect(sim.issues.length).toBeGreaterThan(0);
  });

  it('a session policy object too deep to serialise is a ValidationError, as its text would be too long', () => {
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (Policy: up to 2,048 characters)
    const text = JSON.stringify(file([{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's', Policy: { Version: '2012-10-17', Statement: 'DEEP' } } }])).replace('"DEEP"', deepText(12000));
    const sim = simulate(text);
    expect(sim.ok).toBe(true);
    if (sim.ok) expect(sim.result.steps[0]).toMatchObject({ outcome: 'error', error: { code: 'ValidationError' } });
  });
});

describe('matching is linear in the text', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
  it.each([20000, 40000])('Resource "arn:aws:s3:::*" + 10,000 a + "b" against %i a is decided quickly', (n) => {
    const pattern = 'arn:aws:s3:::*' + 'a'.repeat(10000) + 'b';
    expect(ms(() => expect(arnGlob(pattern, 'arn:aws:s3:::' + 'a'.repeat(n))).toBe(false))).toBeLessThan(200);
    expect(ms(() => expect(arnGlob(pattern + '*', 'arn:aws:s3:::' + 'a'.repeat(n))).toBe(false))).toBeLessThan(200);
  });
  it('StringLike with ? in a long middle segment is bit-parallel, not quadratic', () => {
    expect(ms(() => expect(glob('*' + 'a?'.repeat(5000) + 'b*', 'a'.repeat(40000))).toBe(false))).toBeLessThan(1000);
    expect(glob('*' + 'a?'.repeat(20) + 'b*', 'x' + 'ab'.repeat(20) + 'b' + 'y')).toBe(true);
  });
  it('a request that tests StringLike and ForAnyValue against long values finishes within a budget', () => {
    // (within IAM's 2,048 characters for a user's inline policies)
    const policy = allow('s3:GetObject', 'arn:aws:s3:::*' + 'a'.repeat(500) + 'b', { Condition: { 'ForAnyValue:StringLike': { 'aws:x': Array.from({ length: 20 }, (_, i) => `*${'a'.repeat(40)}${i}*`) } } });
    const values = Array.from({ length: caps.contextValues }, () => 'a'.repeat(200));
    const steps = [{ as: { user: ALICE }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::' + 'a'.repeat(20000), context: { 'aws:x': values } } }];
    let sim: ReturnType<typeof simulate> | undefined;
    expect(ms(() => (sim = simulate(file(steps, baseWorld({ users: [{ arn: ALICE, policies: [policy] }] })), { fixes: false })))).toBeLessThan(3000);
    expect(sim!.ok && sim!.result.steps[0]).toMatchObject({ decision: 'ImplicitDeny' });
  });
});

describe('fixes are bounded and computed per step on demand', () => {
  // Given 300 failing requests
  const steps = Array.from({ length: 300 }, (_, i) => ({ ...denied, id: `d${i}` }));
  const text = JSON.stringify(file(steps));
  it(`simulate() gives fixes to the first ${caps.fixSteps} failed steps only`, () => {
    const sim = simulate(text);
    expect(sim.ok).toBe(true);
    if (sim.ok) {
      const withFixes = sim.result.steps.flatMap((s, i) => (s.kind !== 'clock' && s.fixes ? [i] : []));
      expect(withFixes).toEqual(Array.from({ length: caps.fixSteps }, (_, i) => i));
    }
  });
  it('fixesFor() gives any one step its fixes, the same ones simulate() finds', () => {
    const first = simulate(text);
    const fixes = fixesFor(text, 250);
    expect(fixes.length).toBeGreaterThan(0);
    if (first.ok) expect(fixes.map((f) => f.summary)).toEqual(first.result.steps[0]!.kind !== 'clock' ? first.result.steps[0]!.fixes!.map((f) => f.summary) : []);
    expect(fixesFor(text, 9999)).toEqual([]);
    expect(fixesFor('{', 0)).toEqual([]);
    expect(fixesFor(text, 0, { budgetRuns: 0 })).toEqual([]);
  });
  it('a built-in fix still verifies: applying it makes the step succeed', () => {
    const builtin = readFileSync('content/scenarios/cross-account-external-id.json', 'utf8');
    const [fix] = fixesFor(builtin, 0);
    const patched = applyPatch(JSON.parse(builtin), fix!.patch);
    const sim = simulate(patched, { fixes: false });
    expect(sim.ok && sim.result.steps[0]!.kind !== 'clock' && sim.result.steps[0]!.outcome).toBe('success');
  });
});

describe('IAM refuses a world beyond its own limits (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html)', () => {
  const long = (n: number) => allow('s3:GetObject', 'arn:aws:s3:::' + 'k'.repeat(n));
  it.each([
    { name: 'a trust policy over 4,096 characters', world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: 'arn:aws:iam::111111111111:root' }, ['sts:AssumeRole', ...Array.from({ length: 300 }, (_, i) => `sts:TagSession${i}`)]) }] }), path: 'world.roles[0].trustPolicy' },
    { name: "a user's inline policies over 2,048 together", world: baseWorld({ users: [{ arn: ALICE, policies: [long(1000), long(1000)] }] }), path: 'world.users[0].policies' },
    { name: "a role's inline policies over 10,240 together", world: baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust('*'), policies: [long(6000), long(5000)] }] }), path: 'world.roles[0].policies' },
    { name: 'a managed policy over 6,144', world: baseWorld({ managedPolicies: [{ arn: 'arn:aws:iam::111111111111:policy/Big', document: long(6200) }] }), path: 'world.managedPolicies[0].document' },
    { name: 'more than 20 attached managed policies', world: baseWorld({ users: [{ arn: ALICE, managedPolicyArns: Array.from({ length: 21 }, () => 'arn:aws:iam::aws:policy/ReadOnlyAccess') }] }), path: 'world.users[0].managedPolicyArns' },
  ])('$name is an invalid file at $path', ({ world, path }) => {
    const sim = simulate(file([], world));
    expect(sim.ok).toBe(false);
    if (!sim.ok) expect(sim.issues.map((i) => i.path)).toContain(path);
  });

  it(`caps what AWS does not limit: ${caps.steps} steps, ${caps.fileChars} characters`, () => {
    const many = simulate(file(Array.from({ length: caps.steps + 1 }, () => ({ advance: 1 }))));
    expect(!many.ok && many.issues[0]!.message).toMatch(/at most 1000 steps/);
    const big = simulate(JSON.stringify(file([], baseWorld(), { summary: 'x'.repeat(caps.fileChars) })));
    expect(!big.ok && big.issues[0]).toEqual({ path: '', message: expect.stringMatching(/at most 1048576/) });
  });
});

describe('JSON Patch never follows prototype members', () => {
  it.each(['/__proto__/polluted', '/constructor/prototype/polluted'])('%s names nothing', (path) => {
    expect(applyPatch({ a: 1 }, [{ op: 'add', path, value: true }])).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('copies only along the path and leaves the input alone', () => {
    const doc = { a: { b: [1] }, c: { d: 1 } };
    const out = applyPatch(doc, [{ op: 'add', path: '/a/b/-', value: 2 }])!;
    expect(out).toEqual({ a: { b: [1, 2] }, c: { d: 1 } });
    expect(doc.a.b).toEqual([1]);
    expect(out.c).toBe(doc.c);
  });
});
