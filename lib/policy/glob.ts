/**
 * Wildcard matching shared by Action, Resource and the `*Like` condition operators.
 * Hand-written (no RegExp) so nothing is compiled per call and nothing allocates.
 */

const STAR = 42; // '*'
const QMARK = 63; // '?'
const BACKSLASH = 92; // '\'

/**
 * Matches `s[ss, se)` against the wildcard pattern `p[ps, pe)`.
 * `*` matches any run of characters (including none), `?` exactly one.
 * When `escaped` is true, `\x` in the pattern stands for a literal `x`; this is how
 * values substituted from policy variables (and `${*}`, `${?}`) stay literal.
 */
function globRange(p: string, ps: number, pe: number, s: string, ss: number, se: number, escaped: boolean): boolean {
  let pi = ps;
  let si = ss;
  let starP = -1;
  let starS = ss;
  while (si < se) {
    if (pi < pe) {
      let c = p.charCodeAt(pi);
      if (c === STAR) {
        pi++;
        starP = pi;
        starS = si;
        continue;
      }
      if (c === QMARK) {
        pi++;
        si++;
        continue;
      }
      let step = 1;
      if (escaped && c === BACKSLASH && pi + 1 < pe) {
        c = p.charCodeAt(pi + 1);
        step = 2;
      }
      if (c === s.charCodeAt(si)) {
        pi += step;
        si++;
        continue;
      }
    }
    if (starP >= 0) {
      pi = starP;
      starS++;
      si = starS;
      continue;
    }
    return false;
  }
  while (pi < pe && p.charCodeAt(pi) === STAR) pi++;
  return pi === pe;
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
