import type { ReactNode } from 'react';
import { MermaidDiagram } from '@/components/notes/MermaidDiagram';

/**
 * A mermaid diagram with its text alternative. The text (children) is static HTML and always
 * shown; the drawing is made in the browser only when the figure scrolls into view or the
 * reader asks for it, so diagrams never slow the first load.
 * @example <Diagram title="Cross-account AssumeRole" source={`sequenceDiagram …`}>1. …</Diagram>
 */
export function Diagram({ title, source, children }: { title: string; source: string; children?: ReactNode }) {
  return (
    <figure className="diagram">
      <figcaption className="diagram__title">{title}</figcaption>
      <MermaidDiagram source={source.trim()} title={title} />
      <div className="diagram__text">
        <p className="diagram__text-label">In words</p>
        {children}
      </div>
    </figure>
  );
}
