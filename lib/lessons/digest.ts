/**
 * A scenario digest: what a classroom slide needs from one engine run (who calls what,
 * the trust policy in play, each step's trace and outcome), computed at build time and
 * served as static JSON so the presenter ships no engine to the browser.
 */
import { type Simulation } from '../engine';
import { type Gate } from '../sts/types';

/** The digest format tag. */
export const DIGEST_FORMAT = 'classroom-scenario/v1';

/** One trace entry, as the room sees it. */
export interface DigestGate {
  /** The gate's name, e.g. `trust-policy`. */
  gate: Gate;
  /** pass, fail, skip or info. */
  result: 'pass' | 'fail' | 'skip' | 'info';
  /** Stable reason code. */
  code: string;
  /** Why, in plain English. */
  reason: string;
  /** Study-note section `slug#heading`. */
  learn: string;
  /** Set when AWS does not document this behaviour. */
  uncertain?: boolean;
}

/** One labelled value of a response or a request. */
export interface DigestField {
  /** Name, e.g. `RoleArn`. */
  label: string;
  /** The value, as text (objects as compact JSON). */
  value: string;
}

/** One call or request step. */
export interface DigestStep {
  /** The step id that lessons refer to. */
  id: string;
  /** Position in the scenario's steps (clock steps included). */
  index: number;
  /** `call` to STS or an authorized `request`. */
  kind: 'call' | 'request';
  /** `AssumeRole`, or the action such as `s3:GetObject`. */
  label: string;
  /** Who signs the request, in words. */
  caller: string;
  /** Parameters (call) or action/resource (request). */
  input: DigestField[];
  /** The role's trust policy, for calls that name a role. */
  trustPolicy?: { role: string; document: string };
  /** Success or error. */
  outcome: 'success' | 'error';
  /** The AWS error, on failure. */
  error?: { code: string; httpStatus: number; message: string };
  /** A request's decision. */
  decision?: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';
  /** Key response values on success. */
  response: DigestField[];
  /** The checks, in order. */
  trace: DigestGate[];
}

/** Everything the classroom shows of one scenario. */
export interface ScenarioDigest {
  /** Always {@link DIGEST_FORMAT}. */
  format: typeof DIGEST_FORMAT;
  /** Scenario id. */
  id: string;
  /** Scenario title. */
  title: string;
  /** Scenario summary (markdown-ish), if any. */
  summary?: string;
  /** Call and request steps; clock steps are folded into the next step's time. */
  steps: DigestStep[];
}

/** A scenario and its steps, for the builder's pickers. */
export interface CatalogEntry {
  /** Scenario id. */
  id: string;
  /** Scenario title. */
  title: string;
  /** Its steps: id, label and outcome in words. */
  steps: { id: string; label: string; outcome: string }[];
}

const compact = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v, null, 1).replace(/\n\s*/g, ' '));

function describeCaller(as: unknown): string {
  if (!as || typeof as !== 'object') return 'Unsigned: the token itself is the credential';
  const a = as as Record<string, unknown>;
  if (typeof a.user === 'string') {
    const name = a.user.split('/').pop();
    return a.mfaAgeSeconds !== undefined ? `User ${name}, signed in with MFA ${String(a.mfaAgeSeconds)} s ago` : `User ${name}, long-term access keys`;
  }
  if (typeof a.root === 'string') return `Root user of account ${a.root}`;
  if (typeof a.session === 'string') return `The session issued in step “${a.session}”`;
  if (typeof a.accessKeyId === 'string') return `Access key ${a.accessKeyId}`;
  return 'Unknown caller';
}

function describeValue(v: unknown): string {
  if (v && typeof v === 'object' && 'fromStep' in v && 'path' in v) {
    const r = v as { fromStep: string; path: string };
    return `from step “${r.fromStep}” (${r.path})`;
  }
  return compact(v);
}

const responseKeys: [string, string][] = [
  ['AssumedRoleUser.Arn', 'Session ARN'],
  ['FederatedUser.Arn', 'Federated user'],
  ['Arn', 'Arn'],
  ['UserId', 'UserId'],
  ['Account', 'Account'],
  ['Credentials.AccessKeyId', 'AccessKeyId'],
  ['Credentials.Expiration', 'Expiration'],
  ['SourceIdentity', 'SourceIdentity'],
  ['PackedPolicySize', 'PackedPolicySize'],
  ['SubjectFromWebIdentityToken', 'Subject'],
];

function pick(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const k of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/**
 * Builds the classroom digest of a simulation.
 * @param sim a successful `simulate()` result (the scenario was valid)
 * @returns the digest: each call/request step with its input, trust policy, trace and outcome
 * @example makeDigest(simulate(text, { fixes: false }) as Extract<Simulation, { ok: true }>)
 */
export function makeDigest(sim: Extract<Simulation, { ok: true }>): ScenarioDigest {
  const { scenario, result } = sim;
  const roles = new Map((scenario.world.roles ?? []).map((r) => [r.arn, r]));
  const steps: DigestStep[] = [];
  result.steps.forEach((r, index) => {
    if (r.kind === 'clock') return;
    const src = scenario.steps[index] as Record<string, unknown>;
    const input: DigestField[] = [];
    let trustPolicy: DigestStep['trustPolicy'];
    if (r.kind === 'call') {
      const params = (src.params ?? {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(params)) input.push({ label: k, value: describeValue(v) });
      const roleArn = typeof params.RoleArn === 'string' ? params.RoleArn : undefined;
      const role = roleArn ? roles.get(roleArn) : undefined;
      if (role?.trustPolicy !== undefined)
        trustPolicy = { role: role.arn.split('/').pop() ?? role.arn, document: typeof role.trustPolicy === 'string' ? role.trustPolicy : JSON.stringify(role.trustPolicy, null, 2) };
    } else {
      input.push({ label: 'Action', value: r.action }, { label: 'Resource', value: r.resource });
      const ctx = (src.request as { context?: Record<string, unknown> } | undefined)?.context;
      for (const [k, v] of Object.entries(ctx ?? {})) input.push({ label: k, value: compact(v) });
    }
    const response: DigestField[] = [];
    if (r.kind === 'call' && r.outcome === 'success')
      for (const [path, label] of responseKeys) {
        const v = pick(r.response, path);
        if (v !== undefined && v !== null) response.push({ label, value: compact(v) });
      }
    steps.push({
      id: r.id ?? `step-${index + 1}`,
      index,
      kind: r.kind,
      label: r.kind === 'call' ? r.call : r.action,
      caller: describeCaller(src.as),
      input,
      ...(trustPolicy ? { trustPolicy } : {}),
      outcome: r.outcome,
      ...(r.error ? { error: { code: r.error.code, httpStatus: r.error.httpStatus, message: r.error.message } } : {}),
      ...(r.kind === 'request' ? { decision: r.decision } : {}),
      response,
      trace: r.trace.map((t) => ({ gate: t.gate, result: t.result, code: t.code, reason: t.reason, learn: t.learn, ...(t.uncertain ? { uncertain: true } : {}) })),
    });
  });
  return { format: DIGEST_FORMAT, id: scenario.id, title: scenario.title, ...(scenario.summary ? { summary: scenario.summary } : {}), steps };
}

/**
 * Words for a step's outcome: `success`, `AccessDenied`, `Allow`…
 * @param step a digest step
 * @returns a short outcome label
 * @example outcomeLabel(step) // 'AccessDenied'
 */
export function outcomeLabel(step: Pick<DigestStep, 'outcome' | 'error' | 'decision' | 'kind'>): string {
  if (step.kind === 'request') return step.decision === 'Allow' ? 'Allow' : (step.error?.code ?? step.decision ?? 'denied');
  return step.outcome === 'success' ? 'success' : (step.error?.code ?? 'error');
}

/**
 * The builder's view of a digest.
 * @param d a digest
 * @returns id, title and step labels
 * @example toCatalogEntry(digest).steps[0].id
 */
export function toCatalogEntry(d: ScenarioDigest): CatalogEntry {
  return { id: d.id, title: d.title, steps: d.steps.map((s) => ({ id: s.id, label: s.label, outcome: outcomeLabel(s) })) };
}
