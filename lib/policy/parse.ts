/**
 * The boundary: turns untrusted JSON (text or value) into a validated {@link Policy}.
 * Never throws; every problem becomes a located {@link PolicyIssue}.
 */
import { closest } from '../util/suggest';
import { issue, type PolicyIssueCode } from './issues';
import {
  conditionBases,
  type ConditionBase,
  type ConditionClause,
  type Policy,
  type PolicyIssue,
  type PolicyKind,
  type PrincipalSpec,
  type Statement,
} from './types';

/** Result of {@link parsePolicy}. */
export type ParsePolicyResult = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

/** A condition operator split into its parts. */
export interface ParsedOperator {
  /** Operator family. */
  base: ConditionBase;
  /** Set qualifier, if any. */
  set?: 'ForAnyValue' | 'ForAllValues';
  /** Whether it ends in `IfExists`. */
  ifExists: boolean;
}

type Obj = Record<string, unknown>;

const TOP_LEVEL = ['Version', 'Id', 'Statement'] as const;
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;
const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
const baseSet: ReadonlySet<string> = new Set(conditionBases);

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** `did you mean "Statement"?` when only the case differs, or when the name is a likely typo (`Principle`). */
function hint(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  const m = known.find((k) => k.toLowerCase() === lower);
  if (m) return ` Element names are case-sensitive: did you mean "${m}"?`;
  const near = closest(key, known);
  return near ? ` Did you mean "${near}"?` : '';
}

/** The operator a typo most likely meant (`StringEqual` → `StringEquals`), keeping its set qualifier and IfExists. */
function operatorHint(op: string): string {
  const m = /^(ForAnyValue:|ForAllValues:)?(.*?)(IfExists)?$/.exec(op);
  const near = closest(m?.[2] ?? op, conditionBases);
  return near ? ` Did you mean "${m?.[1] ?? ''}${near}${m?.[3] ?? ''}"?` : '';
}

/** "an identity", "a trust". */
function an(kind: PolicyKind): string {
  return (/^[aeiou]/.test(kind) ? 'an ' : 'a ') + kind;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function keysOf(o: Obj): string[] {
  return Object.keys(o);
}

function has(o: Obj, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

const operatorCache = new Map<string, ParsedOperator | null>();

/**
 * Splits an operator such as `ForAnyValue:StringLikeIfExists` into qualifier, base and
 * IfExists. Names are case-sensitive, as in IAM.
 * @returns the parts, or null when the text is not an operator
 * @example parseConditionOperator('ForAllValues:StringEquals') // { base: 'StringEquals', set: 'ForAllValues', ifExists: false }
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
export function parseConditionOperator(op: string): ParsedOperator | null {
  const hit = operatorCache.get(op);
  if (hit !== undefined) return hit;
  let rest = op;
  let set: ParsedOperator['set'];
  if (rest.startsWith('ForAnyValue:')) {
    set = 'ForAnyValue';
    rest = rest.slice('ForAnyValue:'.length);
  } else if (rest.startsWith('ForAllValues:')) {
    set = 'ForAllValues';
    rest = rest.slice('ForAllValues:'.length);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  let out: ParsedOperator | null = null;
  if (baseSet.has(rest)) {
    out = { base: rest as ConditionBase, ifExists };
    if (set) out.set = set;
  }
  if (operatorCache.size < 1000) operatorCache.set(op, out);
  return out;
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html ("service-prefix:action-name")
const ACTION_RE = /^[A-Za-z0-9-]+:[A-Za-z0-9_*?-]+$/;

class Collector {
  readonly issues: PolicyIssue[] = [];
  add(code: PolicyIssueCode, path: string, message: string): void {
    this.issues.push(issue(code, path, message));
  }
}

/**
 * Reads a string-or-array element (Action, Resource, principal entries).
 * @returns the strings, or null when the shape is wrong (issues recorded)
 */
function readStrings(c: Collector, v: unknown, path: string, what: string): string[] | null {
  if (typeof v === 'string') {
    if (v === '') {
      c.add('empty-value', path, `${what} must not be an empty string.`);
      return null;
    }
    return [v];
  }
  if (Array.isArray(v)) {
    if (v.length === 0) {
      c.add('empty-value', path, `${what} must not be an empty array.`);
      return null;
    }
    const out: string[] = [];
    let ok = true;
    for (let i = 0; i < v.length; i++) {
      const e: unknown = v[i];
      if (typeof e !== 'string') {
        c.add('invalid-type', `${path}[${i}]`, `Each ${what} entry must be a string, not ${typeName(e)}.`);
        ok = false;
      } else if (e === '') {
        c.add('empty-value', `${path}[${i}]`, `${what} entries must not be empty strings.`);
        ok = false;
      } else out.push(e);
    }
    return ok ? out : null;
  }
  c.add('invalid-type', path, `${what} must be a string or an array of strings, not ${typeName(v)}.`);
  return null;
}

function readActions(c: Collector, v: unknown, path: string, name: string): string[] | null {
  const actions = readStrings(c, v, path, name);
  if (!actions) return null;
  let ok = true;
  actions.forEach((a, i) => {
    if (a !== '*' && !ACTION_RE.test(a)) {
      ok = false;
      c.add('invalid-action', Array.isArray(v) ? `${path}[${i}]` : path, `"${a}" is not an action: use "*" or "service:ActionName" (wildcards * and ? allowed in the name).`);
    }
  });
  return ok ? actions : null;
}

function readResources(c: Collector, v: unknown, path: string, name: string): string[] | null {
  const resources = readStrings(c, v, path, name);
  if (!resources) return null;
  let ok = true;
  resources.forEach((r, i) => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
    if (r !== '*' && !r.startsWith('arn:')) {
      ok = false;
      c.add('invalid-resource', Array.isArray(v) ? `${path}[${i}]` : path, `"${r}" must be "*" or an ARN starting with "arn:".`);
    }
  });
  return ok ? resources : null;
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
function readPrincipal(c: Collector, v: unknown, path: string, name: string): PrincipalSpec | null {
  if (v === '*') return { kind: 'any' };
  if (!isObj(v)) {
    c.add('invalid-principal', path, `${name} must be "*" or an object with AWS, Service, Federated or CanonicalUser entries, not ${typeof v === 'string' ? `"${v}"` : typeName(v)}.`);
    return null;
  }
  const spec = { kind: 'map' as const, aws: [] as string[], service: [] as string[], federated: [] as string[], canonicalUser: [] as string[] };
  const keys = keysOf(v);
  if (keys.length === 0) {
    c.add('empty-value', path, `${name} must name at least one principal.`);
    return null;
  }
  let ok = true;
  for (const k of keys) {
    const p = `${path}.${k}`;
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(k)) {
      c.add('unknown-principal-type', p, `"${k}" is not a principal type; use AWS, Service, Federated or CanonicalUser.${hint(k, PRINCIPAL_TYPES)}`);
      ok = false;
      continue;
    }
    const vals = readStrings(c, v[k], p, `${name} ${k}`);
    if (!vals) {
      ok = false;
      continue;
    }
    if (k === 'AWS') {
      const bad = vals.filter((val, i) => !checkAwsPrincipal(c, val, Array.isArray(v[k]) ? `${p}[${i}]` : p));
      if (bad.length) ok = false;
      spec.aws.push(...vals);
    }
    else if (k === 'Service') spec.service.push(...vals);
    else if (k === 'Federated') spec.federated.push(...vals);
    else spec.canonicalUser.push(...vals);
  }
  return ok ? spec : null;
}

/**
 * Checks one AWS principal the way IAM does when it saves a policy ("Invalid principal in policy").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * ("You cannot use a wildcard to match part of a principal name or ARN"; a user group cannot be a principal)
 */
function checkAwsPrincipal(c: Collector, value: string, path: string): boolean {
  // "*", an account ID, or the unique ID IAM shows in place of a deleted user or role.
  if (value === '*' || /^\d{12}$/.test(value) || /^A[A-Z0-9]{15,127}$/.test(value)) return true;
  const invalid = (why: string) => {
    c.add('invalid-principal', path, `Invalid principal in policy: "${value}". ${why}`);
    return false;
  };
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return invalid('An AWS principal is "*", a 12-digit account ID, or the ARN of an account root, IAM user, IAM role, role session or federated user.');
  if (/[*?]/.test(value)) return invalid('A wildcard cannot match part of a principal ARN. Use "*" with a condition such as ArnLike on aws:PrincipalArn instead.');
  const [, , service, , account = '', ...rest] = parts;
  const resource = rest.join(':');
  if (!/^\d{12}$/.test(account)) return invalid('The account in a principal ARN is a 12-digit account ID.');
  if (service === 'iam') {
    if (resource === 'root' || /^(user|role)\/./.test(resource)) return true;
    if (resource.startsWith('group/')) return invalid('A user group cannot be a principal. Name its users, or trust the account and allow sts:AssumeRole in the group\'s policy.');
  }
  if (service === 'sts' && /^(assumed-role\/[^/]+\/.|federated-user\/.)/.test(resource)) return true;
  return invalid('An AWS principal ARN names an account root, an IAM user or role, a role session (sts …:assumed-role/ROLE/SESSION) or a federated user.');
}

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
function readConditions(c: Collector, v: unknown, path: string): ConditionClause[] | null {
  if (!isObj(v)) {
    c.add('invalid-condition', path, `Condition must be an object of operator → { key: value }, not ${typeName(v)}.`);
    return null;
  }
  const clauses: ConditionClause[] = [];
  let ok = true;
  for (const operator of keysOf(v)) {
    const opPath = `${path}.${operator}`;
    const parsed = parseConditionOperator(operator);
    if (!parsed) {
      c.add('unknown-condition-operator', opPath, `"${operator}" is not a condition operator (names are case-sensitive, e.g. StringEquals, ForAnyValue:StringLike, ArnLikeIfExists).${operatorHint(operator)}`);
      ok = false;
      continue;
    }
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
    if (parsed.base === 'Null' && parsed.ifExists) {
      c.add('invalid-condition-operator', opPath, 'Null checks whether a key exists, so it cannot take the IfExists suffix.');
      ok = false;
      continue;
    }
    const block: unknown = v[operator];
    if (!isObj(block)) {
      c.add('invalid-condition', opPath, `${operator} must map condition keys to values, not ${typeName(block)}.`);
      ok = false;
      continue;
    }
    for (const key of keysOf(block)) {
      const keyPath = `${opPath}.${key}`;
      if (key === '') {
        c.add('invalid-condition', keyPath, 'Condition keys must not be empty.');
        ok = false;
        continue;
      }
      const values = readConditionValues(c, block[key], keyPath);
      if (!values) {
        ok = false;
        continue;
      }
      const clause: ConditionClause = { operator, base: parsed.base, ifExists: parsed.ifExists, key, values, path: keyPath };
      if (parsed.set) clause.set = parsed.set;
      clauses.push(clause);
    }
  }
  return ok ? clauses : null;
}

function scalar(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function readConditionValues(c: Collector, v: unknown, path: string): string[] | null {
  const one = scalar(v);
  if (one !== null) return [one];
  if (Array.isArray(v)) {
    const out: string[] = [];
    let ok = true;
    for (let i = 0; i < v.length; i++) {
      const s = scalar(v[i]);
      if (s === null) {
        c.add('invalid-condition-value', `${path}[${i}]`, `Condition values must be strings, numbers or booleans, not ${typeName(v[i])}.`);
        ok = false;
      } else out.push(s);
    }
    return ok ? out : null;
  }
  c.add('invalid-condition-value', path, `A condition value must be a string, number, boolean or an array of them, not ${typeName(v)}.`);
  return null;
}

/** Which elements each policy kind requires or forbids. */
const needsPrincipal = (k: PolicyKind): boolean => k === 'trust' || k === 'resource';
const needsResource = (k: PolicyKind): boolean => k !== 'trust';

function readStatement(c: Collector, raw: unknown, index: number, sp: string, kind: PolicyKind, sids: Set<string>): Statement | null {
  if (!isObj(raw)) {
    c.add('invalid-statement', sp, `A statement must be an object, not ${typeName(raw)}.`);
    return null;
  }
  const before = c.issues.length;
  for (const k of keysOf(raw)) {
    if (!(STATEMENT_ELEMENTS as readonly string[]).includes(k)) {
      c.add('unknown-element', `${sp}.${k}`, `"${k}" is not a statement element.${hint(k, STATEMENT_ELEMENTS)}`);
    }
  }

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html
  let sid: string | undefined;
  if (has(raw, 'Sid')) {
    if (typeof raw.Sid !== 'string') c.add('invalid-sid', `${sp}.Sid`, `Sid must be a string, not ${typeName(raw.Sid)}.`);
    else if (sids.has(raw.Sid)) c.add('duplicate-sid', `${sp}.Sid`, `Sid "${raw.Sid}" is already used by another statement; Sids must be unique within a policy.`);
    else {
      sid = raw.Sid;
      sids.add(sid);
    }
  }

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html
  let effect: Statement['effect'] | undefined;
  if (!has(raw, 'Effect')) c.add('missing-effect', sp, 'Effect is required ("Allow" or "Deny").');
  else if (raw.Effect === 'Allow' || raw.Effect === 'Deny') effect = raw.Effect;
  else c.add('invalid-effect', `${sp}.Effect`, `Effect must be exactly "Allow" or "Deny", not ${typeof raw.Effect === 'string' ? `"${raw.Effect}"` : typeName(raw.Effect)}.`);

  // Principal / NotPrincipal
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
  let principal: PrincipalSpec | null = null;
  let notPrincipal: PrincipalSpec | null = null;
  const hasP = has(raw, 'Principal');
  const hasNP = has(raw, 'NotPrincipal');
  if (needsPrincipal(kind)) {
    if (hasP && hasNP) c.add('conflicting-elements', sp, 'Use Principal or NotPrincipal, not both.');
    else if (!hasP && !hasNP) c.add('missing-principal', sp, `${cap(an(kind))} policy statement needs a Principal.`);
    if (hasP) principal = readPrincipal(c, raw.Principal, `${sp}.Principal`, 'Principal');
    if (hasNP) {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html ("You cannot use NotPrincipal ... in an IAM role trust policy")
      if (kind === 'trust') c.add('forbidden-element', `${sp}.NotPrincipal`, 'NotPrincipal cannot be used in a role trust policy; use Principal.');
      else {
        notPrincipal = readPrincipal(c, raw.NotPrincipal, `${sp}.NotPrincipal`, 'NotPrincipal');
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html ("NotPrincipal must be used with "Effect":"Deny"")
        if (effect === 'Allow') c.add('notprincipal-requires-deny', `${sp}.NotPrincipal`, 'NotPrincipal is only supported with "Effect": "Deny".');
      }
    }
  } else {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html ("You cannot use the Principal element in an identity-based policy")
    if (hasP) c.add('forbidden-element', `${sp}.Principal`, `Principal cannot be used in ${an(kind)} policy; it names the caller only in trust and resource policies.`);
    if (hasNP) c.add('forbidden-element', `${sp}.NotPrincipal`, `NotPrincipal cannot be used in ${an(kind)} policy.`);
  }

  // Action / NotAction
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
  let action: string[] | null = null;
  let notAction: string[] | null = null;
  const hasA = has(raw, 'Action');
  const hasNA = has(raw, 'NotAction');
  if (hasA && hasNA) c.add('conflicting-elements', sp, 'Use Action or NotAction, not both.');
  else if (!hasA && !hasNA) c.add('missing-action', sp, 'A statement needs an Action or NotAction.');
  if (hasA) action = readActions(c, raw.Action, `${sp}.Action`, 'Action');
  if (hasNA) notAction = readActions(c, raw.NotAction, `${sp}.NotAction`, 'NotAction');

  // Resource / NotResource
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
  let resource: string[] | null = null;
  let notResource: string[] | null = null;
  const hasR = has(raw, 'Resource');
  const hasNR = has(raw, 'NotResource');
  if (!needsResource(kind)) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html (trust policies name no Resource: the role is the resource)
    if (hasR) c.add('forbidden-element', `${sp}.Resource`, 'A role trust policy has no Resource element: the role itself is the resource.');
    if (hasNR) c.add('forbidden-element', `${sp}.NotResource`, 'A role trust policy has no NotResource element.');
  } else {
    if (hasR && hasNR) c.add('conflicting-elements', sp, 'Use Resource or NotResource, not both.');
    else if (!hasR && !hasNR) c.add('missing-resource', sp, `${cap(an(kind))} policy statement needs a Resource or NotResource.`);
    if (hasR) resource = readResources(c, raw.Resource, `${sp}.Resource`, 'Resource');
    if (hasNR) notResource = readResources(c, raw.NotResource, `${sp}.NotResource`, 'NotResource');
  }

  let conditions: ConditionClause[] | null = [];
  if (has(raw, 'Condition')) conditions = readConditions(c, raw.Condition, `${sp}.Condition`);

  if (c.issues.length > before || effect === undefined || conditions === null) return null;
  const st: Statement = { index, effect, conditions };
  if (sid !== undefined) st.sid = sid;
  if (principal) st.principal = principal;
  if (notPrincipal) st.notPrincipal = notPrincipal;
  if (action) st.action = action;
  if (notAction) st.notAction = notAction;
  if (resource) st.resource = resource;
  if (notResource) st.notResource = notResource;
  return st;
}

/**
 * Parses and validates a policy document the way IAM does for the given use.
 * @param input the document: a JSON string or an already-parsed value
 * @param kind where the policy is used; decides required/forbidden elements
 * @returns the normalised policy, or every issue found, each with a path
 * @example
 * parsePolicy('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}}', 'trust')
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
export function parsePolicy(input: unknown, kind: PolicyKind): ParsePolicyResult {
  const c = new Collector();
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (e) {
      const reason = e instanceof Error ? e.message : 'syntax error';
      return { ok: false, issues: [issue('invalid-json', '', `The document is not valid JSON: ${reason}.`)] };
    }
  }
  if (!isObj(doc)) {
    return { ok: false, issues: [issue('invalid-document', '', `A policy document must be a JSON object, not ${typeName(doc)}.`)] };
  }

  let packedChars = 0;
  try {
    packedChars = JSON.stringify(doc).length;
  } catch {
    c.add('invalid-document', '', 'The document cannot be serialised as JSON (nested too deeply, cyclic, or holding non-JSON values).');
  }

  for (const k of keysOf(doc)) {
    if (!(TOP_LEVEL as readonly string[]).includes(k)) {
      c.add('unknown-element', k, `"${k}" is not a top-level policy element; use only Version, Id and Statement.${hint(k, TOP_LEVEL)}`);
    }
  }

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
  let version: Policy['version'];
  if (has(doc, 'Version')) {
    if (doc.Version === '2012-10-17' || doc.Version === '2008-10-17') version = doc.Version;
    else c.add('invalid-version', 'Version', `Version must be "2012-10-17" or "2008-10-17", not ${typeof doc.Version === 'string' ? `"${doc.Version}"` : typeName(doc.Version)}.`);
  }

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_id.html
  let id: string | undefined;
  if (has(doc, 'Id')) {
    if (typeof doc.Id === 'string') id = doc.Id;
    else c.add('invalid-type', 'Id', `Id must be a string, not ${typeName(doc.Id)}.`);
  }

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html
  const statements: Statement[] = [];
  const sids = new Set<string>();
  if (!has(doc, 'Statement')) c.add('missing-statement', '', 'A policy needs a Statement element.');
  else if (Array.isArray(doc.Statement)) {
    if (doc.Statement.length === 0) c.add('empty-statement', 'Statement', 'Statement must contain at least one statement.');
    const list: unknown[] = doc.Statement;
    for (let i = 0; i < list.length; i++) {
      const st = readStatement(c, list[i], i, `Statement[${i}]`, kind, sids);
      if (st) statements.push(st);
    }
  } else if (isObj(doc.Statement)) {
    const st = readStatement(c, doc.Statement, 0, 'Statement', kind, sids);
    if (st) statements.push(st);
  } else {
    c.add('invalid-statement', 'Statement', `Statement must be an object or an array of objects, not ${typeName(doc.Statement)}.`);
  }

  if (c.issues.length > 0) return { ok: false, issues: c.issues };
  const policy: Policy = { statements, packedChars };
  if (version) policy.version = version;
  if (id !== undefined) policy.id = id;
  return { ok: true, policy };
}
