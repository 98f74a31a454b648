/** Pieces shared by the credential-issuing calls: session policies, tags, packed size, regions, issuing. */
import { compactJson } from '../util/encoding';
import { learn } from '../explain/learn';
import { parsePolicy } from '../policy/parse';
import { type ContextValue } from '../policy/types';
import { type NamedPolicy, type World } from '../world/world';
import { isoSeconds } from '../util/time';
import { makeAccessKeyId, makeSecrets } from './credentials';
import { awsError } from './errors';
import { type StepEnv } from './context';
import { type AwsError, type Session, type SessionTag, type TraceEntry } from './types';
import { rules, type Validator } from './validate';
import { limits } from './limits';

/** A call's result before the runner wraps it. */
export type CallOutcome =
  | { ok: true; response: Record<string, unknown>; session?: Session; trace: TraceEntry[]; token?: { header: Record<string, unknown>; claims: Record<string, unknown> } }
  | { ok: false; error: AwsError; trace: TraceEntry[] };

/** Builds a failed outcome with a final trace entry. */
export function fail(trace: TraceEntry[], error: AwsError, entry?: TraceEntry): CallOutcome {
  if (entry) trace.push(entry);
  return { ok: false, error, trace };
}

/** The failed outcome for parameters that break the API model's constraints. */
export function invalidParams(trace: TraceEntry[], error: AwsError, source?: string): CallOutcome {
  return fail(trace, error, { gate: 'validate', result: 'fail', code: 'validate.params', reason: `A parameter breaks the API's constraints: ${error.message}`, learn: learn.validation, ...(source ? { source } : {}) });
}

/** Checks the session-policy members' model constraints. */
export function validateSessionPolicyParams(v: Validator, policy: unknown, policyArns: { arn: string }[] | undefined, maxPolicyChars: number | undefined): void {
  if (typeof policy === 'string') {
    v.string('policy', policy, { min: rules.policy.min, pattern: rules.policy.pattern, patternText: rules.policy.patternText, max: maxPolicyChars });
  } else if (policy !== undefined) {
    // A policy written as a JSON object is sent as its compact text, so the same constraints apply.
    // One nested too deep to serialise has at least two characters per level: far over any maximum.
    const text = compactJson(policy) ?? ' '.repeat((maxPolicyChars ?? limits.sessionPolicyMaxChars) + 1);
    v.string('policy', text, { ...rules.policy, max: maxPolicyChars });
  }
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (PolicyArns: up to 10 managed policy ARNs)
  v.listMax('policyArns', policyArns, limits.sessionPolicyArnsMax);
  policyArns?.forEach((p, i) => v.string(`policyArns.${i + 1}.member.arn`, p.arn, rules.arn));
}

/**
 * Parses the inline session policy and resolves the managed ones, which must live in `owner`,
 * the account of the role (or, for GetFederationToken, of the calling user).
 */
export function sessionPolicies(
  world: World,
  policy: unknown,
  policyArns: { arn: string }[] | undefined,
  owner: string,
  stepPath: string,
  trace: TraceEntry[],
): { ok: true; policies?: NamedPolicy[]; plainChars: number } | { ok: false; error: AwsError } {
  const out: NamedPolicy[] = [];
  let plainChars = 0;
  if (policy !== undefined) {
    const r = parsePolicy(policy, 'session');
    if (!r.ok) {
      const first = r.issues[0];
      trace.push({ gate: 'session-policy', result: 'fail', code: 'session.malformed', reason: `The session policy is not a valid policy document: ${r.issues.map((i) => (i.path ? `${i.path}: ` : '') + i.message).join('; ')}.`, learn: learn.sessionPolicies, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html' });
      // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Errors (MalformedPolicyDocument)
      const message = first?.code === 'invalid-json' ? 'The policy is not in the valid JSON format.' : `Syntax errors in policy.`;
      return { ok: false, error: awsError('MalformedPolicyDocument', message) };
    }
    plainChars += typeof policy === 'string' ? policy.length : r.policy.packedChars;
    out.push({ label: 'inline session policy', path: `${stepPath}/params/Policy`, policy: r.policy });
  }
  for (const [i, p] of (policyArns ?? []).entries()) {
    const policyAccount = p.arn.split(':')[4];
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (PolicyArns: "The policies must exist in the same account as the role.")
    if (policyAccount !== 'aws' && policyAccount !== owner) {
      trace.push({ gate: 'session-policy', result: 'fail', code: 'session.managed-other-account', reason: `PolicyArns[${i}] names ${p.arn}, a policy of account ${policyAccount}. Managed session policies must be in the same account as the role (for GetFederationToken, as the calling user): ${owner}. STS looks for the policy there and does not find it.`, learn: learn.sessionPolicies, source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html', uncertain: true });
      return { ok: false, error: awsError('InvalidParameterValue', `The policy ${p.arn} does not exist or is not attachable.`) };
    }
    const m = world.managedPolicies.get(p.arn);
    if (!m && /^arn:aws[\w-]*:iam::aws:policy\//.test(p.arn)) {
      trace.push({ gate: 'session-policy', result: 'info', code: 'session.managed-not-modelled', reason: `PolicyArns[${i}] names the AWS managed policy ${p.arn}, which the simulator has no copy of; it counts as allowing nothing. Add its document to world.managedPolicies to model it.`, learn: learn.sessionPolicies, uncertain: true });
      plainChars += p.arn.length;
      const none = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'none:NotModelled', Resource: '*' }] }, 'session');
      if (none.ok) out.push({ label: `session policy ${p.arn.split('/').pop()} (not modelled)`, path: `${stepPath}/params/PolicyArns/${i}`, policy: none.policy });
      continue;
    }
    if (!m) {
      trace.push({ gate: 'session-policy', result: 'fail', code: 'session.unknown-managed-policy', reason: `PolicyArns[${i}] names ${p.arn}, which does not exist in the world.`, learn: learn.sessionPolicies, uncertain: true });
      return { ok: false, error: awsError('InvalidParameterValue', `The policy ${p.arn} does not exist or is not attachable.`) };
    }
    plainChars += m.policy.packedChars;
    out.push({ ...m, label: `session policy ${m.label}` });
  }
  if (out.length) {
    trace.push({ gate: 'session-policy', result: 'info', code: 'session.passed', reason: `${out.length} session ${out.length === 1 ? 'policy limits' : 'policies limit'} this session: it can do only what both its identity policies and ${out.length === 1 ? 'this policy' : 'these policies'} allow.`, learn: learn.sessionPolicies, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session' });
  }
  return { ok: true, policies: out.length ? out : undefined, plainChars };
}

/**
 * The packed size, as a percentage of the allotted space. AWS compresses session policies
 * and tags into a binary format it does not document; this model charges policy text at a
 * third of its length, each managed ARN a fixed cost, and tags their key and value lengths,
 * against a budget of 2048 units.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (PackedPolicySize)
 */
function packedPercent(inlineChars: number, managedCount: number, tags: { Key: string; Value: string }[]): number {
  const units = Math.ceil(inlineChars / 3) + managedCount * 40 + tags.reduce((n, t) => n + t.Key.length + t.Value.length + 4, 0);
  return Math.max(1, Math.ceil((units / 2048) * 100));
}

/**
 * Checks the packed size of the session policies and tags a call passes. Pushes the trace
 * entry and returns the error when they pack to more than 100%; returns the percentage
 * (undefined when the call passes neither) otherwise.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (PackedPolicySize, PackedPolicyTooLarge)
 */
export function checkPackedSize(
  policies: NamedPolicy[] | undefined,
  inlineChars: number,
  managedCount: number,
  tags: { Key: string; Value: string }[],
  trace: TraceEntry[],
): { packed?: number; error?: AwsError } {
  if (!policies && !tags.length) return {};
  const packed = packedPercent(inlineChars, managedCount, tags);
  if (packed <= 100) return { packed };
  trace.push({ gate: 'session-policy', result: 'fail', code: 'session.packed-too-large', reason: `Session policies and tags pack to ${packed}% of the allowed space (the model's estimate).`, learn: learn.packedSize, uncertain: true });
  return { packed, error: awsError('PackedPolicyTooLarge', `Packed policy consumes ${packed}% of allotted space, please use smaller policy.`) };
}

/**
 * Adds the request context keys that session tags, transitive tag keys and SourceIdentity set.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
 */
export function addSessionKeys(keys: Record<string, ContextValue>, tags: { Key: string; Value: string }[] | undefined, transitiveKeys?: string[], sourceIdentity?: string): void {
  if (tags?.length) {
    for (const t of tags) keys[`aws:RequestTag/${t.Key}`] = t.Value;
    keys['aws:TagKeys'] = tags.map((t) => t.Key);
  }
  if (transitiveKeys?.length) keys['sts:TransitiveTagKeys'] = transitiveKeys;
  if (sourceIdentity !== undefined) keys['sts:SourceIdentity'] = sourceIdentity;
}

/** Validates the Tags and TransitiveTagKeys members' model constraints. */
export function validateTags(v: Validator, tags: { Key: string; Value: string }[] | undefined, transitive?: string[]): void {
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_Tag.html (≤ 50 tags; key 1–128, value 0–256)
  v.listMax('tags', tags, limits.sessionTagsMax);
  tags?.forEach((t, i) => {
    v.string(`tags.${i + 1}.member.key`, t.Key, rules.tagKey);
    v.string(`tags.${i + 1}.member.value`, t.Value, rules.tagValue);
  });
  v.listMax('transitiveTagKeys', transitive, limits.transitiveTagKeysMax);
  transitive?.forEach((k, i) => v.string(`transitiveTagKeys.${i + 1}.member`, k, rules.tagKey));
}

/** Validates AssumeRole's ProvidedContexts (1–5 items; ProviderArn an ARN, ContextAssertion 4–2048). */
export function validateProvidedContexts(v: Validator, contexts: { ProviderArn?: string; ContextAssertion?: string }[] | undefined): void {
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_ProvidedContext.html
  v.listLength('providedContexts', contexts, 1, limits.providedContextsMax);
  contexts?.forEach((c, i) => {
    v.string(`providedContexts.${i + 1}.member.providerArn`, c.ProviderArn, rules.arn);
    v.string(`providedContexts.${i + 1}.member.contextAssertion`, c.ContextAssertion, rules.contextAssertion);
  });
}

/**
 * Combines inherited transitive tags with the tags passed now, enforcing AWS's rules.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
export function combineTags(
  inherited: SessionTag[],
  tags: { Key: string; Value: string }[],
  transitiveKeys: string[],
  trace: TraceEntry[],
): { ok: true; tags: SessionTag[] } | { ok: false; error: AwsError } {
  const seen = new Set<string>();
  for (const t of tags) {
    const k = t.Key.toLowerCase();
    if (seen.has(k)) {
      trace.push({ gate: 'session-tags', result: 'fail', code: 'tags.duplicate-key', reason: `Tags has two keys that differ only in case ("${t.Key}"). Session tag keys are case-insensitive.`, learn: learn.sessionTags, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html' });
      return { ok: false, error: awsError('InvalidParameterValue', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.') };
    }
    seen.add(k);
  }
  for (const k of transitiveKeys) {
    if (!seen.has(k.toLowerCase())) {
      trace.push({ gate: 'session-tags', result: 'fail', code: 'tags.transitive-not-passed', reason: `TransitiveTagKeys lists "${k}", but Tags has no such key.`, learn: learn.transitiveTags });
      return { ok: false, error: awsError('InvalidParameterValue', 'The specified transitive tag key must be included in the requested tags.') };
    }
  }
  const inheritedKeys = new Set(inherited.map((t) => t.key.toLowerCase()));
  for (const t of tags) {
    if (inheritedKeys.has(t.Key.toLowerCase())) {
      trace.push({ gate: 'session-tags', result: 'fail', code: 'tags.transitive-conflict', reason: `Tag "${t.Key}" is already a transitive tag of the calling session; a chained call cannot set it again.`, learn: learn.transitiveTags, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_role-chaining' });
      return { ok: false, error: awsError('InvalidParameterValue', "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.") };
    }
  }
  const trans = new Set(transitiveKeys.map((k) => k.toLowerCase()));
  const out: SessionTag[] = [...inherited, ...tags.map((t) => ({ key: t.Key, value: t.Value, transitive: trans.has(t.Key.toLowerCase()) }))];
  if (inherited.length) trace.push({ gate: 'session-tags', result: 'info', code: 'tags.inherited', reason: `The calling session's transitive tags carry over: ${inherited.map((t) => `${t.key}=${t.value}`).join(', ')}.`, learn: learn.transitiveTags });
  if (tags.length) trace.push({ gate: 'session-tags', result: 'info', code: 'tags.passed', reason: `Session tags: ${tags.map((t) => `${t.Key}=${t.Value}${trans.has(t.Key.toLowerCase()) ? ' (transitive)' : ''}`).join(', ')}.`, learn: learn.sessionTags });
  return { ok: true, tags: out };
}

/**
 * STS must be active in the Region for the account whose credentials are generated.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html
 */
export function regionCheck(world: World, account: string, env: StepEnv, trace: TraceEntry[]): AwsError | undefined {
  if (env.endpoint === 'global') {
    trace.push({ gate: 'region', result: 'info', code: 'region.global-endpoint', reason: 'The global endpoint (sts.amazonaws.com) is always active; AWS recommends Regional endpoints.', learn: learn.regions });
    return undefined;
  }
  const a = world.accounts.get(account);
  // us-east-1 cannot be deactivated.
  if (a?.stsDisabledRegions.includes(env.region) && env.region !== 'us-east-1') {
    trace.push({ gate: 'region', result: 'fail', code: 'region.disabled', reason: `Account ${account} has deactivated STS in ${env.region}, and it is the account whose credentials would be generated.`, learn: learn.regions, source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html' });
    return awsError('RegionDisabledException', `STS is not activated in this region for account:${account}. Your account administrator can activate STS in this region using the IAM Console.`);
  }
  trace.push({ gate: 'region', result: 'pass', code: 'region.active', reason: account ? `STS is active in ${env.region} for account ${account}.` : `The ARN names no account whose Region settings could apply; STS is active in ${env.region}.`, learn: learn.regions });
  return undefined;
}

/** Generates the credentials for a new session. */
export function credentialsFor(account: string, seed: string, env: StepEnv, durationSeconds: number): { accessKeyId: string; credentials: Record<string, string>; expiresAt: number } {
  const accessKeyId = makeAccessKeyId('ASIA', account, seed);
  const { secret, token } = makeSecrets(seed);
  const expiresAt = env.now + durationSeconds * 1000;
  return { accessKeyId, expiresAt, credentials: { AccessKeyId: accessKeyId, SecretAccessKey: secret, SessionToken: token, Expiration: isoSeconds(expiresAt) } };
}

/** The trace entry for issued credentials. */
export function issued(what: string, durationSeconds: number, expiresAt: number, extra = ''): TraceEntry {
  return { gate: 'issue', result: 'pass', code: 'issue.credentials', reason: `STS issues ${what} for ${durationSeconds} seconds, expiring at ${isoSeconds(expiresAt)}.${extra}`, learn: learn.credentials };
}
