/**
 * A deterministic generator of hostile scenario files, for the robustness property test
 * (tests/property/robustness.property.test.ts). It mutates the built-in scenarios and builds
 * random ones: wrong types everywhere, `fromStep` references to every path (including
 * `constructor` and `__proto__`), huge and odd numbers, deep nesting, long strings, unicode,
 * and broken JSON text. Same seed, same cases.
 */

/** A small, fast PRNG (mulberry32): deterministic, so a failing case can be replayed by its seed. */
export function prng(seed: number): (n: number) => number {
  let a = seed | 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Rnd = (n: number) => number;

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[rnd(xs.length)]!;

/** Nested arrays and objects `depth` deep, built without recursion. */
export function deep(depth: number, leaf: Json = 1, kind: 'array' | 'object' = 'array'): Json {
  let v: Json = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

const DEEP_ARRAY = deep(6000);
const DEEP_OBJECT = deep(6000, 'x', 'object');
const LONG = 'a'.repeat(20000);

/** Paths into an `sts-result/v1` step entry, real and hostile. */
export const resultPaths = [
  'at', 'id', 'kind', 'call', 'outcome', 'response', 'response.Credentials', 'response.Credentials.AccessKeyId',
  'response.Credentials.Expiration', 'response.AssumedRoleUser', 'response.AssumedRoleUser.Arn', 'response.PackedPolicySize',
  'response.Arn', 'response.UserId', 'response.Account', 'error', 'error.code', 'error.encodedMessage', 'error.httpStatus',
  'trace', 'trace.0', 'trace.0.reason', 'expect', 'fixes', 'constructor', '__proto__', 'toString', 'valueOf',
  '__proto__.constructor', 'constructor.name', 'hasOwnProperty', '', '.', '..', 'response..Credentials', 'trace.length',
];

/** Values that break naive code; the costly ones (long, deep, wide) come one time in thirty. */
export function nastyValue(rnd: Rnd): Json {
  const heavy = [7, 8, 9, 19, 27, 28];
  let k = rnd(30);
  if (heavy.includes(k) && rnd(5) > 0) k = 29;
  switch (k) {
    case 0: return 1e308;
    case 1: return -1e308;
    case 2: return 1e13;
    case 3: return -0;
    case 4: return 'NaN';
    case 5: return 'Infinity';
    case 6: return '-1';
    case 7: return LONG;
    case 8: return DEEP_ARRAY;
    case 9: return DEEP_OBJECT;
    case 10: return { toString: 1, valueOf: 2 };
    case 11: return { __proto__: { x: 1 } } as unknown as Json;
    case 12: return JSON.parse('{"__proto__": {"polluted": true}}') as Json;
    case 13: return null;
    case 14: return [];
    case 15: return {};
    case 16: return true;
    case 17: return '';
    case 18: return '\u0000\uffff\ud800😀ß';
    case 19: return 'arn:aws:s3:::*' + 'a'.repeat(5000) + 'b';
    case 20: return ['*', '?', '${aws:username}', '${*}'];
    case 21: return 2 ** 53 + 1;
    case 22: return 0.5;
    case 23: return 3155760001;
    case 24: return '9999-12-31T23:59:59Z';
    case 25: return '0000-01-01T00:00:00Z';
    case 26: return { fromStep: 'x', path: pick(rnd, resultPaths) };
    case 27: return Array.from({ length: 2000 }, (_, i) => `v${i}`);
    case 28: return 'x'.repeat(rnd(3000));
    default: return rnd(1_000_000) - 500_000;
  }
}

/** A random path to a member of the tree: a walk from the root that stops at each level with some chance. */
function randomPath(rnd: Rnd, doc: Json): (string | number)[] {
  const p: (string | number)[] = [];
  let v = doc;
  for (let depth = 0; depth < 12; depth++) {
    const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : v && typeof v === 'object' ? Object.keys(v) : [];
    if (!keys.length) break;
    const k = pick(rnd, keys);
    p.push(k);
    v = (v as Record<string | number, Json>)[k]!;
    if (depth >= 1 && rnd(4) === 0) break;
  }
  return p;
}

/** Copies `doc` along `path` only and applies `f` to the container at its end. */
function edit(doc: Json, path: (string | number)[], f: (parent: Json[] | { [k: string]: Json }, key: string | number) => void): Json {
  if (!path.length) return doc;
  const root: Json = Array.isArray(doc) ? [...doc] : { ...(doc as object) };
  let cur = root as Json[] | { [k: string]: Json };
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    const next = (cur as Record<string | number, Json>)[k];
    if (!next || typeof next !== 'object') return root;
    const copy: Json = Array.isArray(next) ? [...next] : { ...next };
    (cur as Record<string | number, Json>)[k] = copy;
    cur = copy as Json[] | { [k: string]: Json };
  }
  f(cur, path[path.length - 1]!);
  return root;
}

const callParams: Record<string, string[]> = {
  AssumeRole: ['RoleArn', 'RoleSessionName', 'DurationSeconds', 'ExternalId', 'SerialNumber', 'TokenCode', 'Policy', 'PolicyArns', 'Tags', 'TransitiveTagKeys', 'SourceIdentity'],
  AssumeRoleWithSAML: ['RoleArn', 'PrincipalArn', 'SAMLAssertion', 'DurationSeconds', 'Policy', 'PolicyArns'],
  AssumeRoleWithWebIdentity: ['RoleArn', 'RoleSessionName', 'WebIdentityToken', 'ProviderId', 'DurationSeconds', 'Policy', 'PolicyArns'],
  GetSessionToken: ['DurationSeconds', 'SerialNumber', 'TokenCode'],
  GetFederationToken: ['Name', 'DurationSeconds', 'Policy', 'PolicyArns', 'Tags'],
  AssumeRoot: ['TargetPrincipal', 'TaskPolicyArn', 'DurationSeconds'],
  DecodeAuthorizationMessage: ['EncodedMessage'],
  GetAccessKeyInfo: ['AccessKeyId'],
};

/** Points a random parameter of a random call step at a random path of an earlier step's result. */
function fromStepRef(rnd: Rnd, doc: { steps?: Json }): Json {
  const steps = Array.isArray(doc.steps) ? (doc.steps as { [k: string]: Json }[]) : [];
  const calls = steps.map((s, i) => [s, i] as const).filter(([s]) => s && typeof s === 'object' && typeof s.call === 'string' && callParams[s.call as string]);
  if (!calls.length) return doc as Json;
  const [step, i] = pick(rnd, calls);
  const ids = steps.slice(0, i).flatMap((s) => (s && typeof s === 'object' && typeof s.id === 'string' ? [s.id] : []));
  if (!ids.length) return doc as Json;
  const param = pick(rnd, callParams[step.call as string]!);
  const params = step.params && typeof step.params === 'object' && !Array.isArray(step.params) ? { ...step.params } : {};
  params[param] = { fromStep: pick(rnd, ids), path: pick(rnd, resultPaths) };
  const copy = [...steps];
  copy[i] = { ...step, params };
  return { ...doc, steps: copy } as Json;
}

/** One mutation of a scenario document. */
export function mutate(rnd: Rnd, doc: Json): Json {
  const kind = rnd(10);
  if (kind <= 2) return fromStepRef(rnd, doc as { steps?: Json });
  const p = randomPath(rnd, doc);
  if (!p.length) return doc;
  if (kind <= 6) return edit(doc, p, (parent, k) => ((parent as Record<string | number, Json>)[k] = nastyValue(rnd)));
  if (kind === 7) return edit(doc, p, (parent, k) => (Array.isArray(parent) ? parent.splice(Number(k), 1) : delete parent[k]));
  if (kind === 8) return edit(doc, p, (parent) => {
    if (Array.isArray(parent)) parent.push(nastyValue(rnd));
    else parent[pick(rnd, ['__proto__', 'constructor', 'extra', 'fromStep', 'path', 'Statement', 'Condition'])] = nastyValue(rnd);
  });
  // Duplicate a step (or any array item), now and then many times: work must stay bounded by the caps.
  return edit(doc, p, (parent, k) => {
    if (Array.isArray(parent)) for (let j = 0, n = rnd(10) ? rnd(4) : rnd(300); j < n; j++) parent.push(parent[Number(k)]!);
  });
}

/** A mutation of the file's text: cut, spliced or nested too deep. */
export function mutateText(rnd: Rnd, text: string): string {
  // Cases 2 and 3 (deep nesting, 5,000 levels and more) are costly: one text mutation in ten.
  switch (rnd(10) === 0 ? 2 + rnd(2) : pick(rnd, [0, 1, 4])) {
    case 0: return text.slice(0, rnd(text.length + 1));
    case 1: { const at = rnd(text.length + 1); return text.slice(0, at) + pick(rnd, ['{', '}', '[', ']', '"', ',', ':', '\\', '\u2028', 'x']) + text.slice(at); }
    case 2: return '['.repeat(5000 + rnd(20000));
    case 3: return '{"a":'.repeat(5000) + '1' + '}'.repeat(rnd(2) ? 5000 : 10);
    default: { const at = rnd(text.length + 1); return text.slice(0, at) + text.slice(at + rnd(40)); }
  }
}

/** One generated case: a scenario document or its text. */
export function generateCase(rnd: Rnd, bases: readonly Json[]): { input: unknown; fixes: boolean } {
  let doc = pick(rnd, bases);
  for (let m = 1 + rnd(3); m > 0; m--) doc = mutate(rnd, doc);
  const fixes = rnd(50) === 0;
  // A document holding a 6,000-deep value is too deep for JSON.stringify: it goes in as a value.
  let text: string | undefined;
  try {
    text = JSON.stringify(doc);
  } catch {
    return { input: doc, fixes };
  }
  if (rnd(8) === 0) return { input: mutateText(rnd, text), fixes };
  return { input: rnd(2) ? text : doc, fixes };
}
