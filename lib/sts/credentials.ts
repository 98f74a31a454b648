/**
 * Credential material with AWS's shapes, from a seeded generator.
 * Access key ids encode the owning account the way AWS's do, so GetAccessKeyInfo can
 * answer for keys the world does not list.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
 */
import { randomString, seeded } from '../util/hash';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Builds an access key id whose body encodes the account, as AWS key ids do:
 * base32 of 10 bytes where bits 7..46 of the first 6 bytes hold the account number.
 */
export function makeAccessKeyId(prefix: 'ASIA' | 'AKIA', account: string, seed: string): string {
  const rnd = seeded(seed);
  const acct = BigInt(account);
  const head = (acct << 7n) | BigInt(Math.floor(rnd() * 128));
  const bytes: number[] = [];
  for (let i = 5; i >= 0; i--) bytes.push(Number((head >> BigInt(i * 8)) & 0xffn));
  for (let i = 0; i < 4; i++) bytes.push(Math.floor(rnd() * 256));
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let body = '';
  for (let i = 0; i < 80; i += 5) body += B32[parseInt(bits.slice(i, i + 5), 2)];
  return prefix + body;
}

/** The account encoded in an access key id, or undefined when the key does not decode. */
export function accountFromAccessKeyId(keyId: string): string | undefined {
  const body = keyId.slice(4);
  if (body.length < 10 || !/^[A-Z2-7]+$/.test(body)) return undefined;
  let bits = '';
  for (const c of body.slice(0, 10)) bits += B32.indexOf(c).toString(2).padStart(5, '0');
  const head = BigInt('0b' + bits.slice(0, 48));
  const acct = (head & 0x7fffffffff80n) >> 7n;
  return acct.toString().padStart(12, '0');
}

/** A secret access key and session token, deterministic for a seed. */
export function makeSecrets(seed: string): { secret: string; token: string } {
  const rnd = seeded(seed + '#secret');
  return { secret: randomString(rnd, 40, 'secret'), token: 'IQoJb3JpZ2luX2Vj' + randomString(rnd, 340, 'secret') };
}
