'use client';

import { use, useState, type ReactNode } from 'react';

/**
 * Server-rendered content that the browser never hydrates.
 *
 * A note's body is hundreds of static elements (prose, tables, scenario results). Hydrating
 * them would make React walk every one on each page load, the main cost of a note page on a
 * phone. On the first (hydrating) render this component reads the HTML the server sent and
 * hands it back through `dangerouslySetInnerHTML`, so React adopts the element without
 * descending into it. The output is identical to the server's, so there is no mismatch.
 *
 * The content arrives as a promise so that, in the browser, React only decodes it from the
 * page's payload if it is needed: when React renders the component from scratch (for example
 * after a client-side navigation back) there is no server HTML to adopt, and it renders the
 * content normally.
 *
 * Anything interactive inside must be wired up outside React (see DiagramEnhancer).
 */
export function FrozenHtml({ id, className, content }: { id: string; className?: string; content: Promise<ReactNode> }) {
  const [html] = useState<string | undefined>(() => (typeof document === 'undefined' ? undefined : document.getElementById(id)?.innerHTML));
  if (html !== undefined) return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
  return <Rendered id={id} className={className} content={content} />;
}

function Rendered({ id, className, content }: { id: string; className?: string; content: Promise<ReactNode> }) {
  return (
    <div id={id} className={className}>
      {use(content)}
    </div>
  );
}
