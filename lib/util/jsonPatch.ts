/** A small RFC 6902 JSON Patch (add, replace, remove) that returns a new document. */

/** One patch operation. */
export interface PatchOp {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** Escapes one JSON Pointer segment. */
export const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Applies a patch to a deep copy of `doc`.
 * @returns the patched copy, or undefined when a path does not exist
 * @example applyPatch({ a: [1] }, [{ op: 'add', path: '/a/-', value: 2 }]) // { a: [1, 2] }
 */
export function applyPatch<T>(doc: T, ops: PatchOp[]): T | undefined {
  const copy = structuredClone(doc) as unknown;
  for (const op of ops) {
    const parts = op.path.split('/').slice(1).map(unescape);
    const last = parts.pop();
    if (last === undefined) return undefined;
    let cur: unknown = copy;
    for (const p of parts) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[p];
    }
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      const idx = last === '-' ? cur.length : Number(last);
      if (!Number.isInteger(idx) || idx < 0 || idx > cur.length) return undefined;
      if (op.op === 'add') cur.splice(idx, 0, structuredClone(op.value));
      else if (idx >= cur.length) return undefined;
      else if (op.op === 'replace') cur[idx] = structuredClone(op.value);
      else cur.splice(idx, 1);
    } else {
      const o = cur as Record<string, unknown>;
      if (op.op !== 'add' && !(last in o)) return undefined;
      if (op.op === 'remove') delete o[last];
      else o[last] = structuredClone(op.value);
    }
  }
  return copy as T;
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
