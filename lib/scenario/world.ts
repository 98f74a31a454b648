/**
 * The simulated AWS world: users, roles, providers and resources, indexed and with
 * every policy document parsed. Built once per scenario from the validated input.
 */
import { parsePolicy } from '../policy/parse';
import { type Policy, type PolicyKind } from '../policy/types';
import { stableId } from '../util/hash';
import { type WorldInput } from './schema';

/** A located problem in a scenario file. */
export interface ScenarioIssue {
  /** `steps[2].params.RoleArn`, `world.roles[0].trustPolicy.Statement[0].Principal` */
  path: string;
  message: string;
}

/** A policy document with where it came from, for the trace. */
export interface NamedPolicy {
  /** Human label: `RoleX trust policy`, `alice inline policy #1`, `ReadOnlyS3`. */
  label: string;
  /** Path in the scenario file, used by fixes. */
  path: string;
  policy: Policy;
}

/** An IAM user. */
export interface User {
  arn: string;
  name: string;
  account: string;
  id: string;
  accessKeys: string[];
  policies: NamedPolicy[];
  boundary?: NamedPolicy;
  tags: Record<string, string>;
  mfaDevices: { serial: string; code: string }[];
  /** Index in world.users, for fixes. */
  index: number;
}

/** An IAM role. */
export interface Role {
  arn: string;
  name: string;
  path: string;
  account: string;
  id: string;
  trust: NamedPolicy;
  maxSessionDuration: number;
  policies: NamedPolicy[];
  boundary?: NamedPolicy;
  tags: Record<string, string>;
  index: number;
}

/** An organization. */
export interface Organization {
  id: string;
  management: string;
  accounts: string[];
  centralizedRootAccess: boolean;
  scps: { name: string; targets: string[]; policy: NamedPolicy }[];
}

/** A resource with an optional resource-based policy. */
export interface Resource {
  arn: string;
  account?: string;
  policy?: NamedPolicy;
}

/** The indexed world. */
export interface World {
  accounts: Map<string, { id: string; alias?: string; stsDisabledRegions: string[] }>;
  users: Map<string, User>;
  roles: Map<string, Role>;
  keyOwners: Map<string, User>;
  managedPolicies: Map<string, NamedPolicy>;
  organizations: Organization[];
  samlProviders: Map<string, { arn: string; issuer: string; account: string; name: string }>;
  oidcProviders: { arn: string; url: string; host: string; clientIds: string[]; reachable: boolean; account: string }[];
  resources: Resource[];
}

/** Account id inside an ARN (`arn:aws:iam::111111111111:user/x` → `111111111111`). */
export function arnAccount(arn: string): string | undefined {
  const parts = arn.split(':');
  const acct = parts[4];
  return acct && /^\d{12}$/.test(acct) ? acct : undefined;
}

/**
 * The partition an account lives in (aws, aws-cn, aws-us-gov, …), read from the ARNs of its
 * users, roles and identity providers; `aws` when the world names none. An account belongs to
 * exactly one partition. https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html
 */
export function accountPartition(world: World, account: string): string {
  for (const arn of [...world.users.keys(), ...world.roles.keys(), ...world.samlProviders.keys(), ...world.oidcProviders.map((o) => o.arn)]) {
    if (arnAccount(arn) === account) return arnPartition(arn);
  }
  return 'aws';
}

/** The partition of an ARN (`arn:aws-cn:iam::…` → `aws-cn`). */
export function arnPartition(arn: string): string {
  return arn.split(':')[1] || 'aws';
}

/** The last path element of an IAM ARN's resource (`role/ops/Deploy` → `Deploy`). */
export function arnName(arn: string): string {
  const res = arn.split(':').slice(5).join(':');
  return res.split('/').pop() ?? res;
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
  (input.accounts ?? []).forEach((a) => world.accounts.set(a.id, { id: a.id, alias: a.alias, stsDisabledRegions: a.stsDisabledRegions ?? [] }));

  (input.managedPolicies ?? []).forEach((m, i) => {
    const name = arnName(m.arn);
    const p = worldPolicy(m.document, 'identity', `world.managedPolicies[${i}].document`, name, issues);
    if (p) world.managedPolicies.set(m.arn, p);
  });
  for (const [arn, p] of builtinManagedPolicies()) if (!world.managedPolicies.has(arn)) world.managedPolicies.set(arn, p);

  const attached = (arns: string[] | undefined, path: string): NamedPolicy[] =>
    (arns ?? []).flatMap((arn, j) => {
      const p = world.managedPolicies.get(arn) ?? unknownAwsManaged(arn);
      if (!p) {
        issues.push({ path: `${path}[${j}]`, message: `no managed policy ${arn} in world.managedPolicies; add it with its document` });
        return [];
      }
      return [p];
    });

  (input.users ?? []).forEach((u, i) => {
    const base = `world.users[${i}]`;
    const name = arnName(u.arn);
    const account = arnAccount(u.arn) ?? '';
    if (world.users.has(u.arn)) issues.push({ path: `${base}.arn`, message: `duplicate user ${u.arn}` });
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
    const trust = worldPolicy(r.trustPolicy, 'trust', `${base}.trustPolicy`, `${name} trust policy`, issues);
    const policies = (r.policies ?? []).flatMap((d, j) => worldPolicy(d, 'identity', `${base}.policies[${j}]`, `${name} policy #${j + 1}`, issues) ?? []);
    if (!trust) return;
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

  (input.organizations ?? []).forEach((o, i) => {
    world.organizations.push({
      id: o.id,
      management: o.management,
      accounts: [...new Set([o.management, ...(o.accounts ?? [])])],
      centralizedRootAccess: o.centralizedRootAccess ?? false,
      scps: (o.scps ?? []).flatMap((s, j) => {
        const p = worldPolicy(s.document, 'scp', `world.organizations[${i}].scps[${j}].document`, `SCP ${s.name}`, issues);
        return p ? [{ name: s.name, targets: s.targets, policy: p }] : [];
      }),
    });
  });

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
 * The AWS managed root-task policies that AssumeRoot accepts, with the actions AWS documents for each.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user-privileged-task.html
 */
export const rootTaskPolicies: Record<string, string[]> = {
  'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials': [
    'iam:GetAccountSummary', 'iam:GetLoginProfile', 'iam:GetUser', 'iam:ListAccessKeys', 'iam:ListMFADevices', 'iam:ListSigningCertificates', 'iam:ListMFADeviceTags',
  ],
  'arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword': ['iam:CreateLoginProfile', 'iam:GetLoginProfile'],
  'arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials': [
    'iam:DeleteAccessKey', 'iam:DeactivateMFADevice', 'iam:DeleteLoginProfile', 'iam:DeleteSigningCertificate', 'iam:GetAccessKeyLastUsed',
    'iam:GetLoginProfile', 'iam:GetUser', 'iam:ListAccessKeys', 'iam:ListMFADevices', 'iam:ListSigningCertificates',
  ],
  'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy': ['s3:DeleteBucketPolicy', 's3:GetBucketPolicy', 's3:PutBucketPolicy'],
  'arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy': ['sqs:DeleteQueuePolicy', 'sqs:GetQueueAttributes', 'sqs:ListQueues', 'sqs:SetQueueAttributes'],
};

let builtins: Map<string, NamedPolicy> | undefined;
/** AWS managed policies the engine knows without the scenario defining them. */
function builtinManagedPolicies(): Map<string, NamedPolicy> {
  if (builtins) return builtins;
  const docs: Record<string, unknown> = {
    'arn:aws:iam::aws:policy/AdministratorAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    'arn:aws:iam::aws:policy/PowerUserAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }, { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization', 'account:ListRegions', 'account:GetAccountInformation'], Resource: '*' }] },
    'arn:aws:iam::aws:policy/AmazonS3FullAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }] },
    'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], Resource: '*' }] },
    'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:GetSecurityGroupsForVpc', 'elasticloadbalancing:Describe*', 'cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*', 'autoscaling:Describe*'], Resource: '*' }] },
    'arn:aws:iam::aws:policy/AmazonEC2FullAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:*', 'elasticloadbalancing:*', 'cloudwatch:*', 'autoscaling:*'], Resource: '*' }] },
    'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:BatchGetItem', 'dynamodb:Describe*', 'dynamodb:List*', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PartiQLSelect'], Resource: '*' }] },
    'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['dynamodb:*'], Resource: '*' }] },
    'arn:aws:iam::aws:policy/IAMReadOnlyAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy'], Resource: '*' }] },
    'arn:aws:iam::aws:policy/IAMFullAccess': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'], Resource: '*' }] },
    // A simplified ReadOnlyAccess: the real one lists hundreds of read actions by service.
    'arn:aws:iam::aws:policy/ReadOnlyAccess': {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'iam:Get*', 'iam:List*', 'ec2:Describe*', 'dynamodb:Get*', 'dynamodb:BatchGet*', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:Describe*', 'sqs:Get*', 'sqs:List*', 'sns:Get*', 'sns:List*', 'lambda:Get*', 'lambda:List*', 'kms:Describe*', 'kms:List*', 'logs:Get*', 'logs:Describe*', 'cloudwatch:Get*', 'cloudwatch:Describe*', 'cloudwatch:List*', 'organizations:Describe*', 'organizations:List*'], Resource: '*' }],
    },
  };
  for (const [arn, actions] of Object.entries(rootTaskPolicies)) docs[arn] = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] };
  builtins = new Map();
  for (const [arn, doc] of Object.entries(docs)) {
    const r = parsePolicy(doc, 'identity');
    if (r.ok) builtins.set(arn, { label: arnName(arn), path: arn, policy: r.policy });
  }
  return builtins;
}

/**
 * An AWS managed policy the engine has no copy of: accepted (IAM would attach it), but it
 * allows nothing here, and its label says so.
 */
function unknownAwsManaged(arn: string): NamedPolicy | undefined {
  if (!/^arn:aws[\w-]*:iam::aws:policy\//.test(arn)) return undefined;
  const r = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'none:NotModelled', Resource: '*' }] }, 'identity');
  return r.ok ? { label: `${arnName(arn)} (AWS managed policy not modelled: add its document to world.managedPolicies)`, path: arn, policy: r.policy } : undefined;
}

/** The organization an account belongs to, if any. */
export function orgOf(world: World, account: string): Organization | undefined {
  return world.organizations.find((o) => o.accounts.includes(account));
}
