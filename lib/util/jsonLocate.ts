/**
 * Maps a validation path (`steps[2].params.RoleArn`) to a range of the JSON text, so the
 * editor can underline the exact value. A small position-recording JSON reader: it stops
 * quietly at the first syntax error and locates what it read so far.
 */

/** A range of the text, as offsets. */
export interface TextRange {
  from: number;
  to: number;
}

/** What the reader records for one value. */
interface Node {
  /** The value's own range. */
  value: TextRange;
  /** The key's range, when the value is an object member. */
  key?: TextRange;
  /** Members, for objects (in text order). */
  members?: { name: string; node: Node }[];
  /** Items, for arrays. */
  items?: Node[];
}

class Reader {
  pos = 0;
  /** Offset of the first syntax error met, if any. */
  error: number | undefined;
  constructor(readonly text: string) {}

  fail(): undefined {
    this.error ??= this.pos;
    return undefined;
  }

  ws(): void {
    while (this.pos < this.text.length && /[ \t\n\r]/.test(this.text[this.pos]!)) this.pos++;
  }

  string(): string | undefined {
    if (this.text[this.pos] !== '"') return undefined;
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === '\\') this.pos += 2;
      else if (c === '"') {
        this.pos++;
        try {
          return JSON.parse(this.text.slice(start, this.pos)) as string;
        } catch {
          return this.text.slice(start + 1, this.pos - 1);
        }
      } else this.pos++;
    }
    // Unterminated: point at the opening quote, where the reader can see the problem.
    this.pos = start;
    return undefined;
  }

  /** A string or literal at `pos`, or undefined (with the error recorded) when there is none. */
  scalar(): Node | undefined {
    const from = this.pos;
    if (this.text[this.pos] === '"') {
      if (this.string() === undefined) return this.fail();
      return { value: { from, to: this.pos } };
    }
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!m) return this.fail();
    this.pos += m[0].length;
    return { value: { from, to: this.pos } };
  }

  /**
   * Reads one JSON value and returns its tree. Iterative (an explicit stack of open objects
   * and arrays), so text nested to any depth cannot exhaust the call stack. At the first
   * syntax error it stops and returns what it read so far: the root, unless the root itself
   * is a broken string or literal.
   */
  value(): Node | undefined {
    const stack: { node: Node; key?: TextRange; name?: string }[] = [];
    let root: Node | undefined;
    const attach = (node: Node): void => {
      const top = stack[stack.length - 1];
      if (!top) root = node;
      else if (top.node.members) {
        node.key = top.key;
        top.node.members.push({ name: top.name ?? '', node });
      } else top.node.items!.push(node);
    };
    /** Reads `"name":` of an object member into the top frame; false at a syntax error. */
    const memberKey = (): boolean => {
      const top = stack[stack.length - 1]!;
      this.ws();
      const keyFrom = this.pos;
      const name = this.string();
      if (name === undefined) return this.fail() ?? false;
      top.key = { from: keyFrom, to: this.pos };
      top.name = name;
      this.ws();
      if (this.text[this.pos] !== ':') return this.fail() ?? false;
      this.pos++;
      return true;
    };
    for (;;) {
      // Read a value: the root, an array item, or an object member's value.
      this.ws();
      const from = this.pos;
      const c = this.text[this.pos];
      if (c === '{' || c === '[') {
        this.pos++;
        const node: Node = c === '{' ? { value: { from, to: this.text.length }, members: [] } : { value: { from, to: this.text.length }, items: [] };
        attach(node);
        this.ws();
        if (this.text[this.pos] === (c === '{' ? '}' : ']')) {
          this.pos++;
          node.value.to = this.pos;
        } else {
          stack.push({ node });
          if (c === '{' && !memberKey()) return root;
          continue;
        }
      } else {
        const node = this.scalar();
        if (!node) return root;
        attach(node);
      }
      // A value is complete: close every container that ends here, then go on to the next value.
      for (;;) {
        const top = stack[stack.length - 1];
        if (!top) return root;
        this.ws();
        const close = top.node.members ? '}' : ']';
        if (this.text[this.pos] === ',') {
          this.pos++;
          if (top.node.members && !memberKey()) return root;
          break;
        }
        if (this.text[this.pos] !== close) {
          this.fail();
          return root;
        }
        this.pos++;
        top.node.value.to = this.pos;
        stack.pop();
      }
    }
  }
}

/**
 * Splits a path such as `world.roles[0].trustPolicy.Condition.StringEquals.token.actions.githubusercontent.com:aud`
 * against the tree: object keys may themselves contain dots, so each object step takes the
 * longest member name that the rest of the path starts with.
 */
function walk(root: Node, path: string): { node: Node; exact: boolean } {
  let node = root;
  let rest = path;
  while (rest.length) {
    if (rest.startsWith('.')) rest = rest.slice(1);
    const idx = /^\[(\d+)\]/.exec(rest);
    if (idx) {
      const item = node.items?.[Number(idx[1])];
      if (!item) return { node, exact: false };
      node = item;
      rest = rest.slice(idx[0].length);
      continue;
    }
    let best: { name: string; node: Node } | undefined;
    for (const m of node.members ?? []) {
      if (rest === m.name || rest.startsWith(`${m.name}.`) || rest.startsWith(`${m.name}[`)) {
        if (!best || m.name.length > best.name.length) best = m;
      }
    }
    if (!best) return { node, exact: false };
    node = best.node;
    rest = rest.slice(best.name.length);
  }
  return { node, exact: true };
}

/**
 * Finds the text range a validation issue points at.
 * @param text the JSON text (may be cut short by a syntax error)
 * @param path a path as the engine reports it (`steps[2].params.RoleArn`; empty for the whole file)
 * @returns the value's range when the path exists; otherwise the key (or opening brace) of the
 *   deepest part that exists, so "required" and "unknown field" problems still land near their place
 * @example locatePath('{"a":[1,2]}', 'a[1]') // { from: 8, to: 9 }
 */
export function locatePath(text: string, path: string): TextRange {
  const root = new Reader(text).value();
  if (!root) return { from: 0, to: Math.min(text.length, 1) };
  const { node, exact } = walk(root, path);
  if (exact) {
    // A whole object or array is too much to underline: mark its key, or its first line.
    if ((node.members || node.items) && node.key) return node.key;
    if (node.members || node.items) return { from: node.value.from, to: node.value.from + 1 };
    return node.value;
  }
  if (node.key) return node.key;
  return { from: node.value.from, to: node.value.from + 1 };
}

/**
 * Where JSON text stops being valid JSON: the offset of the first syntax error, or undefined
 * when it parses. Browsers word JSON.parse errors differently (and some give no position).
 * @example syntaxErrorAt('{"a": oops}') // 6
 */
export function syntaxErrorAt(text: string): number | undefined {
  const r = new Reader(text);
  r.value();
  if (r.error !== undefined) return r.error;
  r.ws();
  return r.pos < text.length ? r.pos : undefined;
}

/** Offset of a 1-based line and column, clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let pos = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) return text.length;
    pos = nl + 1;
  }
  return Math.min(text.length, pos + Math.max(0, column - 1));
}

/** 1-based line and column of an offset. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Locates an issue as the engine reports it: a JSON syntax error carries "line L, column C"
 * in its message and an empty path; any other issue carries a path.
 * @example locateIssue(text, { path: '', message: 'not valid JSON at line 3, column 5: …' })
 */
export function locateIssue(text: string, issue: { path: string; message: string }): TextRange {
  if (!issue.path && /JSON/.test(issue.message)) {
    const m = /line (\d+),? column (\d+)/.exec(issue.message);
    // The engine's line and column win (it may point before the token where parsing stopped).
    const at = (m ? offsetOf(text, Number(m[1]), Number(m[2])) : undefined) ?? syntaxErrorAt(text);
    if (at !== undefined) return { from: at, to: Math.min(text.length, at + 1) };
  }
  return locatePath(text, issue.path);
}
