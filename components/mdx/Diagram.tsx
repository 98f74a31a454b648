import type { ReactNode } from 'react';

/**
 * A mermaid diagram with its text alternative. The text (children) is static HTML and always
 * shown. The drawing slot carries the mermaid source; components/notes/DiagramEnhancer draws
 * it in the browser only when the figure scrolls into view or the reader presses the button,
 * so diagrams never slow the first load. Without JavaScript the slot is hidden.
 * @example <Diagram title="Cross-account AssumeRole" source={`sequenceDiagram …`}>1. …</Diagram>
 */
export function Diagram({ title, source, children }: { title: string; source: string; children?: ReactNode }) {
  return (
    <figure className="diagram">
      <figcaption className="diagram__title">{title}</figcaption>
      <div className="diagram__canvas" data-state="idle" data-source={source.trim()} data-title={title}>
        <div className="diagram__placeholder">
          {/* Enabled by DiagramEnhancer once it can handle the click. */}
          <button type="button" className="diagram__draw" disabled>
            Draw the diagram<span className="visually-hidden">: {title}</span>
          </button>
        </div>
      </div>
      <div className="diagram__text">
        <p className="diagram__text-label">In words</p>
        {children}
      </div>
    </figure>
  );
}
