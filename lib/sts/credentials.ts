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
 * Plain numbers suffice: the 48-bit head is below 2^53.
 */
export function makeAccessKeyId(prefix: 'ASIA' | 'AKIA', account: string, seed: string): string {
  // Pure, and asked again for the same step on every re-run (see makeSecrets).
  const memo = `${prefix}|${account}|${seed}`;
  const hit = keyIdCache.get(memo);
  if (hit !== undefined) return hit;
  const id = keyIdOf(prefix, account, seed);
  if (keyIdCache.size >= 500) keyIdCache.clear();
  keyIdCache.set(memo, id);
  return id;
}

const keyIdCache = new Map<string, string>();

function keyIdOf(prefix: 'ASIA' | 'AKIA', account: string, seed: string): string {
  const rnd = seeded(seed);
  // (account << 7) | r, kept to the 48 bits of the six head bytes as the BigInt version did.
  const head = (Number(account) % 2 ** 41) * 128 + Math.floor(rnd() * 128);
  const bytes = new Array<number>(10);
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(head / 2 ** ((5 - i) * 8)) % 256;
  for (let i = 6; i < 10; i++) bytes[i] = Math.floor(rnd() * 256);
  // 80 bits in 16 groups of 5, most significant first.
  let body = prefix;
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      body += B32[(acc >> bits) & 31];
    }
  }
  return body;
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

const secretsCache = new Map<string, { secret: string; token: string }>();

/** A secret access key and session token, deterministic for a seed. */
export function makeSecrets(seed: string): { secret: string; token: string } {
  // A pure function of the seed (scenario id and step id), and the simulator re-runs the same
  // scenario on every edit and for every counterfactual fix: remember the last few hundred.
  const hit = secretsCache.get(seed);
  if (hit) return { secret: hit.secret, token: hit.token };
  const rnd = seeded(seed + '#secret');
  const made = { secret: randomString(rnd, 40, 'secret'), token: 'IQoJb3JpZ2luX2Vj' + randomString(rnd, 340, 'secret') };
  if (secretsCache.size >= 500) secretsCache.clear();
  secretsCache.set(seed, made);
  return { secret: made.secret, token: made.token };
}
