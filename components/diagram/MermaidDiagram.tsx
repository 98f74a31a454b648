'use client';

import { useEffect, useRef, useState } from 'react';

/** Load state of a diagram. */
export type DiagramState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; svg: string; source: string } | { kind: 'error'; message: string };

interface Props {
  /** Mermaid source text. */
  source: string;
  /** Colour theme to draw with. */
  theme: 'light' | 'dark';
  /** Accessible description of the picture (the text trace says the same in full). */
  label: string;
  /** Minimum height of the placeholder, so the page does not jump when the SVG arrives. */
  minHeight?: number;
}

/**
 * Renders mermaid lazily: nothing is fetched until the diagram scrolls near the viewport (or
 * at once where IntersectionObserver is missing). Shows a same-size skeleton, and a spinner
 * only after 300 ms. Re-renders when the source or theme changes, keeping the last picture
 * until the new one is ready.
 */
export function MermaidDiagram({ source, theme, label, minHeight = 240 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [state, setState] = useState<DiagramState>({ kind: 'idle' });
  const [slow, setSlow] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el || visible) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true), { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [visible]);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    const spinner = setTimeout(() => live && setSlow(true), 300);
    // Coalesce quick successive changes (typing, fast playback) into one render.
    const timer = setTimeout(() => {
      import('./mermaid.chunk')
        .then((m) => m.renderMermaid(source, theme))
        .then(
          (svg) => live && setState({ kind: 'ready', svg, source }),
          (e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
        )
        .finally(() => {
          clearTimeout(spinner);
          if (live) setSlow(false);
        });
    }, 60);
    return () => {
      live = false;
      clearTimeout(timer);
      clearTimeout(spinner);
    };
  }, [visible, source, theme]);

  return (
    <div ref={box} className="diagram" style={{ minHeight }} data-state={state.kind}>
      {state.kind === 'ready' ? (
        <div className="diagram__svg" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: state.svg }} />
      ) : state.kind === 'error' ? (
        <p className="diagram__error" role="status">
          The diagram could not be drawn ({state.message}). The text trace says the same.
        </p>
      ) : (
        <div className="diagram__skeleton" aria-hidden="true">
          {slow && <span className="spinner" />}
        </div>
      )}
      {state.kind === 'ready' && slow && <span className="diagram__busy spinner" aria-hidden="true" />}
    </div>
  );
}
