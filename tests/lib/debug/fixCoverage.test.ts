import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate, type StepResult } from '@/lib/engine';
import { hasNoFixReason, noFixReason } from '@/lib/debug/noFix';
import { buildScenario } from '@/lib/debug/build';
import * as S from './samples';

const dir = 'content/scenarios';
const failing = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const sim = simulate(readFileSync(`${dir}/${f}`, 'utf8'));
    if (!sim.ok) return [];
    return sim.result.steps.flatMap((s, i) => (s.kind !== 'clock' && s.outcome !== 'success' ? [{ name: `${f} step ${i} (${s.kind === 'call' ? s.call : s.action})`, step: s as Exclude<StepResult, { kind: 'clock' }> }] : []));
  });

describe('fix coverage over the built-in library', () => {
  it('reports the coverage: every failing step has a verified fix or a stated reason', () => {
    const withFix = failing.filter((f) => f.step.fixes?.length);
    const reasoned = failing.filter((f) => !f.step.fixes?.length && hasNoFixReason(f.step));
    const neither = failing.filter((f) => !f.step.fixes?.length && !hasNoFixReason(f.step)).map((f) => f.name);
    console.info(`fix coverage: ${failing.length} failing steps; ${withFix.length} with a verified fix, ${reasoned.length} with a stated reason for none, ${neither.length} with neither`);
    expect(failing.length).toBeGreaterThan(50);
    expect(neither).toEqual([]);
  });

  it('lists fixes that weaken security after those that do not', () => {
    for (const f of failing) {
      const flags = (f.step.fixes ?? []).map((x) => !!x.weakens);
      expect(flags, f.name).toEqual([...flags].sort((a, b) => Number(a) - Number(b)));
    }
  });
});

// For each failing gate the issue names, a scenario and the fix it must get (verified by the engine: applying it makes the step succeed).
const gateRows: { name: string; file: string; step: number; fix: RegExp; weakens?: boolean }[] = [
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
  { name: 'no OIDC provider', file: 'oidc-provider-missing.json', step: 1, fix: /Create the IAM OIDC provider/ },
  { name: 'a token with the wrong audience', file: 'oidc-token-failures.json', step: 1, fix: /Request the token with audience "sts.amazonaws.com"/ },
  { name: 'a sub the trust policy does not list', file: 'quiz-oidc-trust-conditions.json', step: 2, fix: /Accept this token's sub/ },
  { name: 'a sub from another owner (weakens)', file: 'github-actions-sub-wildcard.json', step: 3, fix: /Accept this token's sub \("repo:someone-else/, weakens: true },
  { name: 'a pull_request sub (weakens)', file: 'github-actions-sub-wildcard.json', step: 6, fix: /pull_request/, weakens: true },
  { name: 'a Cognito aud the trust does not name', file: 'cognito-identity-pool-roles.json', step: 5, fix: /cognito-identity.amazonaws.com:aud/ },
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
  { name: 'an SCP deny (an exception: weakens)', file: 'scp-denies-assume-role.json', step: 0, fix: /exception .* SCP SandboxNoProdRoles \(attached to 333333333333\)/, weakens: true },
  { name: 'an explicit deny in a trust policy (weakens)', file: 'quiz-trust-explicit-deny.json', step: 1, fix: /Remove the Deny "NotTheIntern"/, weakens: true },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
  { name: 'a missing sts:TagSession', file: 'session-tags-need-tag-session.json', step: 0, fix: /Add sts:TagSession to the trust statement/ },
  { name: 'a missing sts:SetSourceIdentity', file: 'source-identity-chain.json', step: 1, fix: /Add sts:SetSourceIdentity to the trust statement/ },
  { name: 'a permissions boundary (weakens)', file: 'explicit-deny-blocks-assume-role.json', step: 1, fix: /permissions boundary/, weakens: true },
];

describe('fixes for each failing gate', () => {
  it.each(gateRows)('$name', ({ file, step, fix, weakens }) => {
    const sim = simulate(readFileSync(`${dir}/${file}`, 'utf8'));
    const s = sim.ok ? sim.result.steps[step] : undefined;
    const found = s && s.kind !== 'clock' ? (s.fixes ?? []).find((f) => fix.test(f.summary)) : undefined;
    expect(found, JSON.stringify(s && s.kind !== 'clock' ? s.fixes?.map((f) => f.summary) : s)).toBeDefined();
    expect(!!found?.weakens).toBe(!!weakens);
  });

  it('turns StringEquals with repo:org/* into StringLike, and says why (weakens: owner-wide)', () => {
    const built = buildScenario(`${S.consoleTrustStringEqualsWildcard}\n${S.jwt(S.githubClaims)}`);
    const sim = simulate(built.scenario!);
    const r = sim.ok ? sim.result.steps.at(-1) : undefined;
    const fix = r && r.kind !== 'clock' ? r.fixes?.find((f) => f.summary.startsWith('Use StringLike')) : undefined;
    expect(fix?.summary).toContain('compares "repo:example-org/*" literally');
    expect(fix?.weakens).toContain('every repository of the owner');
  });

  it.each([
    ['an expired token', 'oidc-token-failures.json', 2, /expired/],
    ['the root user', 'root-cannot-assume-role.json', 0, /root user cannot assume roles/],
    ['a bad SAML signature', 'saml-assertion-failures.json', 2, /signature/],
  ] as const)('says why there is no safe fix for %s', (_n, file, step, reason) => {
    const sim = simulate(readFileSync(`${dir}/${file}`, 'utf8'));
    const s = sim.ok ? sim.result.steps[step] : undefined;
    expect(s && s.kind !== 'clock' && s.fixes).toBeFalsy();
    expect(noFixReason(s as Exclude<StepResult, { kind: 'clock' }>)).toMatch(reason);
  });
});
