import { Fragment, type ReactNode } from 'react';
import { withBase } from '@/lib/content/basePath';

/**
 * Renders the inline Markdown of a scenario summary: `code`, **bold**, *emphasis* and
 * [links](url). Nothing else (scenario summaries are one paragraph).
 * @example <InlineMarkdown text="Pass `ExternalId`." />
 */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{renderInline(text)}</>;
}

const token = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*]+\*)|(\[[^\]]+\]\([^)\s]+\))/g;

function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let i = 0;
  for (const m of text.matchAll(token)) {
    const at = m.index ?? 0;
    if (at > last) out.push(<Fragment key={i++}>{text.slice(last, at)}</Fragment>);
    const t = m[0];
    if (t.startsWith('`')) out.push(<code key={i++}>{t.slice(1, -1)}</code>);
    else if (t.startsWith('**')) out.push(<strong key={i++}>{t.slice(2, -2)}</strong>);
    else if (t.startsWith('*')) out.push(<em key={i++}>{t.slice(1, -1)}</em>);
    else {
      const lm = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(t);
      out.push(
        <a key={i++} href={lm?.[2] === undefined ? undefined : withBase(lm[2])}>
          {lm?.[1]}
        </a>,
      );
    }
    last = at + t.length;
  }
  if (last < text.length) out.push(<Fragment key={i}>{text.slice(last)}</Fragment>);
  return out;
}
