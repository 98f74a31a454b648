import { describe, expect, it } from 'vitest';
import { buildScenario } from '@/lib/debug/build';
import { debugExamples } from '@/lib/debug/examples';
import { recognise } from '@/lib/debug/recognise';
import { simulate } from '@/lib/engine';

// The page's examples must each reach a verdict (or ask exactly for the caller), with at least one verified fix.
const expected: Record<string, { asks?: string; code: string; fix: RegExp }> = {
  github: { code: 'AccessDenied', fix: /^Use StringLike/ },
  'get-role': { asks: 'caller', code: 'AccessDenied', fix: /ExternalId/ },
  error: { code: 'AccessDenied', fix: /to Deploy's trust policy/ },
  saml: { code: 'AccessDenied', fix: /Recipient/ },
};

describe('the debugger page examples', () => {
  it.each(debugExamples.map((x) => [x.id, x.text] as const))('%s reaches a verdict with a fix', (id, text) => {
    const want = expected[id]!;
    let built = buildScenario(recognise(text).items);
    if (want.asks) {
      expect(built.questions.filter((q) => q.required).map((q) => q.id)).toEqual([want.asks]);
      built = buildScenario(recognise(text).items, { caller: 'arn:aws:sts::111111111111:assumed-role/CiRunner/run-1' });
    }
    const sim = simulate(built.scenario!);
    const r = sim.ok ? sim.result.steps.at(-1) : undefined;
    expect(r && r.kind !== 'clock' && r.error?.code).toBe(want.code);
    expect(r && r.kind !== 'clock' ? r.fixes?.map((f) => f.summary) : []).toContainEqual(expect.stringMatching(want.fix));
  });
});
