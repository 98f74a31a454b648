/**
 * Fingerprints of the engine's output: one SHA-256 per scenario file of the complete
 * `sts-result/v1` JSON (steps, traces, responses, errors and verified fixes), as the CLI
 * computes it. Performance work must leave every fingerprint unchanged
 * (tests/scenarios/resultIdentity.test.ts).
 *
 * `npx tsx bench/resultHashes.ts --write` records them in tests/scenarios/result-hashes.json;
 * re-record only when a change is meant to alter the engine's output, and say so in the commit.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulate } from '../lib/engine';

/** The scenario folders whose results are fingerprinted. */
export const resultDirs = ['content/scenarios', 'tests/scenarios/files', 'tests/scenarios/examples'];

/** The file the fingerprints are kept in. */
export const hashFile = 'tests/scenarios/result-hashes.json';

/** SHA-256 of the sts-result/v1 JSON of one scenario file (or of its issues when invalid). */
export function resultHash(text: string): string {
  const sim = simulate(text);
  const doc = sim.ok ? sim.result : { format: 'sts-result/v1', invalid: sim.issues };
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/** Every fingerprint, keyed by path relative to the repository root. */
export function allResultHashes(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of resultDirs) {
    for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.json')).sort()) {
      out[`${dir}/${f}`] = resultHash(readFileSync(join(root, dir, f), 'utf8'));
    }
  }
  return out;
}

if (process.argv.includes('--write')) {
  const hashes = allResultHashes(process.cwd());
  writeFileSync(hashFile, JSON.stringify(hashes, null, 1) + '\n');
  console.log(`${Object.keys(hashes).length} fingerprints written to ${hashFile}`);
}
