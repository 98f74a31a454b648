import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { addToWorld, decodePolicyDocument, emptyScenario, parseIamOutput } from '@/lib/import/awsIam';

const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }],
};

// What `aws iam get-role --role-name VendorAudit` prints (the CLI decodes the trust policy).
const getRole = {
  Role: {
    Path: '/',
    RoleName: 'VendorAudit',
    RoleId: 'AROAVENDORAUDIT000001',
    Arn: 'arn:aws:iam::222222222222:role/VendorAudit',
    CreateDate: '2025-06-01T12:00:00+00:00',
    AssumeRolePolicyDocument: trust,
    Description: 'Audit role for the vendor',
    MaxSessionDuration: 7200,
    Tags: [{ Key: 'team', Value: 'security' }],
    RoleLastUsed: {},
  },
};

describe('decodePolicyDocument', () => {
  it.each([
    ['an object', trust],
    ['JSON text', JSON.stringify(trust)],
    ['URL-encoded JSON (the raw API)', encodeURIComponent(JSON.stringify(trust))],
    ['form-encoded JSON (spaces as +)', encodeURIComponent(JSON.stringify(trust, null, 1)).replace(/%20/g, '+')],
  ])('reads %s', (_name, input) => {
    const r = decodePolicyDocument(input);
    expect(r.ok && r.value).toEqual(trust);
  });

  it('refuses text that is no policy', () => {
    expect(decodePolicyDocument('%7Bnope')).toEqual({ ok: false, error: 'is neither a JSON policy document nor URL-encoded JSON' });
    expect(decodePolicyDocument(42).ok).toBe(false);
  });
});

describe('parseIamOutput', () => {
  it('reads aws iam get-role output: trust policy, MaxSessionDuration, ARN, RoleId and tags', () => {
    const r = parseIamOutput(JSON.stringify(getRole));
    expect(r).toMatchObject({
      ok: true,
      value: {
        kind: 'role',
        account: '222222222222',
        role: { arn: 'arn:aws:iam::222222222222:role/VendorAudit', id: 'AROAVENDORAUDIT000001', trustPolicy: trust, maxSessionDuration: 7200, tags: { team: 'security' } },
      },
    });
  });

  it('decodes a URL-encoded AssumeRolePolicyDocument', () => {
    const raw = { Role: { ...getRole.Role, AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)) } };
    const r = parseIamOutput(JSON.stringify(raw));
    expect(r.ok && r.value.kind === 'role' && r.value.role.trustPolicy).toEqual(trust);
  });

  it('reads get-user, get-policy-version and get-role-policy output', () => {
    const user = parseIamOutput(JSON.stringify({ User: { Path: '/', UserName: 'alice', UserId: 'AIDAALICEEXAMPLE00001', Arn: 'arn:aws:iam::111111111111:user/alice', CreateDate: '2025-01-01T00:00:00Z' } }));
    expect(user).toMatchObject({ ok: true, value: { kind: 'user', account: '111111111111', user: { arn: 'arn:aws:iam::111111111111:user/alice', id: 'AIDAALICEEXAMPLE00001' } } });

    const pv = parseIamOutput(JSON.stringify({ PolicyVersion: { Document: encodeURIComponent(JSON.stringify(trust)), VersionId: 'v3', IsDefaultVersion: true } }));
    expect(pv).toMatchObject({ ok: true, value: { kind: 'policy-version', document: trust, versionId: 'v3', isDefault: true } });

    const inline = parseIamOutput(JSON.stringify({ RoleName: 'VendorAudit', PolicyName: 'Read', PolicyDocument: trust }));
    expect(inline).toMatchObject({ ok: true, value: { kind: 'inline-policy', owner: { type: 'role', name: 'VendorAudit' }, policyName: 'Read' } });
  });

  it.each([
    ['not JSON', '{"Role": ', ''],
    ['a role without a trust policy', JSON.stringify({ Role: { Arn: 'arn:aws:iam::222222222222:role/R' } }), 'Role.AssumeRolePolicyDocument'],
    ['a bad MaxSessionDuration', JSON.stringify({ Role: { ...getRole.Role, MaxSessionDuration: 60 } }), 'Role.MaxSessionDuration'],
    ['a user ARN in get-role', JSON.stringify({ Role: { ...getRole.Role, Arn: 'arn:aws:iam::222222222222:user/x' } }), 'Role.Arn'],
    ['get-policy (no document)', JSON.stringify({ Policy: { Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' } }), 'Policy'],
    ['something else', JSON.stringify({ Buckets: [] }), ''],
  ])('locates the problem with %s', (_name, text, path) => {
    const r = parseIamOutput(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe(path);
  });
});

describe('addToWorld', () => {
  const scenarioText = readFileSync('content/scenarios/cross-account-external-id.json', 'utf8');

  it('updates an existing role in place, keeping its permission policies, and the run changes', () => {
    // Given the ExternalId scenario, whose first step fails without an ExternalId
    const before = simulate(scenarioText);
    expect(before.ok && before.result.steps[0]!.kind === 'call' && before.result.steps[0]!.outcome).toBe('error');
    // When get-role output with a trust policy that needs no ExternalId is added
    const parsed = parseIamOutput(JSON.stringify(getRole));
    if (!parsed.ok) throw new Error('parse');
    const added = addToWorld(JSON.parse(scenarioText), parsed.value);
    if (!added.ok) throw new Error(added.error.message);
    expect(added.value.summary).toBe('Updated role VendorAudit: trust policy, MaxSessionDuration 7200, RoleId AROAVENDORAUDIT000001.');
    const role = (added.value.doc.world as { roles: Record<string, unknown>[] }).roles[0]!;
    expect(role.maxSessionDuration).toBe(7200);
    expect(role.policies).toBeDefined();
    // Then the first step succeeds
    const after = simulate(added.value.doc);
    expect(after.ok && after.result.steps[0]!.kind === 'call' && after.result.steps[0]!.outcome).toBe('success');
  });

  it('adds a new role and its account to an empty world without touching the input', () => {
    const parsed = parseIamOutput(JSON.stringify({ Role: { ...getRole.Role, Arn: 'arn:aws:iam::333333333333:role/New', RoleId: 'not-an-id' } }));
    if (!parsed.ok) throw new Error('parse');
    const input = emptyScenario();
    const added = addToWorld(input, parsed.value);
    expect(added.ok && added.value.doc.world).toEqual({
      accounts: [{ id: '333333333333' }],
      roles: [{ arn: 'arn:aws:iam::333333333333:role/New', trustPolicy: trust, maxSessionDuration: 7200, tags: { team: 'security' } }],
    });
    expect(input.world).toEqual({});
    expect(added.ok && simulate(added.value.doc).ok).toBe(true);
  });

  it('adds a managed policy version under the ARN the user gives, and can attach it', () => {
    const parsed = parseIamOutput(JSON.stringify({ PolicyVersion: { Document: trust, VersionId: 'v1' } }));
    if (!parsed.ok) throw new Error('parse');
    expect(addToWorld(JSON.parse(scenarioText), parsed.value)).toMatchObject({ ok: false, error: { path: 'policyArn' } });
    const arn = 'arn:aws:iam::222222222222:policy/Audit';
    const added = addToWorld(JSON.parse(scenarioText), parsed.value, { policyArn: arn, attachTo: 'arn:aws:iam::222222222222:role/VendorAudit' });
    if (!added.ok) throw new Error(added.error.message);
    expect(added.value.summary).toBe('Added managed policy Audit (v1) and attached it to VendorAudit.');
    const world = added.value.doc.world as { managedPolicies: unknown[]; roles: { managedPolicyArns?: string[] }[] };
    expect(world.managedPolicies).toEqual([{ arn, document: trust }]);
    expect(world.roles[0]!.managedPolicyArns).toEqual([arn]);
  });

  it('refuses a scenario that is not an object, and an inline policy for an unknown role', () => {
    const parsed = parseIamOutput(JSON.stringify({ RoleName: 'Nobody', PolicyName: 'P', PolicyDocument: trust }));
    if (!parsed.ok) throw new Error('parse');
    expect(addToWorld([], parsed.value).ok).toBe(false);
    expect(addToWorld(JSON.parse(scenarioText), parsed.value)).toMatchObject({ ok: false, error: { path: 'RoleName' } });
  });
});

describe('a policy pasted as the console shows it (issue #13)', () => {
  const consoleTrust = JSON.stringify(trust, null, 4);
  it('is recognised as a trust policy, and its message has no literal backticks', () => {
    expect(parseIamOutput(consoleTrust)).toEqual({ ok: true, value: { kind: 'trust-policy', document: trust } });
    const bad = parseIamOutput('{"hello": 1}');
    expect(!bad.ok && bad.error.message).not.toContain('`');
  });
  it('replaces the trust policy of the only role, or of the role chosen', () => {
    const scenario = { ...emptyScenario(), world: { roles: [{ arn: 'arn:aws:iam::222222222222:role/A', trustPolicy: {} }] } };
    const r = addToWorld(scenario, { kind: 'trust-policy', document: trust });
    expect(r.ok && (r.value.doc.world as { roles: { trustPolicy: unknown }[] }).roles[0]!.trustPolicy).toEqual(trust);
    const two = { ...emptyScenario(), world: { roles: [{ arn: 'arn:aws:iam::222222222222:role/A', trustPolicy: {} }, { arn: 'arn:aws:iam::222222222222:role/B', trustPolicy: {} }] } };
    expect(addToWorld(two, { kind: 'trust-policy', document: trust }).ok).toBe(false);
    const chosen = addToWorld(two, { kind: 'trust-policy', document: trust }, { attachTo: 'arn:aws:iam::222222222222:role/B' });
    expect(chosen.ok && (chosen.value.doc.world as { roles: { trustPolicy: unknown }[] }).roles[1]!.trustPolicy).toEqual(trust);
  });
  it('adds a placeholder role when the world has none, and the result is a valid scenario', () => {
    const r = addToWorld(emptyScenario(), { kind: 'trust-policy', document: trust });
    expect(r.ok && r.value.summary).toContain('PastedRole');
    expect(r.ok && simulate(r.value.doc).ok).toBe(true);
  });
});
