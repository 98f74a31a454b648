/**
 * Build-time loader for the study notes (content/notes/*.mdx). Server-side only: reads the
 * file system and validates each note's `export const metadata = {…}` with zod. It parses
 * the MDX (without compiling it) to list headings for the table of contents, the sections
 * for the search index, and the scenarios, limits and related notes a note uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import { z } from 'zod';
import { formatLimit, type LimitFormat, type LimitName } from './limitText';
import { limits } from '../sts/limits';
import { componentHeadings, isHeadingComponent } from './noteHeadings';
import { applyHeadingIds, applyPipeTables, headingIdPattern, toPlainText, type NoteHeading } from './remarkNotes.mjs';

/** A note's metadata, the `export const metadata = {…}` object (JSON) at the top of its file. */
export const NoteMetaSchema = z.strictObject({
  /** The page title and its <h1>. */
  title: z.string().min(3).max(80),
  /** One or two sentences: the index card, the meta description and search results. */
  description: z.string().min(30).max(320),
  /** How much the reader should know first. */
  level: z.enum(['foundation', 'core', 'advanced']),
  /** The exams the note matters most for. */
  exams: z.array(z.enum(['associate', 'security'])).min(1),
  /** The day the note was last checked against AWS's documentation (YYYY-MM-DD), shown on the page. */
  lastChecked: z.iso.date(),
});

/** A note's metadata. */
export type NoteMeta = z.infer<typeof NoteMetaSchema>;

/** A section of a note, for the search index. */
export interface NoteSection {
  /** The heading id, or '' for the text before the first heading. */
  anchor: string;
  /** The heading text, or the note title for the opening text. */
  heading: string;
  /** Plain text of the section. */
  text: string;
}

/** Everything the site needs to know about one note, without compiling it. */
export interface NoteInfo {
  /** File name without `.mdx`; the URL is `/notes/<slug>/`. */
  slug: string;
  /** Validated metadata. */
  meta: NoteMeta;
  /** `##`/`###` headings in order, including the ones components render. */
  headings: NoteHeading[];
  /** Sections for search. */
  sections: NoteSection[];
  /** Ids of the `<Scenario id>` elements. */
  scenarioIds: string[];
  /** Names used in `<Limit name>`. */
  limitNames: string[];
  /** Slugs named by `<Related notes="…">`. */
  relatedSlugs: string[];
  /** How many `<Diagram>` elements the note has. */
  diagramCount: number;
  /** Names of every JSX element used. */
  components: string[];
  /** Estimated reading time. */
  readingMinutes: number;
  /** Problems found while reading (bad heading ids, …); the tests fail on any. */
  problems: string[];
  /** The raw MDX source. */
  source: string;
}

/** Where the notes live. */
export const notesDir = path.join(process.cwd(), 'content', 'notes');

/** Slugs of every note file, sorted. */
export function listNoteSlugs(): string[] {
  return readdirSync(notesDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** A loosely typed mdast/MDX node: enough for reading, not for building. */
interface AnyNode {
  type: string;
  name?: string | null;
  value?: string;
  depth?: number;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: AnyNode[];
  data?: { hProperties?: { id?: string } };
}

const metadataExport = /^export\s+const\s+metadata\s*=\s*([\s\S]*?);?\s*$/;

/**
 * Reads the metadata object from a note's ESM block. It must be plain JSON, so the loader
 * can read it without evaluating code.
 */
function readMetadata(tree: AnyNode, slug: string): NoteMeta {
  const esm = (tree.children ?? []).find((n) => n.type === 'mdxjsEsm' && metadataExport.test(n.value ?? ''));
  if (!esm) throw new Error(`content/notes/${slug}.mdx: missing "export const metadata = {…}"`);
  const literal = metadataExport.exec(esm.value ?? '')?.[1] ?? '';
  let raw: unknown;
  try {
    raw = JSON.parse(literal);
  } catch (e) {
    throw new Error(`content/notes/${slug}.mdx: metadata must be a JSON object (${(e as Error).message})`, { cause: e });
  }
  const parsed = NoteMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `metadata.${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`content/notes/${slug}.mdx: ${issues}`);
  }
  return parsed.data;
}

/** A string attribute of a JSX element. */
function attr(node: AnyNode, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

function walk(node: AnyNode, visit: (n: AnyNode) => void): void {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
}

const cache = new Map<string, NoteInfo>();

/**
 * The text a reader sees for an mdast node, for the search index: numbers that notes render
 * from data (<Limit>) are written out, and table cells, rows and list items are kept apart
 * instead of running together.
 * @example renderedText(limitNode) // '3,600 seconds (1 hour)'
 */
function renderedText(node: AnyNode): string {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    if (node.name === 'Limit') {
      const name = attr(node, 'name');
      return name && Object.hasOwn(limits, name) ? formatLimit(name as LimitName, attr(node, 'as') as LimitFormat | undefined) : '';
    }
    if (node.name === 'Scenario' || node.name === 'Related' || node.name === 'Diagram') return '';
  }
  const children = node.children ?? [];
  if (node.type === 'table') return children.map(renderedText).filter(Boolean).join('. ') + '.';
  if (node.type === 'tableRow') return children.map(renderedText).filter(Boolean).join(' · ');
  if (node.type === 'list') return children.map(renderedText).filter(Boolean).join('; ') + '.';
  if (node.type === 'paragraph' || node.type === 'listItem' || node.type === 'blockquote') {
    const inner = children.map(renderedText).join(node.type === 'paragraph' ? '' : ' ').trim();
    return node.type === 'listItem' ? inner.replace(/[.;:]$/, '') : inner;
  }
  if (children.length && (node.type === 'mdxJsxFlowElement' || node.type === 'root')) return children.map(renderedText).join(' ');
  if (children.length) return children.map(renderedText).join('');
  return toPlainText(node);
}

/**
 * Parses one note's source.
 * @param slug the note's slug (for messages)
 * @param source the MDX text
 * @returns what the site and tests need, without compiling
 * @example analyzeNote('assume-role', text).headings.map(h => h.id)
 */
export function analyzeNote(slug: string, source: string): NoteInfo {
  const processor = createProcessor({ format: 'mdx' });
  const tree = processor.parse(source) as unknown as AnyNode;
  const { headings: explicit, problems } = applyHeadingIds(tree as never);
  applyPipeTables(tree as never);
  const meta = readMetadata(tree, slug);

  const headings: NoteHeading[] = [];
  const sections: NoteSection[] = [{ anchor: '', heading: meta.title, text: '' }];
  const scenarioIds: string[] = [];
  const limitNames: string[] = [];
  const relatedSlugs: string[] = [];
  const components = new Set<string>();
  let diagramCount = 0;
  let explicitIndex = 0;
  let words = 0;

  const current = () => sections[sections.length - 1]!;
  const addText = (text: string) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t) return;
    current().text = current().text ? `${current().text} ${t}` : t;
    words += t.split(' ').length;
  };

  for (const node of tree.children ?? []) {
    walk(node, (n) => {
      if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name) {
        components.add(n.name);
        if (n.name === 'Scenario') {
          const id = attr(n, 'id');
          if (id) scenarioIds.push(id);
          else problems.push('<Scenario> without an id attribute');
        }
        if (n.name === 'Limit') {
          const name = attr(n, 'name');
          if (name) limitNames.push(name);
          else problems.push('<Limit> without a name attribute');
        }
        if (n.name === 'Related') relatedSlugs.push(...(attr(n, 'notes') ?? '').split(/\s+/).filter(Boolean));
        if (n.name === 'Diagram') {
          diagramCount++;
          if (!attr(n, 'title')) problems.push('<Diagram> without a title attribute');
          if (!n.children?.length) problems.push('<Diagram> without a text alternative (its children)');
        }
      }
    });

    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) {
      const h = explicit[explicitIndex++];
      if (h) {
        headings.push(h);
        sections.push({ anchor: h.id, heading: h.text, text: '' });
      }
      continue;
    }
    if (node.type === 'mdxJsxFlowElement' && isHeadingComponent(node.name)) {
      const h = componentHeadings[node.name];
      headings.push({ depth: 2, id: h.id, text: h.text });
      sections.push({ anchor: h.id, heading: h.text, text: '' });
    }
    if (node.type === 'mdxjsEsm') continue;
    addText(renderedText(node));
  }

  const ids = headings.map((h) => h.id);
  for (const id of ids) if (!headingIdPattern.test(id)) problems.push(`heading id "${id}" is not kebab-case`);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) problems.push(`duplicate heading id "${dup}"`);

  return {
    slug,
    meta,
    headings,
    sections: sections.filter((s) => s.text !== '' || s.anchor !== ''),
    scenarioIds,
    limitNames,
    relatedSlugs,
    diagramCount,
    components: [...components].sort(),
    readingMinutes: Math.max(1, Math.round(words / 200)),
    problems,
    source,
  };
}

/**
 * Loads one note by slug (cached per process).
 * @throws when the file is missing or its metadata is invalid
 */
export function loadNote(slug: string): NoteInfo {
  const hit = cache.get(slug);
  if (hit) return hit;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw new Error(`not a note slug: ${slug}`);
  const info = analyzeNote(slug, readFileSync(path.join(notesDir, `${slug}.mdx`), 'utf8'));
  cache.set(slug, info);
  return info;
}

/** Every note, sorted by slug. */
export function loadAllNotes(): NoteInfo[] {
  return listNoteSlugs().map(loadNote);
}
