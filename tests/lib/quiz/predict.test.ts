import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { confirmedDespiteFlag } from '@/lib/quiz/proof';
import { templates } from '@/lib/quiz/generate';
import { builtInPredictItem, generatedPredictItem, gradePrediction, predictableSteps } from '@/lib/quiz/predict';
import { readQuizFiles } from '@/lib/content/quizFiles';
import { seedFrom } from '@/lib/quiz/rng';
import { isAction, verdictKey } from '@/lib/quiz/verdict';

const { scenarios: scenarioFiles } = readQuizFiles();

describe('predict-then-run', () => {
  const items = Object.entries(scenarioFiles).flatMap(([id, json]) => predictableSteps(json as Record<string, unknown>).map((step) => ({ id, step, item: builtInPredictItem(id, json, step) })));

  it('offers every built-in step whose outcome the engine is sure of', () => {
    // Given every call and request step of every file in content/scenarios (the index is built from the folder)
    expect(items.length).toBeGreaterThan(200);
    // Then the only steps without an item are those whose outcome rests on behaviour the engine marks uncertain
    // (predict mode skips them), found here by running the scenarios again, apart from buildPredictItem
    const uncertain = Object.entries(scenarioFiles).flatMap(([id, json]) => {
      const sim = simulate(json, { fixes: false });
      if (!sim.ok) return [];
      return sim.result.steps.filter((r) => isAction(r) && r.trace.some((t) => t.uncertain && !(t.code in confirmedDespiteFlag))).map((r) => `${id}:${r.kind === 'clock' ? '' : r.id}`);
    });
    expect(items.filter((i) => !i.item).map((i) => `${i.id}:${i.step}`)).toEqual(uncertain);
    expect(uncertain.length, 'uncertain built-in steps').toBeLessThan(5);
  });

  it('never gives the answer away: the choices are the fixed list for the call and include the answer', () => {
    for (const { item, id, step } of items) {
      if (!item) continue;
      const keys = item.verdicts.map(verdictKey);
      expect(keys, `${id}:${step}`).toContain(verdictKey(item.verdict));
      expect(item.gates, `${id}:${step}`).toContain(item.gate);
      // The lists are the fixed ones (the answer was never appended)
      const fixed = builtInPredictItem(id, scenarioFiles[id], step)!;
      expect(fixed.verdicts.length).toBe(item.verdicts.length);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('grades verdict and deciding check, accepting any failing check', () => {
    const item = builtInPredictItem('cross-account-external-id', scenarioFiles['cross-account-external-id'], 'no-external-id')!;
    expect(item.verdict).toEqual({ kind: 'error', code: 'AccessDenied' });
    expect(item.gate).toBe('external-id');
    expect(gradePrediction(item, 'error:AccessDenied', 'external-id')).toEqual({ verdictOk: true, gateOk: true, correct: true });
    expect(gradePrediction(item, 'error:AccessDenied', 'trust-policy').correct).toBe(true);
    expect(gradePrediction(item, 'error:AccessDenied', 'duration')).toEqual({ verdictOk: true, gateOk: false, correct: false });
    expect(gradePrediction(item, 'success', 'none').correct).toBe(false);
    const ok = builtInPredictItem('cross-account-external-id', scenarioFiles['cross-account-external-id'], 'right-external-id')!;
    expect(ok.acceptedGates).toEqual(['none']);
    expect(gradePrediction(ok, 'success', 'none').correct).toBe(true);
  });

  it('shows the step without later steps, and the world it involves', () => {
    const item = builtInPredictItem('role-chaining-one-hour', scenarioFiles['role-chaining-one-hour'], 'chain-2h')!;
    expect(item.earlier.map((e) => e.id)).toEqual(['jump']);
    expect(Object.keys(item.world)).toEqual(['users', 'roles']);
    expect(item.topic).toBe('role-chaining');
  });

  it('builds items from generated scenarios for many seeds', () => {
    for (const t of templates) {
      for (let i = 0; i < 10; i++) {
        const item = generatedPredictItem(t.id, seedFrom(i, 5));
        expect(item, `${t.id}/${i}`).toBeDefined();
        expect(item!.verdicts.map(verdictKey)).toContain(verdictKey(item!.verdict));
        expect(item!.topic).toBe(t.topic);
      }
    }
  });
});
