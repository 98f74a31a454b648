import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/sim.ts', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'sim-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const good = file('good.json', {
  format: 'sts-scenario/v1', id: 'cli-good', title: 't',
  world: { users: [{ arn: 'arn:aws:iam::111111111111:user/alice' }] },
  steps: [{ id: 'who', as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'GetCallerIdentity', expect: { outcome: 'success', arn: 'arn:aws:iam::111111111111:user/alice' } }],
});
const wrong = file('wrong.json', {
  format: 'sts-scenario/v1', id: 'cli-wrong', title: 't', world: {},
  steps: [{ id: 'who', as: { root: '111111111111' }, call: 'GetCallerIdentity', expect: { outcome: 'error' } }],
});
const invalid = file('invalid.json', { format: 'sts-scenario/v1', id: 'cli-bad', title: 't', world: {}, steps: [{ call: 'AssumeRole', params: { DurationSeconds: 'long' } }] });
const notJson = file('broken.json', '{ "format": ');

// Each case spawns the CLI (tsx compiles it on start): seconds per spawn on a loaded 2-core machine.
describe('npm run sim (../shared/scenario-format.md)', { timeout: 60_000 }, () => {
  it('run --json prints one sts-result/v1 document and exits 0', () => {
    const r = cli(['run', good, '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'sts-result/v1', scenario: 'cli-good', steps: [{ id: 'who', kind: 'call', outcome: 'success', response: { Arn: 'arn:aws:iam::111111111111:user/alice' } }] });
  });
  it('check exits 1 when an expectation is not met, 0 when all are', () => {
    expect(cli(['check', good]).status).toBe(0);
    const r = cli(['check', good, wrong]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/expected outcome "error", got "success"/);
  });
  it('an invalid file exits 2 with every problem located on stderr', () => {
    const r = cli(['run', invalid]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('steps[0].params.DurationSeconds: expected an integer');
    expect(cli(['check', notJson]).stderr).toMatch(/not valid JSON/);
  });
  it('several files with --json give JSON Lines, an invalid one as an "invalid" line', () => {
    const r = cli(['run', good, invalid, wrong, '--json']);
    expect(r.status).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ format: 'sts-result/v1', file: invalid, invalid: [{ path: 'steps[0].params.DurationSeconds' }] });
    expect(lines[2].scenario).toBe('cli-wrong');
  });
  it('rejects unknown fields by name', () => {
    const p = file('typo.json', { format: 'sts-scenario/v1', id: 'typo', title: 't', world: { rolez: [] }, steps: [] });
    expect(cli(['run', p]).stderr).toContain('world.rolez: unknown field "rolez"');
  });
  it('runs 200 files in one process within a few seconds', () => {
    const files = Array.from({ length: 200 }, (_, i) => file(`many-${i}.json`, { format: 'sts-scenario/v1', id: `many-${i}`, title: 't', world: { users: [{ arn: 'arn:aws:iam::111111111111:user/alice' }] }, steps: [{ as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'GetSessionToken' }] }));
    const t0 = Date.now();
    execFileSync(process.execPath, ['--import', 'tsx', 'cli/sim.ts', 'run', ...files, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(Date.now() - t0).toBeLessThan(8000);
  });
});
