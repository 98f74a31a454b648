/**
 * Moving through a deck: a position is a slide and how much of it is revealed. A scenario
 * slide reveals one trace entry per press, then the outcome; a question slide reveals its
 * answer; a lab slide reveals its hints one per press, then its solution; a note slide has
 * nothing to reveal. Pure functions; the presenter store wraps them.
 */
import { type ScenarioDigest, type DigestStep } from './digest';
import { type LabDigest } from './labDigest';
import { type Lesson, type Slide } from './schema';

/** Where the presenter is. */
export interface DeckPosition {
  /** Slide index from 0. */
  slide: number;
  /** How many reveal steps of this slide are shown (0 = none). */
  reveal: number;
}

/** Digests by scenario id, as loaded so far. */
export type DigestMap = Readonly<Record<string, ScenarioDigest | undefined>>;
/** Lab digests by lab id, as loaded so far. */
export type LabMap = Readonly<Record<string, LabDigest | undefined>>;

const noLabs: LabMap = {};

/**
 * The steps a scenario slide walks through, in slide order; unknown ids are left out.
 * @param slide a scenario slide
 * @param digest its scenario's digest
 * @returns the digest steps
 * @example slideSteps(slide, digest).map((s) => s.id)
 */
export function slideSteps(slide: Extract<Slide, { kind: 'scenario' }>, digest: ScenarioDigest | undefined): DigestStep[] {
  if (!digest) return [];
  return slide.steps.flatMap((id) => digest.steps.find((s) => s.id === id) ?? []);
}

/**
 * The highest reveal value of a slide: a scenario step has a "nothing shown yet" frame, one
 * frame per trace entry and one for the outcome; the first step's empty frame is reveal 0.
 * @param slide the slide
 * @param digests loaded digests (a scenario slide whose digest is not loaded yet has 0)
 * @returns the last reveal value
 * @example maxReveal({ kind: 'question', … }, {}) // 1
 */
export function maxReveal(slide: Slide | undefined, digests: DigestMap, labs: LabMap = noLabs): number {
  if (!slide) return 0;
  switch (slide.kind) {
    case 'note':
      return 0;
    case 'question':
      return 1;
    case 'scenario': {
      const steps = slideSteps(slide, digests[slide.scenario]);
      if (!steps.length) return 0;
      return steps.reduce((n, s) => n + s.trace.length + 2, 0) - 1;
    }
    case 'lab': {
      // One press per hint, then one for the solution; nothing until the lab is loaded.
      const lab = labs[slide.lab];
      return lab ? lab.hints.length + 1 : 0;
    }
  }
}

/** What a scenario slide shows at a reveal value. */
export interface ScenarioFrame {
  /** Index into the slide's steps. */
  step: number;
  /** How many trace entries of that step are shown. */
  gates: number;
  /** Whether the step's outcome (AWS response or error) is shown. */
  outcome: boolean;
}

/**
 * Maps a reveal value of a scenario slide to the step and gates shown.
 * @param steps the slide's steps ({@link slideSteps})
 * @param reveal the reveal value
 * @returns the frame
 * @example scenarioFrame(steps, 0) // { step: 0, gates: 0, outcome: false }
 */
export function scenarioFrame(steps: readonly Pick<DigestStep, 'trace'>[], reveal: number): ScenarioFrame {
  let r = Math.max(0, reveal);
  for (let i = 0; i < steps.length; i++) {
    const n = steps[i]!.trace.length;
    if (r <= n + 1 || i === steps.length - 1) {
      const f = Math.min(r, n + 1);
      return { step: i, gates: Math.min(f, n), outcome: f === n + 1 };
    }
    r -= n + 2;
  }
  return { step: 0, gates: 0, outcome: false };
}

const clampPos = (lesson: Lesson, pos: DeckPosition, digests: DigestMap, labs: LabMap): DeckPosition => {
  const slide = Math.min(Math.max(0, Math.trunc(pos.slide) || 0), lesson.slides.length - 1);
  const reveal = Math.min(Math.max(0, Math.trunc(pos.reveal) || 0), maxReveal(lesson.slides[slide], digests, labs));
  return { slide, reveal };
};

/**
 * Next: reveal the next part of this slide, or go to the next slide.
 * @returns the new position (unchanged at the very end)
 * @example nextPosition(lesson, { slide: 0, reveal: 0 }, {})
 */
export function nextPosition(lesson: Lesson, pos: DeckPosition, digests: DigestMap, labs: LabMap = noLabs): DeckPosition {
  const p = clampPos(lesson, pos, digests, labs);
  if (p.reveal < maxReveal(lesson.slides[p.slide], digests, labs)) return { slide: p.slide, reveal: p.reveal + 1 };
  if (p.slide < lesson.slides.length - 1) return { slide: p.slide + 1, reveal: 0 };
  return p;
}

/**
 * Back: hide the last revealed part, or go to the previous slide fully revealed.
 * @returns the new position (unchanged at the very start)
 * @example previousPosition(lesson, { slide: 1, reveal: 0 }, {})
 */
export function previousPosition(lesson: Lesson, pos: DeckPosition, digests: DigestMap, labs: LabMap = noLabs): DeckPosition {
  const p = clampPos(lesson, pos, digests, labs);
  if (p.reveal > 0) return { slide: p.slide, reveal: p.reveal - 1 };
  if (p.slide > 0) return { slide: p.slide - 1, reveal: maxReveal(lesson.slides[p.slide - 1], digests, labs) };
  return p;
}

/**
 * Reveal (R or Enter): the next part of this slide; never leaves the slide.
 * @returns the new position
 * @example revealPosition(lesson, { slide: 2, reveal: 0 }, {})
 */
export function revealPosition(lesson: Lesson, pos: DeckPosition, digests: DigestMap, labs: LabMap = noLabs): DeckPosition {
  const p = clampPos(lesson, pos, digests, labs);
  return { slide: p.slide, reveal: Math.min(p.reveal + 1, maxReveal(lesson.slides[p.slide], digests, labs)) };
}

/**
 * A slide's heading. A question has no title of its own, so it is numbered among the
 * lesson's questions ("Question 2 of 3") when the lesson is given.
 * @param slide the slide
 * @param digests loaded digests, for a scenario slide without its own title
 * @param lesson the lesson the slide belongs to (for question numbers)
 * @returns the title
 * @example slideTitle(slide, digests, lesson) // 'Question 1 of 3'
 */
export function slideTitle(slide: Slide, digests: DigestMap, lesson?: Pick<Lesson, 'slides'>, labs: LabMap = noLabs): string {
  switch (slide.kind) {
    case 'note':
      return slide.title;
    case 'scenario':
      return slide.title ?? digests[slide.scenario]?.title ?? slide.scenario;
    case 'question': {
      const questions = lesson?.slides.filter((s) => s.kind === 'question') ?? [];
      const n = questions.indexOf(slide);
      return n < 0 ? 'Question' : `Question ${n + 1} of ${questions.length}`;
    }
    case 'lab':
      return `Lab: ${labs[slide.lab]?.title ?? slide.lab}`;
  }
}

/**
 * The scenario ids a lesson needs, once each.
 * @param lesson the lesson
 * @returns scenario ids from scenario slides and question proofs
 * @example scenarioIds(lesson) // ['cross-account-external-id']
 */
export function scenarioIds(lesson: Lesson): string[] {
  const ids = new Set<string>();
  for (const s of lesson.slides) {
    if (s.kind === 'scenario') ids.add(s.scenario);
    if (s.kind === 'question' && s.proof) ids.add(s.proof.scenario);
  }
  return [...ids];
}

/**
 * The lab ids a lesson needs, once each.
 * @param lesson the lesson
 * @returns lab ids from lab slides
 * @example labIds(lesson) // ['cross-account-external-id']
 */
export function labIds(lesson: Lesson): string[] {
  return [...new Set(lesson.slides.flatMap((s) => (s.kind === 'lab' ? [s.lab] : [])))];
}

/**
 * What a lab slide shows at a reveal value.
 * @param lab the lab's digest
 * @param reveal the reveal value
 * @returns how many hints are shown, and whether the solution is
 * @example labFrame(lab, 1) // { hints: 1, solution: false }
 */
export function labFrame(lab: Pick<LabDigest, 'hints'>, reveal: number): { hints: number; solution: boolean } {
  const r = Math.max(0, Math.trunc(reveal) || 0);
  return { hints: Math.min(r, lab.hints.length), solution: r > lab.hints.length };
}

/**
 * What a screen reader hears after a move: the slide, or what was just revealed.
 * @param lesson the lesson
 * @param pos the new position
 * @param digests loaded digests
 * @returns one sentence
 * @example announce(lesson, { slide: 0, reveal: 0 }, {}) // 'Slide 1 of 8: …'
 */
export function announce(lesson: Lesson, pos: DeckPosition, digests: DigestMap, labs: LabMap = noLabs): string {
  const slide = lesson.slides[pos.slide];
  if (!slide) return '';
  const head = `Slide ${pos.slide + 1} of ${lesson.slides.length}: ${slideTitle(slide, digests, lesson, labs)}.`;
  if (pos.reveal === 0) return slide.kind === 'question' ? `${head} ${slide.stem}` : head;
  if (slide.kind === 'question') {
    const right = slide.options[slide.answer];
    return `Answer revealed: ${String.fromCharCode(65 + slide.answer)}, ${right?.text ?? ''}.`;
  }
  if (slide.kind === 'scenario') {
    const steps = slideSteps(slide, digests[slide.scenario]);
    const f = scenarioFrame(steps, pos.reveal);
    const step = steps[f.step];
    if (!step) return head;
    if (f.outcome) return step.outcome === 'success' ? `Outcome of ${step.id}: success.` : `Outcome of ${step.id}: ${step.error?.code ?? step.decision ?? 'error'}. ${step.error?.message ?? ''}`.trim();
    if (f.gates === 0) return `Step ${f.step + 1} of ${steps.length}: ${step.label} (${step.id}).`;
    const g = step.trace[f.gates - 1]!;
    return `Check ${f.gates} of ${step.trace.length}, ${g.gate}: ${g.result}. ${g.reason}`;
  }
  if (slide.kind === 'lab') {
    const lab = labs[slide.lab];
    if (!lab) return head;
    const f = labFrame(lab, pos.reveal);
    if (f.solution) return `Solution revealed: ${lab.solution.length} change${lab.solution.length === 1 ? '' : 's'}.`;
    return `Hint ${f.hints} of ${lab.hints.length}: ${lab.hints[f.hints - 1] ?? ''}`;
  }
  return head;
}
