/**
 * Lesson flow: a slide must not ask the room something the slides just before already showed
 * (issue #16). The simple forms are checked here; the lesson tests run it on every lesson and
 * the builder may show it. Pure functions.
 */
import { type Lesson, type Slide } from './schema';

/** One place where a slide asks what the room has already seen. */
export interface FlowProblem {
  /** The slide that asks, from 0. */
  slide: number;
  /** The slide that showed the answer, from 0. */
  shownOn: number;
  /** In plain words. */
  message: string;
}

/** Text as the room reads it: no Markdown marks, one space between words, lower case. */
const plain = (s: string) => s.replace(/[*`_]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Where each `scenario#step` is first shown on a scenario slide. */
function firstShown(slides: readonly Slide[], before: number): Map<string, number> {
  const shown = new Map<string, number>();
  slides.slice(0, before).forEach((s, i) => {
    if (s.kind === 'scenario') for (const step of s.steps) if (!shown.has(`${s.scenario}#${step}`)) shown.set(`${s.scenario}#${step}`, i);
  });
  return shown;
}

/**
 * The places where a slide asks the room what it has already seen:
 * - a question whose proof step a scenario slide showed earlier, or shows on the very next slide
 *   (the room would predict it again);
 * - a scenario slide that walks through a step an earlier scenario slide showed;
 * - a question right after a note whose text states the right option and none of the others.
 * @param lesson the lesson
 * @returns the problems, in slide order ([] when the lesson predicts before it reveals)
 * @example answeredTooSoon(lesson).map((p) => p.message)
 */
export function answeredTooSoon(lesson: Pick<Lesson, 'slides'>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  lesson.slides.forEach((slide, i) => {
    const shown = firstShown(lesson.slides, i);
    if (slide.kind === 'question' && slide.proof) {
      const key = `${slide.proof.scenario}#${slide.proof.step}`;
      const earlier = shown.get(key);
      if (earlier !== undefined) problems.push({ slide: i, shownOn: earlier, message: `slide ${i + 1} asks about ${key}, which slide ${earlier + 1} already showed` });
      const next = lesson.slides[i + 1];
      if (next?.kind === 'scenario' && next.scenario === slide.proof.scenario && next.steps.includes(slide.proof.step))
        problems.push({ slide: i + 1, shownOn: i, message: `slide ${i + 2} asks the room to predict ${key} again, right after question slide ${i + 1} revealed it` });
    }
    if (slide.kind === 'scenario') {
      for (const step of slide.steps) {
        const earlier = shown.get(`${slide.scenario}#${step}`);
        if (earlier !== undefined) problems.push({ slide: i, shownOn: earlier, message: `slide ${i + 1} walks through ${slide.scenario}#${step} again, already shown on slide ${earlier + 1}` });
      }
    }
    const before = lesson.slides[i - 1];
    if (slide.kind === 'question' && before?.kind === 'note') {
      const note = plain(before.text);
      const right = plain(slide.options[slide.answer]?.text ?? '');
      const others = slide.options.filter((_, n) => n !== slide.answer).map((o) => plain(o.text));
      if (right.length >= 4 && note.includes(right) && !others.some((o) => note.includes(o)))
        problems.push({ slide: i, shownOn: i - 1, message: `slide ${i + 1}'s answer “${slide.options[slide.answer]!.text}” is stated on note slide ${i}, just before` });
    }
  });
  return problems;
}
