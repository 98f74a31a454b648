/**
 * A request to any AWS service made with credentials: Allow, ExplicitDeny or ImplicitDeny,
 * and the error the service returns.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { learn } from '../explain/learn';
import { evaluatePolicy } from '../policy/evaluate';
import { type ContextValue } from '../policy/types';
import { type Resource, type World } from '../world/world';
import { authorize, callerPolicies, type PolicyType } from './authorize';
import { callerAccount, callerArn, callerKeys, requestPrincipal, resourceKeys, type StepEnv } from './context';
import { awsError } from './errors';
import { encodeAuthorizationMessage } from './info';
import { type AwsError, type Caller, type Decision, type TraceEntry } from './types';

/** A request step's result. */
export interface RequestOutcome {
  decision: Decision;
  error?: AwsError;
  trace: TraceEntry[];
  /** The policy type behind a denial. */
  deniedBy?: PolicyType;
}

/** The world resource whose policy governs an ARN: the ARN itself, or its parent (a bucket for an object). */
export function findResource(world: World, arn: string): Resource | undefined {
  let best: Resource | undefined;
  for (const r of world.resources) {
    if (r.arn === arn) return r;
    if ((arn.startsWith(r.arn + '/') || arn.startsWith(r.arn + ':')) && (!best || r.arn.length > best.arn.length)) best = r;
  }
  return best;
}

/**
 * Resources that only AWS changes, whatever the caller's policies allow: AWS managed policies, and
 * the alias/aws/ aliases of AWS managed KMS keys.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies ("You cannot change the permissions defined in AWS managed policies")
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html ("The alias/aws/ prefix is reserved for AWS managed keys")
 */
function awsOwned(action: string, resource: string): string | undefined {
  if (/^iam:(CreatePolicyVersion|DeletePolicy|DeletePolicyVersion|SetDefaultPolicyVersion|TagPolicy|UntagPolicy)$/i.test(action) && /^arn:aws[\w-]*:iam::aws:policy\//.test(resource)) {
    return `${resource} is an AWS managed policy. AWS creates and updates it; no one else can change its document, versions or tags, whatever their policies allow.`;
  }
  if (/^kms:(CreateAlias|UpdateAlias|DeleteAlias)$/i.test(action) && /:alias\/aws\//.test(resource)) {
    return `Aliases that begin with alias/aws/ are reserved for AWS managed KMS keys; no one can create, update or delete them, whatever their policies allow.`;
  }
  return undefined;
}

/** Services that return an encoded authorization message with their denial. */
const encodingServices = new Set(['ec2']);

/** Runs one request. */
export function runRequest(world: World, caller: Caller, req: { action: string; resource: string; context?: Record<string, string | number | boolean | (string | number | boolean)[]> }, env: StepEnv): RequestOutcome {
  const trace: TraceEntry[] = [];
  const service = req.action.split(':')[0]!.toLowerCase();
  const resource = findResource(world, req.resource);
  const resourceAccount = resource?.account ?? accountFromArn(req.resource) ?? callerAccount(caller) ?? '';
  const keys: Record<string, ContextValue> = Object.assign(callerKeys(world, caller, env), resourceKeys(world, resourceAccount));
  if (service === 'iam') keys['aws:RequestedRegion'] = 'us-east-1';
  for (const [k, v] of Object.entries(req.context ?? {})) keys[k] = Array.isArray(v) ? v.map(String) : String(v);

  if (caller.kind === 'anonymous') {
    const ev = resource?.policy ? evaluatePolicy(resource.policy.policy, { action: req.action, resource: req.resource, principal: requestPrincipal(caller), keys }) : undefined;
    if (ev?.result === 'Allow') {
      trace.push({ gate: 'resource-policy', result: 'pass', code: 'resource.allows-anonymous', reason: `${resource!.policy!.label} allows anyone (Principal "*"), so the unsigned request is allowed.`, learn: learn.resourcePolicy });
      return { decision: 'Allow', trace };
    }
    trace.push({ gate: 'authenticate', result: 'fail', code: 'auth.anonymous', reason: 'The request is unsigned, and no resource-based policy allows anonymous access.', learn: learn.authenticate });
    return { decision: ev?.result === 'Deny' ? 'ExplicitDeny' : 'ImplicitDeny', error: awsError('AccessDenied', 'Access Denied'), trace };
  }

  // What each kind of temporary credential may call: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html
  if (caller.kind === 'session') {
    const s = caller.session;
    if (s.kind === 'session-token' && service === 'iam' && !s.mfa.present) {
      trace.push({ gate: 'caller-type', result: 'fail', code: 'caller.session-token-iam-without-mfa', reason: 'Credentials from GetSessionToken cannot call IAM unless MFA was included in the GetSessionToken call. IAM rejects the token itself.', learn: learn.getSessionToken, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html' });
      return { decision: 'ImplicitDeny', error: awsError('InvalidClientTokenId', 'The security token included in the request is invalid'), trace };
    }
    if (s.kind === 'federated-user' && service === 'iam') {
      trace.push({ gate: 'caller-type', result: 'fail', code: 'caller.federated-user-iam', reason: 'Credentials from GetFederationToken cannot call IAM through the API.', learn: learn.federationToken, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html', uncertain: true });
      return { decision: 'ImplicitDeny', error: awsError('AccessDenied', `User: ${s.arn} is not authorized to perform: ${req.action} on resource: ${req.resource}`), trace };
    }
  }

  const owned = awsOwned(req.action, req.resource);
  if (owned) {
    trace.push({ gate: 'resource-policy', result: 'fail', code: 'resource.aws-owned', reason: owned, learn: learn.evaluation, source: service === 'kms' ? 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html' : 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html', uncertain: true });
    return { decision: 'ImplicitDeny', trace, error: awsError('AccessDenied', `User: ${callerArn(caller)} is not authorized to perform: ${req.action} on resource: ${req.resource}`) };
  }

  const az = authorize(world, caller, callerPolicies(world, caller), { action: req.action, resource: req.resource, principal: requestPrincipal(caller), keys, resourcePolicy: resource?.policy, resourceAccount, mode: service === 'kms' && resource?.policy ? 'key' : 'request' });
  trace.push(...az.trace);
  if (az.decision === 'Allow') {
    trace.push({ gate: 'decision', result: 'pass', code: 'decision.allow', reason: `${req.action} on ${req.resource} is allowed.`, learn: learn.evaluation });
    return { decision: 'Allow', trace };
  }
  const pt = az.deniedBy?.policyType ?? 'identity-based policy';
  // AWS's enhanced denial messages name the policy type: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
  const because = az.decision === 'ExplicitDeny' ? `with an explicit deny in ${article(pt)} ${pt}` : `because no ${pt} allows the ${req.action} action`;
  const who = callerArn(caller);
  trace.push({ gate: 'decision', result: 'fail', code: az.decision === 'ExplicitDeny' ? 'decision.explicit-deny' : 'decision.implicit-deny', reason: az.decision === 'ExplicitDeny' ? `Denied: an explicit Deny in ${article(pt)} ${pt} decides it.` : `Denied: nothing allows ${req.action} (${because}). Anything not explicitly allowed is implicitly denied.`, learn: az.decision === 'ExplicitDeny' ? learn.explicitDeny : learn.evaluation });
  if (encodingServices.has(service)) {
    const encoded = encodeAuthorizationMessage({
      allowed: false,
      explicitDeny: az.decision === 'ExplicitDeny',
      matchedStatements: { items: [] },
      failures: { items: [] },
      context: {
        principal: { id: keys['aws:userid'], arn: who },
        action: req.action,
        resource: req.resource,
        conditions: { items: Object.entries(keys).map(([key, value]) => ({ key, values: { items: [{ value: Array.isArray(value) ? value.join(',') : value }] } })) },
      },
    });
    return { decision: az.decision, deniedBy: pt, trace, error: awsError('UnauthorizedOperation', `You are not authorized to perform this operation. User: ${who} is not authorized to perform: ${req.action} on resource: ${req.resource} ${because}. Encoded authorization failure message: ${encoded}`, { encodedMessage: encoded }) };
  }
  return { decision: az.decision, deniedBy: pt, trace, error: awsError('AccessDenied', `User: ${who} is not authorized to perform: ${req.action} on resource: ${req.resource} ${because}`) };
}

const article = (s: string): string => (/^[aeiou]/.test(s) ? 'an' : 'a');
const accountFromArn = (arn: string): string | undefined => {
  const a = arn.split(':')[4];
  return a && /^\d{12}$/.test(a) ? a : undefined;
};
