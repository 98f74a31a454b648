'use client';

import { useId, useState, type ReactNode } from 'react';
import {
  callerOptions, decodeCaller, encodeCaller, formatJson, getAt, mfaDeviceOf, readCaller, readConditions, readMaxSession, readMfaAge,
  readParam, readPrincipal, readTags, stepKind, stepsOf, targetRoleIndex, trustStatements, writeCaller, writeConditions, writeMaxSession,
  writeMfaAge, writeParam, writePrincipal, writeTags, setAt, type ConditionRow, type PrincipalKnob, type TagRow,
} from '@/lib/simulator/knobs';

interface Props {
  /** The scenario JSON as parsed (undefined while the text is not JSON). */
  doc: unknown;
  step: number;
  onSelectStep: (i: number) => void;
  /** Writes a new document (serialised into the editor). */
  onChange: (text: string) => void;
}

/** Parameters the form offers per call (a subset of what each call takes: the ones that teach). */
const formParams: Record<string, readonly string[]> = {
  AssumeRole: ['RoleSessionName', 'DurationSeconds', 'ExternalId', 'SourceIdentity', 'Policy', 'Tags'],
  AssumeRoleWithWebIdentity: ['RoleSessionName', 'DurationSeconds', 'Policy'],
  AssumeRoleWithSAML: ['DurationSeconds', 'Policy'],
  GetSessionToken: ['DurationSeconds'],
  GetFederationToken: ['Name', 'DurationSeconds', 'Policy', 'Tags'],
  AssumeRoot: ['DurationSeconds'],
  GetCallerIdentity: [],
  DecodeAuthorizationMessage: [],
  GetAccessKeyInfo: [],
};
const mfaCodeCalls = new Set(['AssumeRole', 'GetSessionToken']);

const operators = ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike', 'ArnEquals', 'ArnLike', 'Bool', 'BoolIfExists', 'NumericLessThan', 'NumericGreaterThan', 'IpAddress', 'NotIpAddress', 'ForAnyValue:StringEquals', 'ForAllValues:StringEquals', 'Null'];
const conditionKeys = ['sts:ExternalId', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:PrincipalOrgID', 'aws:PrincipalArn', 'aws:SourceIp', 'sts:RoleSessionName', 'sts:SourceIdentity', 'aws:RequestTag/team', 'aws:TagKeys', 'SAML:aud', 'token.actions.githubusercontent.com:sub', 'token.actions.githubusercontent.com:aud'];

/**
 * An input that keeps what the user types while the document only stores its normalised form
 * (a value list without the trailing comma being typed, a policy that does not parse yet).
 */
function useSyncedText(external: string, normalize: (s: string) => string): [string, (s: string) => void] {
  const [local, setLocal] = useState(external);
  const [seen, setSeen] = useState(external);
  if (external !== seen) {
    setSeen(external);
    if (normalize(local) !== external) setLocal(external);
  }
  return [local, setLocal];
}

function Fieldset({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="knobs__group">
      <legend>{legend}</legend>
      {hint && <p className="muted small">{hint}</p>}
      {children}
    </fieldset>
  );
}

function NumberField({ label, value, onChange, min, max, placeholder, hint }: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; min?: number; max?: number; placeholder?: string; hint?: string }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        placeholder={placeholder}
        value={value ?? ''}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const raw = e.target.value;
          if (raw === '') return onChange(undefined);
          const n = Number(raw);
          if (Number.isInteger(n)) onChange(n);
        }}
      />
      {hint && (
        <span id={`${id}-hint`} className="control__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

function TextField({ label, value, onChange, placeholder, hint }: { label: string; value: string; onChange: (v: string) => void; placeholder?: string; hint?: string }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} placeholder={placeholder} spellCheck={false} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)} />
      {hint && (
        <span id={`${id}-hint`} className="control__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

const canonicalPolicy = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 2));
const parsePolicyText = (s: string): unknown => {
  if (!s.trim()) return undefined;
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' ? v : s;
  } catch {
    return s;
  }
};

function PolicyField({ value, onChange }: { value: unknown; onChange: (v: unknown) => void }) {
  const id = useId();
  const [local, setLocal] = useSyncedText(canonicalPolicy(value), (s) => canonicalPolicy(parsePolicyText(s)));
  return (
    <div className="control">
      <label htmlFor={id}>Session policy (Policy)</label>
      <textarea
        id={id}
        rows={5}
        spellCheck={false}
        value={local}
        placeholder='{ "Version": "2012-10-17", "Statement": [ … ] }'
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setLocal(e.target.value);
          onChange(parsePolicyText(e.target.value));
        }}
      />
      <span id={`${id}-hint`} className="control__hint">
        Empty: no session policy. Text that is not valid JSON is sent as is, and STS answers as it would.
      </span>
    </div>
  );
}

function TagsField({ rows, onChange }: { rows: TagRow[]; onChange: (rows: TagRow[]) => void }) {
  return (
    <div className="rows">
      <p className="rows__title">Session tags</p>
      {rows.length === 0 && <p className="muted small">No tags.</p>}
      {rows.map((r, i) => (
        <div className="rows__row" key={i} role="group" aria-label={`Tag ${i + 1}`}>
          <label className="control control--inline">
            <span>Key</span>
            <input value={r.key} onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />
          </label>
          <label className="control control--inline">
            <span>Value</span>
            <input value={r.value} onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
          </label>
          <label className="check">
            <input type="checkbox" checked={r.transitive} onChange={(e) => onChange(rows.map((x, j) => (j === i ? { ...x, transitive: e.target.checked } : x)))} />
            <span>Transitive</span>
          </label>
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

function ValuesInput({ label, values, onChange, multiline }: { label: string; values: string[]; onChange: (v: string[]) => void; multiline?: boolean }) {
  const sep = multiline ? '\n' : ', ';
  const split = (s: string) => s.split(multiline ? /\n/ : /,/).map((x) => x.trim()).filter(Boolean);
  const [local, setLocal] = useSyncedText(values.join(sep), (s) => split(s).join(sep));
  const id = useId();
  const common = {
    id,
    value: local,
    spellCheck: false,
    onChange: (e: { target: { value: string } }) => {
      setLocal(e.target.value);
      onChange(split(e.target.value));
    },
  };
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={Math.max(2, values.length + 1)} {...common} /> : <input {...common} />}
    </div>
  );
}

function PrincipalField({ value, onChange }: { value: PrincipalKnob; onChange: (v: PrincipalKnob) => void }) {
  const id = useId();
  return (
    <div className="principal">
      <div className="control">
        <label htmlFor={id}>Principal type</label>
        <select id={id} value={value.type} onChange={(e) => onChange({ ...value, type: e.target.value as PrincipalKnob['type'] })}>
          <option value="AWS">AWS (accounts, users, roles)</option>
          <option value="Federated">Federated (SAML or OIDC provider)</option>
          <option value="Service">Service</option>
          <option value="*">* (anyone)</option>
        </select>
      </div>
      {value.type !== '*' && <ValuesInput label="Principals, one per line" values={value.values} multiline onChange={(values) => onChange({ ...value, values })} />}
    </div>
  );
}

function ConditionsField({ rows, onChange }: { rows: ConditionRow[]; onChange: (rows: ConditionRow[]) => void }) {
  const id = useId();
  const set = (i: number, patch: Partial<ConditionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="rows">
      <p className="rows__title">Conditions</p>
      <datalist id={`${id}-ops`}>
        {operators.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <datalist id={`${id}-keys`}>
        {conditionKeys.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="muted small">No conditions: the statement applies whenever the principal matches.</p>}
      {rows.map((r, i) => (
        <div className="rows__row rows__row--condition" key={i} role="group" aria-label={`Condition ${i + 1}`}>
          <label className="control control--inline">
            <span>Operator</span>
            <input list={`${id}-ops`} value={r.operator} spellCheck={false} onChange={(e) => set(i, { operator: e.target.value })} />
          </label>
          <label className="control control--inline">
            <span>Key</span>
            <input list={`${id}-keys`} value={r.key} title={r.key} spellCheck={false} onChange={(e) => set(i, { key: e.target.value })} />
          </label>
          <ValuesInput label="Values (comma-separated)" values={r.values} onChange={(values) => set(i, { values })} />
          <button type="button" className="btn btn--small btn--ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove condition ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => onChange([...rows, { operator: 'StringEquals', key: 'sts:ExternalId', values: ['change-me'] }])}>
        Add condition
      </button>
    </div>
  );
}

/** The role a step targets: MaxSessionDuration and its trust policy's principal and conditions. */
function RoleKnobs({ doc, roleIndex, write }: { doc: unknown; roleIndex: number; write: (d: unknown) => void }) {
  const [stmt, setStmt] = useState(0);
  const arn = String(getAt(doc, ['world', 'roles', roleIndex, 'arn']) ?? '');
  const statements = trustStatements(doc, roleIndex);
  const s = statements && stmt < statements.length ? stmt : 0;
  const max = readMaxSession(doc, roleIndex);
  return (
    <Fieldset legend={`Role ${arn.split('/').pop()}`}>
      <NumberField
        label="MaxSessionDuration (seconds)"
        value={max}
        min={3600}
        max={43200}
        placeholder="3600 (default)"
        hint="IAM accepts 3600 to 43200. Empty: the 3600 default."
        onChange={(v) => write(writeMaxSession(doc, roleIndex, v))}
      />
      {!statements ? (
        <p className="muted small">The trust policy is written as text; edit it in the JSON tab.</p>
      ) : (
        <>
          {statements.length > 1 && (
            <div className="control">
              <label htmlFor={`stmt-${roleIndex}`}>Trust policy statement</label>
              <select id={`stmt-${roleIndex}`} value={s} onChange={(e) => setStmt(Number(e.target.value))}>
                {statements.map((st, i) => (
                  <option key={i} value={i}>
                    {typeof st.Sid === 'string' ? st.Sid : `Statement[${i}]`} ({String(st.Effect ?? '?')})
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className="rows__title">Trust policy {statements.length > 1 ? '' : 'statement '}principal</p>
          <PrincipalField value={readPrincipal(doc, roleIndex, s)} onChange={(p) => write(writePrincipal(doc, roleIndex, s, p))} />
          <ConditionsField rows={readConditions(doc, roleIndex, s)} onChange={(rows) => write(writeConditions(doc, roleIndex, s, rows))} />
        </>
      )}
    </Fieldset>
  );
}

/** Form controls for the knobs that teach, in step with the JSON both ways. */
export function FormPanel({ doc, step, onSelectStep, onChange }: Props) {
  if (doc === undefined || doc === null || typeof doc !== 'object') {
    return <p className="muted">The form needs the text to be valid JSON. Fix the problem shown in the JSON tab, and the form comes back.</p>;
  }
  const steps = stepsOf(doc);
  const write = (d: unknown) => onChange(formatJson(d));
  const i = Math.min(step, Math.max(0, steps.length - 1));
  const kind = stepKind(doc, i);
  const rawStep = steps[i] as Record<string, unknown> | undefined;
  const call = kind === 'call' ? String(rawStep?.call ?? '') : '';
  const params = formParams[call] ?? [];
  const caller = readCaller(doc, i);
  const mfaAge = readMfaAge(doc, i);
  const roleIndex = kind === 'call' ? targetRoleIndex(doc, i) : undefined;
  const device = caller.kind === 'user' ? mfaDeviceOf(doc, caller.user) : undefined;
  const passesCode = readParam(doc, i, 'TokenCode') !== undefined;
  const num = (name: string) => {
    const v = readParam(doc, i, name);
    return typeof v === 'number' ? v : undefined;
  };
  const str = (name: string) => {
    const v = readParam(doc, i, name);
    return typeof v === 'string' ? v : '';
  };
  const stepName = (s: unknown, k: number) => {
    const o = (s ?? {}) as Record<string, unknown>;
    const what = typeof o.call === 'string' ? o.call : o.request ? String((o.request as { action?: unknown }).action ?? 'request') : 'clock';
    return `${k + 1}. ${what}${typeof o.id === 'string' ? ` (${o.id})` : ''}`;
  };

  return (
    <div className="knobs">
      {steps.length === 0 ? (
        <p className="muted">No steps yet. Add one in the JSON tab, or start from a template.</p>
      ) : (
        <div className="control">
          <label htmlFor="knobs-step">Step to edit</label>
          <select id="knobs-step" value={i} onChange={(e) => onSelectStep(Number(e.target.value))}>
            {steps.map((s, k) => (
              <option key={k} value={k}>
                {stepName(s, k)}
              </option>
            ))}
          </select>
        </div>
      )}

      {(kind === 'call' || kind === 'request') && (
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
          {caller.kind === 'user' && (
            <>
              <label className="check">
                <input type="checkbox" checked={mfaAge !== undefined} onChange={(e) => write(writeMfaAge(doc, i, e.target.checked ? 300 : undefined))} />
                <span>Signed in with MFA (a console session)</span>
              </label>
              {mfaAge !== undefined && (
                <NumberField label="MFA age (seconds since sign-in)" value={mfaAge} min={0} hint="Sets aws:MultiFactorAuthAge." onChange={(v) => write(writeMfaAge(doc, i, v ?? 0))} />
              )}
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
        </Fieldset>
      )}

      {kind === 'call' && params.length > 0 && (
        <Fieldset legend={`${call} parameters`}>
          {params.includes('RoleSessionName') && <TextField label="RoleSessionName" value={str('RoleSessionName')} onChange={(v) => write(writeParam(doc, i, 'RoleSessionName', v || undefined))} />}
          {params.includes('Name') && <TextField label="Name" value={str('Name')} onChange={(v) => write(writeParam(doc, i, 'Name', v || undefined))} />}
          {params.includes('DurationSeconds') && (
            <NumberField
              label="DurationSeconds"
              value={num('DurationSeconds')}
              placeholder="not passed"
              hint={
                readParam(doc, i, 'DurationSeconds') !== undefined && num('DurationSeconds') === undefined
                  ? `The JSON has ${JSON.stringify(readParam(doc, i, 'DurationSeconds'))}, which is not a number of seconds.`
                  : roleIndex !== undefined
                    ? `The role allows up to ${readMaxSession(doc, roleIndex) ?? 3600}; a chained session, 3600.`
                    : undefined
              }
              onChange={(v) => write(writeParam(doc, i, 'DurationSeconds', v))}
            />
          )}
          {params.includes('ExternalId') && <TextField label="ExternalId" value={str('ExternalId')} placeholder="not passed" onChange={(v) => write(writeParam(doc, i, 'ExternalId', v || undefined))} />}
          {params.includes('SourceIdentity') && <TextField label="SourceIdentity" value={str('SourceIdentity')} placeholder="not passed" onChange={(v) => write(writeParam(doc, i, 'SourceIdentity', v || undefined))} />}
          {params.includes('Policy') && <PolicyField value={readParam(doc, i, 'Policy')} onChange={(v) => write(writeParam(doc, i, 'Policy', v))} />}
          {params.includes('Tags') && <TagsField rows={readTags(doc, i)} onChange={(rows) => write(writeTags(doc, i, rows))} />}
        </Fieldset>
      )}

      {kind === 'request' && (
        <Fieldset legend="Request">
          <TextField label="Action" value={String(getAt(doc, ['steps', i, 'request', 'action']) ?? '')} onChange={(v) => write(setAt(doc, ['steps', i, 'request', 'action'], v))} />
          <TextField label="Resource" value={String(getAt(doc, ['steps', i, 'request', 'resource']) ?? '')} onChange={(v) => write(setAt(doc, ['steps', i, 'request', 'resource'], v))} />
        </Fieldset>
      )}

      {kind === 'clock' && typeof rawStep?.advance === 'number' && (
        <Fieldset legend="Clock">
          <NumberField label="Advance (seconds)" value={rawStep.advance} min={0} onChange={(v) => write(setAt(doc, ['steps', i, 'advance'], v ?? 0))} />
        </Fieldset>
      )}

      {roleIndex !== undefined && <RoleKnobs key={roleIndex} doc={doc} roleIndex={roleIndex} write={write} />}
      {kind === 'call' && roleIndex === undefined && typeof readParam(doc, i, 'RoleArn') === 'string' && (
        <p className="muted small">The role {String(readParam(doc, i, 'RoleArn'))} is not in the world, so its settings cannot be shown here.</p>
      )}
    </div>
  );
}
