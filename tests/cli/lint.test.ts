import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/sim.ts', 'lint', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'lint-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
};
const GH = 'arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com';
// The commonest GitHub mistake: a wildcard under StringEquals (high), as a policy file.
const wide = file('wide.json', {
  Version: '2012-10-17',
  Statement: [{ Sid: 'GitHub', Effect: 'Allow', Principal: { Federated: GH }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:example-org/*' } } }],
});
// One repository and branch by name: only an info finding.
const named = file('named.json', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Federated: GH }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:example-org/site:ref:refs/heads/main' } } }],
});
const getRole = file('get-role.json', { Role: { Arn: 'arn:aws:iam::222222222222:role/Open', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] } } });
const nothing = file('nothing.json', { hello: 'world' });

describe('npm run sim -- lint', { timeout: 60_000 }, () => {
  it('prints readable findings and exits 1 at the default --fail-on low', () => {
    const r = cli([wide]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('high wildcard-under-string-equals at Statement[0].Condition.StringEquals.token.actions.githubusercontent.com:sub (Sid GitHub)');
    expect(r.stdout).toContain('why: Use StringLike');
  });
  it('exits 0 when every finding is below --fail-on', () => {
    expect(cli([named]).status).toBe(0);
    expect(cli([named, '--fail-on', 'info']).status).toBe(1);
  });
  it('--json prints one sts-lint/v1 document per file', () => {
    const r = cli([wide, named, '--json', '--fail-on', 'high']);
    expect(r.status).toBe(1);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { format: string; file: string; findings: { rule: string; source: string }[] });
    expect(docs.map((d) => [d.file, d.findings.map((f) => f.rule)])).toEqual([
      [wide, ['wildcard-under-string-equals', 'oidc-sub-too-wide']],
      [named, ['github-name-subject']],
    ]);
    expect(docs[0]?.findings[0]?.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
  it('reads aws iam get-role output and scenario files', () => {
    expect(cli([getRole]).stdout).toContain('principal-star-unconditioned at Role.AssumeRolePolicyDocument.Statement[0].Principal');
    expect(cli(['content/scenarios/github-actions-sub-wildcard.json']).stdout).toContain('at world.roles[0].trustPolicy.Statement[0].Condition.StringLike');
  });
  it('exits 2 for a file with no policy, or a bad --fail-on', () => {
    const r = cli([nothing]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no policy found');
    expect(cli([wide, '--fail-on', 'severe']).status).toBe(2);
  });
});
