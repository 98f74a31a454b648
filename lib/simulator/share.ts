/**
 * Share links: the scenario text, deflated and base64url-encoded into the URL fragment
 * (`/simulator/#s=…`), so it never reaches a server.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { type Result, err, ok } from '../result';

function toBase64url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return undefined;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Minifies JSON text when it parses, so links stay short; other text is kept as typed. */
function compact(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/**
 * Encodes scenario text for a share link.
 * @example encodeShare('{"a":1}') // 'q1ZKtDKs5QIA'
 */
export function encodeShare(text: string): string {
  return toBase64url(deflateSync(strToU8(compact(text)), { level: 9 }));
}

/** The most a share link may unpack to (bytes): far above any real scenario, far below what hurts a tab. */
export const MAX_SHARE_BYTES = 1_000_000;

/**
 * Inflates raw deflate data, stopping as soon as the output would pass `limit` bytes, so a small
 * link that unpacks to gigabytes (a "deflate bomb") costs at most `limit` bytes of memory.
 * @returns the bytes, 'too-large', or 'damaged'
 */
export function inflateCapped(bytes: Uint8Array, limit: number): Uint8Array | 'too-large' | 'damaged' {
  const parts: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) over = true;
    else parts.push(chunk);
    if (final) done = true;
  });
  try {
    // Small input slices bound how much one push can produce (deflate expands at most ~1032x).
    for (let i = 0; i < bytes.length && !over; i += 512) inflater.push(bytes.subarray(i, i + 512), i + 512 >= bytes.length);
  } catch {
    return over ? 'too-large' : 'damaged';
  }
  if (over) return 'too-large';
  if (!done) return 'damaged';
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Decodes a share link's payload back to scenario text, pretty-printed when it is JSON. Never
 * throws, and never unpacks more than MAX_SHARE_BYTES.
 * @returns the text, or why the link cannot be opened
 */
export function decodeShare(payload: string): Result<string, string> {
  const bytes = fromBase64url(payload);
  if (!bytes || bytes.length === 0) return err('The link is damaged: its scenario data is not valid base64url.');
  const raw = inflateCapped(bytes, MAX_SHARE_BYTES);
  if (raw === 'too-large') return err(`The link holds more than ${MAX_SHARE_BYTES / 1_000_000} MB of scenario text once unpacked, more than any scenario needs; it was not opened.`);
  if (raw === 'damaged') return err('The link is damaged: its scenario data does not decompress (was it cut short?).');
  let text: string;
  try {
    text = strFromU8(raw);
  } catch {
    return err('The link is damaged: its scenario data is not text.');
  }
  try {
    return ok(JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    return ok(text);
  }
}

/**
 * The full share URL for a scenario.
 * @param origin e.g. `https://example.org`
 * @example shareUrl('https://example.org', text) // 'https://example.org/simulator/#s=…'
 */
export function shareUrl(origin: string, text: string): string {
  return `${origin}/simulator/#s=${encodeShare(text)}`;
}

/** The share payload in a URL fragment (`#s=…`), if there is one. */
export function sharePayload(hash: string): string | undefined {
  const m = /^#?(?:.*&)?s=([A-Za-z0-9_-]+)/.exec(hash);
  return m?.[1];
}

/**
 * The step a link asks the simulator to open at: `?scenario=…&step=<id>` or `#s=…&step=<id>`
 * (how the quiz links the step that proves an answer).
 * @param search `location.search`
 * @param hash `location.hash`
 * @returns the step id, or undefined when the link names none
 * @example linkedStepId('?scenario=x&step=no-external-id', '') // 'no-external-id'
 */
export function linkedStepId(search: string, hash: string): string | undefined {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('step');
  const id = fromHash ?? new URLSearchParams(search).get('step');
  return id ? id : undefined;
}

/**
 * A short stable fingerprint of a string (FNV-1a, hex), used to key drafts of shared links.
 * @example fingerprint('abc') // '1a47e90b'
 */
export function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
