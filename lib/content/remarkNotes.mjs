/**
 * The remark plugin for the study notes (content/notes/*.mdx), shared by the Next.js MDX
 * loader (next.config.js names this file) and the build-time note loader (lib/content/notes.ts).
 * Plain JavaScript so the MDX loader can import it without a TypeScript step.
 *
 * It does two things:
 * 1. Explicit, stable heading ids. Every `##` and `###` heading ends with `{/*the-id*\/}`
 *    (react.dev's convention): an MDX comment, so it is valid MDX and renders nothing. The id
 *    is taken from it, so editing the heading text never breaks a deep link. A `##`/`###`
 *    without one, a duplicate id, or a `#` heading (the page renders the title) fails the build.
 * 2. Pipe tables. MDX without remark-gfm parses a GitHub-style table as one paragraph; this
 *    turns such a paragraph into an mdast `table`, keeping inline code, links and inline JSX
 *    (`<Limit … />`) inside cells.
 */

/** Kebab-case, the only shape a heading id may have. */
export const headingIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const idComment = /^\/\*\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*\*\/$/;

/**
 * Plain text of an mdast node (text, inline code, and the text inside inline JSX).
 * @param {import('mdast').Nodes | any} node
 * @returns {string}
 */
export function toPlainText(node) {
  if (!node || typeof node !== 'object') return '';
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value ?? '';
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression' || node.type === 'mdxjsEsm') return '';
  if (Array.isArray(node.children)) return node.children.map(toPlainText).join('');
  return '';
}

/**
 * Reads and removes the `{/*id*\/}` marker at the end of a heading.
 * @param {any} heading an mdast heading
 * @returns {{ id: string | undefined, text: string }}
 */
export function takeHeadingId(heading) {
  const children = heading.children ?? [];
  let id;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child.type === 'text' && child.value.trim() === '') continue;
    if (child.type === 'mdxTextExpression') {
      const m = idComment.exec(String(child.value).trim());
      if (m) {
        id = m[1];
        children.splice(i, 1);
      }
    }
    break;
  }
  // Drop the space that separated the text from the marker.
  const last = children[children.length - 1];
  if (last && last.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return { id, text: toPlainText(heading).trim() };
}

/**
 * Walks every node depth-first, parents before children.
 * @param {any} node
 * @param {(node: any, index: number | undefined, parent: any) => void} visit
 */
function walk(node, visit, index, parent) {
  visit(node, index, parent);
  if (Array.isArray(node.children)) {
    for (let i = 0; i < node.children.length; i++) walk(node.children[i], visit, i, node);
  }
}

/**
 * Sets `data.hProperties.id` on every `##`/`###` heading and returns them in order.
 * @param {any} tree an mdast root
 * @returns {{ headings: { depth: 2 | 3, id: string, text: string }[], problems: string[] }}
 */
export function applyHeadingIds(tree) {
  /** @type {{ depth: 2 | 3, id: string, text: string }[]} */
  const headings = [];
  /** @type {string[]} */
  const problems = [];
  const seen = new Set();
  walk(tree, (node) => {
    if (node.type !== 'heading') return;
    const where = node.position ? `line ${node.position.start.line}` : 'a heading';
    if (node.depth === 1) {
      problems.push(`${where}: notes must not use a # heading; the page renders the title as <h1>`);
      return;
    }
    const { id, text } = takeHeadingId(node);
    if (node.depth > 3) {
      if (id) node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
      return;
    }
    if (!id) {
      problems.push(`${where}: heading "${text}" has no explicit id; end it with {/*some-id*/}`);
      return;
    }
    if (seen.has(id)) problems.push(`${where}: duplicate heading id "${id}"`);
    seen.add(id);
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
    headings.push({ depth: /** @type {2 | 3} */ (node.depth), id, text });
  });
  return { headings, problems };
}

/**
 * Splits a paragraph's inline nodes into lines (on the newlines of text nodes).
 * @param {any[]} nodes
 * @returns {any[][]}
 */
function splitLines(nodes) {
  /** @type {any[][]} */
  const lines = [[]];
  for (const node of nodes) {
    if (node.type === 'text') {
      const parts = node.value.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part !== '') lines[lines.length - 1].push({ type: 'text', value: part });
      });
    } else if (node.type === 'break') {
      lines.push([]);
    } else {
      lines[lines.length - 1].push(node);
    }
  }
  return lines;
}

/**
 * Splits one line's inline nodes into cells on the `|` characters of its text nodes.
 * @param {any[]} line
 * @returns {any[][]}
 */
function splitCells(line) {
  /** @type {any[][]} */
  const cells = [[]];
  for (const node of line) {
    if (node.type !== 'text') {
      cells[cells.length - 1].push(node);
      continue;
    }
    const parts = node.value.split('|');
    parts.forEach((part, i) => {
      if (i > 0) cells.push([]);
      if (part !== '') cells[cells.length - 1].push({ type: 'text', value: part });
    });
  }
  // A row starts and ends with a pipe: drop the empty cells outside them.
  const isBlank = (/** @type {any[]} */ c) => c.every((n) => n.type === 'text' && n.value.trim() === '');
  if (cells.length && isBlank(cells[0])) cells.shift();
  if (cells.length && isBlank(cells[cells.length - 1])) cells.pop();
  return cells.map(trimCell);
}

/** @param {any[]} cell */
function trimCell(cell) {
  const out = cell.map((n) => ({ ...n }));
  const first = out[0];
  if (first && first.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last && last.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return out.filter((n) => !(n.type === 'text' && n.value === ''));
}

const delimiterRow = /^\s*\|?(\s*:?-+:?\s*\|)+(\s*:?-+:?\s*)?\|?\s*$/;

/**
 * Turns a paragraph that is a pipe table into an mdast table, or returns undefined.
 * @param {any} paragraph
 */
function paragraphToTable(paragraph) {
  const lines = splitLines(paragraph.children ?? []);
  if (lines.length < 2) return undefined;
  const startsWithPipe = (/** @type {any[]} */ l) => l[0]?.type === 'text' && l[0].value.trimStart().startsWith('|');
  if (!lines.every(startsWithPipe)) return undefined;
  const second = lines[1];
  if (second.length !== 1 || !delimiterRow.test(second[0].value)) return undefined;
  const align = second[0].value
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((/** @type {string} */ s) => {
      const t = s.trim();
      if (t.startsWith(':') && t.endsWith(':')) return 'center';
      if (t.endsWith(':')) return 'right';
      if (t.startsWith(':')) return 'left';
      return null;
    });
  const rows = [lines[0], ...lines.slice(2)].map(splitCells);
  const width = align.length;
  return {
    type: 'table',
    align,
    children: rows.map((cells) => ({
      type: 'tableRow',
      children: Array.from({ length: width }, (_, i) => ({ type: 'tableCell', children: cells[i] ?? [] })),
    })),
  };
}

/**
 * Replaces every pipe-table paragraph in the tree with a table node.
 * @param {any} tree
 * @returns {number} how many tables were made
 */
export function applyPipeTables(tree) {
  let count = 0;
  walk(tree, (node) => {
    if (!Array.isArray(node.children)) return;
    node.children = node.children.map((/** @type {any} */ child) => {
      if (child.type !== 'paragraph') return child;
      const table = paragraphToTable(child);
      if (!table) return child;
      count++;
      return { ...table, position: child.position };
    });
  });
  return count;
}

/**
 * The remark plugin: heading ids, then tables. Fails the file on a heading problem.
 * @returns {(tree: any, file: any) => void}
 */
export default function remarkNotes() {
  return (tree, file) => {
    const { problems } = applyHeadingIds(tree);
    if (problems.length) file.fail(problems.join('\n'));
    applyPipeTables(tree);
  };
}
