/**
 * The simulated AWS world: accounts, organizations, users, roles, providers and resources,
 * indexed, with every policy document parsed, and the lookups the STS calls need.
 * The scenario loader builds it (lib/scenario/buildWorld.ts); the calls only read it.
 */
import { parsePolicy } from '../policy/parse';
import { type Policy } from '../policy/types';

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

/** An organization policy (SCP or RCP) and the roots, OUs or accounts it is attached to. */
export interface OrgPolicy {
  name: string;
  targets: string[];
  policy: NamedPolicy;
}

/** An organizational unit. */
export interface OrgUnit {
  id: string;
  name: string;
  /** The root's id or another OU's id. */
  parent: string;
  accounts: string[];
}

/** An organization. */
export interface Organization {
  id: string;
  management: string;
  accounts: string[];
  centralizedRootAccess: boolean;
  scps: OrgPolicy[];
  /** The root's id (`r-…`). */
  root: string;
  ous: OrgUnit[];
  /** Resource control policies. */
  rcps: OrgPolicy[];
  /** Targets where the default FullAWSAccess SCP is detached. */
  detachFullAWSAccess: string[];
  /**
   * A file written before `root`, `ous` and `detachFullAWSAccess` existed: a level where an SCP
   * with an Allow statement is attached reads as having replaced FullAWSAccess (the older contract).
   */
  legacy: boolean;
}

/** One level of an organization from the root down to an account. */
export interface OrgLevel {
  kind: 'root' | 'ou' | 'account';
  /** The root's, OU's or account's id: what a policy names in `targets`. */
  id: string;
  /** `root r-aaaa`, `OU Workloads (ou-aaaa-11111111)`, `account 111111111111`. */
  label: string;
  /** `root`, `OU Workloads`, `account 111111111111`: for a gate's caption. */
  short: string;
}

const levelCache = new WeakMap<Organization, Map<string, OrgLevel[]>>();
/**
 * The levels from the root through each OU down to the account.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
export function orgLevels(org: Organization, account: string): OrgLevel[] {
  let byAccount = levelCache.get(org);
  if (!byAccount) levelCache.set(org, (byAccount = new Map()));
  const hit = byAccount.get(account);
  if (hit) return hit;
  const ous: OrgLevel[] = [];
  const seen = new Set<string>();
  let ou = org.ous.find((o) => o.accounts.includes(account));
  while (ou && !seen.has(ou.id)) {
    seen.add(ou.id);
    ous.unshift({ kind: 'ou', id: ou.id, label: `OU ${ou.name} (${ou.id})`, short: `OU ${ou.name}` });
    const parent = ou.parent;
    ou = org.ous.find((o) => o.id === parent);
  }
  const levels: OrgLevel[] = [{ kind: 'root', id: org.root, label: `root ${org.root}`, short: 'root' }, ...ous, { kind: 'account', id: account, label: `account ${account}`, short: `account ${account}` }];
  byAccount.set(account, levels);
  return levels;
}

/**
 * The account's organization path, as aws:PrincipalOrgPaths and aws:ResourceOrgPaths carry it:
 * `o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/` (the account itself is not part of it).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgpaths
 */
export function orgPath(org: Organization, account: string): string {
  let byAccount = pathCache.get(org);
  if (!byAccount) pathCache.set(org, (byAccount = new Map()));
  let path = byAccount.get(account);
  if (path === undefined) byAccount.set(account, (path = `${org.id}/${orgLevels(org, account).filter((l) => l.kind !== 'account').map((l) => l.id).join('/')}/`));
  return path;
}
const pathCache = new WeakMap<Organization, Map<string, string>>();

const defaultPolicy = (label: string, doc: unknown, kind: 'scp' | 'resource'): NamedPolicy => {
  const r = parsePolicy(doc, kind);
  if (!r.ok) throw new Error(`built-in policy ${label} does not parse`);
  return { label, path: label, policy: r.policy };
};

let fullAccess: { scp: NamedPolicy; rcp: NamedPolicy } | undefined;
/**
 * The AWS managed default policies: FullAWSAccess (SCP, detachable) and RCPFullAWSAccess (RCP,
 * cannot be detached), attached to the root, every OU and every account.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html
 */
export function defaultOrgPolicies(): { scp: NamedPolicy; rcp: NamedPolicy } {
  fullAccess ??= {
    scp: defaultPolicy('FullAWSAccess', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'scp'),
    rcp: defaultPolicy('RCPFullAWSAccess', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, 'resource'),
  };
  return fullAccess;
}

/**
 * The SCPs or RCPs attached at one level, the AWS managed default included unless detached (only
 * FullAWSAccess can be). In a legacy file an SCP with an Allow statement replaces FullAWSAccess.
 */
export function attachedAt(org: Organization, kind: 'scp' | 'rcp', level: OrgLevel): { policies: NamedPolicy[]; custom: boolean } {
  const list = (kind === 'scp' ? org.scps : org.rcps).filter((p) => p.targets.includes(level.id)).map((p) => p.policy);
  const defaults = defaultOrgPolicies();
  if (kind === 'rcp') return { policies: [defaults.rcp, ...list], custom: list.length > 0 };
  const detached = org.detachFullAWSAccess.includes(level.id) || (org.legacy && list.some((p) => p.policy.statements.some((st) => st.effect === 'Allow')));
  return { policies: detached ? list : [defaults.scp, ...list], custom: list.length > 0 || detached };
}

/** A resource with an optional resource-based policy. */
export interface Resource {
  arn: string;
  account?: string;
  policy?: NamedPolicy;
}

/** The indexed world. */
export interface World {
  accounts: Map<string, { id: string; alias?: string; stsDisabledRegions: string[]; globalEndpointTokenVersion?: 'v1Token' | 'v2Token'; outboundWebIdentityFederation?: boolean }>;
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
  // The text between the first and second colons, without splitting the whole ARN.
  const a = arn.indexOf(':');
  if (a < 0) return 'aws';
  const b = arn.indexOf(':', a + 1);
  return (b < 0 ? arn.slice(a + 1) : arn.slice(a + 1, b)) || 'aws';
}

/** The last path element of an IAM ARN's resource (`role/ops/Deploy` → `Deploy`). */
export function arnName(arn: string): string {
  const res = arn.split(':').slice(5).join(':');
  return res.split('/').pop() ?? res;
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
export function builtinManagedPolicies(): Map<string, NamedPolicy> {
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
export function unknownAwsManaged(arn: string): NamedPolicy | undefined {
  if (!/^arn:aws[\w-]*:iam::aws:policy\//.test(arn)) return undefined;
  const r = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'none:NotModelled', Resource: '*' }] }, 'identity');
  return r.ok ? { label: `${arnName(arn)} (AWS managed policy not modelled: add its document to world.managedPolicies)`, path: arn, policy: r.policy } : undefined;
}

/** The organization an account belongs to, if any. */
export function orgOf(world: World, account: string): Organization | undefined {
  return world.organizations.find((o) => o.accounts.includes(account));
}
