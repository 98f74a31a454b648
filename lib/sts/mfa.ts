/**
 * MFA passed with a call (AssumeRole, GetSessionToken): SerialNumber and TokenCode.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */
import { learn } from '../explain/learn';
import { type StepEnv } from './context';
import { awsError } from './errors';
import { type AwsError, type Caller, type MfaContext, type TraceEntry } from './types';

const INVALID_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
const UNKNOWN_SERIAL = 'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.';

/**
 * Checks the device and one-time code against the calling IAM user's devices.
 * @returns the MFA context the call then carries, or AccessDenied
 */
export function checkMfa(caller: Caller, serial: string | undefined, code: string | undefined, env: StepEnv, trace: TraceEntry[]): { ok: true; mfa?: MfaContext } | { ok: false; error: AwsError } {
  const source = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html';
  if (serial === undefined) {
    trace.push({ gate: 'mfa', result: 'info', code: 'mfa.code-without-serial', reason: 'TokenCode was passed without SerialNumber, so STS cannot use it; the call carries no MFA.', learn: learn.mfa, uncertain: true });
    return { ok: true };
  }
  const user = caller.kind === 'user' ? caller.user : caller.kind === 'session' && caller.session.kind === 'session-token' ? caller.session.user : undefined;
  const device = user?.mfaDevices.find((d) => d.serial === serial);
  if (!device) {
    trace.push({ gate: 'mfa', result: 'fail', code: 'mfa.unknown-serial', reason: `${serial} is not an MFA device of ${user ? user.name : 'the caller (only IAM users have MFA devices)'}.`, learn: learn.mfa, source });
    return { ok: false, error: awsError('AccessDenied', UNKNOWN_SERIAL) };
  }
  if (code === undefined || code !== device.code) {
    trace.push({ gate: 'mfa', result: 'fail', code: code === undefined ? 'mfa.missing-code' : 'mfa.wrong-code', reason: code === undefined ? `SerialNumber ${serial} was passed without a TokenCode.` : `TokenCode ${code} is not the current code of ${serial}.`, learn: learn.mfa, source, uncertain: code === undefined ? true : undefined });
    return { ok: false, error: awsError('AccessDenied', INVALID_CODE) };
  }
  trace.push({ gate: 'mfa', result: 'pass', code: 'mfa.verified', reason: `MFA device ${serial} and its code check out, so this call carries aws:MultiFactorAuthPresent=true and aws:MultiFactorAuthAge=0.`, learn: learn.mfa, source });
  return { ok: true, mfa: { present: true, authAt: env.now } };
}
