/**
 * Credential material is part of every result, so the faster generators must give exactly
 * what the first (BigInt and bit-string) versions gave. The references below are those
 * versions, kept here as the specification.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html (the key id encodes the account)
 */
import { describe, expect, it } from 'vitest';
import { accountFromAccessKeyId, makeAccessKeyId, makeSecrets } from '@/lib/sts/credentials';
import { randomString, seeded } from '@/lib/util/hash';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function referenceKeyId(prefix: string, account: string, seed: string): string {
  const rnd = seeded(seed);
  const head = (BigInt(account) << 7n) | BigInt(Math.floor(rnd() * 128));
  const bytes: number[] = [];
  for (let i = 5; i >= 0; i--) bytes.push(Number((head >> BigInt(i * 8)) & 0xffn));
  for (let i = 0; i < 4; i++) bytes.push(Math.floor(rnd() * 256));
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let body = '';
  for (let i = 0; i < 80; i += 5) body += B32[parseInt(bits.slice(i, i + 5), 2)];
  return prefix + body;
}

function referenceString(rnd: () => number, n: number, chars: string): string {
  let out = '';
  for (let i = 0; i < n; i++) out += chars[Math.floor(rnd() * chars.length)];
  return out;
}

const accounts = ['000000000000', '000000000001', '111111111111', '123456789012', '222222222222', '999999999999', '549755813887', '549755813888'];
const seeds = ['bench|assume', 'github-actions-sub-wildcard|main', '', 'x'.repeat(300), 'é|ü|漢'];

describe('access key ids encode the account as before', () => {
  for (const account of accounts) {
    for (const seed of seeds) {
      it(`${account} with seed "${seed.slice(0, 20)}"`, () => {
        const id = makeAccessKeyId('ASIA', account, seed);
        expect(id).toBe(referenceKeyId('ASIA', account, seed));
        expect(accountFromAccessKeyId(id)).toBe(account);
      });
    }
  }
});

describe('random strings draw the same characters as before', () => {
  const cases: [string, 'upper' | 'alnum' | 'secret', string][] = [
    ['upper', 'upper', B32],
    ['alnum', 'alnum', ALNUM],
    ['secret', 'secret', ALNUM + '+/'],
  ];
  for (const [name, alphabet, chars] of cases) {
    for (const n of [0, 1, 40, 340, 3000]) {
      it(`${n} ${name} characters`, () => {
        expect(randomString(seeded(`s${n}`), n, alphabet)).toBe(referenceString(seeded(`s${n}`), n, chars));
      });
    }
  }
  it('a secret key and session token from one seed', () => {
    const rnd = seeded('bench|assume#secret');
    expect(makeSecrets('bench|assume')).toEqual({ secret: referenceString(rnd, 40, ALNUM + '+/'), token: 'IQoJb3JpZ2luX2Vj' + referenceString(rnd, 340, ALNUM + '+/') });
  });
});
