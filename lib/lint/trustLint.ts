/**
 * Trust-policy findings: checks for the mistakes that let the wrong principal in (or keep the
 * right one out) even when today's calls succeed. Each finding names the statement, says why it
 * matters, links the note, and cites its source. Works on raw policy JSON so paths match what
 * the user typed. Pure; never throws for user input.
 */
import { learn, type LearnRef } from '../explain/learn';
import { parsePolicy } from '../policy/parse';
import type { PolicyKind } from '../policy/types';
import { claimProviders } from '../sts/providerClaims';
import { policySize } from '../world/iamLimits';

/** How much a finding matters; `--fail-on` compares against this order. */
export const severities = ['info', 'low', 'medium', 'high'] as const;
/** A severity. */
export type Severity = (typeof severities)[number];

/** The rules, with the page each one comes from. */
export const lintRules = {
  'malformed-policy': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html', learn: learn.trust },
  'trust-policy-over-default-quota': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html', learn: learn.trust },
  'oidc-missing-sub': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc_secure-by-default.html', learn: learn.githubActions },
  'oidc-missing-aud': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html', learn: learn.oidcConditions },
  'oidc-sub-too-wide': { source: 'https://docs.github.com/actions/reference/openid-connect-reference', learn: learn.githubActions },
  'github-name-subject': { source: 'https://github.blog/changelog/2026-04-23-immutable-subject-claims-for-github-actions-oidc-tokens/', learn: learn.githubActions },
  'oidc-unknown-claim-key': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif', learn: learn.oidcConditions },
  'wildcard-under-string-equals': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String', learn: learn.trustConditions },
  'principal-star-unconditioned': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous', learn: learn.wildcardPrincipal },
  'third-party-without-external-id': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html', learn: learn.confusedDeputy },
  'cognito-missing-aud-amr': { source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html', learn: learn.cognitoTrust },
  'forallvalues-in-allow': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html', learn: learn.trustConditions },
  'bool-vs-boolifexists': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent', learn: learn.mfaKeys },
  'notprincipal-with-allow': { source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html', learn: learn.trustPrincipals },
} as const satisfies Record<string, { source: string; learn: LearnRef }>;
/** A rule id. */
export type LintRule = keyof typeof lintRules;

/** One finding. */
export interface Finding {
  rule: LintRule;
  severity: Severity;
  /** Where in the document: `Statement[0].Condition.StringEquals.token.actions.githubusercontent.com:sub`. */
  path: string;
  /** The statement's index (and Sid, when it has one); -1 when the finding is about the whole document. */
  statement: { index: number; sid?: string };
  /** What is wrong, naming the value. */
  message: string;
  /** Why it matters. */
  why: string;
  learn: LearnRef;
  source: string;
}

/** What the linter may know about the policy's context. */
export interface LintContext {
  /** The account that owns the role (for "third party" checks). */
  roleAccount?: string;
  /** Accounts the user owns (same organization, the scenario's world): not third parties. */
  ownAccounts?: readonly string[];
  /** Where the policy is used; by default a trust policy when a statement names a principal, else an identity policy. */
  kind?: PolicyKind;
}

/** At most this many grammar findings per document: the first ones say what to fix. */
const maxGrammarFindings = 20;
/** IAM's default quota for a role trust policy, in characters without white space. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
const defaultTrustPolicyChars = 2048;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');

/** GitHub's provider claim keys (and the standard ones), per the IAM condition-key reference. */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
// The engine's list of GitHub claim keys (lib/sts/providerClaims.ts), after the standard aud, sub and amr.
const githubProvider = claimProviders.find((p) => p.name === 'GitHub');
const githubClaimKeys = ['aud', 'sub', 'amr', ...(githubProvider?.claims.map((c) => c.key) ?? [])];
const isGithubHost = (host: string) => githubProvider?.matches(host) ?? false;

/** A condition entry, flattened: operator, key, values and its path. */
interface Cond {
  op: string;
  key: string;
  values: string[];
  path: string;
}

function conditionsOf(st: Raw, base: string): Cond[] {
  if (!isObject(st.Condition)) return [];
  const out: Cond[] = [];
  for (const [op, block] of Object.entries(st.Condition))
    if (isObject(block)) for (const [key, v] of Object.entries(block)) out.push({ op, key, values: strs(v), path: `${base}.Condition.${op}.${key}` });
  return out;
}

const actionsOf = (st: Raw) => strs(st.Action).map((a) => a.toLowerCase());
const allowsAction = (st: Raw, action: string) => {
  const acts = actionsOf(st);
  return acts.length === 0 || acts.some((a) => a === action.toLowerCase() || a === '*' || a === 'sts:*' || (a.endsWith('*') && action.toLowerCase().startsWith(a.slice(0, -1))));
};

/**
 * Lints one policy document.
 * @param policy the policy as JSON (object or text)
 * @param context what is known about where it is used
 * @returns findings, most severe first
 * @example lintPolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] })[0].rule // 'principal-star-unconditioned'
 */
export function lintPolicy(policy: unknown, context: LintContext = {}): Finding[] {
  let doc = policy;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      return grammarFindings(policy, context.kind ?? 'trust');
    }
  }
  if (!isObject(doc)) return grammarFindings(doc, context.kind ?? 'trust');
  const single = isObject(doc.Statement);
  const sts = arr(doc.Statement);
  const kind = context.kind ?? (sts.some((s) => isObject(s) && ('Principal' in s || 'NotPrincipal' in s)) ? 'trust' : 'identity');
  // A document IAM would refuse to save (MalformedPolicyDocument) is the first thing to fix.
  const out: Finding[] = grammarFindings(doc, kind);
  const size = policySize(doc);
  // IAM counts a trust policy's characters without white space against the role's quota.
  if (kind === 'trust' && size > defaultTrustPolicyChars)
    out.push({
      rule: 'trust-policy-over-default-quota',
      severity: 'medium',
      path: '',
      statement: { index: -1 },
      message: `The trust policy is ${size.toLocaleString('en-US')} characters without white space, over IAM's default quota of ${defaultTrustPolicyChars.toLocaleString('en-US')} for a role trust policy.`,
      why: 'IAM refuses to save it (LimitExceeded) unless the account has asked Service Quotas for a higher "Role trust policy length". Shorten it first: one aws:PrincipalOrgID or aws:PrincipalOrgPaths condition instead of a list of accounts, or fewer repeated statements.',
      ...lintRules['trust-policy-over-default-quota'],
    });
  sts.forEach((raw, index) => {
    if (!isObject(raw)) return;
    const base = single ? 'Statement' : `Statement[${index}]`;
    const statement = { index, ...(typeof raw.Sid === 'string' && raw.Sid ? { sid: raw.Sid } : {}) };
    const add = (rule: LintRule, severity: Severity, path: string, message: string, why: string) => out.push({ rule, severity, path, statement, message, why, ...lintRules[rule] });
    const allow = raw.Effect === 'Allow';
    const conds = conditionsOf(raw, base);
    const principal = raw.Principal;
    const fed = isObject(principal) ? strs(principal.Federated) : [];
    const awsPrincipals = principal === '*' ? ['*'] : isObject(principal) ? strs(principal.AWS) : [];
    const hasKey = (k: string) => conds.some((c) => c.key.toLowerCase() === k.toLowerCase());

    for (const c of conds) {
      // StringEquals compares literally: * and ? are ordinary characters there.
      if (/^(ForAnyValue:|ForAllValues:)?StringEquals(IgnoreCase)?(IfExists)?$/.test(c.op) && c.values.some((v) => /[*?]/.test(v)))
        add('wildcard-under-string-equals', 'high', c.path, `${c.op} compares "${c.values.find((v) => /[*?]/.test(v))}" literally: its * or ? matches only that character, never other text.`, `Use StringLike for wildcards. As written, ${c.key} must literally contain the wildcard character, so the statement almost certainly matches nothing (a failing call) — and switching to StringLike widens it, so keep the pattern as narrow as you meant.`);
      if (allow && /^ForAllValues:/.test(c.op) && !/IfExists$/.test(c.op))
        add('forallvalues-in-allow', 'medium', c.path, `${c.op} on ${c.key} in an Allow is also true when the request has no ${c.key} at all.`, 'ForAllValues tests every value of the key; with no values there is nothing to fail, so the condition matches a request that carries none. Add a Null condition requiring the key, or use ForAnyValue.');
      if (c.key.toLowerCase() === 'aws:multifactorauthpresent') {
        if (!allow && c.op === 'Bool' && c.values.includes('false'))
          add('bool-vs-boolifexists', 'medium', c.path, `Deny with Bool aws:MultiFactorAuthPresent "false" does not match requests signed with long-term access keys.`, 'The key is absent (not false) for long-term keys, and Bool does not match an absent key, so this Deny lets them through. Use BoolIfExists to deny requests that did not use MFA.');
        if (allow && c.op === 'BoolIfExists' && c.values.includes('true'))
          add('bool-vs-boolifexists', 'high', c.path, `Allow with BoolIfExists aws:MultiFactorAuthPresent "true" also allows requests where the key is absent.`, 'Requests signed with long-term access keys carry no aws:MultiFactorAuthPresent, and IfExists makes an absent key match: MFA is not required for them. Use Bool in an Allow.');
      }
    }

    if (allow && raw.NotPrincipal !== undefined)
      add('notprincipal-with-allow', 'high', `${base}.NotPrincipal`, 'Allow with NotPrincipal means "everyone except those listed", which AWS no longer supports: IAM refuses NotPrincipal in a role trust policy, and with Allow anywhere.', 'Read as written, it would trust every principal not named, anonymous ones included. Name the principals you trust in Principal, and narrow them with conditions such as aws:PrincipalArn or aws:PrincipalOrgID.');

    if (allow && awsPrincipals.includes('*') && conds.length === 0)
      add('principal-star-unconditioned', 'high', `${base}.Principal`, 'Principal "*" with no Condition trusts every AWS principal in every account.', 'Anyone with AWS credentials can assume the role. Restrict it with a condition such as aws:PrincipalOrgID, or name the principals.');

    if (allow && context.roleAccount && allowsAction(raw, 'sts:AssumeRole') && !hasKey('sts:ExternalId') && !hasKey('aws:PrincipalOrgID') && !hasKey('aws:PrincipalAccount')) {
      const own = new Set([context.roleAccount, ...(context.ownAccounts ?? [])]);
      for (const p of awsPrincipals) {
        const acct = /^(\d{12})$/.exec(p)?.[1] ?? /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(p)?.[1];
        if (acct && !own.has(acct))
          add('third-party-without-external-id', 'medium', `${base}.Principal.AWS`, `Account ${acct} is trusted without an sts:ExternalId condition.`, 'If that account belongs to a third party (a vendor that serves many customers), it can be tricked into using its access to this role for someone else: the confused deputy. Require the external ID the vendor gives you.');
      }
    }

    for (const f of fed) {
      if (!allow || !allowsAction(raw, 'sts:AssumeRoleWithWebIdentity')) continue;
      if (f === 'cognito-identity.amazonaws.com') {
        if (!hasKey('cognito-identity.amazonaws.com:aud'))
          add('cognito-missing-aud-amr', 'high', `${base}.Principal.Federated`, 'A Cognito identity-pool trust without cognito-identity.amazonaws.com:aud.', 'Without aud, identities from any identity pool the principal accepts can assume the role; name your pool ID.');
        if (!hasKey('cognito-identity.amazonaws.com:amr'))
          add('cognito-missing-aud-amr', 'medium', `${base}.Principal.Federated`, 'A Cognito identity-pool trust without cognito-identity.amazonaws.com:amr.', 'amr says whether the identity is "authenticated" or "unauthenticated"; without it, guests of the pool get the same role as signed-in users.');
        continue;
      }
      const host = /:oidc-provider\/(.+)$/.exec(f)?.[1];
      if (!host) continue;
      const github = isGithubHost(host);
      const prefix = `${host}:`.toLowerCase();
      const keysHere = conds.filter((c) => c.key.toLowerCase().startsWith(prefix));
      const scopedByRepo = github && keysHere.some((c) => /:(repository|repository_id|repository_owner_id|job_workflow_ref)$/i.test(c.key));
      if (!hasKey(`${host}:sub`) && !scopedByRepo)
        add('oidc-missing-sub', github ? 'high' : 'medium', `${base}.Condition`, `The trust in ${host} does not test ${host}:sub.`, github ? 'Every GitHub repository can get a token from the same issuer with the same audience: without sub (or repository_id), a workflow in anyone\'s repository can assume this role.' : 'Without sub, every identity the provider issues tokens for can assume the role.');
      if (!hasKey(`${host}:aud`))
        add('oidc-missing-aud', 'medium', `${base}.Condition`, `The trust in ${host} does not test ${host}:aud.`, 'aud names the application the token was issued for; without it, a token minted for another application of the same provider is accepted.');
      for (const c of keysHere) {
        const claim = c.key.slice(prefix.length);
        if (github && !githubClaimKeys.includes(claim.toLowerCase()))
          add('oidc-unknown-claim-key', 'medium', c.path, `${c.key} is not a condition key AWS sets for GitHub tokens.`, `AWS exposes only ${githubClaimKeys.join(', ')} from GitHub's tokens; a condition on any other key tests an absent key, so it never matches (or, with IfExists, always matches).`);
        if (claim.toLowerCase() !== 'sub' || !github) continue;
        for (const v of c.values) {
          if (v === '*' || /^repo:\*/.test(v) || /^repo:[^/:]+\/\*/.test(v))
            add('oidc-sub-too-wide', 'high', c.path, `sub "${v}" admits ${v === '*' || v.startsWith('repo:*') ? 'every repository on GitHub' : 'every repository of the owner, including ones created later'}.`, 'Scope the role to one repository and, for deploy roles, one branch or environment: repo:OWNER/REPO:ref:refs/heads/main or repo:OWNER/REPO:environment:prod.');
          else if (/^repo:[^/:]+\/[^/:*]+:\*$/.test(v))
            add('oidc-sub-too-wide', 'medium', c.path, `sub "${v}" admits every branch, tag, pull request and environment of the repository.`, 'A pull request from a branch can then get the role. Name the branch (ref:refs/heads/main) or the environment (environment:prod) the role is for.');
          if (/^repo:[^@/:]+\/[^@/:]+:/.test(v) && !/[*?]/.test(v.split(':')[1] ?? ''))
            add('github-name-subject', 'info', c.path, `sub "${v}" uses owner and repository names.`, 'Names can be reused after a rename or deletion. GitHub\'s immutable subjects (repo:OWNER@ID/REPO@ID:…, the default for repositories created after 2026-07-15) or the repository_id key pin the role to one repository for good; a repository using the new format no longer matches a name-only sub.');
        }
      }
    }
  });
  return out.sort((a, b) => severities.indexOf(b.severity) - severities.indexOf(a.severity));
}

/** The statement a grammar issue's path points into: `Statement[2].Action` → 2, `Statement.Action` → 0, the document → -1. */
function statementOfPath(path: string): number {
  const m = /^Statement(?:\[(\d+)\])?(?:\.|$)/.exec(path);
  return m ? Number(m[1] ?? 0) : -1;
}

/** True when the statement holding this NotPrincipal path is an Allow (reported by notprincipal-with-allow instead). */
function notPrincipalAllow(doc: unknown, path: string): boolean {
  if (!isObject(doc)) return false;
  const st = Array.isArray(doc.Statement) ? doc.Statement[statementOfPath(path)] : doc.Statement;
  return isObject(st) && st.Effect === 'Allow';
}

/** The policy grammar's issues as findings: what IAM would refuse with MalformedPolicyDocument. */
function grammarFindings(doc: unknown, kind: PolicyKind): Finding[] {
  const parsed = parsePolicy(doc, kind);
  if (parsed.ok) return [];
  // NotPrincipal with Allow has a rule of its own (notprincipal-with-allow) that says why.
  const issues = parsed.issues.filter((i) => i.code !== 'notprincipal-requires-deny' && !(i.code === 'forbidden-element' && /NotPrincipal$/.test(i.path) && notPrincipalAllow(doc, i.path)));
  return issues.slice(0, maxGrammarFindings).map((i) => ({
    rule: 'malformed-policy' as const,
    severity: 'high' as const,
    path: i.path,
    statement: { index: statementOfPath(i.path) },
    // A 10 MB principal would otherwise be echoed whole.
    message: i.message.length > 400 ? `${i.message.slice(0, 300)}… (${(i.message.length - 300).toLocaleString('en-US')} more characters)` : i.message,
    why: `IAM refuses to save a ${kind} policy like this one (MalformedPolicyDocument), so what it seems to allow or deny never takes effect. The other findings assume the document is fixed as written.`,
    ...lintRules['malformed-policy'],
  }));
}

/** A finding located in a scenario file. */
export interface ScenarioFinding extends Finding {
  /** Which policy: `world.roles[0].trustPolicy`. */
  where: string;
}

/**
 * Lints every role's trust policy (and every identity policy, for the generic rules) of a scenario file.
 * @param scenario the scenario file as parsed JSON
 */
export function lintScenario(scenario: unknown): ScenarioFinding[] {
  if (!isObject(scenario) || !isObject(scenario.world)) return [];
  const w = scenario.world;
  const own = [
    ...arr(w.accounts).flatMap((a) => (isObject(a) && typeof a.id === 'string' ? [a.id] : [])),
    ...arr(w.organizations).flatMap((o) => (isObject(o) ? strs(o.accounts) : [])),
  ];
  const out: ScenarioFinding[] = [];
  arr(w.roles).forEach((r, i) => {
    if (!isObject(r)) return;
    const roleAccount = typeof r.arn === 'string' ? /^arn:aws[\w-]*:iam::(\d{12}):/.exec(r.arn)?.[1] : undefined;
    for (const f of lintPolicy(r.trustPolicy, { ...(roleAccount ? { roleAccount } : {}), ownAccounts: own })) out.push({ ...f, where: `world.roles[${i}].trustPolicy` });
    arr(r.policies).forEach((p, j) => {
      for (const f of lintPolicy(p)) out.push({ ...f, where: `world.roles[${i}].policies[${j}]` });
    });
  });
  arr(w.users).forEach((u, i) => {
    if (!isObject(u)) return;
    arr(u.policies).forEach((p, j) => {
      for (const f of lintPolicy(p)) out.push({ ...f, where: `world.users[${i}].policies[${j}]` });
    });
  });
  return out;
}

/** True when a finding is at or above the given severity. */
export const atLeast = (f: Pick<Finding, 'severity'>, min: Severity) => severities.indexOf(f.severity) >= severities.indexOf(min);
