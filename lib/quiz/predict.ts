/**
 * Predict-then-run: show one step of a scenario, let the learner commit a verdict (the outcome
 * or error code, or the decision) and the check that decides it, then reveal the engine's trace.
 */
import { simulate } from '../engine';
import type { Gate } from '../sts/types';
import { generateQuestion, templateById } from './generate';
import { confirmedDespiteFlag } from './proof';
import { predictGeneratedRef, predictRef } from './refs';
import { builtInScenarioHref } from './share';
import { topics, type Topic } from './topics';
import type { Verdict } from './types';
import { verdictLabel, type EarlierStep, type PredictItem } from './predictItem';
import { decidingGate, isAction, verdictKey, verdictOf, type ActionResult } from './verdict';

type Json = Record<string, unknown>;

export { gradePrediction, verdictLabel, type EarlierStep, type PredictGrade, type PredictItem } from './predictItem';

const codesByCall: Record<string, readonly string[]> = {
  AssumeRole: ['AccessDenied', 'ValidationError', 'InvalidParameterValue', 'MalformedPolicyDocument', 'PackedPolicyTooLarge', 'ExpiredToken', 'RegionDisabledException', 'InvalidClientTokenId'],
  AssumeRoleWithSAML: ['AccessDenied', 'ValidationError', 'InvalidIdentityToken', 'ExpiredTokenException', 'IDPRejectedClaim', 'RegionDisabledException'],
  AssumeRoleWithWebIdentity: ['AccessDenied', 'ValidationError', 'InvalidIdentityToken', 'ExpiredTokenException', 'IDPCommunicationError', 'IDPRejectedClaim', 'RegionDisabledException'],
  GetSessionToken: ['AccessDenied', 'ValidationError', 'RegionDisabledException', 'ExpiredToken', 'InvalidClientTokenId'],
  GetFederationToken: ['AccessDenied', 'ValidationError', 'MalformedPolicyDocument', 'RegionDisabledException', 'ExpiredToken', 'InvalidClientTokenId'],
  other: ['AccessDenied', 'ValidationError', 'ExpiredToken', 'InvalidClientTokenId', 'InvalidAuthorizationMessageException'],
};

const gatesByCall: Record<string, readonly (Gate | 'none')[]> = {
  AssumeRole: ['none', 'authenticate', 'caller-type', 'validate', 'region', 'rcp', 'scp', 'mfa', 'external-id', 'trust-policy', 'caller-permissions', 'boundary', 'session-tags', 'source-identity', 'session-policy', 'duration'],
  AssumeRoleWithSAML: ['none', 'validate', 'region', 'token', 'trust-policy', 'session-policy', 'duration'],
  AssumeRoleWithWebIdentity: ['none', 'validate', 'region', 'token', 'trust-policy', 'session-policy', 'duration'],
  GetSessionToken: ['none', 'authenticate', 'caller-type', 'validate', 'region', 'mfa', 'duration'],
  GetFederationToken: ['none', 'authenticate', 'caller-type', 'validate', 'region', 'caller-permissions', 'session-policy', 'duration'],
  other: ['none', 'authenticate', 'caller-type', 'validate', 'region', 'caller-permissions', 'duration'],
  request: ['none', 'authenticate', 'caller-type', 'rcp', 'scp', 'resource-policy', 'identity-policy', 'boundary', 'session-policy'],
};

/** The verdicts offered for a step (fixed per call type, so the list never hints at the answer). */
export function verdictChoices(step: ActionResult): Verdict[] {
  if (step.kind === 'request') return [{ kind: 'decision', decision: 'Allow' }, { kind: 'decision', decision: 'ExplicitDeny' }, { kind: 'decision', decision: 'ImplicitDeny' }];
  const codes = codesByCall[step.call] ?? codesByCall.other!;
  return [{ kind: 'success' }, ...codes.map((code) => ({ kind: 'error' as const, code }))];
}

/** The gates offered for a step, in pipeline order. */
export function gateChoices(step: ActionResult): (Gate | 'none')[] {
  if (step.kind === 'request') return [...gatesByCall.request!];
  return [...(gatesByCall[step.call] ?? gatesByCall.other!)];
}

/** Maps a learn reference (`slug#heading`) to a quiz topic. */
function topicOfLearn(ref: string): Topic {
  const [slug, heading] = ref.split('#');
  const map: Record<string, Topic> = {
    'sts-basics': 'sts-basics',
    'errors-and-troubleshooting': 'troubleshooting',
    'troubleshooting-calls': 'troubleshooting',
    'assume-role': 'assume-role',
    'trust-policies': 'trust-policies',
    'external-id': 'external-id',
    'assume-role-with-saml': 'saml',
    'assume-role-with-web-identity': 'web-identity',
    'outbound-identity-federation': 'web-identity',
    'get-federation-token': 'get-federation-token',
    'assume-root': 'assume-root',
    'session-policies': 'session-policies',
    'policy-evaluation': 'policy-evaluation',
  };
  if (slug === 'mfa-and-get-session-token') return heading === 'getsessiontoken' ? 'get-session-token' : 'mfa';
  if (slug === 'session-duration') return heading === 'role-chaining' ? 'role-chaining' : 'session-duration';
  if (slug === 'session-tags') return heading === 'sourceidentity' ? 'source-identity' : 'session-tags';
  const t = map[slug ?? ''];
  return t && (topics as readonly string[]).includes(t) ? t : 'sts-basics';
}

const plainGates = new Set<string>(['authenticate', 'caller-type', 'validate', 'region', 'issue', 'decision']);

/**
 * The note (and so the topic) a step teaches: the failing check's; else the most specific passing
 * one (the duration check only when the step asks for a duration).
 */
function noteOf(step: ActionResult, stepJson: Json): string {
  const failed = step.trace.find((t) => t.result === 'fail');
  if (failed) return failed.learn;
  const asksDuration = (stepJson.params as Json | undefined)?.DurationSeconds !== undefined;
  const specific = [...step.trace].reverse().find((t) => !plainGates.has(t.gate) && t.result !== 'skip' && (t.gate !== 'duration' || asksDuration));
  return specific?.learn ?? step.trace[step.trace.length - 1]?.learn ?? 'sts-basics#temporary-credentials';
}

/** The world entries a step involves: those whose ARN the steps so far mention, plus organizations. */
export function relevantWorld(scenario: Json, stepIndex: number): Json {
  const world = (scenario.world ?? {}) as Record<string, unknown>;
  const steps = (scenario.steps ?? []) as Json[];
  const text = JSON.stringify(steps.slice(0, stepIndex + 1));
  const request = (steps[stepIndex]?.request ?? undefined) as { resource?: string } | undefined;
  const out: Json = {};
  for (const [key, value] of Object.entries(world)) {
    if (!Array.isArray(value)) continue;
    if (key === 'accounts') continue;
    const kept = key === 'organizations'
      ? value
      : value.filter((e: { arn?: string }) => {
          const arn = e.arn ?? '';
          if (!arn) return false;
          if (text.includes(arn)) return true;
          if (key === 'resources' && request?.resource?.startsWith(arn)) return true;
          // Federation: the provider named by a role the steps mention.
          if ((key === 'oidcProviders' || key === 'samlProviders') && JSON.stringify(world.roles ?? []).includes(arn)) return true;
          // Managed policies passed by ARN or attached to mentioned roles and users.
          return key === 'managedPolicies' && text.includes(arn);
        });
    if (kept.length) out[key] = kept;
  }
  return out;
}

function describeStep(s: Json): string {
  if (typeof s.call === 'string') return s.call;
  const r = s.request as { action?: string; resource?: string } | undefined;
  if (r) return `${r.action} on ${r.resource}`;
  if (typeof s.advance === 'number') return `Clock moves ${s.advance} s`;
  if (typeof s.advanceTo === 'string') return `Clock moves to ${s.advanceTo}`;
  return 'Step';
}

/** True when the engine's answer for a step rests only on behaviour it is sure about. */
function isCertain(step: ActionResult): boolean {
  return !step.trace.some((t) => t.uncertain && !(t.code in confirmedDespiteFlag));
}

/**
 * Builds the predict item for one step of a scenario.
 * @param scenario the scenario JSON
 * @param stepId the step to predict
 * @param ref the item's progress key
 * @param href a simulator link for the scenario
 * @returns the item, or undefined when the scenario is invalid, the step is not a call or request,
 *   or its outcome rests on behaviour the engine marks uncertain
 */
export function buildPredictItem(scenario: Json, stepId: string, ref: string, href: string): PredictItem | undefined {
  const sim = simulate(scenario, { fixes: false });
  if (!sim.ok) return undefined;
  const steps = (scenario.steps ?? []) as Json[];
  const index = steps.findIndex((s) => s.id === stepId);
  const results = sim.result.steps;
  const step = results[index];
  if (index < 0 || !step || !isAction(step) || !isCertain(step)) return undefined;
  const earlier: EarlierStep[] = [];
  results.slice(0, index).forEach((r, i) => {
    const s = steps[i]!;
    if (r.kind === 'clock') earlier.push({ id: `clock-${i}`, label: describeStep(s), result: `now ${r.at}` });
    else earlier.push({ id: r.id ?? `step-${i}`, label: describeStep(s), result: verdictLabel(verdictOf(r)) });
  });
  const verdict = verdictOf(step);
  const verdicts = verdictChoices(step);
  if (!verdicts.some((v) => verdictKey(v) === verdictKey(verdict))) verdicts.push(verdict);
  const gate = decidingGate(step);
  const gates = gateChoices(step);
  if (!gates.includes(gate)) gates.push(gate);
  const failing = [...new Set(step.trace.filter((t) => t.result === 'fail' && t.gate !== 'decision').map((t) => t.gate))];
  const note = noteOf(step, steps[index]!);
  return {
    ref,
    title: sim.scenario.title,
    scenario,
    href,
    stepId,
    stepJson: steps[index]!,
    step,
    earlier,
    world: relevantWorld(scenario, index),
    verdicts,
    gates,
    verdict,
    gate,
    acceptedGates: failing.length ? failing : ['none'],
    topic: topicOfLearn(note),
    note,
  };
}

/** The steps of a scenario that can be predicted (ids of call and request steps). */
export function predictableSteps(scenario: Json): string[] {
  const steps = (scenario.steps ?? []) as Json[];
  return steps.filter((s) => typeof s.id === 'string' && ('call' in s || 'request' in s)).map((s) => s.id as string);
}

/** The predict item for a built-in scenario's step. */
export function builtInPredictItem(scenarioId: string, scenario: unknown, stepId: string): PredictItem | undefined {
  return buildPredictItem(scenario as Json, stepId, predictRef(scenarioId, stepId), builtInScenarioHref(scenarioId, stepId));
}

/** The predict item for a generated scenario: the step its question asks about. */
export function generatedPredictItem(template: string, seed: number): PredictItem | undefined {
  const g = generateQuestion(template, seed);
  if (!g) return undefined;
  const item = buildPredictItem(g.scenario, g.stepId, predictGeneratedRef(template, seed), g.href);
  // The template knows what it teaches better than a success trace does.
  return item && { ...item, title: templateTitle(template), topic: g.question.topic, note: g.question.note };
}

function templateTitle(id: string): string {
  return `Generated: ${templateById(id)?.title ?? id}`;
}
