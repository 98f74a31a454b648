'use client';

import { useEffect, useRef, useState } from 'react';
import type { EditorProblem, JsonEditorHandle } from './codemirror.chunk';

interface Props {
  text: string;
  onChange: (text: string) => void;
  problems: readonly EditorProblem[];
  /** A range to select and focus; a new object each time it is requested. */
  reveal?: { from: number; to: number } | null;
}

/**
 * The scenario's JSON in CodeMirror, loaded only when this component mounts (the JSON tab is
 * shown). Until it arrives, a same-size placeholder holds the place.
 */
export function JsonEditor({ text, onChange, problems, reveal }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<JsonEditorHandle | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  // Latest props for the async mount and the change callback.
  const latest = useRef({ text, onChange, problems });
  useEffect(() => {
    latest.current = { text, onChange, problems };
  });

  useEffect(() => {
    let live = true;
    import('./codemirror.chunk').then(
      (m) => {
        if (!live || !host.current) return;
        handle.current = m.createJsonEditor(host.current, { text: latest.current.text, onChange: (t) => latest.current.onChange(t), label: 'Scenario JSON' });
        handle.current.setProblems(latest.current.problems);
        setState('ready');
      },
      () => live && setState('error'),
    );
    return () => {
      live = false;
      handle.current?.destroy();
      handle.current = null;
    };
  }, []);

  useEffect(() => {
    handle.current?.setText(text);
  }, [text, state]);

  useEffect(() => {
    handle.current?.setProblems(problems);
  }, [problems, state]);

  useEffect(() => {
    if (reveal && state === 'ready') handle.current?.reveal(reveal.from, reveal.to);
  }, [reveal, state]);

  return (
    <div className="json-editor" data-state={state}>
      <div ref={host} className="json-editor__host" />
      {state === 'loading' && (
        <div className="json-editor__placeholder" aria-hidden="true">
          Loading the editor…
        </div>
      )}
      {state === 'error' && (
        <div className="json-editor__fallback">
          <p role="status">The code editor could not load; edit the text here instead.</p>
          <textarea aria-label="Scenario JSON" value={text} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
        </div>
      )}
    </div>
  );
}
