'use client';

import { useEffect, useRef, useState } from 'react';
import { useDarkTheme } from './useDarkTheme';

/** Where a diagram is: waiting to be needed, loading mermaid, drawn, or failed. */
type DiagramState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; svg: string } | { kind: 'error'; message: string };

/**
 * Draws mermaid source in the browser, lazily: only once the figure comes near the viewport
 * (or the reader presses "Draw the diagram"). Until then it shows a same-size placeholder;
 * with JavaScript off the placeholder is hidden and the text alternative stands alone.
 */
export function MermaidDiagram({ source, title }: { source: string; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [wanted, setWanted] = useState(false);
  const [state, setState] = useState<DiagramState>({ kind: 'idle' });
  const dark = useDarkTheme();

  useEffect(() => {
    const el = ref.current;
    if (!el || wanted) return;
    if (typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setWanted(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [wanted]);

  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    // Show "Drawing…" only if it takes a moment, to avoid a flash.
    const slow = window.setTimeout(() => !cancelled && setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' })), 300);
    import('./mermaid.chunk')
      .then(({ renderMermaid }) => renderMermaid(source, dark))
      .then((svg) => !cancelled && setState({ kind: 'ready', svg }))
      .catch((e: unknown) => !cancelled && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }))
      .finally(() => window.clearTimeout(slow));
    return () => {
      cancelled = true;
      window.clearTimeout(slow);
    };
  }, [wanted, dark, source]);

  return (
    <div ref={ref} className="diagram__canvas" data-state={state.kind}>
      {state.kind === 'ready' ? (
        <div className="diagram__svg" role="img" aria-label={`Diagram: ${title}. The text below describes it.`} dangerouslySetInnerHTML={{ __html: state.svg }} />
      ) : state.kind === 'error' ? (
        <p className="diagram__status">The diagram could not be drawn ({state.message}). The text below describes it in full.</p>
      ) : (
        <div className="diagram__placeholder">
          {state.kind === 'loading' ? (
            <p className="diagram__status" role="status">
              Drawing the diagram…
            </p>
          ) : (
            <button type="button" className="diagram__draw" onClick={() => setWanted(true)}>
              Draw the diagram<span className="visually-hidden">: {title}</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}
