'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ScenarioIssue } from '@/lib/engine';
import { lineColumnOf, locateIssue } from '@/lib/util/jsonLocate';
import { tryParse } from '@/lib/simulator/knobs';
import { FormPanel } from './FormPanel';
import { JsonEditor } from './JsonEditor';

interface Props {
  text: string;
  issues: readonly ScenarioIssue[];
  step: number;
  onSelectStep: (i: number) => void;
  onChange: (text: string) => void;
  tab: 'form' | 'json';
  onTab: (tab: 'form' | 'json') => void;
}

const tabs = [
  { id: 'form', label: 'Form' },
  { id: 'json', label: 'JSON' },
] as const;

/** The editing side: problems, then the form or the JSON editor (tabs). */
export function EditorPanel({ text, issues, step, onSelectStep, onChange, tab, onTab }: Props) {
  const [reveal, setReveal] = useState<{ from: number; to: number } | null>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const located = useMemo(
    () =>
      issues.map((issue) => {
        const range = locateIssue(text, issue);
        return { issue, range, line: lineColumnOf(text, range.from).line };
      }),
    [issues, text],
  );
  const problems = useMemo(() => located.map((l) => ({ from: l.range.from, to: l.range.to, message: `${l.issue.path ? `${l.issue.path}: ` : ''}${l.issue.message}` })), [located]);
  const doc = useMemo(() => tryParse(text), [text]);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onTab(tabs[next]!.id);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="editor-panel">
      {located.length > 0 && (
        <div className="problems" role="group" aria-labelledby="problems-title">
          <p id="problems-title" className="problems__title">
            {located.length === 1 ? '1 problem' : `${located.length} problems`} in the scenario
          </p>
          <ul>
            {located.map((l, k) => (
              <li key={k}>
                <button
                  type="button"
                  className="problems__item"
                  onClick={() => {
                    onTab('json');
                    setReveal({ ...l.range });
                  }}
                >
                  <span className="problems__where">Line {l.line}</span> {l.issue.path && <code>{l.issue.path}</code>} {l.issue.message.replace(/^not valid JSON at line \d+, (column \d+): /, '$1: not valid JSON: ')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="tabs" role="tablist" aria-label="Edit the scenario as">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`edit-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`edit-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => onTab(t.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`edit-panel-${tab}`} aria-labelledby={`edit-tab-${tab}`} className="tabs__panel">
        {tab === 'form' ? <FormPanel doc={doc} text={text} step={step} onSelectStep={onSelectStep} onChange={onChange} /> : <JsonEditor text={text} onChange={onChange} problems={problems} reveal={reveal} />}
      </div>
    </div>
  );
}
