'use client';

import { callerOptions, decodeCaller, encodeCaller, getAt, mfaDeviceOf, readCaller, readMfaAge, readParam, setAt, writeCaller, writeMfaAge, writeParam } from '@/lib/simulator/knobs';
import { Fieldset, NumberField, TextField } from './fields';

type Write = (d: unknown) => void;

const mfaCodeCalls = new Set(['AssumeRole', 'GetSessionToken']);

/** Who signs the step, with console MFA (age) and, for calls that take one, an MFA code shortcut. */
export function CallerFields({ doc, i, write }: { doc: unknown; i: number; write: Write }) {
  const caller = readCaller(doc, i);
  const mfaAge = readMfaAge(doc, i);
  const call = String(getAt(doc, ['steps', i, 'call']) ?? '');
  const device = caller.kind === 'user' ? mfaDeviceOf(doc, caller.user) : undefined;
  const passesCode = readParam(doc, i, 'TokenCode') !== undefined;
  return (
    <Fieldset legend="Who calls">
      <div className="control">
        <label htmlFor="knobs-caller">Signed by</label>
        <select id="knobs-caller" value={encodeCaller(caller)} onChange={(e) => write(writeCaller(doc, i, decodeCaller(e.target.value)))}>
          {callerOptions(doc, i).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {caller.kind === 'key' && <TextField label="Access key ID" value={caller.key} onChange={(v) => write(writeCaller(doc, i, { kind: 'key', key: v }))} />}
      {caller.kind === 'user' && (
        <>
          <label className="check">
            <input type="checkbox" checked={mfaAge !== undefined} onChange={(e) => write(writeMfaAge(doc, i, e.target.checked ? 300 : undefined))} />
            <span>Signed in with MFA (a console session)</span>
          </label>
          {mfaAge !== undefined && <NumberField label="MFA age (seconds since sign-in)" value={mfaAge} min={0} hint="Sets aws:MultiFactorAuthAge." onChange={(v) => write(writeMfaAge(doc, i, v ?? 0))} />}
          {mfaCodeCalls.has(call) && device && (
            <label className="check">
              <input
                type="checkbox"
                checked={passesCode}
                onChange={(e) => {
                  const on = e.target.checked;
                  let d = writeParam(doc, i, 'SerialNumber', on ? device.serial : undefined);
                  d = writeParam(d, i, 'TokenCode', on ? device.code || '123456' : undefined);
                  write(d);
                }}
              />
              <span>Pass an MFA code (SerialNumber and TokenCode of {device.serial.split('/').pop()})</span>
            </label>
          )}
        </>
      )}
      {caller.kind !== 'none' && <p className="muted small">{callerNote(caller.kind)}</p>}
    </Fieldset>
  );
}

const callerNote = (k: string) =>
  k === 'user' ? 'Long-term access keys of the user, unless MFA is ticked.' : k === 'root' ? 'The account’s root user.' : k === 'session' ? 'The temporary credentials that step was issued.' : 'An access key the world may not know (STS answers InvalidClientTokenId).';

/** A request step: the action, the resource and extra condition keys. */
export function RequestFields({ doc, i, write }: { doc: unknown; i: number; write: Write }) {
  const ctx = getAt(doc, ['steps', i, 'request', 'context']);
  const rows = ctx && typeof ctx === 'object' && !Array.isArray(ctx) ? Object.entries(ctx as Record<string, unknown>) : [];
  const put = (next: [string, unknown][]) => write(setAt(doc, ['steps', i, 'request', 'context'], next.length ? Object.fromEntries(next) : undefined));
  return (
    <Fieldset legend="Request">
      <TextField label="Action" value={String(getAt(doc, ['steps', i, 'request', 'action']) ?? '')} suggestions={['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'ec2:RunInstances', 'iam:GetUser']} onChange={(v) => write(setAt(doc, ['steps', i, 'request', 'action'], v))} />
      <TextField label="Resource" value={String(getAt(doc, ['steps', i, 'request', 'resource']) ?? '')} onChange={(v) => write(setAt(doc, ['steps', i, 'request', 'resource'], v))} />
      <div className="rows">
        <p className="rows__title">Extra condition keys</p>
        {rows.length === 0 && <p className="muted small">None.</p>}
        {rows.map(([k, v], n) => (
          <div className="rows__row" key={n} role="group" aria-label={`Condition key ${n + 1}`}>
            <TextField inline label="Key" value={k} onChange={(x) => put(rows.map((r, j) => (j === n ? [x, r[1]] : r)))} />
            <TextField inline label="Value" value={typeof v === 'string' ? v : JSON.stringify(v)} onChange={(x) => put(rows.map((r, j) => (j === n ? [r[0], x] : r)))} />
            <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove condition key ${n + 1}`} onClick={() => put(rows.filter((_, j) => j !== n))}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="btn btn--small" onClick={() => put([...rows, [`aws:SourceIp`, '203.0.113.9']])}>
          Add condition key
        </button>
      </div>
    </Fieldset>
  );
}

/** A clock step: advance by seconds, or to an instant. */
export function ClockFields({ doc, i, write }: { doc: unknown; i: number; write: Write }) {
  const advance = getAt(doc, ['steps', i, 'advance']);
  const to = getAt(doc, ['steps', i, 'advanceTo']);
  return (
    <Fieldset legend="Clock">
      {typeof to === 'string' ? (
        <TextField label="Advance to (an instant)" value={to} placeholder="2026-01-01T02:00:00Z" onChange={(v) => write(setAt(doc, ['steps', i, 'advanceTo'], v))} />
      ) : (
        <NumberField label="Advance (seconds)" value={typeof advance === 'number' ? advance : undefined} min={0} onChange={(v) => write(setAt(doc, ['steps', i, 'advance'], v ?? 0))} />
      )}
    </Fieldset>
  );
}
