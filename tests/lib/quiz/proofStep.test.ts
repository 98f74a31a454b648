import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBank } from '@/lib/quiz/bank';
import { readQuizFiles } from '@/lib/content/quizFiles';
import { generateQuestion, templates } from '@/lib/quiz/generate';
import { builtInPredictItem } from '@/lib/quiz/predict';
import { proofProblems } from '@/lib/quiz/proof';
import { proofStep } from '@/lib/quiz/proofStep';
import { builtInScenarioHref, decodeScenario, sharedScenarioHref } from '@/lib/quiz/share';
import { linkedStepId } from '@/lib/simulator/share';
import type { Question } from '@/lib/quiz/types';

const { bank: bankFiles, scenarios: scenarioFiles } = readQuizFiles();

// Issue #16: "Run it in the simulator" opens the simulator AT THE STEP THAT PROVES THE ANSWER.
const options = (correct: string[]) => ['a', 'b', 'c'].map((id) => ({ id, text: id, correct: correct.includes(id), explanation: 'because it is so, at length' }));
const q = (proof: Question['proof'], correct = ['b']): Pick<Question, 'proof' | 'options'> => ({ proof, options: options(correct) });

describe('proofStep: which step proves the answer', () => {
  it.each([
    { name: 'none without a proof', question: q(undefined), want: undefined },
    {
      name: 'the step the bank names wins',
      question: q({ scenario: 's', step: 'named', checks: [{ step: 'x', option: 'b', outcome: 'error' }] }),
      want: 'named',
    },
    {
      name: 'else the first step a correct option is about (not a wrong option’s step listed before it)',
      question: q({ scenario: 's', checks: [{ step: 'wrong-one', option: 'a', outcome: 'success' }, { step: 'supporting', outcome: 'error' }, { step: 'right-one', option: 'b', code: 'AccessDenied' }] }),
      want: 'right-one',
    },
    {
      name: 'else the first step claimed to fail (the failing step)',
      question: q({ scenario: 's', checks: [{ step: 'works', outcome: 'success' }, { step: 'denied', decision: 'ImplicitDeny' }, { step: 'later', outcome: 'success' }] }),
      want: 'denied',
    },
    {
      name: 'a failing check counts as a failure claim',
      question: q({ scenario: 's', checks: [{ step: 'works', gate: 'none' }, { step: 'blocked', gate: 'scp' }] }),
      want: 'blocked',
    },
    {
      name: 'else the last step checked',
      question: q({ scenario: 's', checks: [{ step: 'first', outcome: 'success' }, { step: 'last', durationSeconds: 3600 }] }),
      want: 'last',
    },
  ])('$name', ({ question, want }) => {
    expect(proofStep(question)).toBe(want);
  });
});

describe('simulator links carry the step', () => {
  it.each([
    ['a built-in scenario', builtInScenarioHref('cross-account-external-id', 'no-external-id'), 'no-external-id'],
    ['a built-in scenario without a step', builtInScenarioHref('cross-account-external-id'), undefined],
    ['a scenario in the link', sharedScenarioHref({ id: 'x' }, 'chain-2h'), 'chain-2h'],
  ])('%s: %s', (_name, href, step) => {
    const url = new URL(href, 'https://example.test');
    // The simulator reads the step back from the address
    expect(linkedStepId(url.search, url.hash)).toBe(step);
  });

  it('keeps the scenario payload of a #s= link intact when a step follows it', () => {
    const href = sharedScenarioHref({ id: 'x', steps: [] }, 'step-1');
    const payload = /#s=([A-Za-z0-9_-]+)/.exec(href)![1]!;
    expect(JSON.parse(decodeScenario(payload)!)).toEqual({ id: 'x', steps: [] });
  });

  it('predict items link their own step', () => {
    const item = builtInPredictItem('role-chaining-one-hour', scenarioFiles['role-chaining-one-hour'], 'chain-2h')!;
    expect(item.href).toBe('/simulator/?scenario=role-chaining-one-hour&step=chain-2h');
  });

  it.each(templates.map((t) => t.id))('generated questions of template %s link the step they ask about', (template) => {
    const g = generateQuestion(template, 7);
    if (!g) return;
    const url = new URL(g.href, 'https://example.test');
    expect(linkedStepId(url.search, url.hash)).toBe(g.stepId);
  });
});

describe('every bank question with a proof opens at a step of its scenario that the proof checks', () => {
  const parsed = parseBank(bankFiles);
  const questions = (parsed.ok ? parsed.value : []).filter((x) => x.proof);
  it('has questions to check', () => expect(questions.length).toBeGreaterThan(100));
  it.each(questions.map((x) => [x.id, x] as const))('%s', (_id, question) => {
    const step = proofStep(question);
    expect(question.proof!.checks.map((c) => c.step).concat(question.proof!.step ?? [])).toContain(step);
    const scenario = JSON.parse(readFileSync(path.join(__dirname, '../../../content/scenarios', `${question.proof!.scenario}.json`), 'utf8')) as { steps: { id?: string }[] };
    expect(scenario.steps.map((s) => s.id)).toContain(step);
  });

  it('a proof.step that is not in the scenario is reported', () => {
    const question = questions[0]!;
    const scenario = JSON.parse(readFileSync(path.join(__dirname, '../../../content/scenarios', `${question.proof!.scenario}.json`), 'utf8')) as unknown;
    expect(proofProblems({ ...question, proof: { ...question.proof!, step: 'no-such-step' } }, scenario)).toContain(`proof.step "no-such-step" is not a call or request step of scenario ${question.proof!.scenario}`);
  });
});
