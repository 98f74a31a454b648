/**
 * Share links: the scenario text, deflated and base64url-encoded into the URL fragment
 * (`/simulator/#s=…`), so it never reaches a server.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
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

/**
 * Decodes a share link's payload back to scenario text, pretty-printed when it is JSON.
 * @returns the text, or why the link is broken
 */
export function decodeShare(payload: string): Result<string, string> {
  const bytes = fromBase64url(payload);
  if (!bytes || bytes.length === 0) return err('The link is damaged: its scenario data is not valid base64url.');
  let text: string;
  try {
    text = strFromU8(inflateSync(bytes));
  } catch {
    return err('The link is damaged: its scenario data does not decompress (was it cut short?).');
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
