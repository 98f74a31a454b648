import { Fragment, type ReactNode } from 'react';
import { parseBlocks, parseInline, type Inline } from '@/lib/lessons/markdown';
import { withBase } from '@/lib/content/basePath';

function renderInline(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.children)}</em>;
      case 'link':
        // A plain <a>: Next's <Link> would prefetch pages such as notes that may not exist yet.
        return (
          <a key={i} href={withBase(n.href)} rel={n.href.startsWith('/') ? undefined : 'noreferrer'}>
            {renderInline(n.children)}
          </a>
        );
    }
  });
}

/** Slide text in the small markdown subset of lib/lessons/markdown.ts (no HTML ever). */
export function RichText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {parseBlocks(text).map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}>{renderInline(b.children)}</p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{renderInline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

/** One line of inline markup (question stems and options). */
export function InlineText({ text }: { text: string }) {
  return <>{renderInline(parseInline(text))}</>;
}
