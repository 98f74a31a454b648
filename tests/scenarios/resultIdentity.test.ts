/**
 * The engine's output is part of its contract: every scenario's sts-result/v1 JSON,
 * traces included, must stay byte-identical unless a change means to alter it.
 * Performance work (precompiled policies, lazy context keys) is checked against the
 * fingerprints recorded before it; re-record with `npx tsx bench/resultHashes.ts --write`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allResultHashes, hashFile } from '../../bench/resultHashes';

const recorded = JSON.parse(readFileSync(hashFile, 'utf8')) as Record<string, string>;
const current = allResultHashes(process.cwd());

describe('every scenario file gives the same sts-result/v1 JSON as recorded', () => {
  it('fingerprints the same set of files', () => {
    expect(Object.keys(current).sort()).toEqual(Object.keys(recorded).sort());
  });
  it.each(Object.keys(recorded))('%s', (file) => {
    expect(current[file]).toBe(recorded[file]);
  });
});
