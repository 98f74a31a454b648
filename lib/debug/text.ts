/**
 * Small text helpers for the paste recognisers: finding JSON values inside free text,
 * base64 decoding, and shell-style word splitting. Pure; never throw for user input.
 */

/** A JSON value found in a paste, with where it was. */
export interface JsonChunk {
  value: unknown;
  start: number;
  end: number;
}

/**
 * Finds the top-level JSON objects in free text (a console policy next to a token and an
 * error line). Strings are respected, so braces inside them do not count.
 * @example findJsonObjects('x {"a":1} y') // [{ value: { a: 1 }, start: 2, end: 9 }]
 */
export function findJsonObjects(text: string): JsonChunk[] {
  const out: JsonChunk[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let j = open; j < text.length; j++) {
      const c = text[j];
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        end = j + 1;
        break;
      }
    }
    if (end < 0) break;
    try {
      out.push({ value: JSON.parse(text.slice(open, end)), start: open, end });
      i = end;
    } catch {
      i = open + 1;
    }
  }
  return out;
}

/** Decodes standard or URL-safe base64 to UTF-8 text, or undefined. */
export function base64ToText(s: string): string | undefined {
  const clean = s.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length === 0) return undefined;
  try {
    const bin = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/**
 * Splits a shell command line into words: single and double quotes, backslash escapes and
 * backslash-newline continuations (as pasted from a README or a terminal).
 * @example shellWords("aws sts assume-role --role-arn 'arn:aws:iam::1:role/R'") // ['aws', 'sts', 'assume-role', '--role-arn', 'arn:aws:iam::1:role/R']
 */
export function shellWords(line: string): string[] {
  const s = line.replace(/\\\r?\n/g, ' ').replace(/`\r?\n/g, ' ').replace(/\^\r?\n/g, ' ');
  const words: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) words.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}

/** True for a plain JSON object. */
export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
