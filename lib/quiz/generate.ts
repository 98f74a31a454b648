/**
 * Generated questions: templates (lib/quiz/generators/, one family per file) build a fresh
 * scenario from a seed (callers, principals, conditions, durations, chaining, MFA, ExternalId,
 * tags, session policies); this module runs it through the engine and lets the engine's result
 * pick the right answer. Each template also states what it expects from the rules it encodes
 * (its oracle), so tests can check that the template's idea of AWS and the engine agree for
 * many seeds.
 *
 * Deterministic: the same template and seed always give the same question.
 */
import { simulate } from '../engine';
import { gateLabels } from './gates';
import { templateById, type Choice, type Generated, type Json } from './generators';
import { createRng } from './rng';
import { sharedScenarioHref } from './share';
import type { Question } from './types';
import { decidingEntry, durationOf, isAction, type ActionResult } from './verdict';

export { humanSeconds, templateById, templates, type Built, type Choice, type Generated, type Template } from './generators';

/** The step a generated question asks about: the first failed call, else the last action step. */
function focusStep(steps: ActionResult[]): ActionResult | undefined {
  return steps.find((s) => s.kind === 'call' && s.outcome === 'error') ?? steps[steps.length - 1];
}

/** One sentence of what the engine did for a step, with its reason. */
export function summarize(step: ActionResult): string {
  const failed = decidingEntry(step);
  if (step.kind === 'call') {
    if (step.outcome === 'error') {
      return `STS rejects the call with \`${step.error?.code}\` at the check “${gateLabels[failed?.gate ?? 'none']}”: ${failed?.reason ?? step.error?.message ?? ''}`;
    }
    const issued = step.trace.find((t) => t.gate === 'issue');
    return `Every check passes. ${issued?.reason ?? 'STS issues credentials.'}`;
  }
  const word = { Allow: 'allowed', ExplicitDeny: 'explicitly denied', ImplicitDeny: 'implicitly denied' }[step.decision];
  if (failed && failed.gate !== 'decision') return `The request is ${word}. ${gateLabels[failed.gate]}: ${failed.reason}`;
  const passes = step.trace.filter((t) => t.result === 'pass' && t.gate !== 'authenticate' && t.gate !== 'decision').map((t) => t.reason);
  return `The request is ${word}. ${passes.join(' ')}`.trim();
}

/**
 * Builds and runs a template for a seed, and turns the engine's result into a question.
 * @param templateId a template id (see `templates`)
 * @param seed any 32-bit integer; the same seed always gives the same question
 * @returns the question with its scenario and the engine's step result, or undefined for an unknown template
 * @example generateQuestion('duration', 7)?.question.options
 */
export function generateQuestion(templateId: string, seed: number): Generated | undefined {
  const template = templateById(templateId);
  if (!template) return undefined;
  const rng = createRng(seed);
  const built = template.build(rng);
  const scenarioJson: Json = { ...built.scenario, id: `gen-${template.id}-${seed >>> 0}` };
  const sim = simulate(scenarioJson, { fixes: false });
  if (!sim.ok) throw new Error(`Invariant failed: template ${template.id} built an invalid scenario: ${sim.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const actions = sim.result.steps.filter(isAction);
  const step = focusStep(actions);
  if (!step?.id) throw new Error(`Invariant failed: template ${template.id} built a scenario without steps`);

  // Every step the question is not about gets an expect of what happened, so the shared
  // scenario checks out in the simulator; the asked step gets the engine's answer too.
  const withExpect = structuredClone(scenarioJson) as { steps: Json[] };
  for (const s of withExpect.steps) {
    const r = actions.find((x) => x.id === s.id);
    if (!r) continue;
    s.expect = r.kind === 'request' ? { decision: r.decision } : r.outcome === 'success' ? { outcome: 'success', ...(durationOf(r) ? { durationSeconds: durationOf(r) } : {}) } : { outcome: 'error', code: r.error?.code };
  }

  const matching = built.choices.filter((c) => c.matches(step));
  const right = matching[0];
  const summary = summarize(step);
  const correct: Choice = right ?? { key: 'engine', text: `Something else: ${summary}`, matches: () => true, when: '' };
  const distractors = rng.shuffle(built.choices.filter((c) => c !== correct && !c.matches(step))).slice(0, 3);
  const ordered = rng.shuffle([correct, ...distractors]);
  const question: Question = {
    id: `gen:${template.id}:${seed >>> 0}`,
    kind: 'single',
    stem: built.stem,
    exhibits: built.exhibits,
    options: ordered.map((c, i) => ({
      id: String.fromCharCode(97 + i),
      text: c.text,
      correct: c === correct,
      // The engine's account of what happened goes with the right answer; each wrong one says
      // when it would have been right, which is what a learner needs to tell them apart.
      explanation: c === correct ? `${summary} ${built.rule}` : `This would be the answer if ${c.when}.`,
    })),
    topic: template.topic,
    note: template.note,
    domain: template.domain,
    difficulty: template.difficulty,
    origin: { kind: 'generated', template: template.id, seed: seed >>> 0, scenario: withExpect },
  };
  return { question, scenario: withExpect as unknown as Json, stepId: step.id, step, expected: built.expected, actual: right?.key, href: sharedScenarioHref(withExpect, step.id) };
}
