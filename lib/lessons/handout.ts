/**
 * What a printed handout leaves out so that a lesson fits on about four A4 pages: a trust policy
 * printed once is referred to, not printed again, when a later step shows the same role and
 * the same document. Pure functions; components/classroom/Handout.tsx renders the result.
 */
import { type DigestMap, slideSteps } from './deck';
import { type Lesson } from './schema';

/** Key of one step on one slide of a handout. */
export const handoutStepKey = (slide: number, stepId: string) => `${slide}:${stepId}`;

/**
 * For each step whose trust policy was already printed earlier in the handout, where it was
 * printed ("slide 2, step 1"); steps that print their policy are absent.
 * @param lesson the lesson
 * @param digests the scenario digests loaded so far
 * @returns a map from `handoutStepKey(slide, stepId)` to the place of the first printing
 * @example repeatedPolicies(lesson, digests).get(handoutStepKey(3, 'b')) // 'slide 2, step 1'
 */
export function repeatedPolicies(lesson: Pick<Lesson, 'slides'>, digests: DigestMap): Map<string, string> {
  const printed = new Map<string, string>();
  const repeated = new Map<string, string>();
  lesson.slides.forEach((slide, i) => {
    if (slide.kind !== 'scenario') return;
    slideSteps(slide, digests[slide.scenario]).forEach((step, n) => {
      if (!step.trustPolicy) return;
      const what = `${step.trustPolicy.role}\n${step.trustPolicy.document}`;
      const where = printed.get(what);
      if (where) repeated.set(handoutStepKey(i, step.id), where);
      else printed.set(what, `slide ${i + 1}, step ${n + 1}`);
    });
  });
  return repeated;
}
