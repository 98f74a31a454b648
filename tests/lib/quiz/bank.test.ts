import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBank } from '@/lib/quiz/bank';
import { readQuizFiles } from '@/lib/content/quizFiles';
import { proofProblems } from '@/lib/quiz/proof';
import { topics } from '@/lib/quiz/topics';

const { bank: bankFiles } = readQuizFiles();

const questionsDir = path.join(__dirname, '../../../content/questions');
const scenariosDir = path.join(__dirname, '../../../content/scenarios');
const parsed = parseBank(bankFiles);
const questions = parsed.ok ? parsed.value : [];

function scenarioJson(id: string): unknown {
  return JSON.parse(readFileSync(path.join(scenariosDir, `${id}.json`), 'utf8'));
}

describe('question bank', () => {
  it('indexes every file of content/questions (lib/content/quizFiles.ts)', () => {
    const onDisk = readdirSync(questionsDir).filter((f) => f.endsWith('.json')).sort();
    expect(Object.keys(bankFiles).sort()).toEqual(onDisk);
  });

  it('validates', () => {
    // Then every file parses, with no duplicate ids
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
  });

  it('has at least 150 questions, with single and multiple response', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    expect(questions.filter((q) => q.kind === 'multiple').length).toBeGreaterThanOrEqual(15);
  });

  it('covers every topic with at least three questions', () => {
    for (const t of topics) expect(questions.filter((q) => q.topic === t).length, t).toBeGreaterThanOrEqual(3);
  });

  it('links most questions to a scenario that proves them', () => {
    const linked = questions.filter((q) => q.proof).length;
    expect(linked / questions.length).toBeGreaterThan(0.5);
  });

  it('does not give the answer away by its length', () => {
    // Exam-taking folklore says "pick the longest option": make sure it does not work here.
    const singles = questions.filter((q) => q.kind === 'single');
    const share = (pick: (lengths: number[]) => number) =>
      singles.filter((q) => q.options.find((o) => o.correct)!.text.length === pick(q.options.map((o) => o.text.length))).length / singles.length;
    expect(share((l) => Math.max(...l))).toBeLessThan(0.35);
    expect(share((l) => Math.min(...l))).toBeLessThan(0.4);
  });

  it('links only scenarios that exist', () => {
    const ids = new Set(readdirSync(scenariosDir).map((f) => f.replace(/\.json$/, '')));
    for (const q of questions) if (q.proof) expect(ids.has(q.proof.scenario), `${q.id} → ${q.proof.scenario}`).toBe(true);
  });
});

describe('every linked scenario agrees with its answer key', () => {
  for (const q of questions.filter((x) => x.proof)) {
    it(`${q.id} (${q.proof!.scenario})`, () => {
      expect(proofProblems(q, scenarioJson(q.proof!.scenario))).toEqual([]);
    });
  }
});
