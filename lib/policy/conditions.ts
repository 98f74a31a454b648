/**
 * Condition operators with AWS semantics.
 * Entry point: {@link evaluateClause}. Assumes the clause came from parsePolicy.
 */
import { lookupKey } from './context';
import { arnGlob, glob, unescapeGlob } from './glob';
import { list } from './match';
import { type ConditionBase, type ConditionClause, type ContextValue } from './types';
import { hasVariables, literalResolver, type VariableResolver } from './variables';

/** Result of one condition clause. */
export interface ClauseEvaluation {
  /** Whether the clause is satisfied. */
  holds: boolean;
  /** What the request had for the key; undefined when absent. */
  requestValue?: ContextValue;
  /** Plain-English explanation naming key, request value and policy values. */
  detail: string;
}

/** Operators that succeed when the request value matches none of the policy values. */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
export const negatedOperators = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
} as const satisfies Partial<Record<ConditionBase, ConditionBase>>;

/** A negated operator. */
export type NegatedOperator = keyof typeof negatedOperators;

/** Whether a base operator is one of the negated ones. */
export function isNegated(base: ConditionBase): base is NegatedOperator {
  return Object.prototype.hasOwnProperty.call(negatedOperators, base);
}

/** Operators whose values may contain policy variables. */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html ("Policy variables – Supported" for String, Boolean and ARN only)
function allowsVariables(base: ConditionBase): boolean {
  return base.startsWith('String') || base.startsWith('Arn') || base === 'Bool';
}

// ---------------------------------------------------------------------------
// Value parsers (cached where parsing is not trivial)

const NUM_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number; NaN when the text is not a number. */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
export function parseNumber(s: string): number {
  return NUM_RE.test(s) ? Number(s) : NaN;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH_RE = /^-?\d+(?:\.\d+)?$/;
const dateCache = new Map<string, number>();

/**
 * Parses an ISO 8601 date/time or epoch seconds into epoch milliseconds; NaN when invalid.
 * Pure: uses Date.UTC only, never the current time.
 * @example parseDate('2020-01-01T00:00:00Z') === parseDate('1577836800') // true
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
export function parseDate(s: string): number {
  const hit = dateCache.get(s);
  if (hit !== undefined) return hit;
  let ms = NaN;
  if (EPOCH_RE.test(s)) ms = Number(s) * 1000;
  else {
    const m = ISO_RE.exec(s);
    if (m) {
      const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', tz] = m;
      const month = Number(mo);
      const day = Number(d);
      const hour = Number(h);
      const minute = Number(mi);
      const second = Number(sec);
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute <= 59 && second <= 60) {
        ms = Date.UTC(Number(y), month - 1, day, hour, minute, second, frac ? Math.floor(Number('0.' + frac) * 1000) : 0);
        if (tz && tz !== 'Z' && tz !== 'z') {
          const sign = tz[0] === '-' ? -1 : 1;
          const digits = tz.slice(1).replace(':', '');
          const offMin = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2)) : 0);
          ms -= sign * offMin * 60_000;
        }
      }
    }
  }
  if (dateCache.size > 5000) dateCache.clear();
  dateCache.set(s, ms);
  return ms;
}

/** A parsed IP network: 4 or 16 bytes and a prefix length. */
export interface IpNetwork {
  /** 4 for IPv4, 6 for IPv6. */
  family: 4 | 6;
  /** Address bytes. */
  bytes: Uint8Array;
  /** Prefix length in bits. */
  prefix: number;
}

const ipCache = new Map<string, IpNetwork | null>();

function parseIpv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] ?? '';
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

function parseIpv6(s: string): Uint8Array | null {
  if (s.length === 0 || s.includes('%')) return null;
  let head = s;
  let tail = '';
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    if (s.indexOf('::', dbl + 1) >= 0) return null;
    head = s.slice(0, dbl);
    tail = s.slice(dbl + 2);
  }
  const words: number[] = [];
  const tailWords: number[] = [];
  const pushGroups = (part: string, into: number[], allowV4: boolean): boolean => {
    if (part === '') return true;
    const groups = part.split(':');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] ?? '';
      if (allowV4 && i === groups.length - 1 && g.includes('.')) {
        const v4 = parseIpv4(g);
        if (!v4) return false;
        into.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
      into.push(parseInt(g, 16));
    }
    return true;
  };
  if (dbl >= 0) {
    if (!pushGroups(head, words, false) || !pushGroups(tail, tailWords, true)) return null;
    if (words.length + tailWords.length > 7) return null;
    while (words.length + tailWords.length < 8) words.push(0);
    words.push(...tailWords);
  } else {
    if (!pushGroups(head, words, true) || words.length !== 8) return null;
  }
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const w = words[i] ?? 0;
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  }
  return out;
}

/**
 * Parses an IPv4/IPv6 address or CIDR block (a bare address is a /32 or /128).
 * @returns the network, or null when malformed
 * @example parseCidr('2001:db8::/32')?.prefix // 32
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
export function parseCidr(s: string): IpNetwork | null {
  const hit = ipCache.get(s);
  if (hit !== undefined) return hit;
  let net: IpNetwork | null = null;
  const slash = s.indexOf('/');
  const addr = (slash >= 0 ? s.slice(0, slash) : s).trim();
  const prefixText = slash >= 0 ? s.slice(slash + 1).trim() : '';
  if (slash < 0 || /^\d{1,3}$/.test(prefixText)) {
    const family: 4 | 6 = addr.includes(':') ? 6 : 4;
    const bytes = family === 4 ? parseIpv4(addr) : parseIpv6(addr);
    const max = family === 4 ? 32 : 128;
    const prefix = slash < 0 ? max : Number(prefixText);
    if (bytes && prefix <= max) net = { family, bytes, prefix };
  }
  if (ipCache.size > 5000) ipCache.clear();
  ipCache.set(s, net);
  return net;
}

/** Whether `addr` lies inside `net` (same family, first `prefix` bits equal). */
export function ipInNetwork(addr: IpNetwork, net: IpNetwork): boolean {
  if (addr.family !== net.family) return false;
  const full = net.prefix >> 3;
  for (let i = 0; i < full; i++) if (addr.bytes[i] !== net.bytes[i]) return false;
  const rem = net.prefix & 7;
  if (rem === 0) return true;
  const mask = (0xff << (8 - rem)) & 0xff;
  return ((addr.bytes[full] ?? 0) & mask) === ((net.bytes[full] ?? 0) & mask);
}

// ---------------------------------------------------------------------------
// Positive value tests

/**
 * Does request value `req` satisfy positive operator `base` against policy value `pol`?
 * `escaped` says `pol` is an escaped glob (it went through variable resolution).
 */
function testValue(base: ConditionBase, req: string, pol: string, escaped: boolean): boolean {
  switch (base) {
    case 'StringEquals':
    case 'StringNotEquals':
      return req === (escaped ? unescapeGlob(pol) : pol);
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return req.toLowerCase() === (escaped ? unescapeGlob(pol) : pol).toLowerCase();
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
    case 'StringLike':
    case 'StringNotLike':
      return glob(pol, req, escaped);
    case 'NumericEquals':
    case 'NumericNotEquals':
      return parseNumber(req) === parseNumber(pol);
    case 'NumericLessThan':
      return parseNumber(req) < parseNumber(pol);
    case 'NumericLessThanEquals':
      return parseNumber(req) <= parseNumber(pol);
    case 'NumericGreaterThan':
      return parseNumber(req) > parseNumber(pol);
    case 'NumericGreaterThanEquals':
      return parseNumber(req) >= parseNumber(pol);
    case 'DateEquals':
    case 'DateNotEquals':
      return parseDate(req) === parseDate(pol);
    case 'DateLessThan':
      return parseDate(req) < parseDate(pol);
    case 'DateLessThanEquals':
      return parseDate(req) <= parseDate(pol);
    case 'DateGreaterThan':
      return parseDate(req) > parseDate(pol);
    case 'DateGreaterThanEquals':
      return parseDate(req) >= parseDate(pol);
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
    case 'Bool': {
      const r = req.toLowerCase();
      const p = (escaped ? unescapeGlob(pol) : pol).toLowerCase();
      return (r === 'true' || r === 'false') && r === p;
    }
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
    case 'BinaryEquals':
      return req === pol;
    case 'IpAddress':
    case 'NotIpAddress': {
      const net = parseCidr(pol);
      const addr = net ? parseCidr(req) : null;
      return net !== null && addr !== null && ipInNetwork(addr, net);
    }
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN (ArnEquals and ArnLike behave the same)
    case 'ArnEquals':
    case 'ArnLike':
    case 'ArnNotEquals':
    case 'ArnNotLike':
      return arnGlob(pol, req, escaped);
    case 'Null':
      return false;
  }
}

/** Outcome of testing one request value against all policy values. */
const Hit = {
  /** Some policy value matched. */
  Match: 0,
  /** No policy value matched and all resolved. */
  None: 1,
  /** No policy value matched and at least one could not be resolved. */
  NoneUnresolved: 2,
} as const;
type Hit = (typeof Hit)[keyof typeof Hit];

function testAgainstAll(clause: ConditionClause, req: string, varsOk: boolean, resolve: VariableResolver): Hit {
  let unresolved = false;
  for (const pol of clause.values) {
    if (varsOk && hasVariables(pol)) {
      const r = resolve(pol);
      if (r === null) {
        unresolved = true;
        continue;
      }
      if (testValue(clause.base, req, r, true)) return Hit.Match;
    } else if (testValue(clause.base, req, pol, false)) return Hit.Match;
  }
  return unresolved ? Hit.NoneUnresolved : Hit.None;
}

/** Formats a context value for detail strings. */
function fmt(v: ContextValue): string {
  return typeof v === 'string' ? `"${v}"` : list(v);
}

const clauseTexts = new WeakMap<ConditionClause, { head: string; policyText: string }>();

/** The parts of a clause's detail sentences that depend only on the clause, made once per parsed clause. */
function clauseText(clause: ConditionClause): { head: string; policyText: string } {
  let t = clauseTexts.get(clause);
  if (!t) clauseTexts.set(clause, (t = { head: `${clause.operator} ${clause.key}:`, policyText: list(clause.values) }));
  return t;
}

/**
 * Evaluates one condition clause against the request context.
 *
 * - Positive operators: absent key → false; otherwise true when the value matches any policy value.
 * - Negated operators: absent key → true; otherwise true when the value matches none.
 * - `IfExists`: absent key → true. `Null`: `"true"` means absent, `"false"` present.
 * - `ForAllValues:`: absent/empty → true; else every request value passes.
 * - `ForAnyValue:`: absent/empty → false; else at least one request value passes.
 *
 * @param clause the parsed clause
 * @param keys request context keys (looked up case-insensitively)
 * @param resolveVar resolves policy variables (see variables.ts); defaults to literal text
 * @returns whether it holds, the request value and a detail sentence
 * @example evaluateClause(clause, { 'sts:ExternalId': 'abc' }).holds
 */
export function evaluateClause(
  clause: ConditionClause,
  keys: Record<string, ContextValue>,
  resolveVar: VariableResolver = literalResolver,
): ClauseEvaluation {
  const raw = lookupKey(keys, clause.key);
  const present = raw !== undefined && (typeof raw === 'string' || raw.length > 0);
  const { head, policyText } = clauseText(clause);

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
  if (clause.base === 'Null') {
    let holds = false;
    for (const v of clause.values) {
      const want = v.toLowerCase();
      if ((want === 'true' && !present) || (want === 'false' && present)) holds = true;
    }
    const state = present ? `present (${fmt(raw)})` : 'absent';
    const out: ClauseEvaluation = { holds, detail: `${head} key is ${state}; Null ${policyText} ${holds ? 'holds' : 'does not hold'}` };
    if (raw !== undefined) out.requestValue = raw;
    return out;
  }

  const negated = isNegated(clause.base);
  if (!present) {
    let holds: boolean;
    let why: string;
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists
    if (clause.ifExists) {
      holds = true;
      why = 'IfExists treats a missing key as a match';
    } else if (clause.set === 'ForAllValues') {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html#reference_policies_condition-forallvalues
      holds = true;
      why = 'ForAllValues is true when the key is missing or empty';
    } else if (clause.set === 'ForAnyValue') {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html#reference_policies_condition-foranyvalue
      holds = false;
      why = 'ForAnyValue is false when the key is missing or empty';
    } else if (negated) {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html ("if the key is not present ... a negated operator is true")
      holds = true;
      why = 'a negated operator is true when the key is missing';
    } else {
      holds = false;
      why = 'the key must be present to match';
    }
    const out: ClauseEvaluation = { holds, detail: `${head} key is absent; ${why} (policy values ${policyText})` };
    if (raw !== undefined) out.requestValue = raw;
    return out;
  }

  const varsOk = allowsVariables(clause.base);
  const reqValues = typeof raw === 'string' ? null : raw;
  /** Does one request value pass the per-value test? (positive: matches some; negated: matches none) */
  let failing: string | undefined;
  let passing: string | undefined;
  let unresolvedNegation = false;
  const passes = (v: string): boolean => {
    const hit = testAgainstAll(clause, v, varsOk, resolveVar);
    if (!negated) return hit === Hit.Match;
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
    // An unresolvable variable may make the statement invalid: a negated test never passes on it.
    if (hit === Hit.NoneUnresolved) unresolvedNegation = true;
    return hit === Hit.None;
  };

  let holds: boolean;
  if (reqValues === null) {
    const v = raw as string;
    holds = passes(v);
    if (holds) passing = v;
    else failing = v;
  } else {
    // ForAllValues, and (per AWS) a negated operator on a multivalued key without a set
    // qualifier, need every request value to pass; ForAnyValue and positive operators
    // without a qualifier need at least one.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
    const needAll = clause.set === 'ForAllValues' || (clause.set === undefined && negated);
    if (needAll) {
      holds = true;
      for (const v of reqValues) {
        if (!passes(v)) {
          holds = false;
          failing = v;
          break;
        }
      }
    } else {
      holds = false;
      for (const v of reqValues) {
        if (passes(v)) {
          holds = true;
          passing = v;
          break;
        }
      }
    }
  }

  let detail: string;
  if (holds) {
    detail = negated
      ? `${head} request value ${fmt(raw)} matches none of ${policyText}`
      : `${head} request value "${passing ?? ''}" matches one of ${policyText}`;
  } else if (unresolvedNegation) {
    detail = `${head} a policy variable in ${policyText} could not be resolved, so the negated test cannot succeed`;
  } else if (negated) {
    detail = `${head} request value "${failing ?? ''}" matches one of ${policyText}`;
  } else if (failing !== undefined && reqValues !== null) {
    detail = `${head} request value "${failing}" (of ${fmt(raw)}) matches none of ${policyText}`;
  } else {
    detail = `${head} request value ${fmt(raw)} matches none of ${policyText}`;
  }
  return { holds, requestValue: raw, detail };
}
