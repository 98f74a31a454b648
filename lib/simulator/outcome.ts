/**
 * Plain-text summaries of step results, for the Outcome list, the live trace and tests.
 * Pure: works on the `sts-result/v1` document.
 */
import type { CallResult, RequestResult, StepResult, StsResult } from '../scenario/run';
import type { Scenario } from '../scenario/schema';
import type { TraceEntry } from '../sts/types';

/** A step's display label: its id, or `step N`. */
export function stepLabel(result: StepResult, index: number): string {
  return result.kind !== 'clock' && result.id ? result.id : `step ${index + 1}`;
}

/** The credentials a call returned, if any. */
export function credentialsOf(r: StepResult): { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string } | undefined {
  if (r.kind !== 'call' || r.outcome !== 'success') return undefined;
  const c = r.response?.Credentials as Record<string, string> | undefined;
  if (!c || typeof c.Expiration !== 'string') return undefined;
  return { AccessKeyId: c.AccessKeyId ?? '', SecretAccessKey: c.SecretAccessKey ?? '', SessionToken: c.SessionToken ?? '', Expiration: c.Expiration };
}

/** The principal ARN a successful call reports (assumed-role, federated user, or GetCallerIdentity's Arn). */
export function principalArnOf(r: CallResult): string | undefined {
  const resp = r.response ?? {};
  const aru = resp.AssumedRoleUser as Record<string, string> | undefined;
  const fu = resp.FederatedUser as Record<string, string> | undefined;
  return aru?.Arn ?? fu?.Arn ?? (typeof resp.Arn === 'string' ? resp.Arn : undefined);
}

/**
 * One line saying what a step did, the way the Outcome list shows it.
 * @example outcomeText(result.steps[0]) // 'Credentials issued, expires 2026-01-01T01:00:00Z' or 'AccessDenied'
 */
export function outcomeText(r: StepResult): string {
  switch (r.kind) {
    case 'clock':
      return `Clock moved to ${r.at}`;
    case 'request':
      return r.decision === 'Allow' ? 'Allow' : `${r.error?.code ?? 'AccessDenied'} (${r.decision})`;
    case 'call': {
      if (r.outcome === 'error') return r.error?.code ?? 'Error';
      const creds = credentialsOf(r);
      if (creds) return `Credentials issued, expires ${creds.Expiration}`;
      const resp = r.response ?? {};
      if (r.call === 'GetCallerIdentity') return `Caller is ${String(resp.Arn)}`;
      if (r.call === 'GetAccessKeyInfo') return `Key belongs to account ${String(resp.Account)}`;
      if (r.call === 'DecodeAuthorizationMessage') return 'Message decoded';
      if (r.call === 'GetWebIdentityToken') return `Token issued, expires ${String(resp.Expiration)}`;
      return 'Success';
    }
  }
}

/** Whether a step succeeded (a call with no error, or an allowed request). Clock steps count as success. */
export function isSuccess(r: StepResult): boolean {
  return r.kind === 'clock' || r.outcome === 'success';
}

/** What the step is: `AssumeRole`, `s3:GetObject`, `Clock`. */
export function stepTitle(r: StepResult): string {
  return r.kind === 'call' ? r.call : r.kind === 'request' ? r.action : 'Clock';
}

/** Who signed a step, in words, from the scenario's `as`. */
export function callerText(scenario: Pick<Scenario, 'steps'>, index: number): string {
  const step = scenario.steps[index];
  if (!step || !('call' in step || 'request' in step)) return '';
  const as = step.as;
  if (!as) return 'unsigned';
  if ('user' in as) return `${as.user.split('/').pop()}${as.mfaAgeSeconds !== undefined ? ` (MFA ${as.mfaAgeSeconds} s ago)` : ''}`;
  if ('root' in as) return `root of ${as.root}`;
  if ('session' in as) return `session from "${as.session}"`;
  return `key ${as.accessKeyId}`;
}

/**
 * The trace entries that decided a step: the failures for a failed step; for an allowed
 * request, the policies that allowed it (and the final decision).
 */
export function decidingEntries(r: CallResult | RequestResult): TraceEntry[] {
  if (r.outcome === 'error') {
    const fails = r.trace.filter((t) => t.result === 'fail');
    return fails.length ? fails : r.trace.slice(-1);
  }
  if (r.kind === 'request') return r.trace.filter((t) => t.result === 'pass' && t.gate !== 'authenticate');
  return r.trace.filter((t) => t.gate === 'issue' || t.gate === 'duration');
}

/** Counts of expectations met and missed across the run. */
export function expectSummary(result: StsResult): { met: number; missed: number } {
  let met = 0;
  let missed = 0;
  for (const s of result.steps) {
    if (s.kind === 'clock' || !s.expect) continue;
    if (s.expect.met) met++;
    else missed++;
  }
  return { met, missed };
}
