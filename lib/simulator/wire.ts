/**
 * JSON for the build-time simulator preview, keeping what JSON alone would lose: `Map`s (the
 * engine's world keys accounts, principals and keys by ARN) and `undefined` values. The static
 * simulator page (scripts/static-notes.mjs) ships the preview this way instead of as React's
 * payload, and the page hydrates from exactly the objects the build rendered.
 *
 * Tags are one-key objects (`{"$map": [[k, v], …]}`, `{"$undefined": 0}`); a plain object of
 * the data that looks like a tag is wrapped (`{"$object": {…}}`), so any value round-trips.
 */

/** Values the encoder accepts: JSON's, plus Map and undefined. */
export type WireValue = unknown;

const TAGS = new Set(['$map', '$undefined', '$object']);

/** True for an object whose only key is one of the tags. */
function looksTagged(o: Record<string, unknown>): boolean {
  const keys = Object.keys(o);
  return keys.length === 1 && TAGS.has(keys[0] ?? '');
}

/**
 * The JSON-safe form of `value`.
 * @throws {TypeError} for a value JSON cannot carry faithfully (a function, a Set, a Date, a
 *   class instance, a non-finite number, a bigint, a symbol): the build fails instead of shipping
 *   a preview that differs from the one it rendered
 */
function toWire(value: unknown, where: string): unknown {
  if (value === undefined) return { $undefined: 0 };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${where}: ${value} is not JSON`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => toWire(v, `${where}[${i}]`));
  if (value instanceof Map) return { $map: [...value].map(([k, v], i) => [toWire(k, `${where}<key ${i}>`), toWire(v, `${where}<${String(k)}>`)]) };
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`${where}: a ${proto?.constructor?.name ?? 'class'} instance is not plain data`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toWire(v, `${where}.${k}`);
    return looksTagged(out) ? { $object: out } : out;
  }
  throw new TypeError(`${where}: a ${typeof value} is not plain data`);
}

/** The value `toWire` encoded. */
function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (looksTagged(o)) {
    if ('$undefined' in o) return undefined;
    if ('$map' in o) return new Map((o.$map as [unknown, unknown][]).map(([k, v]) => [fromWire(k), fromWire(v)]));
    return Object.fromEntries(Object.entries(o.$object as Record<string, unknown>).map(([k, v]) => [k, fromWire(v)]));
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fromWire(v)]));
}

/**
 * Encodes plain data with Maps and undefined values as a JSON string.
 * @example decodeWire(encodeWire(new Map([['a', undefined]]))) // Map { 'a' => undefined }
 */
export function encodeWire(value: WireValue): string {
  return JSON.stringify(toWire(value, '$'));
}

/** Decodes what encodeWire wrote. @throws {SyntaxError} for text that is not JSON */
export function decodeWire(text: string): unknown {
  return fromWire(JSON.parse(text));
}
