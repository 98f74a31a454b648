'use client';

import { useId, useState } from 'react';
import { newStep, stepKindLabel, stepKinds, type StepKind } from '@/lib/simulator/newStep';
import { brokenReferences, describeBroken, duplicateStep, insertStep, moveStep, removeStep, renameStep, stepId, type BrokenReference } from '@/lib/simulator/steps';

/** A change the form made to the step list, with the text before it for Undo. */
export interface StepChange {
  /** What happened, in words. */
  message: string;
  /** The editor text before the change. */
  before: string;
  /** The document after it (Undo is offered while the document is still this one). */
  after: string;
}

interface Props {
  doc: unknown;
  steps: unknown[];
  /** The step on screen (already clamped to the list). */
  index: number;
  onSelect: (i: number) => void;
  /** Writes a document; `message` makes the change undoable from the form. */
  write: (d: unknown, change?: { message: string; select?: number }) => void;
  /** The last step-list change, when the document is still as it left it. */
  change: StepChange | undefined;
  onUndo: () => void;
}

const stepName = (s: unknown, k: number) => {
  const o = (s ?? {}) as Record<string, unknown>;
  const what = typeof o.call === 'string' ? o.call : o.request ? String((o.request as { action?: unknown }).action ?? 'request') : 'advance' in o || 'advanceTo' in o ? 'Clock' : 'Step';
  return `${k + 1}. ${what}${typeof o.id === 'string' ? ` (${o.id})` : ''}`;
};

/** Renames the step on Enter or when the field loses focus, so references follow the finished name. */
function StepIdField({ doc, index, write }: { doc: unknown; index: number; write: Props['write'] }) {
  const id = useId();
  const current = stepId((doc as { steps?: unknown[] }).steps?.[index]) ?? '';
  const [draft, setDraft] = useState<{ for: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const text = draft && draft.for === `${index}:${current}` ? draft.text : current;
  const commit = () => {
    if (text === current) return;
    const r = renameStep(doc, index, text.trim());
    if (!r.ok) return setError(`Not renamed: ${r.message}.`);
    setError(null);
    setDraft(null);
    write(r.doc, { message: text.trim() ? `Renamed step ${index + 1} to "${text.trim()}"${current ? `; steps that used "${current}" follow` : ''}.` : `Removed the id of step ${index + 1}.` });
  };
  return (
    <div className="control">
      <label htmlFor={id}>Step id</label>
      <input
        id={id}
        value={text}
        spellCheck={false}
        autoComplete="off"
        placeholder="none (later steps cannot use its credentials)"
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft({ for: `${index}:${current}`, text: e.target.value })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      <span id={`${id}-hint`} className={`control__hint${error ? ' form-error' : ''}`}>
        {error ?? 'Renaming updates the steps that sign with this step’s credentials or take values from it (applied on Enter or when you leave the field).'}
      </span>
    </div>
  );
}

/** The step list: pick the step to edit; add, move, duplicate and delete steps; Undo; broken references. */
export function StepBar({ doc, steps, index, onSelect, write, change, onUndo }: Props) {
  const id = useId();
  const [kind, setKind] = useState<StepKind>('AssumeRole');
  const broken: BrokenReference[] = brokenReferences(doc);
  const has = steps.length > 0;
  const add = () => {
    const at = has ? index + 1 : 0;
    const r = insertStep(doc, at, newStep(doc, at, kind));
    write(r.doc, { message: `Added step ${r.index + 1}: ${stepKindLabel(kind)}.`, select: r.index });
  };
  const move = (delta: number) => {
    const r = moveStep(doc, index, index + delta);
    const more = r.broken.length ? ` ${r.broken.map((b) => describeBroken(r.doc, b)).join(' ')}` : '';
    write(r.doc, { message: `Moved step ${index + 1} to position ${r.index + 1}.${more}`, select: r.index });
  };
  return (
    <div className="stepbar">
      {has ? (
        <div className="control">
          <label htmlFor="knobs-step">Step to edit</label>
          <select id="knobs-step" value={index} onChange={(e) => onSelect(Number(e.target.value))}>
            {steps.map((s, k) => (
              <option key={k} value={k}>
                {stepName(s, k)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="muted">No steps yet. Add the first one below.</p>
      )}
      {has && (
        <div className="knobs__actions" role="group" aria-label={`Step ${index + 1}`}>
          <button type="button" className="btn btn--small" disabled={index === 0} onClick={() => move(-1)}>
            Move up
          </button>
          <button type="button" className="btn btn--small" disabled={index >= steps.length - 1} onClick={() => move(1)}>
            Move down
          </button>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              const r = duplicateStep(doc, index);
              write(r.doc, { message: `Duplicated step ${index + 1} as step ${r.index + 1}${stepId(steps[index]) ? ` (id "${stepId((r.doc as { steps: unknown[] }).steps[r.index])}")` : ''}.`, select: r.index });
            }}
          >
            Duplicate
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger"
            onClick={() => {
              const r = removeStep(doc, index);
              const more = r.broken.length ? ` ${r.broken.map((b) => describeBroken(r.doc, b)).join(' ')}` : '';
              write(r.doc, { message: `Deleted step ${index + 1}${stepId(steps[index]) ? ` ("${stepId(steps[index])}")` : ''}.${more}`, select: Math.max(0, index - 1) });
            }}
          >
            Delete
          </button>
        </div>
      )}
      <div className="stepbar__add">
        <div className="control control--inline">
          <label htmlFor={`${id}-kind`}>New step</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as StepKind)}>
            {stepKinds.map((k) => (
              <option key={k} value={k}>
                {stepKindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn btn--small" onClick={add}>
          {has ? `Add after step ${index + 1}` : 'Add step'}
        </button>
      </div>
      <div role="status" className="stepbar__status">
        {change && (
          <div className="notice">
            <p>{change.message}</p>
            <div className="notice__actions">
              <button type="button" className="btn btn--small" onClick={onUndo}>
                Undo
              </button>
            </div>
          </div>
        )}
      </div>
      {broken.length > 0 && (
        <div className="notice notice--error" role="group" aria-label="Broken step references">
          <p>{broken.length === 1 ? 'A step refers to a step it cannot use:' : `${broken.length} references to steps that cannot be used:`}</p>
          <ul>
            {broken.slice(0, 10).map((b, k) => (
              <li key={k}>
                {describeBroken(doc, b)}{' '}
                <button type="button" className="linklike" onClick={() => onSelect(b.from)}>
                  Go to step {b.from + 1}
                </button>
              </li>
            ))}
            {broken.length > 10 && <li>…and {broken.length - 10} more.</li>}
          </ul>
        </div>
      )}
      {has && <StepIdField key={index} doc={doc} index={index} write={write} />}
    </div>
  );
}
