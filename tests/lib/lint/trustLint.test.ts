import { describe, expect, it } from 'vitest';
import { atLeast, lintPolicy, lintRules, lintScenario, type LintContext, type LintRule, type Severity } from '@/lib/lint/trustLint';
import { learn } from '@/lib/explain/learn';

const GH = 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com';
const gh = (condition: Record<string, unknown> | undefined) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: GH }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) }],
});
const aud = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
const one = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });

type Row = { name: string; policy: unknown; context?: LintContext; expected: [LintRule, Severity, string][] };

// Each row: a trust policy, and the findings (rule, severity, path) it must produce — no more, no fewer.
const rows: Row[] = [
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc_secure-by-default.html
  { name: 'a GitHub trust that checks only aud', policy: gh({ StringEquals: aud }), expected: [['oidc-missing-sub', 'high', 'Statement[0].Condition']] },
  {
    name: 'a GitHub trust with no condition at all',
    policy: gh(undefined),
    expected: [
      ['oidc-missing-sub', 'high', 'Statement[0].Condition'],
      ['oidc-missing-aud', 'medium', 'Statement[0].Condition'],
    ],
  },
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
    name: 'StringEquals with repo:org/* (wildcard taken literally, and owner-wide)',
    policy: gh({ StringEquals: { ...aud, 'token.actions.githubusercontent.com:sub': 'repo:example-org/*' } }),
    expected: [
      ['wildcard-under-string-equals', 'high', 'Statement[0].Condition.StringEquals.token.actions.githubusercontent.com:sub'],
      ['oidc-sub-too-wide', 'high', 'Statement[0].Condition.StringEquals.token.actions.githubusercontent.com:sub'],
    ],
  },
  // https://docs.github.com/actions/reference/openid-connect-reference
  { name: 'StringLike repo:org/* (every repository of the owner)', policy: gh({ StringEquals: aud, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example-org/*' } }), expected: [['oidc-sub-too-wide', 'high', 'Statement[0].Condition.StringLike.token.actions.githubusercontent.com:sub']] },
  { name: 'StringLike * (every repository on GitHub)', policy: gh({ StringEquals: aud, StringLike: { 'token.actions.githubusercontent.com:sub': '*' } }), expected: [['oidc-sub-too-wide', 'high', 'Statement[0].Condition.StringLike.token.actions.githubusercontent.com:sub']] },
  {
    name: 'StringLike repo:org/repo:* (any branch or pull request)',
    policy: gh({ StringEquals: aud, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example-org/site:*' } }),
    expected: [
      ['oidc-sub-too-wide', 'medium', 'Statement[0].Condition.StringLike.token.actions.githubusercontent.com:sub'],
      ['github-name-subject', 'info', 'Statement[0].Condition.StringLike.token.actions.githubusercontent.com:sub'],
    ],
  },
  {
    // https://github.blog/changelog/2026-04-23-immutable-subject-claims-for-github-actions-oidc-tokens/
    name: 'one repository and branch, by name',
    policy: gh({ StringEquals: { ...aud, 'token.actions.githubusercontent.com:sub': 'repo:example-org/site:ref:refs/heads/main' } }),
    expected: [['github-name-subject', 'info', 'Statement[0].Condition.StringEquals.token.actions.githubusercontent.com:sub']],
  },
  { name: 'one repository and branch, by immutable IDs', policy: gh({ StringEquals: { ...aud, 'token.actions.githubusercontent.com:sub': 'repo:example-org@123/site@456:ref:refs/heads/main' } }), expected: [] },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
  { name: 'scoped by the repository_id provider key instead of sub', policy: gh({ StringEquals: { ...aud, 'token.actions.githubusercontent.com:repository_id': '456' } }), expected: [] },
  {
    name: 'a claim AWS does not expose as a key (head_ref)',
    policy: gh({ StringEquals: { ...aud, 'token.actions.githubusercontent.com:repository_id': '456', 'token.actions.githubusercontent.com:head_ref': 'main' } }),
    expected: [['oidc-unknown-claim-key', 'medium', 'Statement[0].Condition.StringEquals.token.actions.githubusercontent.com:head_ref']],
  },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
  { name: 'Principal "*" with no condition', policy: one({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }), expected: [['principal-star-unconditioned', 'high', 'Statement[0].Principal']] },
  { name: 'Principal {AWS: "*"} restricted to the organization', policy: one({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-aaaa1111' } } }), expected: [] },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
  {
    name: 'another account trusted without an ExternalId',
    policy: one({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'sts:AssumeRole' }),
    context: { roleAccount: '222222222222' },
    expected: [['third-party-without-external-id', 'medium', 'Statement[0].Principal.AWS']],
  },
  { name: 'another account trusted with an ExternalId', policy: one({ Effect: 'Allow', Principal: { AWS: '333333333333' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x-1' } } }), context: { roleAccount: '222222222222' }, expected: [] },
  { name: 'an account of the same organization', policy: one({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'sts:AssumeRole' }), context: { roleAccount: '222222222222', ownAccounts: ['333333333333'] }, expected: [] },
  // https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
  {
    name: 'a Cognito trust without aud and amr',
    policy: one({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }),
    expected: [
      ['cognito-missing-aud-amr', 'high', 'Statement[0].Principal.Federated'],
      ['cognito-missing-aud-amr', 'medium', 'Statement[0].Principal.Federated'],
    ],
  },
  {
    name: 'a Cognito trust with aud and amr',
    policy: one({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } } }),
    expected: [],
  },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
  { name: 'ForAllValues in an Allow', policy: one({ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'sts:TagSession', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } }), expected: [['forallvalues-in-allow', 'medium', 'Statement[0].Condition.ForAllValues:StringEquals.aws:TagKeys']] },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
  { name: 'Deny with Bool MFA false (misses long-term keys)', policy: one({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }), expected: [['bool-vs-boolifexists', 'medium', 'Statement[0].Condition.Bool.aws:MultiFactorAuthPresent']] },
  { name: 'Allow with BoolIfExists MFA true (lets long-term keys in)', policy: one({ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } } }), expected: [['bool-vs-boolifexists', 'high', 'Statement[0].Condition.BoolIfExists.aws:MultiFactorAuthPresent']] },
  { name: 'Deny with BoolIfExists MFA false (the right way)', policy: one({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }), expected: [] },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
  { name: 'NotPrincipal with Allow', policy: one({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::222222222222:user/bob' }, Action: 'sts:AssumeRole' }), expected: [['notprincipal-with-allow', 'high', 'Statement[0].NotPrincipal']] },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html (IAM answers MalformedPolicyDocument)
  { name: 'a trust policy IAM would refuse: Effect of the wrong type', policy: one({ Effect: 1, Principal: { AWS: '222222222222' }, Action: 'sts:AssumeRole' }), expected: [['malformed-policy', 'high', 'Statement[0].Effect']] },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html ("Role trust policy length", default 2,048)
  {
    name: 'a trust policy over the default 2,048-character quota',
    policy: one({ Effect: 'Allow', Principal: { AWS: Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:root`) }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x1' } } }),
    expected: [['trust-policy-over-default-quota', 'medium', '']],
  },
  { name: 'a single Statement object (not an array) keeps its path', policy: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' } }, expected: [['principal-star-unconditioned', 'high', 'Statement.Principal']] },
];

describe('lintPolicy', () => {
  it.each(rows)('$name', ({ policy, context, expected }) => {
    const found = lintPolicy(policy, context).map((f) => [f.rule, f.severity, f.path]);
    expect(found).toEqual(expected);
  });

  it('gives every finding a reason, the statement, a note and a source', () => {
    for (const f of rows.flatMap((r) => lintPolicy(r.policy, r.context))) {
      expect(f.why.length, f.rule).toBeGreaterThan(20);
      expect(f.statement.index).toBe(f.path ? 0 : -1);
      expect(Object.values(learn)).toContain(f.learn);
      expect(f.source).toMatch(/^https:\/\//);
    }
  });

  it('has a table row for every rule', () => {
    const covered = new Set(rows.flatMap((r) => r.expected.map((e) => e[0])));
    expect([...covered].sort()).toEqual(Object.keys(lintRules).sort());
  });

  it.each(['', 'not json', '[]', '{"Statement": 3}', null])('never throws on %j', (input) => {
    expect(() => lintPolicy(input)).not.toThrow();
  });

  it.each([
    ['text that is not JSON', '{"Version": "2012-10-17", "Statement": [', 'invalid-json', ''],
    ['an array', [], 'invalid-document', ''],
    ['a statement that is a number', { Version: '2012-10-17', Statement: 3 }, 'invalid-statement', 'Statement'],
  ])('reports %s as malformed, located', (_name, input, _code, path) => {
    const found = lintPolicy(input);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.rule === 'malformed-policy' && f.severity === 'high')).toBe(true);
    expect(found[0]?.path).toBe(path);
  });

  it('stops at 20 grammar findings, however broken the document, and stays linear', () => {
    const broken = { Version: '2012-10-17', Statement: Array.from({ length: 5000 }, () => ({ Effect: 'Maybe', Principal: { AWS: '1' }, Action: 'sts:AssumeRole' })) };
    const started = performance.now();
    const found = lintPolicy(broken);
    expect(found.filter((f) => f.rule === 'malformed-policy')).toHaveLength(20);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('takes a policy without a principal as an identity policy: no missing-principal finding', () => {
    expect(lintPolicy(one({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/R' }))).toEqual([]);
  });

  it('reads the Sid into the finding', () => {
    const [f] = lintPolicy(one({ Sid: 'Open', Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }));
    expect(f?.statement).toEqual({ index: 0, sid: 'Open' });
  });
});

describe('lintScenario', () => {
  it('locates findings in every role of a scenario and treats its own accounts as first party', () => {
    const scenario = {
      world: {
        accounts: [{ id: '111111111111' }, { id: '222222222222' }],
        roles: [
          { arn: 'arn:aws:iam::222222222222:role/A', trustPolicy: one({ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }) },
          { arn: 'arn:aws:iam::222222222222:role/B', trustPolicy: gh({ StringEquals: aud }) },
        ],
      },
    };
    expect(lintScenario(scenario).map((f) => [f.where, f.rule])).toEqual([['world.roles[1].trustPolicy', 'oidc-missing-sub']]);
  });
});

describe('atLeast', () => {
  it.each([
    ['high', 'medium', true],
    ['low', 'medium', false],
    ['info', 'info', true],
  ] as const)('%s is at least %s: %s', (s, min, want) => expect(atLeast({ severity: s }, min)).toBe(want));
});
