import { describe, expect, expectTypeOf, it } from 'vitest';
import { formatIssues } from '@/lib/policy/issues';
import { parseConditionOperator, parsePolicy, type ParsePolicyResult } from '@/lib/policy/parse';
import { type PolicyKind } from '@/lib/policy/types';

const GRAMMAR = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html';
const PRINCIPAL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html';

/** Parses and returns the issues (or [] when valid). */
function issuesOf(input: unknown, kind: PolicyKind) {
  const r = parsePolicy(input, kind);
  return r.ok ? [] : r.issues;
}

const trustOk = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
};

describe('parsePolicy: valid documents', () => {
  it('normalises a trust policy', () => {
    // Given a minimal trust policy as text with whitespace
    const text = JSON.stringify(trustOk, null, 2);
    // When it is parsed
    const r = parsePolicy(text, 'trust');
    // Then single strings become arrays and packedChars ignores whitespace
    expect(r).toMatchInlineSnapshot(`
      {
        "ok": true,
        "policy": {
          "packedChars": 136,
          "statements": [
            {
              "action": [
                "sts:AssumeRole",
              ],
              "conditions": [],
              "effect": "Allow",
              "index": 0,
              "principal": {
                "aws": [
                  "arn:aws:iam::111122223333:root",
                ],
                "canonicalUser": [],
                "federated": [],
                "kind": "map",
                "service": [],
              },
            },
          ],
          "version": "2012-10-17",
        },
      }
    `);
    expect(r.ok && r.policy.packedChars).toBe(JSON.stringify(trustOk).length);
  });

  it('accepts a lone statement object, numbers and booleans in conditions', () => {
    const r = parsePolicy(
      { Statement: { Sid: 'S1', Effect: 'Deny', Action: ['s3:*'], NotResource: 'arn:aws:s3:::b/*', Condition: { NumericLessThan: { 'test:n': 3 }, Bool: { 'aws:SecureTransport': false } } } },
      'identity',
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.policy.statements[0]?.conditions.map((c) => [c.path, c.values])).toEqual([
        ['Statement.Condition.NumericLessThan.test:n', ['3']],
        ['Statement.Condition.Bool.aws:SecureTransport', ['false']],
      ]);
    }
  });

  it.each<[PolicyKind, object]>([
    ['identity', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }],
    ['session', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }],
    ['boundary', { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get?bject', Resource: 'arn:aws:s3:::*' }] }],
    ['scp', { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { 'ForAnyValue:StringNotLikeIfExists': { 'aws:TagKeys': ['a*'] } } }] }],
    ['resource', { Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: ['111122223333'] }, Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }] }],
    ['trust', { Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }] }],
    ['trust', { Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] }],
  ])('accepts a valid %s policy (%#)', (kind, doc) => {
    expect(issuesOf(doc, kind)).toEqual([]);
  });
});

describe('parsePolicy: located issues', () => {
  it('reports invalid JSON at the document root', () => {
    const issues = issuesOf('{"Statement": [', 'identity');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalid-json', '']]);
  });

  it('rejects non-objects (' + GRAMMAR + ')', () => {
    expect(issuesOf(null, 'identity')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-document",
          "message": "A policy document must be a JSON object, not null.",
          "path": "",
        },
      ]
    `);
    expect(issuesOf('[1,2]', 'trust')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-document",
          "message": "A policy document must be a JSON object, not an array.",
          "path": "",
        },
      ]
    `);
  });

  it('collects every issue of a broken identity policy (' + GRAMMAR + ')', () => {
    const doc = {
      Version: '2012-10-16',
      statement: [],
      Statement: [
        { Effect: 'allow', Action: 's3', Resource: 'bucket', Principal: '*' },
        { Effect: 'Allow', Action: 's3:GetObject', NotAction: 's3:PutObject', Condition: { StringEqualz: { k: 'v' }, NullIfExists: { k: 'true' }, StringEquals: { k: { nested: 1 } } } },
        'not a statement',
      ],
    };
    expect(formatIssues(issuesOf(doc, 'identity'))).toMatchInlineSnapshot(`
      "statement: "statement" is not a top-level policy element; use only Version, Id and Statement. Element names are case-sensitive: did you mean "Statement"? [unknown-element]
      Version: Version must be "2012-10-17" or "2008-10-17", not "2012-10-16". [invalid-version]
      Statement[0].Effect: Effect must be exactly "Allow" or "Deny", not "allow". [invalid-effect]
      Statement[0].Principal: Principal cannot be used in an identity policy; it names the caller only in trust and resource policies. [forbidden-element]
      Statement[0].Action: "s3" is not an action: use "*" or "service:ActionName" (wildcards * and ? allowed in the name). [invalid-action]
      Statement[0].Resource: "bucket" must be "*" or an ARN starting with "arn:". [invalid-resource]
      Statement[1]: Use Action or NotAction, not both. [conflicting-elements]
      Statement[1]: An identity policy statement needs a Resource or NotResource. [missing-resource]
      Statement[1].Condition.StringEqualz: "StringEqualz" is not a condition operator (names are case-sensitive, e.g. StringEquals, ForAnyValue:StringLike, ArnLikeIfExists). Did you mean "StringEquals"? [unknown-condition-operator]
      Statement[1].Condition.NullIfExists: Null checks whether a key exists, so it cannot take the IfExists suffix. [invalid-condition-operator]
      Statement[1].Condition.StringEquals.k: A condition value must be a string, number, boolean or an array of them, not an object. [invalid-condition-value]
      Statement[2]: A statement must be an object, not a string. [invalid-statement]"
    `);
  });

  it('checks Principal shapes in a trust policy (' + PRINCIPAL + ')', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ['111122223333', 42, ''], Servce: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' },
        { Effect: 'Allow', Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: 'arn:aws:iam::111122223333:root', Action: 'sts:AssumeRole' },
        { Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' },
      ],
    };
    expect(issuesOf(doc, 'trust')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid-type",
          "message": "Each Principal AWS entry must be a string, not a number.",
          "path": "Statement[0].Principal.AWS[1]",
        },
        {
          "code": "empty-value",
          "message": "Principal AWS entries must not be empty strings.",
          "path": "Statement[0].Principal.AWS[2]",
        },
        {
          "code": "unknown-principal-type",
          "message": ""Servce" is not a principal type; use AWS, Service, Federated or CanonicalUser. Did you mean "Service"?",
          "path": "Statement[0].Principal.Servce",
        },
        {
          "code": "forbidden-element",
          "message": "A role trust policy has no Resource element: the role itself is the resource.",
          "path": "Statement[0].Resource",
        },
        {
          "code": "missing-principal",
          "message": "A trust policy statement needs a Principal.",
          "path": "Statement[1]",
        },
        {
          "code": "invalid-principal",
          "message": "Principal must be "*" or an object with AWS, Service, Federated or CanonicalUser entries, not "arn:aws:iam::111122223333:root".",
          "path": "Statement[2].Principal",
        },
        {
          "code": "forbidden-element",
          "message": "NotPrincipal cannot be used in a role trust policy; use Principal.",
          "path": "Statement[3].NotPrincipal",
        },
      ]
    `);
  });

  it('refuses AWS principals IAM would refuse: partial wildcards, groups, other resource types, bare names (' + PRINCIPAL + ')', () => {
    const good = ['*', '111122223333', 'AROADBQP57FF2AEXAMPLE', 'arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:user/ops/alice', 'arn:aws-cn:iam::111122223333:role/R', 'arn:aws:sts::111122223333:assumed-role/R/s', 'arn:aws:sts::111122223333:federated-user/bob'];
    expect(issuesOf({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: good }, Action: 'sts:AssumeRole' }] }, 'trust')).toEqual([]);
    const bad = ['arn:aws:iam::111122223333:user/*', 'arn:aws:iam::*:root', 'arn:aws:iam::111122223333:group/devs', 'arn:aws:iam::111122223333:policy/P', 'alice', 'arn:aws:iam::1234:root'];
    const issues = issuesOf({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: bad }, Action: 'sts:AssumeRole' }] }, 'trust');
    expect(issues.map((i) => [i.code, i.path])).toEqual(bad.map((_, n) => ['invalid-principal', `Statement[0].Principal.AWS[${n}]`]));
    expect(issues[0]!.message).toMatch(/^Invalid principal in policy: "arn:aws:iam::111122223333:user\/\*"\. A wildcard cannot match part of a principal ARN/);
    expect(issues[2]!.message).toMatch(/A user group cannot be a principal/);
    // The same rule for a resource policy, with a single string.
    expect(issuesOf({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/a*' }, Action: 's3:GetObject', Resource: '*' } }, 'resource').map((i) => i.path)).toEqual(['Statement.Principal.AWS']);
  });

  it('requires Resource in identity policies and forbids Principal', () => {
    const doc = { Statement: { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '*' } } };
    expect(issuesOf(doc, 'identity').map((i) => [i.code, i.path])).toEqual([
      ['forbidden-element', 'Statement.Principal'],
      ['missing-resource', 'Statement'],
    ]);
  });

  it('rejects NotPrincipal with Allow in a resource policy', () => {
    const doc = { Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }] };
    expect(issuesOf(doc, 'resource').map((i) => [i.code, i.path])).toEqual([['notprincipal-requires-deny', 'Statement[0].NotPrincipal']]);
  });

  it('reports duplicate Sids, empty arrays and bad Id', () => {
    const doc = {
      Id: 7,
      Statement: [
        { Sid: 'A', Effect: 'Allow', Action: [], Resource: '*' },
        { Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: ['*', 3] },
      ],
    };
    expect(issuesOf(doc, 'identity').map((i) => [i.code, i.path])).toEqual([
      ['invalid-type', 'Id'],
      ['empty-value', 'Statement[0].Action'],
      ['duplicate-sid', 'Statement[1].Sid'],
      ['invalid-type', 'Statement[1].Resource[1]'],
    ]);
  });

  it('reports missing and empty Statement', () => {
    expect(issuesOf({ Version: '2012-10-17' }, 'identity').map((i) => [i.code, i.path])).toEqual([['missing-statement', '']]);
    expect(issuesOf({ Statement: [] }, 'identity').map((i) => [i.code, i.path])).toEqual([['empty-statement', 'Statement']]);
  });

  it('never throws on odd inputs', () => {
    for (const input of [undefined, 0, -1, true, '', 'null', '"x"', [], {}, { Statement: null }, { Statement: [null] }, { Statement: { Condition: [] } }]) {
      const r = parsePolicy(input, 'trust');
      expect(r.ok).toBe(false);
    }
  });
});

describe('parseConditionOperator', () => {
  const rows: [string, ReturnType<typeof parseConditionOperator>][] = [
    ['StringEquals', { base: 'StringEquals', ifExists: false }],
    ['StringLikeIfExists', { base: 'StringLike', ifExists: true }],
    ['ForAnyValue:StringLike', { base: 'StringLike', set: 'ForAnyValue', ifExists: false }],
    ['ForAllValues:ArnNotLikeIfExists', { base: 'ArnNotLike', set: 'ForAllValues', ifExists: true }],
    ['NullIfExists', { base: 'Null', ifExists: true }],
    ['stringequals', null],
    ['ForAnyValues:StringLike', null],
    ['IfExists', null],
  ];
  it.each(rows)('%s', (op, expected) => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
    expect(parseConditionOperator(op)).toEqual(expected);
  });
});

describe('public types', () => {
  it('pins the parse result union', () => {
    expectTypeOf<ParsePolicyResult['ok']>().toEqualTypeOf<boolean>();
    expectTypeOf<Extract<ParsePolicyResult, { ok: false }>['issues'][number]['path']>().toEqualTypeOf<string>();
  });
});
