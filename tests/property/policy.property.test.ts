import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '@/lib/policy/evaluate';
import { parsePolicy } from '@/lib/policy/parse';
import { policyKinds, type Policy, type RequestContext } from '@/lib/policy/types';

// Fixed seed so CI failures reproduce.
fc.configureGlobal({ seed: 42, numRuns: 300 });

const kindArb = fc.constantFrom(...policyKinds);

/** Every issue is located: a string path, a known-shaped code and a sentence. */
function expectLocatedIssues(r: ReturnType<typeof parsePolicy>): void {
  if (r.ok) return;
  expect(r.issues.length).toBeGreaterThan(0);
  for (const i of r.issues) {
    expect(typeof i.path).toBe('string');
    expect(i.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(i.message.length).toBeGreaterThan(0);
  }
}

describe('parsePolicy never throws', () => {
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), kindArb, (v, kind) => {
        expectLocatedIssues(parsePolicy(v, kind));
      }),
    );
  });

  it('on arbitrary JS values', () => {
    fc.assert(
      fc.property(fc.anything(), kindArb, (v, kind) => {
        expectLocatedIssues(parsePolicy(v, kind));
      }),
    );
  });

  it('on arbitrary text, JSON or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), kindArb, (s, kind) => {
        expectLocatedIssues(parsePolicy(s, kind));
      }),
    );
  });

  it('on policy-shaped documents with random element values, locating issues under the element', () => {
    const elementValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('*', 'Allow', 'sts:AssumeRole', 'arn:aws:iam::111122223333:root'));
    const statementArb = fc.dictionary(
      fc.constantFrom('Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Bogus'),
      elementValue,
    );
    fc.assert(
      fc.property(fc.array(statementArb, { maxLength: 4 }), kindArb, (statements, kind) => {
        const r = parsePolicy({ Version: '2012-10-17', Statement: statements }, kind);
        expectLocatedIssues(r);
        if (!r.ok) for (const i of r.issues) expect(i.path.startsWith('Statement')).toBe(true);
      }),
    );
  });
});

// --- Policies and requests from a small vocabulary, so statements often apply -----------

const actions = ['sts:AssumeRole', 'sts:TagSession', 's3:GetObject', 's3:PutObject', 'iam:GetRole'];
const resources = ['arn:aws:s3:::b/home/alice/x', 'arn:aws:iam::111122223333:role/Ops', 'arn:aws:s3:::other/y'];

const conditionArb = fc.constantFrom<Record<string, Record<string, unknown>>[]>(
  [],
  [{ StringEquals: { 'aws:username': 'alice' } }],
  [{ Bool: { 'aws:SecureTransport': 'true' } }],
  [{ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }],
  [{ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }],
  [{ 'ForAnyValue:StringLike': { 'aws:TagKeys': 'a*' } }],
  [{ Null: { 'aws:TokenIssueTime': 'true' } }],
  [{ StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'ops' } }],
  [{ DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }, { NumericLessThan: { 'test:n': 5 } }],
);

const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  actionKey: fc.constantFrom('Action', 'NotAction'),
  actions: fc.subarray(['*', 'sts:*', 'sts:AssumeRole', 's3:Get*', 'iam:Get?ole', 's3:*'], { minLength: 1 }),
  resourceKey: fc.constantFrom('Resource', 'NotResource'),
  resources: fc.subarray(['*', 'arn:aws:s3:::b/home/${aws:username}/*', 'arn:aws:iam::*:role/*', 'arn:aws:s3:::other/*'], { minLength: 1 }),
  conditions: conditionArb,
});

type StatementShape = typeof statementArb extends fc.Arbitrary<infer T> ? T : never;

function toJson(s: StatementShape): Record<string, unknown> {
  const out: Record<string, unknown> = { Effect: s.Effect, [s.actionKey]: s.actions, [s.resourceKey]: s.resources };
  if (s.conditions.length > 0) out.Condition = Object.assign({}, ...s.conditions);
  return out;
}

function build(statements: Record<string, unknown>[]): Policy {
  const r = parsePolicy({ Version: '2012-10-17', Statement: statements }, 'identity');
  if (!r.ok) throw new Error(`generator bug: ${JSON.stringify(r.issues)}`);
  return r.policy;
}

const requestArb: fc.Arbitrary<RequestContext> = fc.record({
  action: fc.constantFrom(...actions),
  resource: fc.constantFrom(...resources),
  keys: fc
    .record(
      {
        'aws:username': fc.constantFrom('alice', 'bob'),
        'aws:SecureTransport': fc.constantFrom('true', 'false'),
        'aws:SourceIp': fc.constantFrom('203.0.113.9', '198.51.100.1', '2001:db8::1'),
        'aws:TagKeys': fc.subarray(['a', 'b', 'c']),
        'aws:TokenIssueTime': fc.constant('2024-01-01T00:00:00Z'),
        'aws:PrincipalTag/team': fc.constantFrom('ops', 'dev'),
        'aws:CurrentTime': fc.constantFrom('2024-01-01T00:00:00Z', '2031-01-01T00:00:00Z'),
        'test:n': fc.constantFrom('1', '9'),
      },
      { requiredKeys: [] },
    )
    .map((k) => k as Record<string, string | string[]>),
});

describe('evaluation invariants', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
  it('an applying explicit Deny always yields Deny, whatever the other statements', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { maxLength: 6 }), fc.nat(), requestArb, (others, at, ctx) => {
        // Given any statements plus a Deny that matches every request
        const statements = others.map(toJson);
        statements.splice(at % (statements.length + 1), 0, { Effect: 'Deny', Action: '*', Resource: '*' });
        // When evaluated
        const ev = evaluatePolicy(build(statements), ctx);
        // Then the result is Deny, decided by an applying Deny statement
        expect(ev.result).toBe('Deny');
        const decider = ev.statements.find((s) => s.index === ev.decidingIndex);
        expect(decider?.effect).toBe('Deny');
        expect(decider?.applies).toBe(true);
      }),
    );
  });

  it('adding a statement that matches nothing never changes the result', () => {
    const inertArb = fc.record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      Resource: fc.constantFrom('*', 'arn:aws:s3:::b/*'),
      conditions: conditionArb,
    });
    fc.assert(
      fc.property(fc.array(statementArb, { maxLength: 6 }), inertArb, fc.nat(), requestArb, (base, inert, at, ctx) => {
        // Given a policy, and the same policy with an extra statement for an action no request uses
        const statements = base.map(toJson);
        const before = statements.length === 0 ? undefined : evaluatePolicy(build(statements), ctx);
        const extra: Record<string, unknown> = { Effect: inert.Effect, Action: 'zzz:Nothing', Resource: inert.Resource };
        if (inert.conditions.length > 0) extra.Condition = Object.assign({}, ...inert.conditions);
        statements.splice(at % (statements.length + 1), 0, extra);
        // When both are evaluated
        const after = evaluatePolicy(build(statements), ctx);
        // Then the decision is unchanged
        expect(after.result).toBe(before?.result ?? 'NotApplicable');
      }),
    );
  });

  it('the result agrees with the per-statement verdicts', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 6 }), requestArb, (sts, ctx) => {
        const ev = evaluatePolicy(build(sts.map(toJson)), ctx);
        const applying = ev.statements.filter((s) => s.applies);
        const expected = applying.some((s) => s.effect === 'Deny') ? 'Deny' : applying.length > 0 ? 'Allow' : 'NotApplicable';
        expect(ev.result).toBe(expected);
        for (const s of ev.statements) expect(s.applies === (s.mismatch === undefined)).toBe(true);
      }),
    );
  });
});
