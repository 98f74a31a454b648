/** Trust-policy diagnosis and role-session issuance shared by AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity. */
import { assumedRoleArn } from '../arn/arn';
import { learn } from '../explain/learn';
import { checkStatement } from '../policy/evaluate';
import { type ContextValue, type Policy, type RequestPrincipal, type Statement } from '../policy/types';
import { createResolver } from '../policy/variables';
import { type NamedPolicy, type Role } from '../world/world';
import { describeStatement } from './authorize';
import { type StepEnv } from './context';
import { awsError } from './errors';
import { credentialsFor } from './shared';
import { type AwsError, type MfaContext, type Session, type SessionTag, type TraceEntry } from './types';

const diagnosedKeys = new Set(['sts:externalid', 'aws:multifactorauthpresent', 'aws:multifactorauthage']);
const diagnosedCache = new WeakMap<Policy, Statement[]>();

/** The Allow statements of a trust policy that test ExternalId or MFA keys (kept per parsed policy). */
function diagnosed(policy: Policy): Statement[] {
  let hit = diagnosedCache.get(policy);
  if (!hit) {
    hit = policy.statements.filter((st) => st.effect === 'Allow' && st.conditions.some((c) => diagnosedKeys.has(c.key.toLowerCase())));
    diagnosedCache.set(policy, hit);
  }
  return hit;
}

/**
 * Looks inside the trust policy for the conditions learners most need named: ExternalId
 * and MFA. Adds a pass or fail entry for each statement that names the caller and the
 * action but tests one of those keys.
 */
export function diagnoseTrust(role: Role, action: string, principal: RequestPrincipal, keys: Record<string, ContextValue>): TraceEntry[] {
  const out: TraceEntry[] = [];
  const statements = diagnosed(role.trust.policy);
  if (!statements.length) return out;
  // Only the statements that test one of these keys can add an entry, so only they are checked.
  const ctx = { action, resource: role.arn, principal, keys };
  const resolve = createResolver(role.trust.policy.version, keys);
  for (const st of statements) {
    const mismatch = checkStatement(st, ctx, resolve);
    if (mismatch && mismatch.element !== 'Condition') continue;
    const where = describeStatement(role.trust, st);
    for (const c of st.conditions) {
      const key = c.key.toLowerCase();
      const failed = mismatch?.clause === c;
      if (key === 'sts:externalid') {
        const got = keys['sts:ExternalId'];
        out.push(
          failed
            ? { gate: 'external-id', result: 'fail', code: got === undefined ? 'external-id.missing' : 'external-id.mismatch', reason: got === undefined ? `${where} requires an ExternalId (${c.operator} ${c.values.join(', ')}), and the call passed none.` : `${where} expects ExternalId ${c.values.join(' or ')}, but the call passed "${String(got)}".`, learn: learn.externalId, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html' }
            : { gate: 'external-id', result: 'pass', code: 'external-id.match', reason: `${where} requires ExternalId ${c.values.join(' or ')}, and the call passed it.`, learn: learn.externalId },
        );
      } else if (key === 'aws:multifactorauthpresent' || key === 'aws:multifactorauthage') {
        const got = keys[key === 'aws:multifactorauthpresent' ? 'aws:MultiFactorAuthPresent' : 'aws:MultiFactorAuthAge'];
        out.push(
          failed
            ? { gate: 'mfa', result: 'fail', code: got === undefined ? 'mfa.absent' : 'mfa.condition-failed', reason: `${where} tests ${c.key} with ${c.operator} ${c.values.join(', ')}, and the request has ${got === undefined ? 'no such key (long-term keys without MFA carry none)' : `${c.key}=${String(got)}`}.`, learn: learn.mfaKeys, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html' }
            : { gate: 'mfa', result: 'pass', code: 'mfa.condition-met', reason: `${where} tests ${c.key} (${c.operator} ${c.values.join(', ')}), and the request has ${got === undefined ? 'no such key, which IfExists accepts' : `${c.key}=${String(got)}`}.`, learn: learn.mfaKeys },
        );
      }
    }
  }
  return out;
}

/** Everything needed to issue a role session. */
export interface RoleSessionInput {
  role: Role;
  env: StepEnv;
  seed: string;
  stepId: string;
  sessionName: string;
  durationSeconds: number;
  policies?: NamedPolicy[];
  packedPercent?: number;
  tags: SessionTag[];
  sourceIdentity?: string;
  mfa: MfaContext;
  chained: boolean;
  createdBy: 'AssumeRole' | 'AssumeRoleWithSAML' | 'AssumeRoleWithWebIdentity';
  federatedProvider?: string;
}

/**
 * Issues the role session. The assumed-role ARN carries the role's name but not its path.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumedRoleUser.html
 */
export function issueRoleSession(i: RoleSessionInput): { session: Session; response: Record<string, unknown> } {
  const arn = assumedRoleArn(i.role.arn, i.sessionName);
  const assumedRoleId = `${i.role.id}:${i.sessionName}`;
  const c = credentialsFor(i.role.account, `${i.seed}|${i.stepId}`, i.env, i.durationSeconds);
  const session: Session = {
    stepId: i.stepId,
    kind: 'assumed-role',
    createdBy: i.createdBy,
    account: i.role.account,
    arn,
    userId: assumedRoleId,
    role: i.role,
    sessionName: i.sessionName,
    accessKeyId: c.accessKeyId,
    issuedAt: i.env.now,
    expiresAt: c.expiresAt,
    mfa: i.mfa,
    sessionPolicies: i.policies,
    tags: i.tags,
    sourceIdentity: i.sourceIdentity,
    federatedProvider: i.federatedProvider,
    chained: i.chained,
  };
  const response: Record<string, unknown> = { Credentials: c.credentials, AssumedRoleUser: { Arn: arn, AssumedRoleId: assumedRoleId } };
  if (i.packedPercent !== undefined) response.PackedPolicySize = i.packedPercent;
  if (i.sourceIdentity !== undefined) response.SourceIdentity = i.sourceIdentity;
  return { session, response };
}

/** Checks the requested duration against the role's MaxSessionDuration. */
function maxDurationEntry(role: Role, requested: number, explicit: boolean): TraceEntry {
  if (requested > role.maxSessionDuration) {
    return { gate: 'duration', result: 'fail', code: 'duration.above-max-session-duration', reason: `DurationSeconds ${requested} is more than ${role.name}'s MaxSessionDuration of ${role.maxSessionDuration} seconds. STS refuses it rather than shortening it.`, learn: learn.duration, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html' };
  }
  return explicit
    ? { gate: 'duration', result: 'pass', code: 'duration.within-max', reason: `DurationSeconds ${requested} is within ${role.name}'s MaxSessionDuration of ${role.maxSessionDuration} seconds.`, learn: learn.duration }
    : { gate: 'duration', result: 'pass', code: 'duration.default', reason: `No DurationSeconds was passed, so the session lasts the default 3600 seconds${role.maxSessionDuration > 3600 ? `, even though ${role.name}'s MaxSessionDuration is ${role.maxSessionDuration}` : ''}.`, learn: learn.duration, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html' };
}

/**
 * Pushes the MaxSessionDuration check; returns AWS's ValidationError when the request exceeds it.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (DurationSeconds)
 */
export function checkMaxDuration(role: Role, requested: number, explicit: boolean, trace: TraceEntry[]): AwsError | undefined {
  const d = maxDurationEntry(role, requested, explicit);
  trace.push(d);
  return d.result === 'fail' ? awsError('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.') : undefined;
}
