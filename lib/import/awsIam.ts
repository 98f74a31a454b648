/**
 * Imports real IAM configuration into a scenario's world: the JSON that
 * `aws iam get-role`, `get-user`, `get-policy-version` and `get-role-policy` print.
 * Pure transforms on plain JSON: they never throw for user input.
 */
import { type Result, err, ok } from '../result';

/** Something the importer recognised. */
export type IamImport =
  | {
      kind: 'role';
      /** The role as a scenario world entry. */
      role: { arn: string; id?: string; trustPolicy: Record<string, unknown>; maxSessionDuration?: number; tags?: Record<string, string> };
      account: string;
      /** Things in the output the scenario cannot hold, to tell the user. */
      notes: string[];
    }
  | { kind: 'user'; user: { arn: string; id?: string; tags?: Record<string, string> }; account: string; notes: string[] }
  | { kind: 'policy-version'; document: Record<string, unknown>; versionId?: string; isDefault?: boolean }
  | { kind: 'inline-policy'; owner: { type: 'role' | 'user'; name: string }; policyName: string; document: Record<string, unknown> }
  /** A trust policy as the IAM console shows it (raw JSON with Principal): it belongs to a role chosen when adding. */
  | { kind: 'trust-policy'; document: Record<string, unknown> };

/** Why the text could not be imported. */
export interface ImportProblem {
  /** Where in the pasted JSON (`Role.AssumeRolePolicyDocument`), or empty. */
  path: string;
  message: string;
}

const problem = (path: string, message: string): { ok: false; error: ImportProblem } => err({ path, message });

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads a policy document as IAM returns it: a JSON object (the AWS CLI decodes it), JSON
 * text, or URL-encoded JSON text (the raw API and most SDKs return it that way).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html (AssumeRolePolicyDocument is URL-encoded)
 * @example decodePolicyDocument('%7B%22Version%22%3A%222012-10-17%22%7D') // ok({ Version: '2012-10-17' })
 */
export function decodePolicyDocument(v: unknown): Result<Record<string, unknown>, string> {
  if (isObject(v)) return ok(v);
  if (typeof v !== 'string') return err('expected a policy document (an object or JSON text)');
  const attempts = [v.trim()];
  try {
    attempts.push(decodeURIComponent(v.trim()));
  } catch {
    // not URL-encoded: only the first attempt applies
  }
  // Some tools encode spaces as "+" (form encoding).
  try {
    attempts.push(decodeURIComponent(v.trim().replace(/\+/g, '%20')));
  } catch {
    // ignore
  }
  for (const a of attempts) {
    try {
      const parsed: unknown = JSON.parse(a);
      if (isObject(parsed)) return ok(parsed);
    } catch {
      // try the next form
    }
  }
  return err('is neither a JSON policy document nor URL-encoded JSON');
}

function tagsOf(v: unknown): Record<string, string> | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const t of v) if (isObject(t) && typeof t.Key === 'string') out[t.Key] = typeof t.Value === 'string' ? t.Value : '';
  return Object.keys(out).length ? out : undefined;
}

const accountOf = (arn: string) => /^arn:aws[\w-]*:iam::(\d{12}):/.exec(arn)?.[1];

/**
 * Recognises the JSON output of an IAM CLI command.
 * @param text what the user pasted or dropped
 * @returns what it describes, or a located problem
 * @example parseIamOutput(JSON.stringify({ Role: { Arn: 'arn:aws:iam::222222222222:role/R', AssumeRolePolicyDocument: {…} } }))
 */
export function parseIamOutput(text: string): Result<IamImport, ImportProblem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return problem('', `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(data)) return problem('', 'expected a JSON object, as aws iam get-role --output json prints');

  // A policy document pasted as the console shows it: a trust policy names principals; any
  // other policy is an identity-based policy, added like get-policy-version output.
  if (data.Statement !== undefined) {
    const statements = Array.isArray(data.Statement) ? data.Statement : [data.Statement];
    if (statements.some((st) => isObject(st) && (st.Principal !== undefined || st.NotPrincipal !== undefined))) return ok({ kind: 'trust-policy', document: data });
    return ok({ kind: 'policy-version', document: data });
  }

  if (isObject(data.Role)) {
    const r = data.Role;
    if (typeof r.Arn !== 'string' || !/^arn:aws[\w-]*:iam::\d{12}:role\//.test(r.Arn)) return problem('Role.Arn', 'expected the role ARN (arn:aws:iam::ACCOUNT:role/NAME)');
    if (r.AssumeRolePolicyDocument === undefined) return problem('Role.AssumeRolePolicyDocument', 'missing: the trust policy is needed to simulate the role');
    const trust = decodePolicyDocument(r.AssumeRolePolicyDocument);
    if (!trust.ok) return problem('Role.AssumeRolePolicyDocument', trust.error);
    const notes: string[] = [];
    const role: Extract<IamImport, { kind: 'role' }>['role'] = { arn: r.Arn, trustPolicy: trust.value };
    if (typeof r.RoleId === 'string' && /^AROA[A-Z0-9]{12,}$/.test(r.RoleId)) role.id = r.RoleId;
    if (r.MaxSessionDuration !== undefined) {
      if (typeof r.MaxSessionDuration !== 'number' || !Number.isInteger(r.MaxSessionDuration) || r.MaxSessionDuration < 3600 || r.MaxSessionDuration > 43200)
        return problem('Role.MaxSessionDuration', 'expected an integer from 3600 to 43200');
      role.maxSessionDuration = r.MaxSessionDuration;
    }
    const tags = tagsOf(r.Tags);
    if (tags) role.tags = tags;
    if (isObject(r.PermissionsBoundary)) notes.push(`The permissions boundary ${String(r.PermissionsBoundary.PermissionsBoundaryArn ?? '')} is only named in this output: import its document with get-policy-version.`);
    notes.push('get-role does not list the role\'s permission policies: add them with get-role-policy or get-policy-version.');
    return ok({ kind: 'role', role, account: accountOf(r.Arn)!, notes });
  }

  if (isObject(data.User)) {
    const u = data.User;
    if (typeof u.Arn !== 'string' || !/^arn:aws[\w-]*:iam::\d{12}:user\//.test(u.Arn)) return problem('User.Arn', 'expected the user ARN (arn:aws:iam::ACCOUNT:user/NAME)');
    const user: Extract<IamImport, { kind: 'user' }>['user'] = { arn: u.Arn };
    if (typeof u.UserId === 'string' && /^AIDA[A-Z0-9]{12,}$/.test(u.UserId)) user.id = u.UserId;
    const tags = tagsOf(u.Tags);
    if (tags) user.tags = tags;
    const notes = ['get-user does not list policies, access keys or MFA devices: add them to the user in the JSON.'];
    return ok({ kind: 'user', user, account: accountOf(u.Arn)!, notes });
  }

  if (isObject(data.PolicyVersion)) {
    const v = data.PolicyVersion;
    const doc = decodePolicyDocument(v.Document);
    if (!doc.ok) return problem('PolicyVersion.Document', doc.error);
    return ok({
      kind: 'policy-version',
      document: doc.value,
      ...(typeof v.VersionId === 'string' ? { versionId: v.VersionId } : {}),
      ...(typeof v.IsDefaultVersion === 'boolean' ? { isDefault: v.IsDefaultVersion } : {}),
    });
  }

  if (typeof data.PolicyName === 'string' && data.PolicyDocument !== undefined && (typeof data.RoleName === 'string' || typeof data.UserName === 'string')) {
    const doc = decodePolicyDocument(data.PolicyDocument);
    if (!doc.ok) return problem('PolicyDocument', doc.error);
    const owner = typeof data.RoleName === 'string' ? { type: 'role' as const, name: data.RoleName } : { type: 'user' as const, name: data.UserName as string };
    return ok({ kind: 'inline-policy', owner, policyName: data.PolicyName, document: doc.value });
  }

  if (isObject(data.Policy)) return problem('Policy', 'this is aws iam get-policy output, which has no document: run "aws iam get-policy-version --policy-arn ARN --version-id DEFAULT_VERSION" and paste that');
  return problem('', 'not recognised: paste a policy document (as the console shows it) or the JSON that aws iam get-role, get-user, get-policy-version or get-role-policy prints');
}

/** Options for adding an import to a scenario. */
export interface AddOptions {
  /** For get-policy-version: the managed policy's ARN (the output does not include it). */
  policyArn?: string;
  /** For get-policy-version: also attach the policy to this role or user ARN. For a trust policy: the role it belongs to. */
  attachTo?: string;
}

/** A scenario with the import added, and a sentence saying what changed. */
export interface AddResult {
  doc: Record<string, unknown>;
  summary: string;
}

function list(world: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const cur = world[key];
  if (Array.isArray(cur)) return cur as Record<string, unknown>[];
  const fresh: Record<string, unknown>[] = [];
  world[key] = fresh;
  return fresh;
}

function ensureAccount(world: Record<string, unknown>, id: string): void {
  const accounts = list(world, 'accounts');
  if (!accounts.some((a) => a.id === id)) accounts.push({ id });
}

const nameOf = (arn: string) => arn.split('/').pop() ?? arn;

/**
 * Adds an import to a scenario file's JSON, returning a new document (the input is not changed).
 * A role or user with the same ARN is updated in place, keeping what the output does not carry
 * (policies, keys, MFA devices).
 * @param scenario the scenario file as parsed JSON
 * @example addToWorld(JSON.parse(text), parsed.value).value.summary // 'Added role Deploy to the world …'
 */
export function addToWorld(scenario: unknown, imp: IamImport, options: AddOptions = {}): Result<AddResult, ImportProblem> {
  if (!isObject(scenario)) return problem('', 'the scenario in the editor is not a JSON object: fix it first');
  const doc = structuredClone(scenario);
  if (doc.world !== undefined && !isObject(doc.world)) return problem('world', 'the scenario\'s world is not an object: fix it first');
  const world = (doc.world ??= {}) as Record<string, unknown>;

  switch (imp.kind) {
    case 'role': {
      ensureAccount(world, imp.account);
      const roles = list(world, 'roles');
      const at = roles.findIndex((r) => r.arn === imp.role.arn);
      if (at >= 0) {
        const { id: _id, maxSessionDuration: _m, tags: _t, ...keep } = roles[at]!;
        roles[at] = { ...keep, ...imp.role };
        return ok({ doc, summary: `Updated role ${nameOf(imp.role.arn)}: trust policy${imp.role.maxSessionDuration ? `, MaxSessionDuration ${imp.role.maxSessionDuration}` : ''}${imp.role.id ? `, RoleId ${imp.role.id}` : ''}.` });
      }
      roles.push({ ...imp.role });
      return ok({ doc, summary: `Added role ${nameOf(imp.role.arn)} (account ${imp.account}) with its trust policy${imp.role.maxSessionDuration ? ` and MaxSessionDuration ${imp.role.maxSessionDuration}` : ''}.` });
    }
    case 'user': {
      ensureAccount(world, imp.account);
      const users = list(world, 'users');
      const at = users.findIndex((u) => u.arn === imp.user.arn);
      if (at >= 0) {
        users[at] = { ...users[at], ...imp.user };
        return ok({ doc, summary: `Updated user ${nameOf(imp.user.arn)}.` });
      }
      users.push({ ...imp.user });
      return ok({ doc, summary: `Added user ${nameOf(imp.user.arn)} (account ${imp.account}).` });
    }
    case 'policy-version': {
      const arn = options.policyArn?.trim();
      if (!arn) return problem('policyArn', 'get-policy-version output does not include the policy ARN: enter it');
      if (!/^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/.+$/.test(arn)) return problem('policyArn', 'expected a managed policy ARN such as arn:aws:iam::222222222222:policy/ReadOnlyS3');
      const policies = list(world, 'managedPolicies');
      const at = policies.findIndex((p) => p.arn === arn);
      if (at >= 0) policies[at] = { arn, document: imp.document };
      else policies.push({ arn, document: imp.document });
      let attached = '';
      if (options.attachTo) {
        const owner = [...list(world, 'roles'), ...list(world, 'users')].find((o) => o.arn === options.attachTo);
        if (!owner) return problem('attachTo', `no role or user ${options.attachTo} in the world`);
        const arns = Array.isArray(owner.managedPolicyArns) ? (owner.managedPolicyArns as unknown[]) : [];
        if (!arns.includes(arn)) owner.managedPolicyArns = [...arns, arn];
        attached = ` and attached it to ${nameOf(options.attachTo)}`;
      }
      return ok({ doc, summary: `${at >= 0 ? 'Updated' : 'Added'} managed policy ${nameOf(arn)}${imp.versionId ? ` (${imp.versionId})` : ''}${attached}.` });
    }
    case 'trust-policy': {
      const roles = list(world, 'roles');
      const target = options.attachTo ? roles.find((r) => r.arn === options.attachTo) : roles.length === 1 ? roles[0] : undefined;
      if (options.attachTo && !target) return problem('attachTo', `no role ${options.attachTo} in the world`);
      if (target) {
        target.trustPolicy = imp.document;
        return ok({ doc, summary: `Replaced the trust policy of role ${nameOf(String(target.arn))}.` });
      }
      if (roles.length > 1) return problem('attachTo', 'the world has several roles: choose the one whose trust policy this is');
      // No role yet: one in the account the policy's principals point at, or a placeholder account.
      const principal = JSON.stringify(imp.document);
      const account = /arn:aws[\w-]*:iam::(\d{12}):(?:oidc-provider|saml-provider)/.exec(principal)?.[1] ?? '222222222222';
      const arn = `arn:aws:iam::${account}:role/PastedRole`;
      ensureAccount(world, account);
      roles.push({ arn, trustPolicy: imp.document });
      return ok({ doc, summary: `Added role PastedRole (account ${account}) with this trust policy: rename it to your role's ARN.` });
    }
    case 'inline-policy': {
      const owners = list(world, imp.owner.type === 'role' ? 'roles' : 'users');
      const owner = owners.find((o) => typeof o.arn === 'string' && nameOf(o.arn) === imp.owner.name);
      if (!owner) return problem(imp.owner.type === 'role' ? 'RoleName' : 'UserName', `no ${imp.owner.type} named ${imp.owner.name} in the world: import it first (aws iam get-${imp.owner.type})`);
      const policies = Array.isArray(owner.policies) ? (owner.policies as unknown[]) : [];
      owner.policies = [...policies, imp.document];
      return ok({ doc, summary: `Added inline policy ${imp.policyName} to ${imp.owner.type} ${imp.owner.name}.` });
    }
  }
}

/**
 * A scenario file holding only what was imported (used when the editor's text is not JSON yet,
 * or to start from real configuration).
 */
export function emptyScenario(): Record<string, unknown> {
  return { format: 'sts-scenario/v1', id: 'imported', title: 'Imported configuration', world: {}, steps: [] };
}
