/** Small deterministic hashing and a seeded generator, so the same scenario always gives the same ids. */

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded pseudo-random generator (mulberry32): no wall clock, no unseeded randomness. */
export function seeded(seed: string): () => number {
  let a = fnv1a(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRET = ALNUM + '+/';
const codesOf = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const alphabets = { upper: codesOf(UPPER), alnum: codesOf(ALNUM), secret: codesOf(SECRET) };

/** A string of `n` characters drawn from `alphabet` with `rnd`. */
export function randomString(rnd: () => number, n: number, alphabet: 'upper' | 'alnum' | 'secret' = 'upper'): string {
  const chars = alphabets[alphabet];
  // Character codes first, one string at the end: a session token is 340 characters.
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = chars[Math.floor(rnd() * chars.length)]!;
  let out = '';
  for (let i = 0; i < n; i += 1024) out += String.fromCharCode(...codes.slice(i, i + 1024));
  return out;
}

/** A stable upper-case id derived from a name, e.g. for roles without an explicit id. */
export function stableId(prefix: string, name: string, length = 21): string {
  return prefix + randomString(seeded(name), length - prefix.length, 'upper');
}
