/**
 * Runs a built-in scenario (content/scenarios/<id>.json) through the engine at build time and
 * shapes the result for a static, JavaScript-free display in the study notes. Server-side
 * only (reads the file system). A note can never show an outcome the engine disagrees with:
 * the page renders what `simulate` returned, and an unmet `expect` fails the build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simulate, type Scenario, type StepResult, type TraceEntry, type StsResult } from '@/lib/engine';
import type { Step } from '@/lib/scenario/schema';

/** One labelled value shown for a step (a parameter or a response field). */
export interface Field {
  /** The parameter or response element name. */
  name: string;
  /** Its value, shortened for display. */
  value: string;
}

/** How a step ended, for the badge. */
export type Tone = 'success' | 'error' | 'clock';

/** One step of a scenario, ready to render. */
export interface StepView {
  /** 1-based position. */
  number: number;
  /** The step's id in the file, when it has one. */
  id?: string;
  /** What kind of step. */
  kind: 'call' | 'request' | 'clock';
  /** Who signs it, in words. */
  actor: string;
  /** The call or request, in words (`AssumeRole`, `s3:GetObject on arn:…`). */
  action: string;
  /** The parameters passed. */
  params: Field[];
  /** Success, error, or a clock move. */
  tone: Tone;
  /** The outcome in a few words: `Success`, `AccessDenied`, `Allow`, `ImplicitDeny`. */
  label: string;
  /** The error message, or a one-line summary of the credentials issued. */
  detail?: string;
  /** Selected response fields (never secrets). */
  response: Field[];
  /** The checks the engine made. */
  trace: TraceEntry[];
  /** One-line summaries of the smallest changes that would make a failed step succeed. */
  fixes: string[];
  /** Whether the step met its `expect`. */
  expectMet?: boolean;
}

/** A scenario and its run, ready to render. */
export interface ScenarioView {
  id: string;
  title: string;
  /** Markdown (inline only: code, bold, links). */
  summary: string;
  /** The world, as pretty JSON, for readers who want the policies. */
  worldJson: string;
  steps: StepView[];
  /** Every step with an `expect` met it. */
  allMet: boolean;
}

const scenariosDir = path.join(process.cwd(), 'content', 'scenarios');

/** True when a built-in scenario file exists for `id`. */
export function scenarioExists(id: string): boolean {
  try {
    readFileSync(path.join(scenariosDir, `${id}.json`));
    return true;
  } catch {
    return false;
  }
}

function short(s: string, max = 96): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Shortens opaque tokens (encoded messages, session tokens) inside a message. */
export function shortenTokens(s: string): string {
  return s.replace(/[A-Za-z0-9+/=._-]{60,}/g, (t) => `${t.slice(0, 24)}…`);
}

/** Renders seconds as `3600 s (1 h)`. */
export function formatSeconds(s: number): string {
  const parts: string[] = [];
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (sec || parts.length === 0) parts.push(`${sec} s`);
  return s >= 60 ? `${s} s (${parts.join(' ')})` : `${s} s`;
}

function nameOfArn(arn: string): string {
  return arn.split(/[/:]/).pop() ?? arn;
}

function describeActor(step: Step): string {
  if (!('call' in step) && !('request' in step)) return 'The clock';
  const as = step.as;
  if (!as) return 'Anyone (an unsigned call)';
  if ('user' in as) {
    return as.mfaAgeSeconds !== undefined
      ? `${nameOfArn(as.user)} (IAM user, signed in with MFA ${as.mfaAgeSeconds} s earlier)`
      : `${nameOfArn(as.user)} (IAM user, long-term access key)`;
  }
  if ('root' in as) return `The root user of account ${as.root}`;
  if ('session' in as) return `The credentials from step “${as.session}”`;
  return `Access key ${as.accessKeyId}`;
}

function describeParam(name: string, v: unknown): string {
  if (v && typeof v === 'object' && 'fromStep' in v) {
    const ref = v as { fromStep: string; path: string };
    return `from step “${ref.fromStep}” (${ref.path})`;
  }
  if (typeof v === 'string') return short(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (name === 'Tags' && Array.isArray(v)) return v.map((t: { Key?: string; Value?: string }) => `${t.Key}=${t.Value}`).join(', ');
  if (name === 'PolicyArns' && Array.isArray(v)) return v.map((p: { arn?: string }) => p.arn).join(', ');
  if (name === 'TransitiveTagKeys' && Array.isArray(v)) return v.join(', ');
  if (name === 'SAMLAssertion' && v && typeof v === 'object') {
    const a = v as { issuer?: string; signature?: string; notOnOrAfter?: string };
    return `SAML assertion from ${a.issuer ?? '?'}, signature ${a.signature ?? '?'}, valid until ${a.notOnOrAfter ?? '?'}`;
  }
  if (name === 'WebIdentityToken' && v && typeof v === 'object') {
    const t = v as Record<string, unknown>;
    const claims = ['iss', 'sub', 'aud', 'azp'].filter((k) => t[k] !== undefined).map((k) => `${k}=${String(t[k])}`);
    return short(`token ${claims.join(', ')}, signature ${String(t.signature ?? '?')}`, 160);
  }
  return short(JSON.stringify(v), 160);
}

function describeParams(step: Step): Field[] {
  if (!('call' in step)) return [];
  const out = Object.entries(step.params ?? {}).map(([name, v]) => ({ name, value: describeParam(name, v) }));
  if (step.context?.endpoint === 'global') out.push({ name: 'Endpoint', value: 'global (sts.amazonaws.com)' });
  if (step.context?.region) out.push({ name: 'Region', value: step.context.region });
  if (step.context?.sourceIp) out.push({ name: 'Source IP', value: step.context.sourceIp });
  return out;
}

function responseFields(result: StepResult): Field[] {
  if (result.kind !== 'call' || !result.response) return [];
  const out: Field[] = [];
  for (const [k, v] of Object.entries(result.response)) {
    if (k === 'Credentials' && v && typeof v === 'object') {
      const c = v as Record<string, unknown>;
      out.push({ name: 'AccessKeyId', value: String(c.AccessKeyId) });
      out.push({ name: 'Expiration', value: String(c.Expiration) });
    } else if (v && typeof v === 'object') {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) out.push({ name: `${k}.${k2}`, value: short(String(v2)) });
    } else if (k !== 'DecodedMessage') {
      out.push({ name: k, value: short(String(v)) });
    } else {
      out.push({ name: k, value: short(String(v), 200) });
    }
  }
  return out;
}

function outcomeOf(result: StepResult, stepAt: string): Pick<StepView, 'tone' | 'label' | 'detail'> {
  if (result.kind === 'clock') return { tone: 'clock', label: `Clock now ${result.at}` };
  if (result.kind === 'request') {
    return result.decision === 'Allow'
      ? { tone: 'success', label: 'Allow' }
      : { tone: 'error', label: result.decision, detail: result.error ? `${result.error.code}: ${shortenTokens(result.error.message)}` : undefined };
  }
  if (result.outcome === 'error') {
    return { tone: 'error', label: result.error?.code ?? 'Error', detail: result.error ? shortenTokens(result.error.message) : undefined };
  }
  const creds = (result.response as { Credentials?: { Expiration?: string } } | undefined)?.Credentials;
  if (creds?.Expiration) {
    const seconds = Math.round((Date.parse(creds.Expiration) - Date.parse(stepAt)) / 1000);
    return { tone: 'success', label: 'Success', detail: `Temporary credentials valid for ${formatSeconds(seconds)}, until ${creds.Expiration}.` };
  }
  return { tone: 'success', label: 'Success' };
}

function describeAction(step: Step): string {
  if ('call' in step) return step.call;
  if ('request' in step) return `${step.request.action} on ${step.request.resource}`;
  if ('advance' in step) return `Time moves on ${formatSeconds(step.advance)}`;
  return `Time moves to ${step.advanceTo}`;
}

/**
 * Builds the view of a scenario and its result.
 * @param scenario the validated scenario
 * @param result the engine's `sts-result/v1`
 */
export function toScenarioView(scenario: Scenario, result: StsResult, worldInput: unknown): ScenarioView {
  const steps: StepView[] = result.steps.map((r, i) => {
    const step = scenario.steps[i]!;
    const at = r.at;
    const base = {
      number: i + 1,
      actor: describeActor(step),
      action: describeAction(step),
      params: describeParams(step),
      response: responseFields(r),
      ...outcomeOf(r, at),
    };
    if (r.kind === 'clock') return { ...base, kind: 'clock', trace: [], fixes: [] } satisfies StepView;
    return {
      ...base,
      id: r.id,
      kind: r.kind,
      trace: r.trace,
      fixes: (r.fixes ?? []).map((f) => f.summary),
      expectMet: r.expect?.met,
    } satisfies StepView;
  });
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary ?? '',
    worldJson: JSON.stringify(worldInput, null, 2),
    steps,
    allMet: steps.every((s) => s.expectMet !== false),
  };
}

const cache = new Map<string, ScenarioView>();

/**
 * Reads, runs and shapes one built-in scenario (cached per process).
 * @throws when the file is missing, invalid, or a step does not meet its `expect`
 * @example loadScenarioView('cross-account-external-id').steps[0].label // 'AccessDenied'
 */
export function loadScenarioView(id: string): ScenarioView {
  const hit = cache.get(id);
  if (hit) return hit;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`not a scenario id: ${id}`);
  const text = readFileSync(path.join(scenariosDir, `${id}.json`), 'utf8');
  const sim = simulate(text);
  if (!sim.ok) throw new Error(`content/scenarios/${id}.json is invalid: ${sim.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  if (sim.scenario.id !== id) throw new Error(`content/scenarios/${id}.json has id "${sim.scenario.id}"`);
  const view = toScenarioView(sim.scenario, sim.result, (JSON.parse(text) as { world: unknown }).world);
  if (!view.allMet) {
    const bad = view.steps.filter((s) => s.expectMet === false).map((s) => s.id ?? String(s.number));
    throw new Error(`content/scenarios/${id}.json: steps ${bad.join(', ')} do not meet their expect`);
  }
  cache.set(id, view);
  return view;
}
