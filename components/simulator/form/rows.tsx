'use client';

import { type TagRow } from '@/lib/simulator/knobs';
import { TextField } from './fields';

/** Session tags (Key, Value, and Transitive where the call takes TransitiveTagKeys). */
export function TagsField({ rows, onChange, transitive = true, title = 'Session tags' }: { rows: TagRow[]; onChange: (rows: TagRow[]) => void; transitive?: boolean; title?: string }) {
  const set = (i: number, patch: Partial<TagRow>) => onChange(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <div className="rows">
      <p className="rows__title">{title}</p>
      {rows.length === 0 && <p className="muted small">No tags.</p>}
      {rows.map((r, i) => (
        <div className="rows__row" key={i} role="group" aria-label={`Tag ${i + 1}`}>
          <label className="control control--inline">
            <span>Key</span>
            <input value={r.key} spellCheck={false} onChange={(e) => set(i, { key: e.target.value })} />
          </label>
          <label className="control control--inline">
            <span>Value</span>
            <input value={r.value} spellCheck={false} onChange={(e) => set(i, { value: e.target.value })} />
          </label>
          {transitive && (
            <label className="check">
              <input type="checkbox" checked={r.transitive} onChange={(e) => set(i, { transitive: e.target.checked })} />
              <span>Transitive</span>
            </label>
          )}
          <button type="button" className="btn btn--small btn--ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove tag ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => onChange([...rows, { key: `tag${rows.length + 1}`, value: 'value', transitive: false }])}>
        Add tag
      </button>
    </div>
  );
}

/** A list of ARNs, one row each, with suggestions (managed policy ARNs for `PolicyArns`). */
export function ArnListField({ title, noun, values, onChange, suggestions }: { title: string; noun: string; values: string[]; onChange: (v: string[]) => void; suggestions: readonly string[] }) {
  return (
    <div className="rows">
      <p className="rows__title">{title}</p>
      {values.length === 0 && <p className="muted small">None.</p>}
      {values.map((v, i) => (
        <div className="rows__row rows__row--wide" key={i} role="group" aria-label={`${noun} ${i + 1}`}>
          <TextField inline label="ARN" value={v} suggestions={suggestions} onChange={(x) => onChange(values.map((y, j) => (j === i ? x : y)))} />
          <button type="button" className="btn btn--small btn--ghost" onClick={() => onChange(values.filter((_, j) => j !== i))} aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => onChange([...values, suggestions.find((s) => !values.includes(s)) ?? ''])}>
        Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
