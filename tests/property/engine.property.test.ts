import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { applyPatch } from '@/lib/util/jsonPatch';
import { ALICE, ROLE_X, allow, baseWorld, lastRequest, trust } from '../helpers/world';

fc.configureGlobal({ seed: 20260101, numRuns: 150 });

const actions = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'ec2:RunInstances', 'dynamodb:GetItem', 'sqs:SendMessage'];
const resources = ['arn:aws:s3:::bkt/k', 'arn:aws:s3:::bkt', '*', 'arn:aws:dynamodb:us-east-1:222222222222:table/t'];
const actionPattern = fc.constantFrom('s3:*', 's3:Get*', 's3:GetObject', 'ec2:*', '*', 'dynamodb:GetItem', 'sqs:*');
const resourcePattern = fc.constantFrom('*', 'arn:aws:s3:::bkt/*', 'arn:aws:s3:::bkt', 'arn:aws:dynamodb:*:*:table/*');
const statement = fc.record({ Effect: fc.constantFrom('Allow', 'Deny'), Action: actionPattern, Resource: resourcePattern });
const policy = fc.array(statement, { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: '2012-10-17', Statement }));

describe('engine properties', () => {
  it('never throws on arbitrary JSON and returns located issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = simulate(v);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never throws on scenarios with arbitrary parameter values of the right types', () => {
    const params = fc.record(
      {
        RoleArn: fc.string(),
        RoleSessionName: fc.string(),
        DurationSeconds: fc.integer({ min: -10, max: 200000 }),
        ExternalId: fc.string(),
        SerialNumber: fc.string(),
        TokenCode: fc.string(),
        Policy: fc.oneof(fc.string(), policy),
        Tags: fc.array(fc.record({ Key: fc.string(), Value: fc.string() }), { maxLength: 60 }),
        SourceIdentity: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(params, fc.constantFrom('AssumeRole', 'GetFederationToken', 'GetSessionToken'), (p, call) => {
        const allowed = call === 'AssumeRole' ? p : call === 'GetSessionToken' ? { DurationSeconds: p.DurationSeconds, SerialNumber: p.SerialNumber, TokenCode: p.TokenCode } : { Name: p.RoleSessionName ?? 'n', DurationSeconds: p.DurationSeconds, Policy: p.Policy, Tags: p.Tags };
        const clean = Object.fromEntries(Object.entries(allowed).filter(([, v]) => v !== undefined));
        const r = simulate({ format: 'sts-scenario/v1', id: 'prop', title: 'p', world: baseWorld(), steps: [{ as: { user: ALICE }, call, params: clean }] });
        expect(r.ok).toBe(true);
        if (r.ok) {
          const s = r.result.steps[0]!;
          expect(s.kind).toBe('call');
          if (s.kind === 'call' && s.outcome === 'error') expect(s.error?.code).toMatch(/^[A-Za-z]+$/);
        }
      }),
    );
  });

  it('an explicit Deny in the identity policy always wins', () => {
    fc.assert(
      fc.property(policy, fc.constantFrom(...actions), fc.constantFrom(...resources), (p, action, resource) => {
        const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: action, Resource: resource }] };
        const world = baseWorld({ users: [{ arn: ALICE, policies: [p, deny] }] });
        expect(lastRequest(world, [{ as: { user: ALICE }, request: { action, resource } }]).decision).toBe('ExplicitDeny');
      }),
    );
  });

  it('a session is never allowed more than its role', () => {
    fc.assert(
      fc.property(policy, policy, fc.constantFrom(...actions), fc.constantFrom(...resources), (rolePolicy, sessionPolicy, action, resource) => {
        const world = baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }), policies: [rolePolicy] }] });
        const step = (Policy?: unknown) => [
          { id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1', ...(Policy ? { Policy } : {}) } },
          { as: { session: 'a' }, request: { action, resource } },
        ];
        const withSession = lastRequest(world, step(sessionPolicy)).decision;
        const roleOnly = lastRequest(world, step()).decision;
        if (withSession === 'Allow') expect(roleOnly).toBe('Allow');
      }),
    );
  });

  it('a statement that matches nothing never changes a decision', () => {
    fc.assert(
      fc.property(policy, fc.constantFrom(...actions), fc.constantFrom(...resources), fc.constantFrom('Allow', 'Deny'), (p, action, resource, effect) => {
        const before = lastRequest(baseWorld({ users: [{ arn: ALICE, policies: [p] }] }), [{ as: { user: ALICE }, request: { action, resource } }]).decision;
        const extra = { ...p, Statement: [...p.Statement, { Effect: effect, Action: 'zzz:Nothing', Resource: '*' }] };
        const after = lastRequest(baseWorld({ users: [{ arn: ALICE, policies: [extra] }] }), [{ as: { user: ALICE }, request: { action, resource } }]).decision;
        expect(after).toBe(before);
      }),
    );
  });

  it('the same scenario always gives the same result', () => {
    const s = { format: 'sts-scenario/v1', id: 'det', title: 'd', world: baseWorld(), steps: [{ id: 'a', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } }, { as: { session: 'a' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt/k' } }] };
    expect(JSON.stringify(simulate(s))).toBe(JSON.stringify(simulate(structuredClone(s))));
  });

  it('every offered fix, applied, turns its step into a success', () => {
    const world = baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'Ab12-xyz' } }), maxSessionDuration: 3600, policies: [allow('s3:GetObject')] }] });
    const scenario = { format: 'sts-scenario/v1', id: 'fx', title: 'f', world, steps: [
      { id: 'noext', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } },
      { id: 'long', as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's2', ExternalId: 'Ab12-xyz', DurationSeconds: 7200 } },
      { id: 'bob', as: { user: 'arn:aws:iam::111111111111:user/bob' }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's3', ExternalId: 'Ab12-xyz' } },
    ] };
    const r = simulate(scenario);
    if (!r.ok) throw new Error('invalid');
    let offered = 0;
    r.result.steps.forEach((s, i) => {
      if (s.kind === 'clock') return;
      expect(s.fixes?.length, `step ${i} has fixes`).toBeGreaterThan(0);
      for (const f of s.fixes ?? []) {
        offered++;
        const patched = applyPatch(scenario, f.patch);
        const again = simulate(patched, { fixes: false });
        expect(again.ok && again.result.steps[i]?.kind === 'call' && again.result.steps[i]?.outcome, f.summary).toBe('success');
      }
    });
    expect(offered).toBeGreaterThanOrEqual(3);
  });

  it('a fix that goes around a trust-policy condition is flagged and listed after the ones that keep it', () => {
    // Given a role that requires MFA and a caller with an MFA device who signs without it
    const world = baseWorld({ roles: [{ arn: ROLE_X, trustPolicy: trust({ AWS: '111111111111' }, 'sts:AssumeRole', { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }), maxSessionDuration: 3600 }] });
    const r = simulate({ format: 'sts-scenario/v1', id: 'fw', title: 'f', world, steps: [{ as: { user: ALICE }, call: 'AssumeRole', params: { RoleArn: ROLE_X, RoleSessionName: 's1' } }] });
    if (!r.ok) throw new Error('invalid');
    const fixes = r.result.steps[0]!.kind === 'call' ? (r.result.steps[0]!.fixes ?? []) : [];
    // Then signing with MFA comes first and keeps the safeguard
    expect(fixes[0]?.summary).toMatch(/^Sign the call with MFA/);
    expect(fixes[0]?.weakens).toBeUndefined();
    // And adding alice to the trust policy without the condition is last and says what it gives up
    const around = fixes.find((f) => f.summary.startsWith('Add arn:aws:iam::111111111111:user/alice'));
    expect(around?.weakens).toMatch(/aws:MultiFactorAuthPresent/);
    expect(fixes.at(-1)).toBe(around);
  });
});
