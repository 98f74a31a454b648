/**
 * The CLI isolates files (scenario-format.md, "several files"): a file that fails inside the
 * engine gets its own located `invalid` line, the other files in the same run still produce
 * results, and the exit status is 2 as for any invalid file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Engine from '@/lib/engine';

// Given an engine that fails internally on one particular scenario (no real input does: this stands in for a future bug)
vi.mock('@/lib/engine', async (importOriginal) => {
  const real = await importOriginal<typeof Engine>();
  return {
    ...real,
    simulate: (input: unknown, options?: Parameters<typeof real.simulate>[1]) => {
      if (typeof input === 'string' && input.includes('"cli-boom"')) throw new TypeError('x.split is not a function');
      return real.simulate(input, options);
    },
  };
});

const { main } = await import('@/cli/sim');

const dir = mkdtempSync(join(tmpdir(), 'sim-iso-'));
const write = (name: string, id: string) => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify({ format: 'sts-scenario/v1', id, title: 't', world: { users: [{ arn: 'arn:aws:iam::111111111111:user/alice' }] }, steps: [{ id: 'who', as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'GetCallerIdentity', expect: { outcome: 'success' } }] }));
  return p;
};

function capture(argv: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    return { status: main(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('npm run sim isolates files', () => {
  afterEach(() => vi.restoreAllMocks());
  const a = write('a.json', 'cli-a');
  const boom = write('boom.json', 'cli-boom');
  const b = write('b.json', 'cli-b');

  it('run --json: the failing file gets an invalid line, the others their results, exit 2', () => {
    // When three files run, the middle one failing inside the engine
    const r = capture(['run', a, boom, b, '--json']);
    // Then there is one line per file, in order
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.scenario ?? l.file)).toEqual(['cli-a', boom, 'cli-b']);
    expect(lines[1]).toEqual({ format: 'sts-result/v1', file: boom, invalid: [{ path: '', message: 'internal error: x.split is not a function' }] });
    expect(r.stderr).toContain(`${boom}: (file): internal error: x.split is not a function`);
    expect(r.status).toBe(2);
  });

  it('check: the other files are still checked', () => {
    const r = capture(['check', a, boom, b]);
    expect(r.stdout).toContain('3 files, 2 checked, 1 invalid');
    expect(r.stdout).toContain('2 passed, 0 failed');
    expect(r.status).toBe(2);
  });
});
