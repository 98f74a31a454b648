/**
 * Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}`, `${*}`, `${?}`, `${$}`.
 *
 * Resolution yields an *escaped glob*: text in which `*` and `?` are wildcards and `\x`
 * is a literal `x`. Policy text keeps its wildcards; substituted values, defaults and the
 * `${*}`/`${?}` escapes are escaped so they only ever match themselves.
 */
import { lookupKey } from './context';
import { escapeBackslashes, escapeGlob } from './glob';
import { type ContextValue, type Policy } from './types';

/**
 * Resolves one policy value (Resource entry or condition value) against the request.
 * Returns an escaped glob (see module doc), or null when a variable cannot be resolved.
 */
export type VariableResolver = (policyValue: string) => string | null;

/** One piece of a value template. */
type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'var'; key: string; fallback?: string }
  | { kind: 'broken' };

const templateCache = new Map<string, Segment[]>();
const CACHE_LIMIT = 5000;

/** Whether a string uses the `${...}` syntax at all. */
export function hasVariables(value: string): boolean {
  return value.indexOf('${') >= 0;
}

/**
 * Splits a value into literal text and variables. Cached per distinct string.
 * @example parseTemplate("home/${aws:username}/*")
 */
function parseTemplate(value: string): Segment[] {
  const cached = templateCache.get(value);
  if (cached) return cached;
  const segs: Segment[] = [];
  let text = '';
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${', i);
    if (open < 0) {
      text += escapeBackslashes(value.slice(i));
      break;
    }
    text += escapeBackslashes(value.slice(i, open));
    const close = findClose(value, open + 2);
    if (close < 0) {
      // An unterminated `${` is plain text.
      text += escapeBackslashes(value.slice(open));
      break;
    }
    const inner = value.slice(open + 2, close).trim();
    i = close + 1;
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars
    if (inner === '*' || inner === '?') {
      text += '\\' + inner;
      continue;
    }
    if (inner === '$') {
      text += '$';
      continue;
    }
    if (text) segs.push({ kind: 'text', text });
    text = '';
    segs.push(parseVariable(inner));
  }
  if (text) segs.push({ kind: 'text', text });
  if (templateCache.size >= CACHE_LIMIT) templateCache.clear();
  templateCache.set(value, segs);
  return segs;
}

/** Index of the `}` closing a variable that starts at `from`, skipping quoted defaults. */
function findClose(value: string, from: number): number {
  let quoted = false;
  for (let j = from; j < value.length; j++) {
    const c = value[j];
    if (c === "'") quoted = !quoted; // `''` inside a default toggles twice: still quoted
    else if (c === '}' && !quoted) return j;
  }
  return -1;
}

const VAR_RE = /^([^\s,']+)(?:\s*,\s*'((?:[^']|'')*)')?$/;

/** Parses the inside of `${...}`: a key and an optional quoted default. */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-default-values
function parseVariable(inner: string): Segment {
  const m = VAR_RE.exec(inner);
  if (!m || m[1] === undefined) return { kind: 'broken' };
  if (m[2] === undefined) return { kind: 'var', key: m[1] };
  return { kind: 'var', key: m[1], fallback: m[2].replace(/''/g, "'") };
}

/** Resolver used when variables are off: `${...}` is literal text. */
export const literalResolver: VariableResolver = (value) => escapeBackslashes(value);

/**
 * Builds the resolver for one policy and one request.
 * Variables only exist in policy language version 2012-10-17; with 2008-10-17 or no
 * Version, `${aws:username}` is literal text.
 * @param version the policy's Version element
 * @param keys the request context keys (variable values)
 * @returns a resolver returning escaped globs, or null for unresolvable values
 * @example createResolver('2012-10-17', { 'aws:username': 'bob' })('home/${aws:username}/*') // 'home/bob/*'
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
export function createResolver(version: Policy['version'], keys: Record<string, ContextValue>): VariableResolver {
  if (version !== '2012-10-17') return literalResolver;
  return (value) => (hasVariables(value) ? resolveTemplate(value, keys) : escapeBackslashes(value));
}

/**
 * Substitutes every variable in `value`.
 * A key that is absent (with no default) or multivalued cannot be substituted, and the
 * value then matches nothing.
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html (multivalued keys cannot be variables)
export function resolveTemplate(value: string, keys: Record<string, ContextValue>): string | null {
  const segs = parseTemplate(value);
  let out = '';
  for (const seg of segs) {
    switch (seg.kind) {
      case 'text':
        out += seg.text;
        break;
      case 'broken':
        return null;
      case 'var': {
        const v = lookupKey(keys, seg.key);
        if (typeof v === 'string') out += escapeGlob(v);
        else if (v === undefined && seg.fallback !== undefined) out += escapeGlob(seg.fallback);
        else return null;
        break;
      }
    }
  }
  return out;
}

/**
 * Resolves a value to plain text (no wildcard meaning), for display and tests.
 * @returns the substituted text, or null when unresolvable
 * @example resolveVariables("${aws:username, 'anon'}", {}, '2012-10-17') // 'anon'
 */
export function resolveVariables(value: string, keys: Record<string, ContextValue>, version: Policy['version']): string | null {
  if (version !== '2012-10-17') return value;
  const r = resolveTemplate(value, keys);
  if (r === null) return null;
  let out = '';
  for (let i = 0; i < r.length; i++) {
    if (r[i] === '\\' && i + 1 < r.length) {
      out += r[i + 1];
      i++;
    } else out += r[i];
  }
  return out;
}
