/**
 * Issue #11: `simulate()` returns a result or located problems for every input, never throws,
 * and finishes each file within a time budget. The cases come from tests/property/scenarioFuzz.ts:
 * the built-in scenarios, mutated (wrong types, fromStep references to every path, huge numbers,
 * deep nesting, long strings, __proto__ keys, unicode, broken text).
 *
 * Up to 10^5 cases run, in a fixed order from a fixed seed, until the suite's time box for this
 * file is spent (FUZZ_CASES and FUZZ_SECONDS change both); on a loaded machine fewer run, never
 * different ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { generateCase, prng } from './scenarioFuzz';

const CASES = Number(process.env.FUZZ_CASES ?? 100_000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 45);
/** A single file may take this long at most, even on a busy machine (most take about a millisecond). */
const PER_FILE_MS = 2000;
/** However busy the machine, at least this many cases must run for the test to mean anything. */
const MIN_CASES = Math.min(CASES, 1000);

const dir = join(process.cwd(), 'content/scenarios');
const bases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as never);

describe('simulate() on generated and mutated scenario files', () => {
  it(`never throws and finishes each file within ${PER_FILE_MS} ms (up to ${CASES} cases, ${SECONDS} s)`, () => {
    const rnd = prng(20261203);
    const started = performance.now();
    const thrown: string[] = [];
    const slow: string[] = [];
    let ran = 0;
    let valid = 0;
    while (ran < CASES && performance.now() - started < SECONDS * 1000) {
      const c = generateCase(rnd, bases);
      const t0 = performance.now();
      try {
        const r = simulate(c.input, { fixes: c.fixes });
        // Then it is a result with a step per step of the file, or problems with a path and a message
        if (r.ok) {
          valid++;
          expect(r.result.steps.length, `case ${ran}`).toBe(r.scenario.steps.length);
        } else {
          expect(r.issues.length, `case ${ran}`).toBeGreaterThan(0);
          for (const i of r.issues) expect(typeof i.path === 'string' && typeof i.message === 'string', `case ${ran}`).toBe(true);
        }
      } catch (e) {
        thrown.push(`case ${ran}: ${e instanceof Error ? e.stack?.split('\n').slice(0, 3).join(' | ') : String(e)}`);
      }
      const ms = performance.now() - t0;
      if (ms > PER_FILE_MS) slow.push(`case ${ran}: ${ms.toFixed(0)} ms`);
      ran++;
    }
    console.info(`robustness: ${ran} cases (${valid} valid) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(thrown.slice(0, 5)).toEqual([]);
    expect(slow.slice(0, 5)).toEqual([]);
    expect(ran).toBeGreaterThanOrEqual(MIN_CASES);
    // The mutations keep enough files valid that the run itself, not only the loader, is exercised.
    expect(valid).toBeGreaterThan(ran / 10);
  }, (SECONDS + 60) * 1000);
});
