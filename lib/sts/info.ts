/**
 * The troubleshooting calls: GetCallerIdentity, DecodeAuthorizationMessage, GetAccessKeyInfo.
 */
import { learn } from '../explain/learn';
import { type World } from '../world/world';
import { decodeBase64Text } from '../util/encoding';
import { authorize, callerPolicies } from './authorize';
import { callerAccount, callerArn, callerKeys, requestPrincipal, type StepEnv } from './context';
import { accountFromAccessKeyId } from './credentials';
import { awsError, notAuthorized } from './errors';
import { fail, type CallOutcome, invalidParams } from './shared';
import { type Caller, type Session, type TraceEntry } from './types';
import { rules, Validator } from './validate';

/**
 * GetCallerIdentity: who am I? No permission needed; a Deny cannot stop it.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
export function getCallerIdentity(caller: Caller): CallOutcome {
  const trace: TraceEntry[] = [];
  trace.push({ gate: 'caller-permissions', result: 'skip', code: 'permissions.not-needed', reason: 'GetCallerIdentity needs no permission; even an explicit Deny of sts:GetCallerIdentity does not stop it.', learn: learn.callerIdentity, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html' });
  let response: Record<string, string>;
  switch (caller.kind) {
    case 'user':
      response = { UserId: caller.user.id, Account: caller.user.account, Arn: caller.user.arn };
      break;
    case 'root':
      response = { UserId: caller.account, Account: caller.account, Arn: callerArn(caller) };
      break;
    case 'session':
      response = { UserId: caller.session.userId, Account: caller.session.account, Arn: caller.session.arn };
      break;
    case 'anonymous':
      return fail(trace, awsError('MissingAuthenticationToken', 'Request is missing Authentication Token'));
  }
  trace.push({ gate: 'issue', result: 'pass', code: 'identity.reported', reason: `The caller is ${response.Arn} (UserId ${response.UserId}) in account ${response.Account}.${caller.kind === 'session' && caller.session.kind === 'assumed-role' ? ' A role session reports its assumed-role ARN, without the role\'s path.' : ''}`, learn: learn.callerIdentity });
  return { ok: true, response, trace };
}

/** Which credential types may call an STS API at all. */
export function stsCallAllowedFor(s: Session, call: string): boolean {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html
  if (s.kind === 'federated-user') return call === 'GetCallerIdentity';
  if (s.kind === 'session-token') return call === 'GetCallerIdentity' || call === 'AssumeRole';
  return true;
}

/** The marker our encoded authorization messages start with. */
const ENC_PREFIX = 'SIMv1.';

/** Encodes an authorization failure the way services that return one do (opaque to the caller). */
export function encodeAuthorizationMessage(decoded: Record<string, unknown>): string {
  const json = JSON.stringify(decoded);
  return ENC_PREFIX + btoa(unescape(encodeURIComponent(json)));
}

/**
 * DecodeAuthorizationMessage.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export function decodeAuthorizationMessage(world: World, caller: Caller, p: { EncodedMessage?: string }, env: StepEnv): CallOutcome {
  const trace: TraceEntry[] = [];
  const v = new Validator();
  if (v.required('encodedMessage', p.EncodedMessage)) v.string('encodedMessage', p.EncodedMessage, rules.encodedMessage);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid);
  const az = authorize(world, caller, callerPolicies(world, caller), { action: 'sts:DecodeAuthorizationMessage', resource: '*', principal: requestPrincipal(caller), keys: callerKeys(world, caller, env), resourceAccount: callerAccount(caller) ?? '', mode: 'request' });
  trace.push(...az.trace);
  if (az.decision !== 'Allow') return fail(trace, notAuthorized(callerArn(caller), 'sts:DecodeAuthorizationMessage', '*'));
  const msg = p.EncodedMessage!;
  const text = msg.startsWith(ENC_PREFIX) && !/\s/.test(msg) ? decodeBase64Text(msg.slice(ENC_PREFIX.length)) : undefined;
  let decoded: unknown;
  try {
    decoded = text === undefined ? undefined : JSON.parse(text);
  } catch {
    decoded = undefined;
  }
  if (!decoded) {
    return fail(trace, awsError('InvalidAuthorizationMessageException', 'The message is invalid or was not issued in this context.'), { gate: 'validate', result: 'fail', code: 'decode.invalid', reason: 'EncodedMessage is not an encoded authorization message (it must be passed exactly as the service returned it, without line breaks).', learn: learn.decode, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html' });
  }
  trace.push({ gate: 'issue', result: 'pass', code: 'decode.ok', reason: 'The message decodes to the authorization context: whether the request was allowed, any explicit deny, and the principal, action, resource and conditions.', learn: learn.decode });
  return { ok: true, response: { DecodedMessage: text }, trace };
}

/**
 * GetAccessKeyInfo: which account owns an access key id.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
 */
export function getAccessKeyInfo(world: World, p: { AccessKeyId?: string }, sessions: Iterable<Session>): CallOutcome {
  const trace: TraceEntry[] = [];
  const v = new Validator();
  if (v.required('accessKeyId', p.AccessKeyId)) v.string('accessKeyId', p.AccessKeyId, rules.accessKeyId);
  const invalid = v.error();
  if (invalid) return invalidParams(trace, invalid);
  const key = p.AccessKeyId!;
  const owner = world.keyOwners.get(key)?.account ?? [...sessions].find((s) => s.accessKeyId === key)?.account ?? accountFromAccessKeyId(key);
  if (!owner) {
    return fail(trace, awsError('InvalidParameterValue', 'The access key ID provided does not exist.'), { gate: 'validate', result: 'fail', code: 'key-info.unknown', reason: `${key} does not decode to an account.`, learn: learn.accessKeyInfo, uncertain: true });
  }
  trace.push({ gate: 'issue', result: 'pass', code: 'key-info.account', reason: `${key} belongs to account ${owner}. ${key.startsWith('ASIA') ? 'ASIA keys are temporary (from STS).' : key.startsWith('AKIA') ? 'AKIA keys are long-term keys of an IAM user or the root user.' : ''} GetAccessKeyInfo does not say whether the key is active.`, learn: learn.accessKeyInfo });
  return { ok: true, response: { Account: owner }, trace };
}
