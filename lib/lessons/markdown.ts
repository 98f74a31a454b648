/**
 * A deliberately small markdown subset for slide text: paragraphs, `- ` lists, **bold**,
 * *italic*, `code` and [links](/notes/x/) to this site's pages. It returns a tree, never HTML, so slide text
 * from a shared link cannot inject markup.
 */

/** An inline run of text. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

/** A block of slide text. */
export type Block = { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; items: Inline[][] };

/** A stand-in origin for resolving links: a link survives only if it stays on it. */
const SITE = 'https://site.invalid';

/**
 * Only links to a path on this site (or a fragment of this page) survive; anything else stays
 * plain text. A link from a shared lesson is the author's text, so it is resolved the way a
 * browser would (`/\evil.example` is `//evil.example`, another host) rather than matched by
 * pattern.
 * @example safeHref('/notes/x/') // '/notes/x/'; safeHref('/\\evil.example') // undefined
 */
export function safeHref(href: string): string | undefined {
  // Backslashes, spaces and control characters have no place in our own links.
  if (/[\\\s\u0000-\u001f\u007f]/.test(href)) return undefined;
  if (/^#[\w-]*$/.test(href)) return href;
  if (!href.startsWith('/')) return undefined;
  let url: URL;
  try {
    url = new URL(href, SITE);
  } catch {
    return undefined;
  }
  if (url.origin !== SITE) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

const inlinePattern = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)/;

/**
 * Parses inline markup.
 * @param source one paragraph's or list item's text
 * @returns inline nodes
 * @example parseInline('use **BoolIfExists**') // [text, strong]
 */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let rest = source;
  while (rest) {
    const m = inlinePattern.exec(rest);
    if (!m) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ kind: 'text', text: rest.slice(0, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'strong', children: parseInline(m[2]) });
    else if (m[3] !== undefined) out.push({ kind: 'em', children: parseInline(m[3]) });
    else {
      const href = safeHref(m[5] ?? '');
      const children = parseInline(m[4] ?? '');
      out.push(href ? { kind: 'link', href, children } : { kind: 'text', text: m[0] });
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

/**
 * Parses slide text into blocks: blank lines separate blocks; lines starting `- ` or `* ` form a list.
 * @param source the slide text
 * @returns the blocks
 * @example parseBlocks('Intro\n\n- one\n- two') // [paragraph, list]
 */
export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(para.join(' ')) });
      para = [];
    };
    const flushList = () => {
      if (items.length) blocks.push({ kind: 'list', items: items.map(parseInline) });
      items = [];
    };
    for (const line of lines) {
      const item = /^[-*]\s+(.*)$/.exec(line);
      if (item) {
        flushPara();
        items.push(item[1] ?? '');
      } else if (items.length && !para.length && /^\s/.test(line)) {
        items[items.length - 1] += ` ${line}`;
      } else {
        flushList();
        para.push(line);
      }
    }
    flushPara();
    flushList();
  }
  return blocks;
}

/**
 * The plain text of slide markup, for aria-live announcements and the handout's summaries.
 * @param source slide text
 * @returns text without markup
 * @example plainText('**AccessDenied**') // 'AccessDenied'
 */
export function plainText(source: string): string {
  const flat = (nodes: Inline[]): string => nodes.map((n) => ('text' in n ? n.text : flat(n.children))).join('');
  return parseBlocks(source)
    .map((b) => (b.kind === 'paragraph' ? flat(b.children) : b.items.map(flat).join('; ')))
    .join(' ');
}
