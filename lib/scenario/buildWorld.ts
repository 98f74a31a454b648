/**
 * Builds the simulated world (lib/world) from a validated scenario file's `world`,
 * collecting every problem IAM itself would refuse as a located issue.
 */
import { parsePolicy } from '../policy/parse';
import { type Policy, type PolicyKind } from '../policy/types';
import { stableId } from '../util/hash';
import { iamLimits, policySize } from '../world/iamLimits';
import { arnAccount, arnName, builtinManagedPolicies, type NamedPolicy, type Organization, type OrgPolicy, unknownAwsManaged, type User, type World } from '../world/world';
import { type WorldInput } from './schema';

type OrganizationInput = NonNullable<WorldInput['organizations']>[number];

/** A located problem in a scenario file. */
export interface ScenarioIssue {
  /** `steps[2].params.RoleArn`, `world.roles[0].trustPolicy.Statement[0].Principal` */
  path: string;
  message: string;
}

/** Parses a policy document found in the world; IAM would refuse an invalid one, so issues make the file invalid. */
function worldPolicy(doc: unknown, kind: PolicyKind, path: string, label: string, issues: ScenarioIssue[]): NamedPolicy | undefined {
  const r = parsePolicy(doc, kind);
  if (!r.ok) {
    for (const i of r.issues) issues.push({ path: i.path ? `${path}.${i.path}` : path, message: i.message });
    return undefined;
  }
  return { label, path, policy: r.policy };
}

/** A located problem when a document (or several together) is larger than IAM accepts. */
function checkSize(docs: unknown[], max: number, path: string, what: string, issues: ScenarioIssue[]): void {
  let size = 0;
  for (const d of docs) size += policySize(d);
  if (size > max) issues.push({ path, message: `${what} ${size === Infinity ? 'is nested too deeply to measure' : `has ${size} characters (not counting white space)`}; IAM accepts at most ${max}` });
}

// A Federated principal naming the Cognito identity-pool service (cognito-identity.amazonaws.com, or a Region's own name).
const COGNITO_IDENTITY = /^cognito-identity(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;

/**
 * IAM refuses a role trust policy that lets the Cognito identity-pool service principal in without
 * naming the identity pool: an Allow statement for it must test `cognito-identity.amazonaws.com:aud`.
 */
function checkCognitoTrust(trust: Policy, raw: unknown, path: string, issues: ScenarioIssue[]): void {
  let doc = raw;
  if (typeof raw === 'string') {
    try {
      doc = JSON.parse(raw);
    } catch {
      return;
    }
  }
  const listed = !!doc && typeof doc === 'object' && Array.isArray((doc as { Statement?: unknown }).Statement);
  for (const st of trust.statements) {
    if (st.effect !== 'Allow' || st.principal?.kind !== 'map' || !st.principal.federated.some((f) => COGNITO_IDENTITY.test(f))) continue;
    if (st.conditions.some((c) => /^cognito-identity(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?:aud$/i.test(c.key))) continue;
    // https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html (with the identity-pool service principal, "you can't create or modify a role trust policy to allow any identity pool to assume the role")
    // https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html ("IAM requires that roles for identity pools have at least one trust policy condition")
    issues.push({
      path: `${path}${listed ? `.Statement[${st.index}]` : '.Statement'}.Condition`,
      message: 'IAM refuses this trust policy: a statement that trusts cognito-identity.amazonaws.com must name the identity pool with a cognito-identity.amazonaws.com:aud condition (otherwise any identity pool could assume the role)',
    });
  }
}

/** Builds the indexed world, collecting every problem IAM itself would refuse. */
export function buildWorld(input: WorldInput): { world: World; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const world: World = {
    accounts: new Map(),
    users: new Map(),
    roles: new Map(),
    keyOwners: new Map(),
    managedPolicies: new Map(),
    organizations: [],
    samlProviders: new Map(),
    oidcProviders: [],
    resources: [],
  };
  (input.accounts ?? []).forEach((a) => world.accounts.set(a.id, { id: a.id, alias: a.alias, stsDisabledRegions: a.stsDisabledRegions ?? [], globalEndpointTokenVersion: a.globalEndpointTokenVersion ?? 'v1Token', ...(a.outboundWebIdentityFederation ? { outboundWebIdentityFederation: true } : {}) }));

  (input.managedPolicies ?? []).forEach((m, i) => {
    const name = arnName(m.arn);
    checkSize([m.document], iamLimits.managedPolicyChars, `world.managedPolicies[${i}].document`, 'the managed policy', issues);
    const p = worldPolicy(m.document, 'identity', `world.managedPolicies[${i}].document`, name, issues);
    if (p) world.managedPolicies.set(m.arn, p);
  });
  for (const [arn, p] of builtinManagedPolicies()) if (!world.managedPolicies.has(arn)) world.managedPolicies.set(arn, p);

  const attached = (arns: string[] | undefined, path: string): NamedPolicy[] => {
    if ((arns?.length ?? 0) > iamLimits.attachedPolicies) issues.push({ path, message: `${arns!.length} managed policies are attached; IAM attaches at most ${iamLimits.attachedPolicies} to a user or role` });
    return (arns ?? []).flatMap((arn, j) => {
      const p = world.managedPolicies.get(arn) ?? unknownAwsManaged(arn);
      if (!p) {
        issues.push({ path: `${path}[${j}]`, message: `no managed policy ${arn} in world.managedPolicies; add it with its document` });
        return [];
      }
      return [p];
    });
  };

  (input.users ?? []).forEach((u, i) => {
    const base = `world.users[${i}]`;
    const name = arnName(u.arn);
    const account = arnAccount(u.arn) ?? '';
    if (world.users.has(u.arn)) issues.push({ path: `${base}.arn`, message: `duplicate user ${u.arn}` });
    checkSize(u.policies ?? [], iamLimits.userInlineChars, `${base}.policies`, "the user's inline policies together", issues);
    if (u.boundary !== undefined) checkSize([u.boundary], iamLimits.managedPolicyChars, `${base}.boundary`, 'the permissions boundary (a managed policy)', issues);
    const policies = (u.policies ?? []).flatMap((d, j) => worldPolicy(d, 'identity', `${base}.policies[${j}]`, `${name} policy #${j + 1}`, issues) ?? []);
    const user: User = {
      arn: u.arn,
      name,
      account,
      id: u.id ?? stableId('AIDA', u.arn),
      accessKeys: u.accessKeys ?? [],
      policies: [...policies, ...attached(u.managedPolicyArns, `${base}.managedPolicyArns`)],
      boundary: u.boundary === undefined ? undefined : worldPolicy(u.boundary, 'boundary', `${base}.boundary`, `${name} permissions boundary`, issues),
      tags: u.tags ?? {},
      mfaDevices: u.mfaDevices ?? [],
      index: i,
    };
    world.users.set(u.arn, user);
    for (const k of user.accessKeys) world.keyOwners.set(k, user);
  });

  (input.roles ?? []).forEach((r, i) => {
    const base = `world.roles[${i}]`;
    const name = arnName(r.arn);
    const res = r.arn.split(':').slice(5).join(':');
    if (world.roles.has(r.arn)) issues.push({ path: `${base}.arn`, message: `duplicate role ${r.arn}` });
    checkSize([r.trustPolicy], iamLimits.trustPolicyChars, `${base}.trustPolicy`, 'the trust policy', issues);
    checkSize(r.policies ?? [], iamLimits.roleInlineChars, `${base}.policies`, "the role's inline policies together", issues);
    if (r.boundary !== undefined) checkSize([r.boundary], iamLimits.managedPolicyChars, `${base}.boundary`, 'the permissions boundary (a managed policy)', issues);
    const trust = worldPolicy(r.trustPolicy, 'trust', `${base}.trustPolicy`, `${name} trust policy`, issues);
    const policies = (r.policies ?? []).flatMap((d, j) => worldPolicy(d, 'identity', `${base}.policies[${j}]`, `${name} policy #${j + 1}`, issues) ?? []);
    if (!trust) return;
    checkCognitoTrust(trust.policy, r.trustPolicy, `${base}.trustPolicy`, issues);
    world.roles.set(r.arn, {
      arn: r.arn,
      name,
      path: res.slice('role'.length, res.length - name.length) || '/',
      account: arnAccount(r.arn) ?? '',
      id: r.id ?? stableId('AROA', r.arn),
      trust,
      // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (MaxSessionDuration defaults to 3600)
      maxSessionDuration: r.maxSessionDuration ?? 3600,
      policies: [...policies, ...attached(r.managedPolicyArns, `${base}.managedPolicyArns`)],
      boundary: r.boundary === undefined ? undefined : worldPolicy(r.boundary, 'boundary', `${base}.boundary`, `${name} permissions boundary`, issues),
      tags: r.tags ?? {},
      index: i,
    });
  });

  (input.organizations ?? []).forEach((o, i) => world.organizations.push(buildOrganization(o, `world.organizations[${i}]`, issues)));

  (input.samlProviders ?? []).forEach((p) =>
    world.samlProviders.set(p.arn, { arn: p.arn, issuer: p.issuer, account: arnAccount(p.arn) ?? '', name: arnName(p.arn) }),
  );
  (input.oidcProviders ?? []).forEach((p) =>
    world.oidcProviders.push({
      arn: p.arn,
      url: p.url,
      host: p.url.replace(/^https:\/\//, '').replace(/\/$/, ''),
      clientIds: p.clientIds ?? [],
      reachable: p.reachable ?? true,
      account: arnAccount(p.arn) ?? '',
    }),
  );
  (input.resources ?? []).forEach((r, i) => {
    world.resources.push({
      arn: r.arn,
      account: r.account ?? arnAccount(r.arn),
      policy: r.policy === undefined ? undefined : worldPolicy(r.policy, 'resource', `world.resources[${i}].policy`, `${r.arn} resource policy`, issues),
    });
  });

  return { world, issues };
}

/**
 * One organization: its root, OUs, SCPs and RCPs, with every target checked. A target names the
 * root, an OU or a member account; a file written before `root` and `ous` existed may name one
 * other level, read as the root (../shared/scenario-format.md, "Organizations").
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
function buildOrganization(o: OrganizationInput, base: string, issues: ScenarioIssue[]): Organization {
  const accounts = [...new Set([o.management, ...(o.accounts ?? [])])];
  const legacy = o.root === undefined && o.ous === undefined && o.detachFullAWSAccess === undefined;
  const isAccount = (t: string) => /^\d{12}$/.test(t);
  // A legacy file's one non-account target is its root; otherwise the root id follows the organization's.
  const legacyRoots = legacy ? [...new Set([...(o.scps ?? []), ...(o.rcps ?? [])].flatMap((p) => p.targets.filter((t) => !isAccount(t))))] : [];
  const root = o.root ?? legacyRoots[0] ?? `r-${o.id.slice(2, 6)}`;
  const ous = (o.ous ?? []).map((u) => ({ id: u.id, name: u.name, parent: u.parent, accounts: u.accounts ?? [] }));
  const ouIds = new Set(ous.map((u) => u.id));
  const placed = new Map<string, string>();
  ous.forEach((u, j) => {
    const at = `${base}.ous[${j}]`;
    if (ous.findIndex((x) => x.id === u.id) !== j) issues.push({ path: `${at}.id`, message: `duplicate OU ${u.id}` });
    if (u.parent !== root && !ouIds.has(u.parent)) issues.push({ path: `${at}.parent`, message: `${u.parent} is neither the root (${root}) nor an OU of ${o.id}` });
    u.accounts.forEach((a, k) => {
      if (!accounts.includes(a)) issues.push({ path: `${at}.accounts[${k}]`, message: `${a} is not an account of ${o.id}; list it in accounts` });
      else if (placed.has(a)) issues.push({ path: `${at}.accounts[${k}]`, message: `${a} is already in ${placed.get(a)}; an account sits in one OU` });
      else placed.set(a, u.id);
    });
    // An OU's parents must lead to the root.
    const seen = new Set<string>();
    for (let p: string | undefined = u.id; p && p !== root; p = ous.find((x) => x.id === p)?.parent) {
      if (seen.has(p)) {
        issues.push({ path: `${at}.parent`, message: `OU ${u.id} is its own ancestor; OUs form a tree under the root` });
        break;
      }
      seen.add(p);
    }
  });
  if (legacyRoots.length > 1) issues.push({ path: `${base}.scps`, message: `policies name ${legacyRoots.join(', ')}: declare root and ous to attach policies to more than one level above the accounts` });
  const validTarget = (t: string) => t === root || ouIds.has(t) || accounts.includes(t);
  const targets = (list: string[], at: string): string[] => {
    list.forEach((t, k) => {
      if (!validTarget(t)) issues.push({ path: `${at}[${k}]`, message: `${t} is not the root, an OU or a member account of ${o.id}` });
    });
    return list;
  };
  const policies = (list: OrganizationInput['scps'], kind: 'scps' | 'rcps'): OrgPolicy[] =>
    (list ?? []).flatMap((s, j) => {
      const at = `${base}.${kind}[${j}]`;
      checkSize([s.document], kind === 'scps' ? iamLimits.scpChars : iamLimits.rcpChars, `${at}.document`, kind === 'scps' ? 'the SCP' : 'the RCP', issues);
      const p = worldPolicy(s.document, kind === 'scps' ? 'scp' : 'resource', `${at}.document`, `${kind === 'scps' ? 'SCP' : 'RCP'} ${s.name}`, issues);
      if (p && kind === 'rcps') {
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html (Allow only in RCPFullAWSAccess; Principal must be "*")
        p.policy.statements.forEach((st) => {
          if (st.effect === 'Allow') issues.push({ path: `${at}.document.Statement[${st.index}].Effect`, message: 'an RCP can only deny: the effect Allow is supported only in the AWS managed RCPFullAWSAccess' });
          if (st.principal?.kind !== 'any' && !(st.principal?.kind === 'map' && st.principal.aws.length === 1 && st.principal.aws[0] === '*')) issues.push({ path: `${at}.document.Statement[${st.index}].Principal`, message: 'an RCP statement must have "Principal": "*"' });
        });
      }
      return p ? [{ name: s.name, targets: targets(s.targets, `${at}.targets`), policy: p }] : [];
    });
  return {
    id: o.id,
    management: o.management,
    accounts,
    centralizedRootAccess: o.centralizedRootAccess ?? false,
    root,
    ous,
    scps: policies(o.scps, 'scps'),
    rcps: policies(o.rcps, 'rcps'),
    detachFullAWSAccess: targets(o.detachFullAWSAccess ?? [], `${base}.detachFullAWSAccess`),
    legacy,
  };
}
