import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { builtInLessons } from '@/lib/lessons/builtin';
import { scenarioIds } from '@/lib/lessons/deck';
import { noteSlugs } from '@/lib/lessons/notes';
import { parseLesson } from '@/lib/lessons/schema';
import { checkExpect, type CallResult, type RequestResult } from '@/lib/scenario/run';

const lessonsDir = path.join(process.cwd(), 'content', 'lessons');
const scenariosDir = path.join(process.cwd(), 'content', 'scenarios');
const scenarioText = (id: string) => readFileSync(path.join(scenariosDir, `${id}.json`), 'utf8');

function runStep(scenario: string, step: string): CallResult | RequestResult {
  const sim = simulate(scenarioText(scenario), { fixes: false });
  if (!sim.ok) throw new Error(`${scenario} is invalid`);
  const r = sim.result.steps.find((s) => s.kind !== 'clock' && s.id === step);
  if (!r || r.kind === 'clock') throw new Error(`${scenario} has no step ${step}`);
  return r;
}

describe('content/lessons', () => {
  const files = readdirSync(lessonsDir).filter((f) => f.endsWith('.json'));

  it('has at least the four ready lessons, each listed in lib/lessons/builtin.ts', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(builtInLessons.map((l) => `${l.id}.json`).sort()).toEqual([...files].sort());
    for (const id of ['cross-account-external-id', 'mfa-and-get-session-token', 'federation-saml-oidc', 'role-chaining-session-limits'])
      expect(builtInLessons.some((l) => l.id === id), id).toBe(true);
  });

  it('puts the cross-account ExternalId lab on a slide of the cross-account lesson', () => {
    expect(builtInLessons.find((l) => l.id === 'cross-account-external-id')?.slides).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'cross-account-external-id' }));
  });

  it.each(files)('%s is a valid lesson whose id is its file name', (file) => {
    const r = parseLesson(readFileSync(path.join(lessonsDir, file), 'utf8'));
    expect(r.ok ? [] : r.error).toEqual([]);
    if (r.ok) expect(`${r.value.id}.json`).toBe(file);
  });

  for (const lesson of builtInLessons) {
    describe(lesson.id, () => {
      it('uses every slide kind (a lab slide is optional), and note slides link to known notes', () => {
        expect(new Set(lesson.slides.map((s) => s.kind).filter((k) => k !== 'lab'))).toEqual(new Set(['note', 'scenario', 'question']));
        for (const s of lesson.slides) if (s.kind === 'note' && s.note) expect(noteSlugs, `${s.title} links to ${s.note.slug}`).toContain(s.note.slug);
      });

      it('every lab slide names a lab in content/labs', () => {
        for (const s of lesson.slides) if (s.kind === 'lab') expect(existsSync(path.join(process.cwd(), 'content', 'labs', `${s.lab}.json`)), s.lab).toBe(true);
      });

      it('every referenced scenario runs, and every step a slide walks through exists', () => {
        for (const id of scenarioIds(lesson)) {
          const sim = simulate(scenarioText(id), { fixes: false });
          expect(sim.ok, `${id} is valid`).toBe(true);
        }
        for (const s of lesson.slides)
          if (s.kind === 'scenario') for (const step of s.steps) expect(() => runStep(s.scenario, step), `${s.scenario} step ${step}`).not.toThrow();
      });

      it("every proved question's answer agrees with the engine, and no other option does", () => {
        for (const [i, s] of lesson.slides.entries()) {
          if (s.kind !== 'question' || !s.proof) continue;
          // Given the step the question is about, as the engine runs it
          const result = runStep(s.proof.scenario, s.proof.step);
          s.options.forEach((o, n) => {
            if (!o.expect) return;
            // Then the right option's claim is met and every other claim is not
            const met = checkExpect(o.expect, result).met;
            expect(met, `slide ${i + 1} option ${n} (${o.text}) vs ${s.proof!.scenario}/${s.proof!.step}`).toBe(n === s.answer);
          });
        }
      });
    });
  }

  it('every built-in lesson has at least two proved questions', () => {
    for (const l of builtInLessons) expect(l.slides.filter((s) => s.kind === 'question' && s.proof).length, l.id).toBeGreaterThanOrEqual(2);
  });
});
