/**
 * A small RFC 6902 JSON Patch (add, replace, remove) that returns a new document. It copies
 * only the containers along each op's path and shares the rest with the input, so the work is
 * bounded by the path's length, whatever the document's size or depth.
 */

/** One patch operation. */
export interface PatchOp {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Escapes one JSON Pointer segment. */
export const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

type Container = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';
const shallow = (c: Container): Container => (Array.isArray(c) ? [...c] : { ...c });
/** Reads an own member only: a pointer segment such as `__proto__` names nothing. */
const child = (c: Container, key: string): unknown => (Object.hasOwn(c, key) ? (c as Record<string, unknown>)[key] : undefined);
const setChild = (c: Container, key: string, v: unknown): void => {
  Object.defineProperty(c, key, { value: v, writable: true, enumerable: true, configurable: true });
};

/**
 * Applies a patch without modifying `doc`. The patch's values are copied in, so later ops
 * and later patches never change them either.
 * @returns the patched document, or undefined when a path does not exist
 * @example applyPatch({ a: [1] }, [{ op: 'add', path: '/a/-', value: 2 }]) // { a: [1, 2] }
 */
export function applyPatch<T>(doc: T, ops: PatchOp[]): T | undefined {
  let root: unknown = doc;
  // Containers already copied by this call, which later ops may modify in place.
  const own = new Set<unknown>();
  for (const op of ops) {
    const parts = op.path.split('/').slice(1).map(unescape);
    const last = parts.pop();
    if (last === undefined || !isContainer(root)) return undefined;
    if (!own.has(root)) {
      root = shallow(root);
      own.add(root);
    }
    let cur = root as Container;
    for (const p of parts) {
      const next = child(cur, p);
      if (!isContainer(next)) return undefined;
      const copy = own.has(next) ? next : shallow(next);
      own.add(copy);
      if (Array.isArray(cur)) cur[Number(p)] = copy;
      else setChild(cur, p, copy);
      cur = copy;
    }
    const value = op.op === 'remove' ? undefined : structuredClone(op.value);
    if (Array.isArray(cur)) {
      const idx = last === '-' ? cur.length : /^(0|[1-9]\d*)$/.test(last) ? Number(last) : NaN;
      if (!Number.isInteger(idx) || idx < 0 || idx > cur.length) return undefined;
      if (op.op === 'add') cur.splice(idx, 0, value);
      else if (idx >= cur.length) return undefined;
      else if (op.op === 'replace') cur[idx] = value;
      else cur.splice(idx, 1);
    } else {
      if (op.op !== 'add' && !Object.hasOwn(cur, last)) return undefined;
      if (op.op === 'remove') delete cur[last];
      else setChild(cur, last, value);
    }
  }
  return root as T;
}

/**
 * Reads the value at a JSON Pointer, own properties only (never a prototype member).
 * @returns the value, or undefined when the path names nothing
 * @example readPointer({ a: [1, 2] }, '/a/1') // 2
 */
export function readPointer(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const seg of pointer.split('/').slice(1).map(unescape)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
