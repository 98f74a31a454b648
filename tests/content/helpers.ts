/** Shared readers for the content tests: the notes, their MDX trees, and prose text. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import { applyPipeTables } from '@/lib/content/remarkNotes.mjs';

/** A loosely typed mdast/MDX node. */
export interface Node {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

/** The MDX tree of a note (parsed, tables applied, not compiled). */
export function noteTree(slug: string): Node {
  const source = readFileSync(path.join(process.cwd(), 'content', 'notes', `${slug}.mdx`), 'utf8');
  const tree = createProcessor({ format: 'mdx' }).parse(source) as unknown as Node;
  applyPipeTables(tree as never);
  return tree;
}

/** Calls `visit` for every node, parents first. */
export function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

const blockTypes = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote']);

/**
 * The prose of a note, one string per block (paragraph, heading, table cell), without code,
 * inline code, ESM or JSX attributes: where a hard-coded number would be read as a claim.
 */
export function proseBlocks(tree: Node): string[] {
  const out: string[] = [];
  const text = (n: Node): string => {
    if (n.type === 'text') return n.value ?? '';
    if (n.type === 'inlineCode' || n.type === 'code' || n.type === 'mdxjsEsm' || n.type.startsWith('mdxFlowExpression') || n.type === 'mdxTextExpression') return ' ';
    if (n.type === 'mdxJsxTextElement' || n.type === 'mdxJsxFlowElement') return ` ${(n.children ?? []).map(text).join('')} `;
    return (n.children ?? []).map(text).join('');
  };
  walk(tree, (n) => {
    if (!blockTypes.has(n.type)) return;
    if (n.type === 'listItem' || n.type === 'blockquote') return; // their paragraphs are visited
    out.push(text(n).replace(/\s+/g, ' ').trim());
  });
  return out.filter(Boolean);
}

/** The value of a string attribute of a JSX element. */
export function attr(node: Node, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}
