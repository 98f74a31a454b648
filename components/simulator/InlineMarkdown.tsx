import { Fragment, type ReactNode } from 'react';
import { safeHref } from '@/lib/lessons/markdown';
import { withBase } from '@/lib/content/basePath';

/**
 * Renders the small Markdown subset scenario summaries use: `code`, **bold**, *emphasis* and
 * [links](https://…). Everything else is plain text (never HTML).
 */
export function InlineMarkdown({ text }: { text: string }) {
  const out: ReactNode[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+|\/[^)\s]*)\)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(<Fragment key={k++}>{text.slice(last, m.index)}</Fragment>);
    if (m[1] !== undefined) out.push(<code key={k++}>{m[1]}</code>);
    else if (m[2] !== undefined) out.push(<strong key={k++}>{m[2]}</strong>);
    else if (m[3] !== undefined) out.push(<em key={k++}>{m[3]}</em>);
    else {
      // A site path must stay on this site once the browser resolves it (`/\\evil.example` does not), and follows the base path.
      const href = m[5]!.startsWith('/') ? safeHref(m[5]!) : m[5];
      out.push(href ? <a key={k++} href={withBase(href)}>{m[4]}</a> : <Fragment key={k++}>{m[0]}</Fragment>);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(<Fragment key={k}>{text.slice(last)}</Fragment>);
  return <>{out}</>;
}

/** Plain text of a summary (for the library's one-line previews). */
export function plainMarkdown(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\*([^*]+)\*/g, '$1').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}
