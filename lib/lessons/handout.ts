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

/**
 * A JSON document laid out for paper: one member per line down to `depth`, anything deeper on
 * one line (a statement's Principal and Condition each take a line). Text that is not JSON is
 * returned as it is.
 * @param text the document
 * @param depth how many levels are broken into lines
 * @returns the compact text
 * @example compactJson('{"a":{"b":{"c":1}}}', 1) // '{\n  "a": {"b": {"c": 1}}\n}'
 */
export function compactJson(text: string, depth = 3): string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return text;
  }
  const inline = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(inline).join(', ')}]` : v && typeof v === 'object' ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')}}` : JSON.stringify(v);
  const lay = (v: unknown, level: number, indent: string): string => {
    if (level >= depth || !v || typeof v !== 'object') return inline(v);
    const inner = `${indent}  `;
    if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => inner + lay(x, level + 1, inner)).join(',\n')}\n${indent}]` : '[]';
    const entries = Object.entries(v);
    return entries.length ? `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${lay(x, level + 1, inner)}`).join(',\n')}\n${indent}}` : '{}';
  };
  return lay(doc, 0, '');
}

/**
 * For each step of a handout, the check reasons an earlier step of the same slide already
 * printed word for word ("AssumeRoleWithSAML is not signed…" on every step): printed once only.
 * @param lesson the lesson
 * @param digests the scenario digests loaded so far
 * @returns a map from `handoutStepKey(slide, stepId)` to the reasons to leave out
 */
export function repeatedReasons(lesson: Pick<Lesson, 'slides'>, digests: DigestMap): Map<string, ReadonlySet<string>> {
  const out = new Map<string, ReadonlySet<string>>();
  lesson.slides.forEach((slide, i) => {
    if (slide.kind !== 'scenario') return;
    const printed = new Set<string>();
    for (const step of slideSteps(slide, digests[slide.scenario])) {
      const again = new Set(step.trace.map((g) => g.reason).filter((r) => printed.has(r)));
      if (again.size) out.set(handoutStepKey(i, step.id), again);
      for (const g of step.trace) printed.add(g.reason);
    }
  });
  return out;
}
