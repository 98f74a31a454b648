import { describe, expect, it } from 'vitest';
import { announce, labFrame, labIds, maxReveal, slideTitle, nextPosition, previousPosition, revealPosition, scenarioFrame, scenarioIds, type DigestMap, type LabMap } from '@/lib/lessons/deck';
import { labDigest, labHref } from '@/lib/lessons/labDigest';
import { parseLesson } from '@/lib/lessons/schema';
import { parseLab } from '@/lib/labs/check';
import { readFileSync } from 'node:fs';
import { type DigestStep, type ScenarioDigest } from '@/lib/lessons/digest';
import { LESSON_FORMAT, type Lesson } from '@/lib/lessons/schema';

const gate = (result: 'pass' | 'fail') => ({ gate: 'trust-policy' as const, result, code: 'c', reason: `it ${result}ed`, learn: 'x#y' });
const step = (id: string, gates: number, ok = true): DigestStep => ({
  id,
  index: 0,
  kind: 'call',
  label: 'AssumeRole',
  caller: 'User a',
  input: [],
  outcome: ok ? 'success' : 'error',
  ...(ok ? {} : { error: { code: 'AccessDenied', httpStatus: 403, message: 'no' } }),
  response: [],
  trace: Array.from({ length: gates }, (_, i) => gate(i === gates - 1 && !ok ? 'fail' : 'pass')),
});
const digest: ScenarioDigest = { format: 'classroom-scenario/v1', id: 'sc', title: 'Scenario', steps: [step('a', 2, false), step('b', 3)] };
const digests: DigestMap = { sc: digest };

const lesson: Lesson = {
  format: LESSON_FORMAT,
  id: 'l',
  title: 'L',
  summary: 'S',
  slides: [
    { kind: 'note', title: 'Intro', text: 'x' },
    { kind: 'scenario', scenario: 'sc', steps: ['a', 'b'] },
    { kind: 'question', stem: 'Q?', options: [{ text: 'yes' }, { text: 'no' }], answer: 1, explanation: 'E', proof: { scenario: 'other', step: 's' } },
  ],
};

describe('deck positions', () => {
  it('counts reveal steps: none for a note, one for a question, (checks + 2) per scenario step minus one', () => {
    expect(lesson.slides.map((s) => maxReveal(s, digests))).toEqual([0, 2 + 2 + 3 + 2 - 1, 1]);
    // A scenario whose digest has not loaded yet has nothing to reveal (Next moves on).
    expect(maxReveal(lesson.slides[1], {})).toBe(0);
  });

  it('maps reveal values to the step, the checks shown and the outcome', () => {
    const steps = [digest.steps[0]!, digest.steps[1]!];
    const frames = Array.from({ length: 9 }, (_, r) => scenarioFrame(steps, r));
    expect(frames.map((f) => `${f.step}:${f.gates}${f.outcome ? '!' : ''}`)).toEqual(['0:0', '0:1', '0:2', '0:2!', '1:0', '1:1', '1:2', '1:3', '1:3!']);
  });

  it('Next walks every check of every step, then the slide; Back walks it back', () => {
    // Given the presenter on the first slide
    let pos = { slide: 0, reveal: 0 };
    const seen: string[] = [];
    // When they press Next until the end
    for (let i = 0; i < 14; i++) {
      pos = nextPosition(lesson, pos, digests);
      seen.push(`${pos.slide}.${pos.reveal}`);
    }
    // Then each press reveals one thing, and the end is sticky
    expect(seen).toEqual(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '2.0', '2.1', '2.1', '2.1', '2.1']);
    // And Back from a slide's start lands on the previous slide fully revealed
    expect(previousPosition(lesson, { slide: 2, reveal: 0 }, digests)).toEqual({ slide: 1, reveal: 8 });
    expect(previousPosition(lesson, { slide: 1, reveal: 3 }, digests)).toEqual({ slide: 1, reveal: 2 });
    expect(previousPosition(lesson, { slide: 0, reveal: 0 }, digests)).toEqual({ slide: 0, reveal: 0 });
  });

  it('Reveal never leaves the slide', () => {
    expect(revealPosition(lesson, { slide: 2, reveal: 0 }, digests)).toEqual({ slide: 2, reveal: 1 });
    expect(revealPosition(lesson, { slide: 2, reveal: 1 }, digests)).toEqual({ slide: 2, reveal: 1 });
    expect(revealPosition(lesson, { slide: 0, reveal: 0 }, digests)).toEqual({ slide: 0, reveal: 0 });
  });

  it('clamps positions from a URL or another window', () => {
    expect(nextPosition(lesson, { slide: 99, reveal: 99 }, digests)).toEqual({ slide: 2, reveal: 1 });
    expect(previousPosition(lesson, { slide: -3, reveal: Number.NaN }, digests)).toEqual({ slide: 0, reveal: 0 });
  });

  it('lists the scenarios a lesson needs once each, proofs included', () => {
    expect(scenarioIds(lesson)).toEqual(['sc', 'other']);
  });

  it('announces slides, checks, outcomes and answers for screen readers', () => {
    expect(announce(lesson, { slide: 0, reveal: 0 }, digests)).toBe('Slide 1 of 3: Intro.');
    expect(announce(lesson, { slide: 1, reveal: 0 }, digests)).toBe('Slide 2 of 3: Scenario.');
    expect(announce(lesson, { slide: 1, reveal: 4 }, digests)).toBe('Step 2 of 2: AssumeRole (b).');
    expect(announce(lesson, { slide: 1, reveal: 2 }, digests)).toBe('Check 2 of 2, trust-policy: fail. it failed');
    expect(announce(lesson, { slide: 1, reveal: 3 }, digests)).toBe('Outcome of a: AccessDenied. no');
    expect(announce(lesson, { slide: 2, reveal: 0 }, digests)).toBe('Slide 3 of 3: Question 1 of 1. Q?');
    expect(announce(lesson, { slide: 2, reveal: 1 }, digests)).toBe('Answer revealed: B, no.');
  });

  it('numbers question slides among the lesson\'s questions instead of a bare "Question"', () => {
    const q = lesson.slides[2]!;
    const two = { ...lesson, slides: [q, lesson.slides[0]!, { ...q, stem: 'Q2?' }] };
    expect(slideTitle(two.slides[0]!, digests, two)).toBe('Question 1 of 2');
    expect(slideTitle(two.slides[2]!, digests, two)).toBe('Question 2 of 2');
    // Without the lesson (no context) it stays generic.
    expect(slideTitle(q, digests)).toBe('Question');
  });
});

// Issue #14: "the classroom can put a lab on a slide for the room to solve"; hints, then the solution, are revealed one per press.
describe('lab slides', () => {
  const file = parseLab(readFileSync('content/labs/cross-account-external-id.json', 'utf8'));
  if (!file.ok) throw new Error('content/labs/cross-account-external-id.json is invalid');
  const lab = labDigest(file.lab);
  const labs: LabMap = { [lab.id]: lab };
  const withLab: Lesson = { ...lesson, slides: [lesson.slides[0]!, { kind: 'lab', lab: lab.id }, { kind: 'lab', lab: lab.id }] };
  const slide = withLab.slides[1]!;

  it('digests a lab file into what the slide shows: title, idea, goal lines, briefing, hints, solution', () => {
    expect(lab).toMatchObject({ format: 'classroom-lab/v1', id: 'cross-account-external-id', title: file.lab.title, idea: file.lab.idea, briefing: file.lab.briefing, hints: file.lab.hints, learned: file.lab.learned });
    expect(lab.goal).toEqual(file.lab.goal.map((g) => g.text));
    expect(lab.solution).toEqual(file.lab.solution.map((o) => ({ op: o.op, path: o.path, ...('value' in o ? { value: JSON.stringify(o.value) } : {}) })));
    expect(labHref(lab.id)).toBe('/labs/cross-account-external-id/');
  });

  it('reveals one hint per press, then the solution, and nothing before the lab is loaded', () => {
    const n = lab.hints.length;
    expect(maxReveal(slide, digests, labs)).toBe(n + 1);
    expect(maxReveal(slide, digests, {})).toBe(0);
    expect([0, 1, n, n + 1].map((r) => labFrame(lab, r))).toEqual([
      { hints: 0, solution: false },
      { hints: 1, solution: false },
      { hints: n, solution: false },
      { hints: n, solution: true },
    ]);
    let pos = { slide: 1, reveal: 0 };
    for (let i = 1; i <= n + 1; i++) expect((pos = nextPosition(withLab, pos, digests, labs))).toEqual({ slide: 1, reveal: i });
    expect(revealPosition(withLab, pos, digests, labs)).toEqual(pos);
    expect(nextPosition(withLab, pos, digests, labs)).toEqual({ slide: 2, reveal: 0 });
    expect(previousPosition(withLab, { slide: 2, reveal: 0 }, digests, labs)).toEqual({ slide: 1, reveal: n + 1 });
  });

  it('is titled by its lab, listed once, and announced hint by hint', () => {
    expect(slideTitle(slide, digests, withLab, labs)).toBe(`Lab: ${lab.title}`);
    expect(slideTitle(slide, digests, withLab)).toBe(`Lab: ${lab.id}`);
    expect(labIds(withLab)).toEqual([lab.id]);
    expect(announce(withLab, { slide: 1, reveal: 1 }, digests, labs)).toBe(`Hint 1 of ${lab.hints.length}: ${lab.hints[0]}`);
    expect(announce(withLab, { slide: 1, reveal: lab.hints.length + 1 }, digests, labs)).toBe(`Solution revealed: ${lab.solution.length} change${lab.solution.length === 1 ? '' : 's'}.`);
  });

  it.each([
    [{ kind: 'lab', lab: 'Not An Id' }, 'slides[0].lab', 'expected a lab id such as cross-account-external-id'],
    [{ kind: 'lab' }, 'slides[0].lab', undefined],
    [{ kind: 'lab', lab: 'x', hints: 2 }, 'slides[0]', undefined],
  ])('refuses the lab slide %j with a located problem', (bad, path, message) => {
    const r = parseLesson({ format: LESSON_FORMAT, id: 'l', title: 'L', summary: 'S', slides: [bad] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]).toMatchObject({ path, ...(message ? { message } : {}) });
  });
});
