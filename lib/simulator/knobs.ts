/**
 * The form's view of a scenario: reads the few values that teach (who calls, MFA, duration,
 * ExternalId, session policy, tags, the role's MaxSessionDuration, its trust policy's
 * principal and conditions) from the scenario JSON, and writes them back as a new document.
 * Works on plain parsed JSON, valid or not, so the form keeps working while the file has problems.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** Path segments into the document. */
export type JsonPath = readonly (string | number)[];

/** Reads a value at a path, or undefined. */
export function getAt(doc: unknown, path: JsonPath): unknown {
  let cur = doc;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/**
 * Returns a copy of `doc` with the value at `path` set, creating objects on the way; `undefined`
 * removes the member (and array items are replaced in place).
 * @example setAt({ a: {} }, ['a', 'b'], 1) // { a: { b: 1 } }
 */
export function setAt<T>(doc: T, path: JsonPath, value: unknown): T {
  const copy = structuredClone(doc) as unknown;
  if (!path.length) return (value === undefined ? copy : structuredClone(value)) as T;
  // Nothing can be written inside null or a primitive: the document stays as it is.
  if (copy === null || typeof copy !== 'object') return copy as T;
  let cur = copy as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const p = path[i]!;
    const next = cur[p];
    if (next === null || typeof next !== 'object') cur[p] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[p] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(cur) && typeof last === 'number') cur.splice(last, 1);
    else delete cur[last];
  } else cur[last] = structuredClone(value);
  return copy as T;
}

/** Who signs a step, as the form shows it. */
export type CallerChoice =
  | { kind: 'user'; user: string }
  | { kind: 'root'; account: string }
  | { kind: 'session'; step: string }
  | { kind: 'key'; key: string }
  | { kind: 'none' };

/** A choice for the "who calls" select. */
export interface CallerOption {
  /** Encoded choice, for a select's value. */
  value: string;
  label: string;
}

/** Encodes a caller choice as a select value. */
export function encodeCaller(c: CallerChoice): string {
  switch (c.kind) {
    case 'user':
      return `user:${c.user}`;
    case 'root':
      return `root:${c.account}`;
    case 'session':
      return `session:${c.step}`;
    case 'key':
      return `key:${c.key}`;
    case 'none':
      return 'none';
  }
}

/** Decodes a select value back to a caller choice. */
export function decodeCaller(v: string): CallerChoice {
  const i = v.indexOf(':');
  const kind = i < 0 ? v : v.slice(0, i);
  const rest = v.slice(i + 1);
  if (kind === 'user') return { kind, user: rest };
  if (kind === 'root') return { kind, account: rest };
  if (kind === 'session') return { kind, step: rest };
  if (kind === 'key') return { kind, key: rest };
  return { kind: 'none' };
}

/** The steps array, or an empty one. */
export function stepsOf(doc: unknown): unknown[] {
  const s = getAt(doc, ['steps']);
  return Array.isArray(s) ? s : [];
}

/** What kind of step is at an index. */
export function stepKind(doc: unknown, i: number): 'call' | 'request' | 'clock' | 'unknown' {
  const s = stepsOf(doc)[i];
  if (!isObject(s)) return 'unknown';
  if ('call' in s) return 'call';
  if ('request' in s) return 'request';
  if ('advance' in s || 'advanceTo' in s) return 'clock';
  return 'unknown';
}

/** The current caller of a step. */
export function readCaller(doc: unknown, i: number): CallerChoice {
  const as = getAt(doc, ['steps', i, 'as']);
  if (!isObject(as)) return { kind: 'none' };
  if (typeof as.user === 'string') return { kind: 'user', user: as.user };
  if (typeof as.root === 'string') return { kind: 'root', account: as.root };
  if (typeof as.session === 'string') return { kind: 'session', step: as.session };
  if (typeof as.accessKeyId === 'string') return { kind: 'key', key: as.accessKeyId };
  return { kind: 'none' };
}

/**
 * Every caller the step could use: the world's users, each account's root, the credentials of
 * earlier steps, and "unsigned"; plus the current one if it is none of those.
 */
export function callerOptions(doc: unknown, i: number): CallerOption[] {
  const out: CallerOption[] = [];
  const users = getAt(doc, ['world', 'users']);
  if (Array.isArray(users))
    for (const u of users) if (isObject(u) && typeof u.arn === 'string') out.push({ value: encodeCaller({ kind: 'user', user: u.arn }), label: `User ${u.arn.split('/').pop()} (${u.arn.split(':')[4]})` });
  const accounts = getAt(doc, ['world', 'accounts']);
  if (Array.isArray(accounts))
    for (const a of accounts) if (isObject(a) && typeof a.id === 'string') out.push({ value: encodeCaller({ kind: 'root', account: a.id }), label: `Root user of ${a.id}${typeof a.alias === 'string' ? ` (${a.alias})` : ''}` });
  stepsOf(doc)
    .slice(0, i)
    .forEach((s) => {
      if (isObject(s) && 'call' in s && typeof s.id === 'string') out.push({ value: encodeCaller({ kind: 'session', step: s.id }), label: `Credentials from step "${s.id}"` });
    });
  out.push({ value: 'none', label: 'Unsigned (no credentials)' });
  const cur = encodeCaller(readCaller(doc, i));
  if (!out.some((o) => o.value === cur)) out.unshift({ value: cur, label: cur.replace(':', ' ') });
  return out;
}

/** Sets who signs a step (keeping the MFA age only while it stays the same user). */
export function writeCaller<T>(doc: T, i: number, c: CallerChoice): T {
  const prev = getAt(doc, ['steps', i, 'as']);
  switch (c.kind) {
    case 'none':
      return setAt(doc, ['steps', i, 'as'], undefined);
    case 'user': {
      const keepAge = isObject(prev) && prev.user === c.user && typeof prev.mfaAgeSeconds === 'number';
      return setAt(doc, ['steps', i, 'as'], keepAge ? { user: c.user, mfaAgeSeconds: prev.mfaAgeSeconds } : { user: c.user });
    }
    case 'root':
      return setAt(doc, ['steps', i, 'as'], { root: c.account });
    case 'session':
      return setAt(doc, ['steps', i, 'as'], { session: c.step });
    case 'key':
      return setAt(doc, ['steps', i, 'as'], { accessKeyId: c.key });
  }
}

/** The console-MFA age of a user caller (undefined: signed with long-term keys, no MFA). */
export function readMfaAge(doc: unknown, i: number): number | undefined {
  const v = getAt(doc, ['steps', i, 'as', 'mfaAgeSeconds']);
  return typeof v === 'number' ? v : undefined;
}

/** Turns console MFA on (with an age in seconds) or off for a user caller. */
export function writeMfaAge<T>(doc: T, i: number, age: number | undefined): T {
  if (readCaller(doc, i).kind !== 'user') return doc;
  return setAt(doc, ['steps', i, 'as', 'mfaAgeSeconds'], age);
}

/** A parameter of a call step. */
export function readParam(doc: unknown, i: number, name: string): unknown {
  return getAt(doc, ['steps', i, 'params', name]);
}

/** Sets or (with undefined) removes a parameter; drops an empty `params`. */
export function writeParam<T>(doc: T, i: number, name: string, value: unknown): T {
  let next = setAt(doc, ['steps', i, 'params', name], value);
  const params = getAt(next, ['steps', i, 'params']);
  if (isObject(params) && Object.keys(params).length === 0) next = setAt(next, ['steps', i, 'params'], undefined);
  return next;
}

/** The user's first MFA device (serial and current code), for passing SerialNumber and TokenCode. */
export function mfaDeviceOf(doc: unknown, userArn: string): { serial: string; code: string } | undefined {
  const users = getAt(doc, ['world', 'users']);
  if (!Array.isArray(users)) return undefined;
  const u = users.find((x) => isObject(x) && x.arn === userArn);
  const d = isObject(u) && Array.isArray(u.mfaDevices) ? u.mfaDevices[0] : undefined;
  return isObject(d) && typeof d.serial === 'string' ? { serial: d.serial, code: typeof d.code === 'string' ? d.code : '' } : undefined;
}

/** A session tag row. */
export interface TagRow {
  key: string;
  value: string;
  transitive: boolean;
}

/** The step's session tags with their transitive flag. */
export function readTags(doc: unknown, i: number): TagRow[] {
  const tags = readParam(doc, i, 'Tags');
  const trans = readParam(doc, i, 'TransitiveTagKeys');
  const transitive = new Set(Array.isArray(trans) ? trans.filter((k): k is string => typeof k === 'string') : []);
  if (!Array.isArray(tags)) return [];
  return tags.filter(isObject).map((t) => ({ key: String(t.Key ?? ''), value: String(t.Value ?? ''), transitive: transitive.has(String(t.Key ?? '')) }));
}

/** Writes `Tags` and `TransitiveTagKeys` from rows (removing both when empty). */
export function writeTags<T>(doc: T, i: number, rows: readonly TagRow[]): T {
  let next = writeParam(doc, i, 'Tags', rows.length ? rows.map((r) => ({ Key: r.key, Value: r.value })) : undefined);
  const trans = rows.filter((r) => r.transitive).map((r) => r.key);
  next = writeParam(next, i, 'TransitiveTagKeys', trans.length ? trans : undefined);
  return next;
}

/** The index in world.roles of the role a step targets (its RoleArn), if the world has it. */
export function targetRoleIndex(doc: unknown, i: number): number | undefined {
  const arn = readParam(doc, i, 'RoleArn');
  const roles = getAt(doc, ['world', 'roles']);
  if (typeof arn !== 'string' || !Array.isArray(roles)) return undefined;
  const at = roles.findIndex((r) => isObject(r) && r.arn === arn);
  return at >= 0 ? at : undefined;
}

/** The principal of a trust statement, as one type and a list of values. */
export interface PrincipalKnob {
  /** `AWS`, `Federated`, `Service`, or `*` for `"Principal": "*"`. */
  type: 'AWS' | 'Federated' | 'Service' | '*';
  values: string[];
  /** Other principal types the statement also names (kept when writing). */
  others: Record<string, unknown>;
}

/** One condition row: operator, key and values. */
export interface ConditionRow {
  operator: string;
  key: string;
  values: string[];
}

/** The trust policy statements of a role, or undefined when the policy is not an editable object. */
export function trustStatements(doc: unknown, roleIndex: number): Json[] | undefined {
  const tp = getAt(doc, ['world', 'roles', roleIndex, 'trustPolicy']);
  if (!isObject(tp)) return undefined;
  const st = tp.Statement;
  if (Array.isArray(st)) return st.filter(isObject);
  if (isObject(st)) return [st];
  return undefined;
}

function statementPath(doc: unknown, roleIndex: number, stmt: number): JsonPath {
  const st = getAt(doc, ['world', 'roles', roleIndex, 'trustPolicy', 'Statement']);
  return Array.isArray(st) ? ['world', 'roles', roleIndex, 'trustPolicy', 'Statement', stmt] : ['world', 'roles', roleIndex, 'trustPolicy', 'Statement'];
}

const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.map(String) : v === undefined ? [] : [JSON.stringify(v)]);

/** Reads a statement's principal. */
export function readPrincipal(doc: unknown, roleIndex: number, stmt: number): PrincipalKnob {
  const p = getAt(doc, [...statementPath(doc, roleIndex, stmt), 'Principal']);
  if (p === '*') return { type: '*', values: [], others: {} };
  if (!isObject(p)) return { type: 'AWS', values: [], others: {} };
  const type = (['AWS', 'Federated', 'Service'] as const).find((t) => t in p) ?? 'AWS';
  const { [type]: main, ...others } = p;
  return { type, values: strings(main), others };
}

/** Writes a statement's principal (a single value is written as a string, as IAM shows it). */
export function writePrincipal<T>(doc: T, roleIndex: number, stmt: number, k: Pick<PrincipalKnob, 'type' | 'values'> & { others?: Record<string, unknown> }): T {
  const path = [...statementPath(doc, roleIndex, stmt), 'Principal'];
  if (k.type === '*') return setAt(doc, path, '*');
  const values = k.values.map((v) => v.trim()).filter(Boolean);
  return setAt(doc, path, { ...(k.others ?? {}), [k.type]: values.length === 1 ? values[0] : values });
}

/** Reads a statement's conditions as rows. */
export function readConditions(doc: unknown, roleIndex: number, stmt: number): ConditionRow[] {
  const c = getAt(doc, [...statementPath(doc, roleIndex, stmt), 'Condition']);
  if (!isObject(c)) return [];
  const rows: ConditionRow[] = [];
  for (const [operator, block] of Object.entries(c)) {
    if (!isObject(block)) continue;
    for (const [key, v] of Object.entries(block)) rows.push({ operator, key, values: strings(v) });
  }
  return rows;
}

/** Writes a statement's conditions from rows (removing `Condition` when there are none). */
export function writeConditions<T>(doc: T, roleIndex: number, stmt: number, rows: readonly ConditionRow[]): T {
  const path = [...statementPath(doc, roleIndex, stmt), 'Condition'];
  if (!rows.length) return setAt(doc, path, undefined);
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of rows) {
    const block = (out[r.operator] ??= {});
    block[r.key] = r.values.length === 1 ? r.values[0] : r.values;
  }
  return setAt(doc, path, out);
}

/** The role's MaxSessionDuration as written (undefined: the 3600 default). */
export function readMaxSession(doc: unknown, roleIndex: number): number | undefined {
  const v = getAt(doc, ['world', 'roles', roleIndex, 'maxSessionDuration']);
  return typeof v === 'number' ? v : undefined;
}

/** Sets the role's MaxSessionDuration (undefined removes it: the 3600 default). */
export function writeMaxSession<T>(doc: T, roleIndex: number, seconds: number | undefined): T {
  return setAt(doc, ['world', 'roles', roleIndex, 'maxSessionDuration'], seconds);
}

/**
 * Serialises a document the way the editor shows it.
 * @example formatJson({ a: 1 }) // '{\n  "a": 1\n}\n'
 */
export function formatJson(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Parses text as JSON, or undefined. */
export function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a statement's Effect and Action (as a list). */
export function readStatementHead(doc: unknown, roleIndex: number, stmt: number): { effect: string; actions: string[] } {
  const path = statementPath(doc, roleIndex, stmt);
  const effect = getAt(doc, [...path, 'Effect']);
  return { effect: typeof effect === 'string' ? effect : '', actions: strings(getAt(doc, [...path, 'Action'])) };
}

/** Writes a statement's Effect. */
export function writeEffect<T>(doc: T, roleIndex: number, stmt: number, effect: string): T {
  return setAt(doc, [...statementPath(doc, roleIndex, stmt), 'Effect'], effect);
}

/** Writes a statement's Action (a single action as a string, as IAM shows it). */
export function writeActions<T>(doc: T, roleIndex: number, stmt: number, actions: readonly string[]): T {
  const list = actions.map((a) => a.trim()).filter(Boolean);
  return setAt(doc, [...statementPath(doc, roleIndex, stmt), 'Action'], list.length === 1 ? list[0] : list);
}

/**
 * Appends a statement to a role's trust policy (turning a lone statement object into a list).
 * @returns the new document and the new statement's index
 */
export function addTrustStatement<T>(doc: T, roleIndex: number, statement: Record<string, unknown>): { doc: T; index: number } {
  const path = ['world', 'roles', roleIndex, 'trustPolicy'];
  const tp = getAt(doc, path);
  const st = isObject(tp) ? tp.Statement : undefined;
  const list = Array.isArray(st) ? st : isObject(st) ? [st] : [];
  const next = setAt(doc, isObject(tp) ? [...path, 'Statement'] : path, isObject(tp) ? [...list, statement] : { Version: '2012-10-17', Statement: [statement] });
  return { doc: next, index: list.length };
}

/** Removes a statement from a role's trust policy (the policy keeps an empty list). */
export function removeTrustStatement<T>(doc: T, roleIndex: number, stmt: number): T {
  const st = getAt(doc, ['world', 'roles', roleIndex, 'trustPolicy', 'Statement']);
  if (Array.isArray(st)) return setAt(doc, ['world', 'roles', roleIndex, 'trustPolicy', 'Statement', stmt], undefined);
  return setAt(doc, ['world', 'roles', roleIndex, 'trustPolicy', 'Statement'], []);
}
