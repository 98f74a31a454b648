/** Matchers for the Action, Resource and Principal elements. Pure; no allocation on the happy path. */
import { arnGlob, glob } from './glob';
import { type PrincipalSpec, type RequestPrincipal } from './types';

/**
 * Matches an Action pattern against a request action.
 * Action names are case-insensitive; `*` and `?` are wildcards.
 * @param pattern as written in the policy, e.g. `sts:Assume*`
 * @param action the request action, e.g. `sts:AssumeRole`
 * @returns whether the pattern covers the action
 * @example matchAction('STS:assume*', 'sts:AssumeRole') // true
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
export function matchAction(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  return glob(pattern.toLowerCase(), action.toLowerCase());
}

/**
 * Matches a Resource pattern against a resource ARN, case-sensitively, component by
 * component like ArnLike (`*` and `?` may appear in any component). Non-ARN strings
 * fall back to a whole-string glob.
 * @param pattern as written in the policy (no variables; see variables.ts)
 * @param arn the request resource
 * @returns whether the pattern covers the resource
 * @example matchResource('arn:aws:iam::*:role/*', 'arn:aws:iam::111122223333:role/Admin') // true
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
export function matchResource(pattern: string, arn: string): boolean {
  return arnGlob(pattern, arn, false);
}

/**
 * Same as {@link matchResource} for an escaped glob produced by variable resolution.
 * @internal
 */
export function matchResourceEscaped(pattern: string, arn: string): boolean {
  return arnGlob(pattern, arn, true);
}

/** Outcome of matching a Principal element. */
export interface PrincipalMatch {
  /** Whether any entry names the caller. */
  matches: boolean;
  /** Which entry matched, or why none did. */
  detail: string;
}

const ACCOUNT_RE = /^\d{12}$/;
const ROOT_RE = /^arn:[a-z0-9-]+:iam::(\d{12}):root$/;
const accountCache = new Map<string, string | null>();

/** The account an AWS entry names as a whole (`"111122223333"` or `arn:aws:iam::111122223333:root`), else null. */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
function accountOf(entry: string): string | null {
  let acct = accountCache.get(entry);
  if (acct !== undefined) return acct;
  if (ACCOUNT_RE.test(entry)) acct = entry;
  else acct = ROOT_RE.exec(entry)?.[1] ?? null;
  if (accountCache.size > 5000) accountCache.clear();
  accountCache.set(entry, acct);
  return acct;
}

/**
 * Matches a Principal (or NotPrincipal) element against the caller.
 * - `"*"` matches everyone, anonymous included.
 * - `AWS: "*"` matches every aws-kind principal.
 * - `AWS: "<account>"` or `arn:…:iam::<account>:root` matches any aws-kind principal of that account.
 * - Other `AWS` entries match `p.arns` or `p.ids` exactly (no partial wildcards in Principal).
 * - `Federated` entries match `p.federated`; `Service` entries match `p.service`.
 * @param spec the normalised element
 * @param p the caller
 * @returns whether it matches and a detail sentence
 * @example matchPrincipal({ kind: 'any' }, { kind: 'anonymous', arns: [], ids: [] }).matches // true
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
export function matchPrincipal(spec: PrincipalSpec, p: RequestPrincipal, notPrincipal = false): PrincipalMatch {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous
  if (spec.kind === 'any') return { matches: true, detail: 'Principal "*" matches every caller' };
  if (p.kind === 'aws') {
    for (const entry of spec.aws) {
      if (entry === '*') return { matches: true, detail: 'AWS "*" matches every AWS principal' };
      const acct = accountOf(entry);
      if (acct !== null) {
        // In NotPrincipal an account entry excludes only the account principal itself, not every principal in it.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
        if (notPrincipal) {
          if (p.arns.includes(`arn:aws:iam::${acct}:root`)) return { matches: true, detail: `AWS "${entry}" names the account principal` };
          continue;
        }
        if (p.account === acct) return { matches: true, detail: `AWS "${entry}" names the caller's account ${acct}` };
        continue;
      }
      if (p.arns.includes(entry) || p.ids.includes(entry)) return { matches: true, detail: `AWS "${entry}" names the caller` };
    }
  } else if (p.kind === 'federated') {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-federated-web-identity
    if (p.federated !== undefined && spec.federated.includes(p.federated)) {
      return { matches: true, detail: `Federated "${p.federated}" names the caller's identity provider` };
    }
  } else if (p.kind === 'service') {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
    if (p.service !== undefined && spec.service.includes(p.service)) {
      return { matches: true, detail: `Service "${p.service}" names the calling service` };
    }
  }
  return { matches: false, detail: `${describeCaller(p)} is not named in ${describeSpec(spec)}` };
}

/** One-line description of the caller, for detail strings. */
export function describeCaller(p: RequestPrincipal): string {
  switch (p.kind) {
    case 'anonymous':
      return 'the anonymous caller';
    case 'federated':
      return `federated caller from ${p.federated ?? '(unknown provider)'}`;
    case 'service':
      return `service ${p.service ?? '(unknown)'}`;
    case 'aws': {
      const name = p.arns[0] ?? p.ids[0] ?? '(unnamed)';
      return p.account !== undefined ? `${name} (account ${p.account})` : name;
    }
  }
}

/** Compact rendering of a Principal element, e.g. `{AWS: ["111122223333"]}`. */
export function describeSpec(spec: PrincipalSpec): string {
  if (spec.kind === 'any') return '"*"';
  const parts: string[] = [];
  if (spec.aws.length) parts.push(`AWS: ${list(spec.aws)}`);
  if (spec.service.length) parts.push(`Service: ${list(spec.service)}`);
  if (spec.federated.length) parts.push(`Federated: ${list(spec.federated)}`);
  if (spec.canonicalUser.length) parts.push(`CanonicalUser: ${list(spec.canonicalUser)}`);
  return `{${parts.join(', ')}}`;
}

/** `["a", "b"]` without JSON.stringify. */
export function list(values: readonly string[]): string {
  return values.length === 0 ? '[]' : '["' + values.join('", "') + '"]';
}
