/**
 * The `aws sts …` command line equivalent to a call step, for learners to try against a real
 * account. Pure: built from the scenario step and, for `fromStep` values, earlier results.
 */
import type { StepResult } from '../scenario/run';
import type { Scenario, StsCall } from '../scenario/schema';

// https://awscli.amazonaws.com/v2/documentation/api/latest/reference/sts/index.html
const commands: Record<StsCall, string> = {
  AssumeRole: 'assume-role',
  AssumeRoleWithSAML: 'assume-role-with-saml',
  AssumeRoleWithWebIdentity: 'assume-role-with-web-identity',
  GetSessionToken: 'get-session-token',
  GetFederationToken: 'get-federation-token',
  AssumeRoot: 'assume-root',
  GetCallerIdentity: 'get-caller-identity',
  DecodeAuthorizationMessage: 'decode-authorization-message',
  GetAccessKeyInfo: 'get-access-key-info',
  GetWebIdentityToken: 'get-web-identity-token',
};

/** `RoleSessionName` → `--role-session-name`; `SAMLAssertion` → `--saml-assertion`. */
export function optionName(param: string): string {
  return `--${param
    .replace(/SAML/g, 'Saml')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()}`;
}

/** Quotes a value for a POSIX shell when it needs it. */
export function shellQuote(s: string): string {
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function readPath(value: unknown, path: string): unknown {
  let cur = value;
  for (const part of path.split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function optionValue(param: string, v: unknown): string {
  if (param === 'PolicyArns' && Array.isArray(v)) return v.map((p) => shellQuote(`arn=${String((p as { arn?: unknown }).arn)}`)).join(' ');
  if (param === 'TaskPolicyArn' && v && typeof v === 'object') return shellQuote(`arn=${String((v as { arn?: unknown }).arn)}`);
  if (param === 'Tags' && Array.isArray(v)) return v.map((t) => shellQuote(`Key=${String((t as { Key?: unknown }).Key)},Value=${String((t as { Value?: unknown }).Value)}`)).join(' ');
  if (param === 'ProvidedContexts' && Array.isArray(v)) return v.map((c) => shellQuote(`ProviderArn=${String((c as { ProviderArn?: unknown }).ProviderArn)},ContextAssertion=${String((c as { ContextAssertion?: unknown }).ContextAssertion)}`)).join(' ');
  if ((param === 'TransitiveTagKeys' || param === 'Audience') && Array.isArray(v)) return v.map((k) => shellQuote(String(k))).join(' ');
  if (param === 'SAMLAssertion' && typeof v === 'object') return '"$SAML_RESPONSE_BASE64"';
  if (param === 'WebIdentityToken' && typeof v === 'object') return '"$WEB_IDENTITY_TOKEN"';
  if (typeof v === 'object') return shellQuote(JSON.stringify(v));
  return shellQuote(String(v));
}

/**
 * The AWS CLI command for a call step (lines joined with ` \` continuations), or undefined
 * for request and clock steps.
 * @param scenario the validated scenario
 * @param index the step's index
 * @param results earlier steps' results, to fill `{ fromStep, path }` values
 * @example cliCommand(s, 0) // 'aws sts assume-role \\\n  --role-arn arn:aws:iam::222222222222:role/RoleX \\\n  --role-session-name s1'
 */
export function cliCommand(scenario: Pick<Scenario, 'steps' | 'region'>, index: number, results: readonly StepResult[] = []): string | undefined {
  const step = scenario.steps[index];
  if (!step || !('call' in step)) return undefined;
  const lines = [`aws sts ${commands[step.call]}`];
  for (const [param, raw] of Object.entries(step.params ?? {})) {
    if (raw === undefined) continue;
    let v: unknown = raw;
    if (raw && typeof raw === 'object' && 'fromStep' in raw && 'path' in raw) {
      const src = results.find((r) => r.kind !== 'clock' && r.id === raw.fromStep);
      v = readPath(src, String(raw.path));
      if (v === undefined) v = `<${String(raw.fromStep)}: ${String(raw.path)}>`;
    }
    lines.push(`${optionName(param)} ${optionValue(param, v)}`);
  }
  const region = step.context?.region ?? scenario.region;
  if (region) lines.push(`--region ${region}`);
  if (step.context?.endpoint === 'global') lines.push('--endpoint-url https://sts.amazonaws.com');
  return lines.join(' \\\n  ');
}

/** A comment line saying whose credentials the command must run with. */
export function cliCredentialsHint(scenario: Pick<Scenario, 'steps'>, index: number): string | undefined {
  const step = scenario.steps[index];
  if (!step || !('call' in step)) return undefined;
  const as = step.as;
  if (!as) return '# no credentials needed: this call is not signed';
  if ('user' in as) return `# run with ${as.user.split('/').pop()}'s credentials${as.mfaAgeSeconds !== undefined ? ' (a session signed in with MFA)' : ''}`;
  if ('root' in as) return `# run with the root user's credentials of account ${as.root}`;
  if ('session' in as) return `# run with the credentials from step "${as.session}" (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)`;
  return `# run with access key ${as.accessKeyId}`;
}
