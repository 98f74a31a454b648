/**
 * Wildcard matching shared by Action, Resource and the `*Like` condition operators.
 * Hand-written (no RegExp) so nothing is compiled per call; linear-time for `*` patterns.
 */

const STAR = 42; // '*'
const QMARK = 63; // '?'
const BACKSLASH = 92; // '\'

/**
 * Whether the pattern tokens `p[ps, pe)` (no `*` among them) match `s` starting at `at`;
 * `?` matches any one character and, when `escaped`, `\x` a literal `x`.
 */
function segmentAt(p: string, ps: number, pe: number, s: string, at: number, escaped: boolean): boolean {
  let si = at;
  for (let pi = ps; pi < pe; pi++, si++) {
    let c = p.charCodeAt(pi);
    if (c === QMARK) continue;
    if (escaped && c === BACKSLASH && pi + 1 < pe) c = p.charCodeAt(++pi);
    if (c !== s.charCodeAt(si)) return false;
  }
  return true;
}

/** Number of characters the `*`-free segment `p[ps, pe)` matches (an escape pair stands for one). */
function segmentLength(p: string, ps: number, pe: number, escaped: boolean): number {
  let n = 0;
  for (let pi = ps; pi < pe; pi++, n++) if (escaped && p.charCodeAt(pi) === BACKSLASH && pi + 1 < pe) pi++;
  return n;
}

/** Whether the segment is plain text (no `?`, no escape), so `indexOf` can search for it. */
function isLiteral(p: string, ps: number, pe: number, escaped: boolean): boolean {
  for (let pi = ps; pi < pe; pi++) {
    const c = p.charCodeAt(pi);
    if (c === QMARK || (escaped && c === BACKSLASH)) return false;
  }
  return true;
}

/**
 * Leftmost match of a segment that holds `?` by bit-parallel search (shift-and): one pass over
 * the text, `len / 32` word operations per character, whatever the text holds.
 */
function shiftAnd(p: string, ps: number, pe: number, len: number, s: string, from: number, to: number, escaped: boolean): number {
  const words = (len + 31) >>> 5;
  const any = new Uint32Array(words);
  const masks = new Map<number, Uint32Array>();
  const codes: number[] = [];
  for (let pi = ps; pi < pe; pi++) {
    let c = p.charCodeAt(pi);
    if (c === QMARK) c = -1;
    else if (escaped && c === BACKSLASH && pi + 1 < pe) c = p.charCodeAt(++pi);
    codes.push(c);
  }
  codes.forEach((c, j) => {
    if (c < 0) any[j >>> 5]! |= 1 << (j & 31);
  });
  codes.forEach((c, j) => {
    if (c < 0) return;
    let m = masks.get(c);
    if (!m) masks.set(c, (m = any.slice()));
    m[j >>> 5]! |= 1 << (j & 31);
  });
  for (const m of masks.values()) for (let w = 0; w < words; w++) m[w]! |= any[w]!;
  const state = new Uint32Array(words);
  const lastWord = (len - 1) >>> 5;
  const lastBit = 1 << ((len - 1) & 31);
  for (let si = from; si < to; si++) {
    const m = masks.get(s.charCodeAt(si)) ?? any;
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const d = state[w]!;
      state[w] = ((d << 1) | carry) & m[w]!;
      carry = d >>> 31;
    }
    if (state[lastWord]! & lastBit) return si - len + 1;
  }
  return -1;
}

/** Leftmost position in `[from, to - len]` where the segment matches, or -1. */
function findSegment(p: string, ps: number, pe: number, len: number, s: string, from: number, to: number, escaped: boolean): number {
  if (isLiteral(p, ps, pe, escaped)) {
    const at = s.indexOf(p.slice(ps, pe), from);
    return at >= 0 && at + len <= to ? at : -1;
  }
  // Short searches try each place; long ones with a long segment go bit-parallel.
  if (len <= 8 || (to - from) * len <= 65536) {
    for (let at = from; at + len <= to; at++) if (segmentAt(p, ps, pe, s, at, escaped)) return at;
    return -1;
  }
  return shiftAnd(p, ps, pe, len, s, from, to, escaped);
}

/** End of the `*`-free segment starting at `pi` (the next unescaped `*`, or `pe`). */
function segmentEnd(p: string, pi: number, pe: number, escaped: boolean): number {
  for (; pi < pe; pi++) {
    const c = p.charCodeAt(pi);
    if (c === STAR) return pi;
    if (escaped && c === BACKSLASH && pi + 1 < pe) pi++;
  }
  return pe;
}

/**
 * Matches `s[ss, se)` against the wildcard pattern `p[ps, pe)`.
 * `*` matches any run of characters (including none), `?` exactly one.
 * When `escaped` is true, `\x` in the pattern stands for a literal `x`; this is how
 * values substituted from policy variables (and `${*}`, `${?}`) stay literal.
 *
 * The pattern is split at its stars into segments: the first must match at the start, the
 * last at the end, and each middle one at its leftmost place after the previous one (taking
 * the leftmost place never loses a match, since the next star can absorb any gap). Plain
 * segments are found with `indexOf`; segments with `?` by a bit-parallel scan, so the work
 * grows with text × pattern / 32 at worst, never with the backtracking of the naive matcher.
 */
function globRange(p: string, ps: number, pe: number, s: string, ss: number, se: number, escaped: boolean): boolean {
  const firstEnd = segmentEnd(p, ps, pe, escaped);
  const firstLen = segmentLength(p, ps, firstEnd, escaped);
  if (firstEnd === pe) return firstLen === se - ss && segmentAt(p, ps, pe, s, ss, escaped);
  if (firstLen > se - ss || !segmentAt(p, ps, firstEnd, s, ss, escaped)) return false;
  let si = ss + firstLen;
  // The last segment: after the final unescaped star.
  let lastStart = pe;
  for (let pi = firstEnd; pi < pe; pi++) {
    const c = p.charCodeAt(pi);
    if (c === STAR) lastStart = pi + 1;
    else if (escaped && c === BACKSLASH && pi + 1 < pe) pi++;
  }
  const lastLen = segmentLength(p, lastStart, pe, escaped);
  const tailFrom = se - lastLen;
  if (tailFrom < si || !segmentAt(p, lastStart, pe, s, tailFrom, escaped)) return false;
  // Middle segments, each at its leftmost place, all before the last one's.
  const midEnd = lastStart - 1; // the last star
  for (let pi = firstEnd + 1; pi < midEnd; ) {
    const end = segmentEnd(p, pi, midEnd, escaped);
    if (end > pi) {
      const len = segmentLength(p, pi, end, escaped);
      const at = findSegment(p, pi, end, len, s, si, tailFrom, escaped);
      if (at < 0) return false;
      si = at + len;
    }
    pi = end + 1;
  }
  return true;
}

/**
 * Glob-matches a whole string.
 * @param pattern wildcard pattern (`*`, `?`)
 * @param value the text to test
 * @param escaped whether `\` escapes the next pattern character
 * @returns true when the pattern covers the whole value
 * @example glob('s3:Get*', 's3:GetObject') // true
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String-wildcard
export function glob(pattern: string, value: string, escaped = false): boolean {
  return globRange(pattern, 0, pattern.length, value, 0, value.length, escaped);
}

/** Positions of the first five colons, or null when there are fewer (not ARN-shaped). */
function arnColons(s: string, out: Int32Array): boolean {
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const at = s.indexOf(':', from);
    if (at < 0) return false;
    out[i] = at;
    from = at + 1;
  }
  return true;
}

const pColons = new Int32Array(5);
const vColons = new Int32Array(5);

/**
 * ARN-aware glob, as used by ArnLike/ArnEquals and by the Resource element: both
 * strings are split into `arn:partition:service:region:account:resource` (the resource
 * part keeps any further colons) and each component is globbed on its own, so a `*`
 * in the region never swallows the account. Falls back to a whole-string glob when
 * either side is not ARN-shaped.
 * @example arnGlob('arn:aws:iam::*:role/ops-*', 'arn:aws:iam::111122223333:role/ops-admin') // true
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
export function arnGlob(pattern: string, value: string, escaped = false): boolean {
  if (pattern.length === 1 && pattern.charCodeAt(0) === STAR) return true;
  if (!arnColons(pattern, pColons) || !arnColons(value, vColons)) {
    return globRange(pattern, 0, pattern.length, value, 0, value.length, escaped);
  }
  let ps = 0;
  let vs = 0;
  for (let i = 0; i < 5; i++) {
    const pe = pColons[i] ?? 0;
    const ve = vColons[i] ?? 0;
    if (!globRange(pattern, ps, pe, value, vs, ve, escaped)) return false;
    ps = pe + 1;
    vs = ve + 1;
  }
  return globRange(pattern, ps, pattern.length, value, vs, value.length, escaped);
}

/** Removes `\` escapes: `\*` becomes `*`, `\\` becomes `\`. */
export function unescapeGlob(s: string): string {
  if (s.indexOf('\\') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === BACKSLASH && i + 1 < s.length) {
      out += s[i + 1];
      i++;
    } else out += s[i];
  }
  return out;
}

/** Escapes text so that every character is literal in an escaped glob. */
export function escapeGlob(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === STAR || c === QMARK || c === BACKSLASH) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === STAR || c === QMARK || c === BACKSLASH) out += '\\';
    out += s[i];
  }
  return out;
}

/** Escapes only backslashes: policy text whose `*`/`?` keep their wildcard meaning. */
export function escapeBackslashes(s: string): string {
  return s.indexOf('\\') < 0 ? s : s.replace(/\\/g, '\\\\');
}

/** Whether a string contains `*` or `?`. */
export function hasWildcard(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === STAR || c === QMARK) return true;
  }
  return false;
}
