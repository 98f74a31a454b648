/**
 * Building blocks the question templates share: names, accounts, policy documents, CLI
 * exhibits, and matchers that tell which answer the engine's result is.
 */
import { decidingEntry, decidingGate, durationOf } from '../verdict';
import { type Rng } from '../rng';
import { type Choice, type Json } from './types';

/** The clock every generated scenario starts at. */
export const START = '2026-01-01T00:00:00Z';
/** User names to pick from. */
export const people = ['alice', 'bala', 'chen', 'dana', 'emeka', 'farah', 'goran', 'hana', 'ivan', 'jules', 'kofi', 'lena', 'mateo', 'nia', 'omar', 'priya'] as const;
/** Role names to pick from. */
export const roleNames = ['Deployer', 'AuditReader', 'BillingViewer', 'DataLoader', 'OpsAdmin', 'ReportRunner', 'LogShipper', 'CiRelease', 'Analytics', 'Support'] as const;
/** Two accounts: the caller's and the role's. */
export const accountPairs = [
  ['111111111111', '222222222222'],
  ['123456789012', '210987654321'],
  ['444455556666', '777788889999'],
  ['135791357913', '246802468024'],
] as const;
/** Bucket names to pick from. */
export const buckets = ['reports', 'audit-logs', 'ml-datasets', 'invoices', 'build-artifacts', 'media-assets'] as const;

/** A policy document with these statements. */
export const doc = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
/** An Allow statement. */
export const allow = (Action: string | string[], Resource: string | string[], Condition?: Json): Json => ({ Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) });
/** A Deny statement. */
export const deny = (Action: string | string[], Resource: string | string[], Condition?: Json): Json => ({ Effect: 'Deny', Action, Resource, ...(Condition ? { Condition } : {}) });
/** A trust-policy statement allowing a principal. */
export const trust = (principal: Json, Action: string | string[] = 'sts:AssumeRole', Condition?: Json): Json => ({ Effect: 'Allow', Principal: principal, Action, ...(Condition ? { Condition } : {}) });

/** An IAM user's ARN. */
export const userArn = (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`;
/** An IAM role's ARN. */
export const roleArn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

/** "2 hours", "90 minutes", "1 hour". */
export function humanSeconds(s: number): string {
  if (s % 3600 === 0) return `${s / 3600} hour${s === 3600 ? '' : 's'}`;
  if (s % 60 === 0) return `${s / 60} minutes`;
  return `${s} seconds`;
}

/** An AWS CLI command line for an exhibit. */
export function cli(command: string, args: Record<string, string | number | undefined>): string {
  const parts = [`aws sts ${command}`];
  for (const [k, v] of Object.entries(args)) if (v !== undefined) parts.push(`  --${k} ${typeof v === 'string' && /[\s"{]/.test(v) ? `'${v}'` : v}`);
  return parts.join(' \\\n');
}

/** A generated scenario file around a world and its steps. */
export function scenario(id: string, title: string, world: Json, steps: Json[]): Json {
  return { format: 'sts-scenario/v1', id, title, start: START, world, steps };
}

/** The call succeeded (with this duration, when given). */
export const succeeds = (seconds?: number): Choice['matches'] => (s) => s.kind === 'call' && s.outcome === 'success' && (seconds === undefined || durationOf(s) === seconds);
/** The call failed with this code (at this gate, when given). */
export const fails = (code: string, gate?: string): Choice['matches'] => (s) => s.kind === 'call' && s.outcome === 'error' && s.error?.code === code && (gate === undefined || decidingGate(s) === gate);
/** The call failed with this code, decided by this trace code. */
export const failsAt = (code: string, traceCode: string): Choice['matches'] => (s) => s.kind === 'call' && s.outcome === 'error' && s.error?.code === code && decidingEntry(s)?.code === traceCode;
/** The request got this decision (at this gate, when given). */
export const decides = (decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny', gate?: string): Choice['matches'] => (s) => s.kind === 'request' && s.decision === decision && (gate === undefined || decidingGate(s) === gate);

/** The answer "succeeds, lasting this long". */
export function successChoice(seconds: number, extra = ''): Choice {
  return { key: `success-${seconds}`, text: `The call succeeds and the credentials last ${humanSeconds(seconds)}${extra}.`, matches: succeeds(seconds), when: `the requested (or default) duration were ${seconds} seconds and within every limit` };
}

/** An IAM user with a virtual MFA device and its current code, in one of the accounts. */
export function mfaUser(rng: Rng): { a: string; who: string; user: string; serial: string; code: string } {
  const [a] = rng.pick(accountPairs);
  const who = rng.pick(people);
  const user = userArn(a, who);
  const serial = `arn:aws:iam::${a}:mfa/${who}`;
  const code = String(rng.int(100000, 999999));
  return { a, who, user, serial, code };
}
