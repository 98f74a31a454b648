import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { stsCalls } from '@/lib/scenario/calls';
import { templates } from '@/lib/simulator/templates';
import { addTrustStatement, readConditions, writeConditions } from '@/lib/simulator/knobs';
import { changeCall, clockAt, newStep, stepKinds } from '@/lib/simulator/newStep';
import { insertStep } from '@/lib/simulator/steps';
import { writeClaims, readClaims } from '@/lib/simulator/tokens';
import { addOidcProvider, addRole, addSamlProvider, trustPolicyFor } from '@/lib/simulator/worldPicks';

type Doc = { world: Record<string, unknown[]>; steps: Record<string, unknown>[] };
const load = (f: string) => JSON.parse(readFileSync(`content/scenarios/${f}.json`, 'utf8')) as Doc;
const run = (doc: unknown) => {
  const sim = simulate(doc);
  if (!sim.ok) throw new Error(sim.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return sim.result.steps;
};
const outcomeOf = (doc: unknown, i: number) => {
  const s = run(doc)[i]!;
  return s.kind === 'clock' ? 'clock' : s.kind === 'request' ? s.decision : s.outcome === 'success' ? 'success' : s.error?.code;
};

describe('a new step of every kind keeps the file valid', () => {
  // Worlds to add into: every template, and built-ins with organizations, SAML and outbound tokens.
  const worlds: [string, unknown][] = [
    ...templates.map((t) => [`template ${t.id}`, t.scenario] as [string, unknown]),
    ['assume-root-member-account', load('assume-root-member-account')],
    ['saml-assertion-failures', load('saml-assertion-failures')],
    ['decode-authorization-message', load('decode-authorization-message')],
    ['empty world', { format: 'sts-scenario/v1', id: 'empty', title: 'Empty', world: {}, steps: [] }],
  ];
  for (const [name, doc] of worlds)
    for (const kind of stepKinds)
      it(`${name} + ${kind}`, () => {
        // When the form adds a step of this kind at the end
        const end = (doc as Doc).steps.length;
        const r = insertStep(doc, end, newStep(doc, end, kind));
        // Then the scenario still loads (the step may fail as STS would, but the file is valid)
        expect(() => run(r.doc)).not.toThrow();
        expect(run(r.doc)).toHaveLength(end + 1);
      });

  it('picks what the world has: the first user signs, the first role is assumed, a request uses the last session', () => {
    const t = templates.find((x) => x.id === 'my-cross-account-role')!.scenario;
    expect(newStep(t, 2, 'AssumeRole')).toEqual({ id: 'assume-role', as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'AssumeRole', params: { RoleArn: 'arn:aws:iam::222222222222:role/Reader', RoleSessionName: 'my-session' } });
    expect(newStep(t, 2, 'request')).toMatchObject({ as: { session: 'assume' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::prod-reports/example.txt' } });
    expect(newStep(t, 2, 'GetAccessKeyInfo')).toMatchObject({ params: { AccessKeyId: { fromStep: 'assume', path: 'response.Credentials.AccessKeyId' } } });
    expect(newStep(t, 2, 'AssumeRoleWithWebIdentity')).not.toHaveProperty('as');
  });

  it('a new SAML step in the SAML template succeeds at once, and so does a new web identity step after the OIDC template’s (its token is copied)', () => {
    for (const [id, kind] of [['my-saml-role', 'AssumeRoleWithSAML'], ['my-oidc-role', 'AssumeRoleWithWebIdentity']] as const) {
      const t = templates.find((x) => x.id === id)!.scenario;
      const end = (t as Doc).steps.length;
      const r = insertStep(t, end, newStep(t, end, kind));
      expect(outcomeOf(r.doc, end), id).toBe('success');
    }
  });

  it('token times follow the simulated clock at the step', () => {
    const doc = { start: '2026-01-01T00:00:00Z', steps: [{ advance: 600 }, { advanceTo: '2026-01-01T02:00:00Z' }, { advance: 60 }] };
    const rows: [number, string][] = [[0, '2026-01-01T00:00:00Z'], [1, '2026-01-01T00:10:00Z'], [2, '2026-01-01T02:00:00Z'], [3, '2026-01-01T02:01:00Z']];
    for (const [i, when] of rows) expect(clockAt(doc, i), `before step ${i}`).toBe(Date.parse(when) / 1000);
    expect(clockAt({ start: 'not a time', steps: 'x' }, 3)).toBe(Date.parse('2026-01-01T00:00:00Z') / 1000);
  });

  it('changing the call keeps id, caller and shared parameters, drops the rest, fills what is needed', () => {
    const doc = load('cross-account-external-id');
    const before = doc.steps[0]!;
    for (const call of stsCalls) {
      const next = changeCall(doc, 0, call)!;
      expect(next.id, call).toBe(before.id);
      expect(next.call, call).toBe(call);
      const changed = { ...doc, steps: [next, ...doc.steps.slice(1)] };
      expect(() => run(changed), call).not.toThrow();
    }
    expect(changeCall(doc, 0, 'GetSessionToken')).toEqual({ id: before.id, as: before.as, call: 'GetSessionToken', ...(before.expect ? { expect: before.expect } : {}) });
    expect(changeCall({ steps: [7] }, 0, 'AssumeRole')).toBeUndefined();
  });
});

describe('building a GitHub Actions OIDC step from the cross-account template', () => {
  // https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
  const base = templates.find((x) => x.id === 'my-cross-account-role')!.scenario;

  it('adds the provider, a role that trusts it, a claim and a StringLike condition, and the call succeeds', () => {
    // Given a web identity step added to a world with no OIDC provider
    let doc: unknown = insertStep(base, 2, newStep(base, 2, 'AssumeRoleWithWebIdentity')).doc;
    expect(outcomeOf(doc, 2)).toBe('InvalidIdentityToken');
    // When the form adds GitHub's provider and a role that trusts it
    const provider = addOidcProvider(doc, 'https://token.actions.githubusercontent.com', ['sts.amazonaws.com'], '222222222222');
    expect(provider.arn).toBe('arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com');
    const role = addRole(provider.doc, 'GhaDeploy', '222222222222', 'AssumeRoleWithWebIdentity', provider.arn, 'sts.amazonaws.com');
    if (!role.ok) throw new Error(role.message);
    doc = { ...(role.doc as Doc), steps: (role.doc as Doc).steps.map((s, i) => (i === 2 ? { ...s, params: { ...(s.params as object), RoleArn: role.arn } } : s)) };
    // And an environment claim and a StringLike subject condition
    doc = writeClaims(doc, 2, [...readClaims(doc, 2), { key: 'environment', type: 'text', text: 'prod' }]);
    const roleIndex = (doc as Doc).world.roles!.length - 1;
    doc = writeConditions(doc, roleIndex, 0, [...readConditions(doc, roleIndex, 0), { operator: 'StringLike', key: 'token.actions.githubusercontent.com:sub', values: ['repo:my-org/*'] }]);
    // Then the call succeeds
    expect(outcomeOf(doc, 2)).toBe('success');
    // And StringEquals with the same wildcard value denies: it compares "*" literally
    const literal = writeConditions(doc, roleIndex, 0, [{ operator: 'StringEquals', key: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] }, { operator: 'StringEquals', key: 'token.actions.githubusercontent.com:sub', values: ['repo:my-org/*'] }]);
    expect(outcomeOf(literal, 2)).toBe('AccessDenied');
  });

  it('adding a provider or role twice is refused or harmless', () => {
    const once = addOidcProvider(base, 'https://token.actions.githubusercontent.com/', ['sts.amazonaws.com'], '222222222222');
    expect(addOidcProvider(once.doc, 'https://token.actions.githubusercontent.com', ['x'], '222222222222').doc).toBe(once.doc);
    const saml = addSamlProvider(base, 'Corp', 'https://idp.example.com', '222222222222');
    expect(addSamlProvider(saml.doc, 'Corp', 'other', '222222222222').doc).toBe(saml.doc);
    expect(addRole(base, 'Reader', '222222222222', 'AssumeRole', 'arn:aws:iam::111111111111:root')).toEqual({ ok: false, message: 'The world already has arn:aws:iam::222222222222:role/Reader.' });
    expect(addRole(base, 'bad name!', '222222222222', 'AssumeRole', 'x').ok).toBe(false);
  });

  it('trust policies it writes name the call’s action and principal kind', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html
    expect(trustPolicyFor('AssumeRoleWithWebIdentity', 'arn:aws:iam::1:oidc-provider/gitlab.com', 'https://gitlab.com')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::1:oidc-provider/gitlab.com' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' } } }],
    });
    expect(trustPolicyFor('AssumeRole', 'arn:aws:iam::111111111111:root').Statement).toEqual([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }]);
  });

  it('a trust statement can be added to a policy written as one statement object', () => {
    const doc = { world: { roles: [{ arn: 'a', trustPolicy: { Version: '2012-10-17', Statement: { Effect: 'Allow' } } }] } };
    const r = addTrustStatement(doc, 0, { Effect: 'Deny' });
    expect(r.index).toBe(1);
    expect((r.doc as typeof doc).world.roles[0]!.trustPolicy.Statement).toEqual([{ Effect: 'Allow' }, { Effect: 'Deny' }]);
  });
});
