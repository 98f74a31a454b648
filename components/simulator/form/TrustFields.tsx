'use client';

import { useId, useState } from 'react';
import { conditionKeySuggestions, keyHint, operatorHint, operatorSuggestions, wildcardHint } from '@/lib/simulator/conditionKeys';
import {
  addTrustStatement, getAt, readConditions, readMaxSession, readPrincipal, readStatementHead, removeTrustStatement, trustStatements, writeActions,
  writeConditions, writeEffect, writeMaxSession, writePrincipal, type ConditionRow, type PrincipalKnob,
} from '@/lib/simulator/knobs';
import { principalSuggestions, trustActions } from '@/lib/simulator/worldPicks';
import { Fieldset, Hint, NumberField, ValuesInput, useSyncedRows } from './fields';

type Write = (d: unknown) => void;

function PrincipalField({ value, suggestions, onChange }: { value: PrincipalKnob; suggestions: readonly string[]; onChange: (v: PrincipalKnob) => void }) {
  const id = useId();
  const missing = suggestions.filter((s) => !value.values.includes(s));
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
      {value.type !== '*' && (
        <>
          <ValuesInput label="Principals, one per line" values={value.values} multiline onChange={(values) => onChange({ ...value, values })} />
          {missing.length > 0 && (
            <div className="control">
              <label htmlFor={`${id}-add`}>Add a principal from the world</label>
              <select
                id={`${id}-add`}
                value=""
                onChange={(e) => {
                  if (e.target.value) onChange({ ...value, values: [...value.values, e.target.value] });
                }}
              >
                <option value="">(choose one to add)</option>
                {missing.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** The condition rows of one trust statement: operator and key are pickers with suggestions, free text allowed. */
function ConditionsField({ rows: external, keys, onChange }: { rows: ConditionRow[]; keys: readonly string[]; onChange: (rows: ConditionRow[]) => void }) {
  const id = useId();
  const [rows, setRows] = useSyncedRows(external, (r) => JSON.stringify(r));
  const commit = (next: ConditionRow[]) => {
    setRows(next);
    onChange(next);
  };
  const set = (i: number, patch: Partial<ConditionRow>) => commit(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="rows">
      <p className="rows__title">Conditions</p>
      <datalist id={`${id}-ops`}>
        {operatorSuggestions.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <datalist id={`${id}-keys`}>
        {keys.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="muted small">No conditions: the statement applies whenever the principal matches.</p>}
      {rows.map((r, i) => {
        const opNear = operatorHint(r.operator);
        const keyNear = keyHint(r.key, keys);
        const literal = wildcardHint(r.operator, r.values);
        return (
          <div className="rows__row rows__row--condition" key={i} role="group" aria-label={`Condition ${i + 1}`}>
            <div className="control control--inline">
              <label htmlFor={`${id}-op-${i}`}>Operator</label>
              <input id={`${id}-op-${i}`} list={`${id}-ops`} value={r.operator} spellCheck={false} autoComplete="off" aria-describedby={opNear || literal ? `${id}-op-${i}-hint` : undefined} onChange={(e) => set(i, { operator: e.target.value })} />
              <Hint id={`${id}-op-${i}-hint`} text={literal} suggestion={opNear} onApply={(v) => set(i, { operator: v })} />
              {literal && !opNear && (
                <button type="button" className="linklike" onClick={() => set(i, { operator: r.operator.replace(/StringEquals/, 'StringLike').replace(/StringNotEquals/, 'StringNotLike').replace(/ArnEquals/, 'ArnLike').replace(/ArnNotEquals/, 'ArnNotLike') })}>
                  Switch to the Like operator
                </button>
              )}
            </div>
            <div className="control control--inline">
              <label htmlFor={`${id}-key-${i}`}>Key</label>
              <input id={`${id}-key-${i}`} list={`${id}-keys`} value={r.key} title={r.key} spellCheck={false} autoComplete="off" aria-describedby={keyNear ? `${id}-key-${i}-hint` : undefined} onChange={(e) => set(i, { key: e.target.value })} />
              <Hint id={`${id}-key-${i}-hint`} suggestion={keyNear} onApply={(v) => set(i, { key: v })} />
            </div>
            <ValuesInput inline label="Values (comma-separated)" values={r.values} onChange={(values) => set(i, { values })} />
            <button type="button" className="btn btn--small btn--ghost" onClick={() => commit(rows.filter((_, j) => j !== i))} aria-label={`Remove condition ${i + 1}`}>
              Remove
            </button>
          </div>
        );
      })}
      <button type="button" className="btn btn--small" onClick={() => commit([...rows, { operator: 'StringEquals', key: keys[0] ?? 'sts:ExternalId', values: ['change-me'] }])}>
        Add condition
      </button>
    </div>
  );
}

/** The role a step targets: MaxSessionDuration and its trust policy's statements (effect, principal, actions, conditions). */
export function RoleKnobs({ doc, roleIndex, stepIndex, write }: { doc: unknown; roleIndex: number; stepIndex: number; write: Write }) {
  const [stmt, setStmt] = useState(0);
  const id = useId();
  const arn = String(getAt(doc, ['world', 'roles', roleIndex, 'arn']) ?? '');
  const statements = trustStatements(doc, roleIndex);
  const s = statements && stmt < statements.length ? stmt : 0;
  const max = readMaxSession(doc, roleIndex);
  const principal = statements?.length ? readPrincipal(doc, roleIndex, s) : undefined;
  const head = statements?.length ? readStatementHead(doc, roleIndex, s) : undefined;
  const call = String(getAt(doc, ['steps', stepIndex, 'call']) ?? '');
  const action = call === 'AssumeRoleWithWebIdentity' ? 'sts:AssumeRoleWithWebIdentity' : call === 'AssumeRoleWithSAML' ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRole';
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
          <div className="control">
            <label htmlFor={`${id}-stmt`}>Trust policy statement</label>
            <select id={`${id}-stmt`} value={s} onChange={(e) => setStmt(Number(e.target.value))}>
              {statements.map((st, i) => (
                <option key={i} value={i}>
                  {typeof st.Sid === 'string' ? st.Sid : `Statement[${i}]`} ({String(st.Effect ?? '?')})
                </option>
              ))}
            </select>
          </div>
          <div className="knobs__actions">
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                const r = addTrustStatement(doc, roleIndex, { Effect: 'Allow', Principal: principal && principal.type !== '*' ? { [principal.type]: principal.values.length === 1 ? principal.values[0] : principal.values } : { AWS: arn.replace(/:role\/.*/, ':root') }, Action: action });
                write(r.doc);
                setStmt(r.index);
              }}
            >
              Add statement
            </button>
            <button type="button" className="btn btn--small btn--ghost" disabled={statements.length < 2} onClick={() => (write(removeTrustStatement(doc, roleIndex, s)), setStmt(0))}>
              Remove this statement
            </button>
          </div>
          {head && principal && (
            <>
              <div className="control">
                <label htmlFor={`${id}-effect`}>Effect</label>
                <select id={`${id}-effect`} value={head.effect} onChange={(e) => write(writeEffect(doc, roleIndex, s, e.target.value))}>
                  {!['Allow', 'Deny'].includes(head.effect) && <option value={head.effect}>{head.effect || '(none)'}</option>}
                  <option value="Allow">Allow</option>
                  <option value="Deny">Deny</option>
                </select>
              </div>
              <PrincipalField value={principal} suggestions={principalSuggestions(doc, principal.type)} onChange={(p) => write(writePrincipal(doc, roleIndex, s, p))} />
              <ValuesInput
                label="Actions (comma-separated)"
                values={head.actions}
                suggestions={trustActions}
                hint={head.actions.some((a) => a === action || a === 'sts:*' || a === '*') ? undefined : `This step's call needs ${action}.`}
                onChange={(a) => write(writeActions(doc, roleIndex, s, a))}
              />
              {!head.actions.includes(action) && (
                <button type="button" className="btn btn--small knobs__inline-btn" onClick={() => write(writeActions(doc, roleIndex, s, [...head.actions, action]))}>
                  Add {action}
                </button>
              )}
              <ConditionsField rows={readConditions(doc, roleIndex, s)} keys={conditionKeySuggestions(doc, stepIndex)} onChange={(rows) => write(writeConditions(doc, roleIndex, s, rows))} />
            </>
          )}
        </>
      )}
    </Fieldset>
  );
}
