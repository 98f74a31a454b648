import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { generateQuestion, templates } from '@/lib/quiz/generate';
import { decodeScenario } from '@/lib/quiz/share';
import { seedFrom } from '@/lib/quiz/rng';

const SEEDS_PER_TEMPLATE = 150;

describe('generated questions', () => {
  it('are deterministic per seed', () => {
    for (const t of templates) {
      for (const seed of [1, 42, 2 ** 31 - 1]) {
        const a = generateQuestion(t.id, seed);
        const b = generateQuestion(t.id, seed);
        expect(JSON.stringify(a?.question), `${t.id}/${seed}`).toBe(JSON.stringify(b?.question));
      }
    }
  });

  it('vary with the seed', () => {
    for (const t of templates) {
      const stems = new Set(Array.from({ length: 30 }, (_, i) => generateQuestion(t.id, seedFrom(i))!.question.stem));
      expect(stems.size, t.id).toBeGreaterThan(5);
    }
  });

  for (const t of templates) {
    it(`${t.id}: the engine and the template's own rules agree for ${SEEDS_PER_TEMPLATE} seeds, and the key is the engine's`, () => {
      const outcomes = new Set<string>();
      for (let i = 0; i < SEEDS_PER_TEMPLATE; i++) {
        const seed = seedFrom(i, 0xabc);
        const g = generateQuestion(t.id, seed)!;
        // Then the engine's result is the answer the template's rules predict
        expect(g.actual, `${t.id} seed ${seed}: engine matched no choice`).toBeDefined();
        expect(g.actual, `${t.id} seed ${seed}`).toBe(g.expected);
        outcomes.add(g.expected);
        // And exactly one option is correct, options are distinct, and each has an explanation
        const q = g.question;
        expect(q.options.filter((o) => o.correct)).toHaveLength(1);
        expect(new Set(q.options.map((o) => o.text)).size).toBe(q.options.length);
        expect(q.options.length).toBeGreaterThanOrEqual(3);
        for (const o of q.options) expect(o.explanation.length).toBeGreaterThan(30);
      }
      // And the template exercises more than one outcome
      expect(outcomes.size, `${t.id} outcomes`).toBeGreaterThan(1);
    });
  }

  it('open in the simulator with the scenario itself, at the step asked about, which checks out', () => {
    for (const t of templates) {
      const g = generateQuestion(t.id, 7)!;
      const m = /^\/simulator\/#s=([A-Za-z0-9_-]+)&step=(.+)$/.exec(g.href);
      expect(m, `${t.id} href`).not.toBeNull();
      expect(decodeURIComponent(m![2]!)).toBe(g.stepId);
      const text = decodeScenario(m![1]!);
      expect(JSON.parse(text!)).toEqual(g.scenario);
      const sim = simulate(g.scenario, { fixes: false });
      expect(sim.ok).toBe(true);
      if (sim.ok) for (const s of sim.result.steps) if (s.kind !== 'clock') expect(s.expect?.met, `${t.id} ${s.id}`).toBe(true);
    }
  });

  it('answer unknown templates with undefined', () => {
    expect(generateQuestion('no-such-template', 1)).toBeUndefined();
  });
});
