/**
 * Counterfactuals: for each failed step, the smallest changes to the scenario file that
 * make it succeed. Candidates come from the trace; each is verified by applying its patch
 * and running the scenario again, so a fix that is offered always works.
 */
import { matchAction } from '../policy/match';
import { applyPatch, type PatchOp } from '../util/jsonPatch';
import { caps } from './caps';
import { loadScenario } from './load';
import { runScenario, type Fix, type StepResult } from './run';
import { type CallStep, type RequestStep, type Scenario } from './schema';
import { arnAccount, type Role, type World } from '../world/world';

type Raw = { world?: Record<string, unknown>; steps?: Record<string, unknown>[] } & Record<string, unknown>;

const doc = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });

/** Patch ops that add a statement to a policy document found at `path` in the raw file. */
function addStatement(raw: Raw, path: string, statement: Record<string, unknown>): PatchOp[] | undefined {
  const parts = path.split('/').slice(1);
  let cur: unknown = raw;
  for (const p of parts) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  if (!cur || typeof cur !== 'object') return undefined;
  const st = (cur as Record<string, unknown>).Statement;
  if (Array.isArray(st)) return [{ op: 'add', path: `${path}/Statement/-`, value: statement }];
  if (st && typeof st === 'object') return [{ op: 'replace', path: `${path}/Statement`, value: [st, statement] }];
  return undefined;
}

/** Patch ops that give an IAM user or role one more inline policy. */
function addIdentityPolicy(raw: Raw, kind: 'users' | 'roles', index: number, statement: Record<string, unknown>): PatchOp[] {
  const list = (raw.world?.[kind] as Record<string, unknown>[] | undefined)?.[index];
  const base = `/world/${kind}/${index}/policies`;
  return Array.isArray(list?.policies) ? [{ op: 'add', path: `${base}/-`, value: doc(statement) }] : [{ op: 'add', path: base, value: [doc(statement)] }];
}

interface Ctx {
  raw: Raw;
  scenario: Scenario;
  world: World;
  results: StepResult[];
}

/** The principal that signs a step, as a policy would name it, and where its policies live. */
function signer(ctx: Ctx, step: CallStep | RequestStep): { principal?: string; owner?: { kind: 'users' | 'roles'; index: number }; issuedBy?: number } {
  const as = step.as;
  if (!as) return {};
  if ('user' in as) {
    const u = ctx.world.users.get(as.user);
    return u ? { principal: u.arn, owner: { kind: 'users', index: u.index } } : {};
  }
  if ('session' in as) {
    const idx = ctx.scenario.steps.findIndex((s) => 'id' in s && s.id === as.session);
    const src = ctx.scenario.steps[idx];
    if (!src || !('call' in src)) return {};
    const roleArn = typeof src.params?.RoleArn === 'string' ? src.params.RoleArn : undefined;
    const role = roleArn ? ctx.world.roles.get(roleArn) : undefined;
    if (role && src.call.startsWith('AssumeRole')) return { principal: role.arn, owner: { kind: 'roles', index: role.index }, issuedBy: idx };
    if (src.as && 'user' in src.as) {
      const u = ctx.world.users.get(src.as.user);
      return u ? { principal: u.arn, owner: { kind: 'users', index: u.index }, issuedBy: idx } : {};
    }
  }
  return {};
}

/**
 * The condition keys of the trust statements that already allow `action`. A new statement without
 * them lets its principal in without meeting them (MFA, ExternalId, source IP, …).
 */
function guardKeys(role: Role, action: string): string[] {
  const keys = role.trust.policy.statements
    .filter((s) => s.effect === 'Allow' && s.conditions.length && (s.action ?? []).some((a) => matchAction(a, action)))
    .flatMap((s) => s.conditions.map((c) => c.key));
  return [...new Set(keys)];
}

/** What a fix that adds an unconditioned trust statement gives up, if anything. */
function weakensTrust(role: Role, action: string): string | undefined {
  const keys = guardKeys(role, action);
  if (!keys.length) return undefined;
  return `The new statement has no Condition, so it skips what ${role.name}'s trust policy checks for everyone else (${keys.join(', ')}). Prefer a fix that meets the condition.`;
}

const withWeakens = (weakens: string | undefined): Pick<Fix, 'weakens'> => (weakens ? { weakens } : {});

/** Candidate fixes for one failed step, from its trace. */
function candidates(ctx: Ctx, i: number): Fix[] {
  const step = ctx.scenario.steps[i] as CallStep | RequestStep;
  const r = ctx.results[i];
  if (!r || r.kind === 'clock') return [];
  const codes = new Set(r.trace.filter((t) => t.result === 'fail').map((t) => t.code));
  const out: Fix[] = [];
  const sp = `/steps/${i}`;
  const params = 'call' in step ? (step.params ?? {}) : {};
  const roleArn = typeof params.RoleArn === 'string' ? params.RoleArn : undefined;
  const role = roleArn ? ctx.world.roles.get(roleArn) : undefined;
  const who = signer(ctx, step);
  const setParam = (name: string, value: unknown): PatchOp => ({ op: name in params ? 'replace' : 'add', path: `${sp}/params${'params' in step ? '' : ''}/${name}`, value });
  const ensureParams: PatchOp[] = 'call' in step && !step.params ? [{ op: 'add', path: `${sp}/params`, value: {} }] : [];

  if (role && (codes.has('external-id.missing') || codes.has('external-id.mismatch'))) {
    for (const st of role.trust.policy.statements)
      for (const c of st.conditions)
        if (c.key.toLowerCase() === 'sts:externalid' && c.values[0] && !/[*?$]/.test(c.values[0]))
          out.push({ summary: `Pass the ExternalId the trust policy expects ("${c.values[0]}")`, patch: [...ensureParams, setParam('ExternalId', c.values[0])] });
  }
  if (codes.has('mfa.absent') || codes.has('mfa.condition-failed') || codes.has('mfa.wrong-code') || codes.has('mfa.missing-code')) {
    const user = step.as && 'user' in step.as ? ctx.world.users.get(step.as.user) : undefined;
    const dev = user?.mfaDevices[0];
    if (dev && 'call' in step && (step.call === 'AssumeRole' || step.call === 'GetSessionToken'))
      out.push({ summary: `Sign the call with MFA: pass SerialNumber ${dev.serial} and its current TokenCode`, patch: [...ensureParams, setParam('SerialNumber', dev.serial), setParam('TokenCode', dev.code)] });
  }
  if ((codes.has('mfa.absent') || codes.has('mfa.condition-failed') || codes.has('caller.session-token-iam-without-mfa')) && who.issuedBy !== undefined) {
    // The session came from GetSessionToken without MFA: add MFA there.
    const src = ctx.scenario.steps[who.issuedBy] as CallStep;
    const user = src.as && 'user' in src.as ? ctx.world.users.get(src.as.user) : undefined;
    const dev = user?.mfaDevices[0];
    if (dev && src.call === 'GetSessionToken') {
      const base = `/steps/${who.issuedBy}/params`;
      const has = src.params !== undefined;
      const ops: PatchOp[] = has
        ? [{ op: 'add', path: `${base}/SerialNumber`, value: dev.serial }, { op: 'add', path: `${base}/TokenCode`, value: dev.code }]
        : [{ op: 'add', path: base, value: { SerialNumber: dev.serial, TokenCode: dev.code } }];
      out.push({ summary: `Call GetSessionToken in step "${src.id ?? who.issuedBy}" with MFA (SerialNumber ${dev.serial} and its TokenCode)`, patch: ops });
    }
  }
  if (codes.has('duration.chaining-cap')) out.push({ summary: 'Ask for at most one hour: a chained role session cannot be longer', patch: [setParam('DurationSeconds', 3600)] });
  if (role && codes.has('duration.above-max-session-duration')) {
    out.push({ summary: `Ask for no more than ${role.name}'s MaxSessionDuration (${role.maxSessionDuration} seconds)`, patch: [setParam('DurationSeconds', role.maxSessionDuration)] });
    const d = typeof params.DurationSeconds === 'number' ? params.DurationSeconds : 0;
    if (d <= 43200) out.push({ summary: `Raise ${role.name}'s MaxSessionDuration to ${d} seconds`, patch: [{ op: 'add', path: `/world/roles/${role.index}/maxSessionDuration`, value: d }] });
  }
  if (codes.has('validate.params') && r.error?.message.includes("'durationSeconds'")) {
    const d = typeof params.DurationSeconds === 'number' ? params.DurationSeconds : 0;
    out.push({ summary: d < 900 ? 'Ask for at least 900 seconds' : 'Ask for a shorter session', patch: [setParam('DurationSeconds', d < 900 ? 900 : 'call' in step && (step.call === 'GetSessionToken' || step.call === 'GetFederationToken') ? 129600 : 'call' in step && step.call === 'AssumeRoot' ? 900 : 3600)] });
  }
  if (codes.has('validate.params') && r.error?.message.includes("'roleSessionName'") && typeof params.RoleSessionName === 'string') {
    const fixed = params.RoleSessionName.replace(/[^\w+=,.@-]/g, '-').slice(0, 64).padEnd(2, '0');
    out.push({ summary: `Use a valid RoleSessionName ("${fixed}")`, patch: [setParam('RoleSessionName', fixed)] });
  }
  const stsAction = 'call' in step ? `sts:${step.call}` : undefined;
  if (role && who.principal && codes.has('trust.no-statement-allows') && stsAction === 'sts:AssumeRole') {
    const p = addStatement(ctx.raw, `/world/roles/${role.index}/trustPolicy`, { Effect: 'Allow', Principal: { AWS: who.principal }, Action: 'sts:AssumeRole' });
    if (p) out.push({ summary: `Add ${who.principal} to ${role.name}'s trust policy`, patch: p, ...withWeakens(weakensTrust(role, 'sts:AssumeRole')) });
  }
  if (role && who.principal && (codes.has('tags.tagsession-denied') || codes.has('source-identity.denied'))) {
    const action = codes.has('tags.tagsession-denied') ? 'sts:TagSession' : 'sts:SetSourceIdentity';
    const p = addStatement(ctx.raw, `/world/roles/${role.index}/trustPolicy`, { Effect: 'Allow', Principal: { AWS: who.principal }, Action: action });
    if (p) out.push({ summary: `Allow ${action} for ${who.principal} in ${role.name}'s trust policy`, patch: p, ...withWeakens(weakensTrust(role, action)) });
  }
  if (who.owner && codes.has('identity.no-allow')) {
    const action = 'request' in step ? step.request.action : stsAction;
    const resource = 'request' in step ? step.request.resource : role?.arn ?? (stsAction === 'sts:GetFederationToken' ? '*' : '*');
    if (action) out.push({ summary: `Give ${who.principal?.split(':').pop()} an identity-based policy that allows ${action} on ${resource}`, patch: addIdentityPolicy(ctx.raw, who.owner.kind, who.owner.index, { Effect: 'Allow', Action: action, Resource: resource }) });
  }
  if (codes.has('session.no-allow') && who.issuedBy !== undefined) {
    const src = ctx.scenario.steps[who.issuedBy] as CallStep;
    const ops: PatchOp[] = [];
    if (src.params?.Policy !== undefined) ops.push({ op: 'remove', path: `/steps/${who.issuedBy}/params/Policy` });
    if (src.params?.PolicyArns !== undefined) ops.push({ op: 'remove', path: `/steps/${who.issuedBy}/params/PolicyArns` });
    if (ops.length) out.push({ summary: `Drop the session policy from step "${src.id ?? who.issuedBy}" (it limits this session)`, patch: ops });
  }
  if ('request' in step && codes.has('resource.cross-account-no-policy') && who.principal) {
    const res = ctx.world.resources.find((x) => step.request.resource === x.arn || step.request.resource.startsWith(x.arn + '/'));
    const idx = res ? ctx.world.resources.indexOf(res) : -1;
    if (idx >= 0 && !res?.policy)
      out.push({ summary: `Give ${res!.arn} a resource-based policy that allows ${who.principal}`, patch: [{ op: 'add', path: `/world/resources/${idx}/policy`, value: doc({ Effect: 'Allow', Principal: { AWS: who.principal }, Action: step.request.action, Resource: step.request.resource }) }] });
  }
  if (codes.has('oidc.wrong-audience') && 'call' in step && typeof params.WebIdentityToken === 'object' && params.WebIdentityToken) {
    const aud = (params.WebIdentityToken as Record<string, unknown>).aud;
    const iss = String((params.WebIdentityToken as Record<string, unknown>).iss ?? '');
    const j = ((ctx.raw.world?.oidcProviders as { url: string; clientIds?: string[] }[] | undefined) ?? []).findIndex((o) => o.url.replace(/\/$/, '') === iss.replace(/\/$/, '') && arnAccount(roleArn ?? '') !== undefined);
    if (j >= 0 && typeof aud === 'string') {
      const has = Array.isArray((ctx.raw.world?.oidcProviders as { clientIds?: string[] }[])[j]?.clientIds);
      out.push({ summary: `Add "${aud}" to the OIDC provider's client IDs`, patch: [{ op: 'add', path: has ? `/world/oidcProviders/${j}/clientIds/-` : `/world/oidcProviders/${j}/clientIds`, value: has ? aud : [aud] }] });
    }
  }
  return out;
}

/** Whether step i succeeds once the patch is applied (the run stops at step i: later steps cannot change it). */
function verify(raw: Raw, i: number, fix: Fix): boolean {
  const patched = applyPatch(raw, fix.patch);
  if (!patched) return false;
  const loaded = loadScenario(patched);
  if (!loaded.ok) return false;
  const r = runScenario(loaded.scenario, loaded.world, { through: i }).steps[i];
  return !!r && r.kind !== 'clock' && r.outcome === 'success';
}

/** Limits on the work fixes may do. */
export interface FixOptions {
  /** Scenario runs spent verifying one step's candidates; candidates beyond it are dropped. Default {@link caps.fixRunsPerStep}. */
  budgetRuns?: number;
}

/** Verified fixes for failed step i, safeguard-keeping ones first, within the run budget. */
function fixesOfStep(ctx: Ctx, i: number, budgetRuns: number): Fix[] {
  const r = ctx.results[i];
  if (!r || r.kind === 'clock' || r.outcome === 'success') return [];
  const verified: Fix[] = [];
  let runs = 0;
  for (const f of candidates(ctx, i)) {
    if (runs++ >= budgetRuns) break;
    if (verify(ctx.raw, i, f)) verified.push(f);
  }
  // Fixes that keep every safeguard come first; those that go around one come last, flagged.
  return verified.sort((a, b) => Number(!!a.weakens) - Number(!!b.weakens));
}

/** Which failed steps get fixes, and how much work each may take. */
export interface ComputeFixesOptions extends FixOptions {
  /** Only these step indexes (default: every failed step, up to `maxSteps`). */
  steps?: readonly number[];
  /** At most this many failed steps, the first ones in the file. Default {@link caps.fixSteps}. */
  maxSteps?: number;
}

/**
 * Builds the run option that attaches verified fixes to failed steps: by default the first
 * {@link caps.fixSteps} failed steps, each within a budget of {@link caps.fixRunsPerStep} runs.
 * @param raw the scenario file as parsed JSON (patches are against it); it is never modified
 * @param world the world the loader built from it
 * @example runScenario(scenario, world, { fixes: computeFixes(raw, world) })
 */
export function computeFixes(raw: unknown, world: World, options: ComputeFixesOptions = {}): (scenario: Scenario, results: StepResult[]) => void {
  return (scenario, results) => {
    const ctx: Ctx = { raw: raw as Raw, scenario, world, results };
    const wanted = options.steps ? new Set(options.steps) : undefined;
    let left = options.maxSteps ?? caps.fixSteps;
    for (let i = 0; i < results.length && left > 0; i++) {
      const r = results[i]!;
      if (r.kind === 'clock' || r.outcome === 'success' || (wanted && !wanted.has(i))) continue;
      left--;
      const fixes = fixesOfStep(ctx, i, options.budgetRuns ?? caps.fixRunsPerStep);
      if (fixes.length) r.fixes = fixes;
    }
  };
}

/**
 * The verified fixes of one step, computed on demand (the simulator asks for the step the
 * reader is looking at, after the text settles). Never throws.
 * @param input the scenario file's text, or parsed JSON
 * @param stepIndex the step, by index in `steps`
 * @returns the fixes, best first; none when the file is invalid or the step succeeded
 * @example fixesFor(text, 2, { budgetRuns: 10 })
 */
export function fixesFor(input: unknown, stepIndex: number, options: FixOptions = {}): Fix[] {
  const loaded = loadScenario(input);
  if (!loaded.ok || !Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex >= loaded.scenario.steps.length) return [];
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      return [];
    }
  }
  const results = runScenario(loaded.scenario, loaded.world, { through: stepIndex }).steps;
  const ctx: Ctx = { raw: raw as Raw, scenario: loaded.scenario, world: loaded.world, results };
  return fixesOfStep(ctx, stepIndex, options.budgetRuns ?? caps.fixRunsPerStep);
}
