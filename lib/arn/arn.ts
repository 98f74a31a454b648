/**
 * ARNs: `arn:partition:service:region:account:resource`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
import { type Result } from '../result';

/** A 12-digit AWS account id, created only by parsers. */
export type AccountId = string & { readonly __brand: 'AccountId' };

/** The six parts of an ARN; `resource` keeps any further colons. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Parses an ARN into its parts. */
export function parseArn(s: string): Result<Arn, string> {
  if (!s.startsWith('arn:')) return { ok: false, error: 'an ARN starts with "arn:"' };
  const parts = s.split(':');
  if (parts.length < 6) return { ok: false, error: 'an ARN has six colon-separated parts: arn:partition:service:region:account:resource' };
  const [, partition = '', service = '', region = '', account = ''] = parts;
  if (!partition || !service) return { ok: false, error: 'the partition and service of an ARN cannot be empty' };
  return { ok: true, value: { partition, service, region, account, resource: parts.slice(5).join(':') } };
}

/** Formats ARN parts back into the string. */
export function formatArn(a: Arn): string {
  return `arn:${a.partition}:${a.service}:${a.region}:${a.account}:${a.resource}`;
}

/** Narrows a string to an account id. */
export function isAccountId(s: string): s is AccountId {
  return /^\d{12}$/.test(s);
}

/** Kinds of IAM and STS principal ARNs. */
export type PrincipalArnKind = 'root' | 'user' | 'role' | 'assumed-role' | 'federated-user' | 'saml-provider' | 'oidc-provider';

/** What kind of principal an IAM or STS ARN names, if any. */
export function principalArnKind(s: string): PrincipalArnKind | undefined {
  const r = parseArn(s);
  if (!r.ok) return undefined;
  const { service, resource } = r.value;
  if (service === 'iam') {
    if (resource === 'root') return 'root';
    const t = resource.split('/')[0];
    return t === 'user' || t === 'role' || t === 'saml-provider' || t === 'oidc-provider' ? t : undefined;
  }
  if (service === 'sts') {
    const t = resource.split('/')[0];
    return t === 'assumed-role' || t === 'federated-user' ? t : undefined;
  }
  return undefined;
}

/**
 * The assumed-role ARN of a role session: the role's name without its path.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumedRoleUser.html
 * @example assumedRoleArn('arn:aws:iam::222222222222:role/ops/Deploy', 's1') // arn:aws:sts::222222222222:assumed-role/Deploy/s1
 */
export function assumedRoleArn(roleArn: string, sessionName: string): string {
  let prefix = sessionPrefixes.get(roleArn);
  if (prefix === undefined) {
    const r = parseArn(roleArn);
    if (!r.ok) prefix = `arn:aws:sts:::assumed-role/${roleArn}/`;
    else {
      const name = r.value.resource.split('/').pop() ?? r.value.resource;
      prefix = formatArn({ partition: r.value.partition, service: 'sts', region: '', account: r.value.account, resource: `assumed-role/${name}/` });
    }
    if (sessionPrefixes.size >= 1000) sessionPrefixes.clear();
    sessionPrefixes.set(roleArn, prefix);
  }
  return prefix + sessionName;
}

/** `arn:aws:sts::A:assumed-role/Name/` per role ARN: the part of a session ARN that does not depend on the session. */
const sessionPrefixes = new Map<string, string>();
