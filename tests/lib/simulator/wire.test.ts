import { describe, expect, it } from 'vitest';
import { buildSimulatorProps } from '@/lib/content/simulatorProps';
import { decodeWire, encodeWire } from '@/lib/simulator/wire';

describe('the wire format of the static simulator page (lib/simulator/wire.ts)', () => {
  it('round-trips Maps, undefined values and nested data that JSON alone would lose', () => {
    const value = {
      a: new Map<string, unknown>([
        ['x', { deep: [1, undefined, null, 'two'] }],
        ['y', new Map([[1, true]])],
      ]),
      missing: undefined,
      list: [undefined, { b: undefined }],
      text: '</script><!--',
    };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(back).toStrictEqual(value);
    expect(back.a).toBeInstanceOf(Map);
    expect('missing' in back).toBe(true);
  });

  it('keeps a plain object of the data that looks like one of its tags', () => {
    for (const value of [{ $map: [['k', 1]] }, { $undefined: 0 }, { $object: { a: 1 } }, [{ $map: 'x' }]]) {
      expect(decodeWire(encodeWire(value))).toStrictEqual(value);
    }
  });

  it('refuses what it cannot carry faithfully, naming where it is', () => {
    expect(() => encodeWire({ a: [1, new Set([1])] })).toThrow(/\$\.a\[1\]: a Set instance/);
    expect(() => encodeWire({ when: new Date(0) })).toThrow(/\$\.when: a Date instance/);
    expect(() => encodeWire({ f: () => 1 })).toThrow(/\$\.f: a function/);
    expect(() => encodeWire({ n: Number.NaN })).toThrow(/\$\.n: NaN is not JSON/);
    expect(() => encodeWire({ n: 1n })).toThrow(/a bigint/);
  });

  it('carries the props /simulator/ is built with exactly (the static page hydrates from them)', () => {
    const props = buildSimulatorProps();
    expect(props.preview?.sim.ok).toBe(true);
    expect(decodeWire(encodeWire(props))).toStrictEqual(props);
  });
});
