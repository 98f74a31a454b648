import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_SHARE_BYTES, decodeShare, encodeShare, inflateCapped } from '@/lib/simulator/share';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share links unpack to at most MAX_SHARE_BYTES', () => {
  it('round-trips a scenario', () => {
    expect(decodeShare(encodeShare('{"a":1}'))).toEqual({ ok: true, value: '{\n  "a": 1\n}' });
  });

  it('refuses a deflate bomb (about 100 kB that inflates to 100 MB) with a clear message, without unpacking it', () => {
    // Given a link whose data inflates to 100 MB of "["
    const bomb = deflateSync(new Uint8Array(100_000_000).fill(91), { level: 9 });
    expect(bomb.length).toBeLessThan(131_000);
    // When it is decoded
    const r = decodeShare(b64url(bomb));
    // Then it is refused, saying why
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/more than 1 MB of scenario text once unpacked/) as unknown });
  });

  it('accepts exactly the limit and refuses one byte more', () => {
    const at = deflateSync(new Uint8Array(MAX_SHARE_BYTES).fill(32));
    const over = deflateSync(new Uint8Array(MAX_SHARE_BYTES + 1).fill(32));
    expect(inflateCapped(at, MAX_SHARE_BYTES)).toHaveLength(MAX_SHARE_BYTES);
    expect(inflateCapped(over, MAX_SHARE_BYTES)).toBe('too-large');
  });

  it.each([
    ['not base64url', '!!!', /not valid base64url/],
    ['cut short', encodeShare(JSON.stringify({ a: 'x'.repeat(2000), b: Array.from({ length: 300 }, (_, i) => i) })).slice(0, 40), /does not decompress/],
    ['not deflate at all', b64url(new Uint8Array([255, 255, 255, 255, 255])), /does not decompress/],
  ])('says a link that is %s is damaged', (_name, payload, message) => {
    const r = decodeShare(payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('opens the 30-character link from the issue (5,000 "[") as text: the page, not the decoder, must cope with it', () => {
    const r = decodeShare('7cAxAQAAAMKgoPbvYYp9MAAAAAAgdw');
    expect(r.ok && r.value).toBe('['.repeat(5000));
  });
});
