/** Byte-level base64 helpers for share links (lib/util/encoding.ts works on text). */
export { base64 } from '../util/encoding';

/** Decodes base64 or base64url (padding optional) to bytes, or undefined when invalid. */
export function decodeBase64Bytes(s: string): Uint8Array | undefined {
  const norm = s.replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(norm) || norm.length % 4 === 1) return undefined;
  try {
    const bin = atob(norm.replace(/=+$/, '') + '='.repeat((4 - (norm.replace(/=+$/, '').length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
