'use client';

import { useId, useState, type ReactNode } from 'react';

/**
 * An input that keeps what the user types while the document only stores its normalised form
 * (a value list without the trailing comma being typed, a policy that does not parse yet).
 */
export function useSyncedText(external: string, normalize: (s: string) => string): [string, (s: string) => void] {
  const [local, setLocal] = useState(external);
  const [seen, setSeen] = useState(external);
  if (external !== seen) {
    setSeen(external);
    if (normalize(local) !== external) setLocal(external);
  }
  return [local, setLocal];
}

/** A group of controls with a legend. */
export function Fieldset({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="knobs__group">
      <legend>{legend}</legend>
      {hint && <p className="muted small">{hint}</p>}
      {children}
    </fieldset>
  );
}

/** A hint under a control, and a "did you mean" with a button that applies it. */
export function Hint({ id, text, suggestion, onApply }: { id: string; text?: string; suggestion?: string; onApply?: (v: string) => void }) {
  if (!text && !suggestion) return null;
  return (
    <span id={id} className="control__hint">
      {text}
      {suggestion && onApply && (
        <>
          {text ? ' ' : ''}Did you mean{' '}
          <button type="button" className="linklike" onClick={() => onApply(suggestion)}>
            {suggestion}
          </button>
          ?
        </>
      )}
    </span>
  );
}

/** An integer field; empty means "not passed" (undefined). */
export function NumberField({ label, value, onChange, min, max, placeholder, hint }: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; min?: number; max?: number; placeholder?: string; hint?: string }) {
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

/** A text field, with optional suggestions (a datalist) and a "did you mean". */
export function TextField({
  label, value, onChange, placeholder, hint, suggestions, suggestion, inline,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  hint?: string;
  /** Values offered in a datalist; free text stays allowed. */
  suggestions?: readonly string[];
  /** A likely intended value, offered as "Did you mean …?". */
  suggestion?: string;
  /** Inside a row (no bottom margin). */
  inline?: boolean;
}) {
  const id = useId();
  const described = hint || suggestion ? `${id}-hint` : undefined;
  return (
    <div className={`control${inline ? ' control--inline' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} title={value.length > 24 ? value : undefined} placeholder={placeholder} spellCheck={false} autoComplete="off" list={suggestions?.length ? `${id}-list` : undefined} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />
      {suggestions && suggestions.length > 0 && (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <Hint id={`${id}-hint`} text={hint} suggestion={suggestion} onApply={onChange} />
    </div>
  );
}

/** A list of values typed comma-separated (or one per line). */
export function ValuesInput({ label, values, onChange, multiline, suggestions, hint, inline, rows }: { label: string; values: string[]; onChange: (v: string[]) => void; multiline?: boolean; suggestions?: readonly string[]; hint?: string; inline?: boolean; rows?: number }) {
  const sep = multiline ? '\n' : ', ';
  const split = (s: string) => s.split(multiline ? /\n/ : /,/).map((x) => x.trim()).filter(Boolean);
  const [local, setLocal] = useSyncedText(values.join(sep), (s) => split(s).join(sep));
  const id = useId();
  const common = {
    id,
    value: local,
    spellCheck: false,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onChange: (e: { target: { value: string } }) => {
      setLocal(e.target.value);
      onChange(split(e.target.value));
    },
  };
  return (
    <div className={`control${inline ? ' control--inline' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={rows ?? Math.max(2, values.length + 1)} {...common} /> : <input {...common} autoComplete="off" list={suggestions?.length ? `${id}-list` : undefined} />}
      {!multiline && suggestions && suggestions.length > 0 && (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
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

/** A policy document typed as JSON (kept as text while it does not parse). */
export function PolicyField({ value, onChange, label = 'Session policy (Policy)', hint = 'Empty: no session policy. Text that is not valid JSON is sent as is, and STS answers as it would.' }: { value: unknown; onChange: (v: unknown) => void; label?: string; hint?: string }) {
  const id = useId();
  const [local, setLocal] = useSyncedText(canonicalPolicy(value), (s) => canonicalPolicy(parsePolicyText(s)));
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
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
        {hint}
      </span>
    </div>
  );
}

/** A select with the listed choices plus "Other…" free text, for ARNs picked from the world. */
export function ArnPicker({ label, value, options, onChange, otherLabel = 'Other ARN…', hint }: { label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (v: string) => void; otherLabel?: string; hint?: string }) {
  const id = useId();
  const known = options.some((o) => o.value === value);
  // Set only when the reader picks "Other…"; a value the list does not have shows the text field anyway.
  const [other, setOther] = useState(false);
  const showOther = other || (!known && value !== '') || options.length === 0;
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      {options.length > 0 && (
        <select
          id={id}
          value={showOther ? '\u0000other' : value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => {
            if (e.target.value === '\u0000other') setOther(true);
            else {
              setOther(false);
              onChange(e.target.value);
            }
          }}
        >
          {!known && !showOther && <option value={value}>(choose)</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          <option value={'\u0000other'}>{otherLabel}</option>
        </select>
      )}
      {showOther && (
        <input
          id={options.length ? `${id}-other` : id}
          aria-label={options.length ? `${label}: typed value` : undefined}
          value={value}
          spellCheck={false}
          autoComplete="off"
          placeholder="arn:aws:iam::111111111111:…"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {hint && (
        <span id={`${id}-hint`} className="control__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * Rows edited locally (so a row whose name is being retyped, or is still empty, does not
 * vanish), reset from the document whenever the document says something else.
 * @param external the rows as read from the document
 * @param write how rows are written; two row lists that write the same are the same
 */
export function useSyncedRows<T>(external: T[], write: (rows: readonly T[]) => string): [T[], (rows: T[]) => void] {
  const key = write(external);
  const [local, setLocal] = useState(external);
  const [seen, setSeen] = useState(key);
  if (key !== seen) {
    setSeen(key);
    if (write(local) !== key) setLocal(external);
  }
  return [local, setLocal];
}
