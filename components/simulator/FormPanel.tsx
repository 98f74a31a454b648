'use client';

import { useState } from 'react';
import { formatJson, getAt, readParam, stepKind, stepsOf, targetRoleIndex } from '@/lib/simulator/knobs';
import { CallParams, CallSelect } from './form/CallFields';
import { CallerFields, ClockFields, RequestFields } from './form/CallerFields';
import { StepBar, type StepChange } from './form/StepBar';
import { RoleKnobs } from './form/TrustFields';

interface Props {
  /** The scenario JSON as parsed (undefined while the text is not JSON). */
  doc: unknown;
  /** The editor text (kept for Undo of step-list changes); optional. */
  text?: string;
  step: number;
  onSelectStep: (i: number) => void;
  /** Writes a new document (serialised into the editor). */
  onChange: (text: string) => void;
}

/** The form: every step and call the JSON can express, in step with the JSON both ways. */
export function FormPanel({ doc, text, step, onSelectStep, onChange }: Props) {
  // Step-list changes, newest last: each can be undone while the text is still what it left.
  const [changes, setChanges] = useState<StepChange[]>([]);
  if (doc === undefined || doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return <p className="muted">The form needs the text to be valid JSON (a scenario object). Fix the problem shown in the JSON tab, and the form comes back.</p>;
  }
  const steps = stepsOf(doc);
  const i = Math.min(Math.max(0, step), Math.max(0, steps.length - 1));
  const write = (d: unknown, what?: { message: string; select?: number }) => {
    const out = formatJson(d);
    setChanges(what ? [...changes.slice(-19), { message: what.message, before: text ?? formatJson(doc), after: out }] : []);
    onChange(out);
    if (what?.select !== undefined) onSelectStep(what.select);
  };
  // Undo is offered while the text is still what the change left.
  const current = text ?? formatJson(doc);
  const top = changes.at(-1);
  const live = top && top.after === current ? top : undefined;
  const kind = steps.length ? stepKind(doc, i) : 'unknown';
  const roleIndex = kind === 'call' ? targetRoleIndex(doc, i) : undefined;
  const roleArn = kind === 'call' ? readParam(doc, i, 'RoleArn') : undefined;

  return (
    <div className="knobs">
      <StepBar
        doc={doc}
        steps={steps}
        index={i}
        onSelect={onSelectStep}
        write={write}
        change={live}
        onUndo={() => {
          if (!live) return;
          setChanges(changes.slice(0, -1));
          onChange(live.before);
        }}
      />
      {kind === 'call' && <CallSelect doc={doc} i={i} write={write} />}
      {(kind === 'call' || kind === 'request') && <CallerFields doc={doc} i={i} write={write} />}
      {kind === 'call' && <CallParams doc={doc} i={i} write={write} />}
      {kind === 'request' && <RequestFields doc={doc} i={i} write={write} />}
      {kind === 'clock' && <ClockFields doc={doc} i={i} write={write} />}
      {kind === 'unknown' && steps.length > 0 && <p className="muted small">Step {i + 1} is not a call, a request or a clock step; fix it in the JSON tab, or delete it.</p>}
      {roleIndex !== undefined && <RoleKnobs key={roleIndex} doc={doc} roleIndex={roleIndex} stepIndex={i} write={write} />}
      {kind === 'call' && roleIndex === undefined && typeof roleArn === 'string' && roleArn && (
        <p className="muted small">The role {roleArn} is not in the world, so its settings cannot be shown here{String(getAt(doc, ['steps', i, 'call'])).startsWith('AssumeRoleWith') ? ': create one above' : ''}.</p>
      )}
    </div>
  );
}
