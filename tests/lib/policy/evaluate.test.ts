import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '@/lib/policy/evaluate';
import { parsePolicy } from '@/lib/policy/parse';
import { type Policy, type PolicyKind, type RequestContext } from '@/lib/policy/types';
import { alice, anonymous, opsSession } from './helpers';

const LOGIC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';

function policy(doc: object, kind: PolicyKind = 'identity'): Policy {
  const r = parsePolicy(doc, kind);
  if (!r.ok) throw new Error(`test bug: ${JSON.stringify(r.issues)}`);
  return r.policy;
}

const s3Get: RequestContext = { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/2024/q1.csv', keys: {} };

describe('evaluatePolicy: decisions', () => {
  const rows: { name: string; source: string; doc: object; ctx: RequestContext; result: string; decidingIndex?: number }[] = [
    {
      name: 'an applying Allow allows',
      source: LOGIC,
      doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' }] },
      ctx: s3Get,
      result: 'Allow',
      decidingIndex: 0,
    },
    {
      name: 'an explicit Deny beats an Allow',
      source: `${LOGIC}#policy-eval-denyallow`,
      doc: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/2024/*' },
        ],
      },
      ctx: s3Get,
      result: 'Deny',
      decidingIndex: 1,
    },
    {
      name: 'nothing applies',
      source: LOGIC,
      doc: { Statement: { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' } },
      ctx: s3Get,
      result: 'NotApplicable',
    },
    {
      name: 'NotAction applies to every other action',
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
      doc: { Statement: { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' } },
      ctx: s3Get,
      result: 'Deny',
      decidingIndex: 0,
    },
    {
      name: 'NotAction does not apply to a listed action',
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
      doc: { Statement: { Effect: 'Deny', NotAction: 's3:*', Resource: '*' } },
      ctx: s3Get,
      result: 'NotApplicable',
    },
    {
      name: 'NotResource applies to other resources',
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
      doc: { Statement: { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' } },
      ctx: s3Get,
      result: 'Allow',
      decidingIndex: 0,
    },
    {
      name: 'variables resolve with Version 2012-10-17',
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
      doc: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' } },
      ctx: { action: 's3:GetObject', resource: 'arn:aws:s3:::home/alice/notes.txt', keys: { 'aws:username': 'alice' } },
      result: 'Allow',
      decidingIndex: 0,
    },
    {
      name: 'variables are literal without Version',
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html',
      doc: { Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' } },
      ctx: { action: 's3:GetObject', resource: 'arn:aws:s3:::home/alice/notes.txt', keys: { 'aws:username': 'alice' } },
      result: 'NotApplicable',
    },
    {
      name: 'conditions are ANDed across clauses',
      source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multiple-conditions.html',
      doc: {
        Statement: {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
        },
      },
      ctx: { ...s3Get, keys: { 'aws:SecureTransport': 'true', 'aws:SourceIp': '198.51.100.1' } },
      result: 'NotApplicable',
    },
  ];
  it.each(rows)('$name', ({ doc, ctx, result, decidingIndex, source }) => {
    const ev = evaluatePolicy(policy(doc), ctx);
    expect(ev.result, source).toBe(result);
    expect(ev.decidingIndex).toBe(decidingIndex);
    expect(ev.statements).toHaveLength(policy(doc).statements.length);
  });
});

describe('evaluatePolicy: trust policies', () => {
  // Given a trust policy that lets account 111122223333 assume the role with an external id
  const trust = policy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CrossAccount',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'unicorn' } },
        },
      ],
    },
    'trust',
  );
  const role = 'arn:aws:iam::444455556666:role/Audit';

  it('allows the account with the external id', () => {
    const ev = evaluatePolicy(trust, { action: 'sts:AssumeRole', resource: role, principal: alice, keys: { 'sts:ExternalId': 'unicorn' } });
    expect(ev).toEqual({ result: 'Allow', decidingIndex: 0, statements: [{ index: 0, sid: 'CrossAccount', effect: 'Allow', applies: true }] });
  });

  it('checks Principal first and reports it', () => {
    // When an anonymous caller asks (no external id either)
    const ev = evaluatePolicy(trust, { action: 'sts:AssumeRole', resource: role, principal: anonymous, keys: {} });
    // Then the first failing element is the Principal
    expect(ev.result).toBe('NotApplicable');
    expect(ev.statements[0]?.mismatch?.element).toBe('Principal');
  });

  it('reports the failing condition clause with the request value', () => {
    const ev = evaluatePolicy(trust, { action: 'sts:AssumeRole', resource: role, principal: opsSession, keys: { 'sts:externalid': 'wrong' } });
    expect(ev.statements[0]?.mismatch).toMatchInlineSnapshot(`
      {
        "clause": {
          "base": "StringEquals",
          "ifExists": false,
          "key": "sts:ExternalId",
          "operator": "StringEquals",
          "path": "Statement[0].Condition.StringEquals.sts:ExternalId",
          "values": [
            "unicorn",
          ],
        },
        "detail": "StringEquals sts:ExternalId: request value "wrong" matches none of ["unicorn"]",
        "element": "Condition",
        "requestValue": "wrong",
      }
    `);
  });

  it('reports a wrong action', () => {
    const ev = evaluatePolicy(trust, { action: 'sts:TagSession', resource: role, principal: alice, keys: { 'sts:ExternalId': 'unicorn' } });
    expect(ev.statements[0]?.mismatch).toMatchInlineSnapshot(`
      {
        "detail": "sts:TagSession is not in ["sts:AssumeRole"]",
        "element": "Action",
      }
    `);
  });

  it('treats a missing request principal as anonymous', () => {
    const anyone = policy({ Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' } }, 'trust');
    expect(evaluatePolicy(anyone, { action: 'sts:AssumeRoleWithWebIdentity', resource: role, keys: {} }).result).toBe('Allow');
  });
});

describe('evaluatePolicy: resource policies with NotPrincipal', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
  const bucket = policy(
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::111122223333:user/alice', '111122223333'] }, Action: 's3:*', Resource: 'arn:aws:s3:::reports/*' },
      ],
    },
    'resource',
  );
  it('denies principals that are not listed', () => {
    expect(evaluatePolicy(bucket, { ...s3Get, principal: anonymous }).result).toBe('Deny');
  });
  it('does not apply to listed principals', () => {
    const ev = evaluatePolicy(bucket, { ...s3Get, principal: alice });
    expect(ev.result).toBe('NotApplicable');
    expect(ev.statements[0]?.mismatch?.element).toBe('NotPrincipal');
  });
});
