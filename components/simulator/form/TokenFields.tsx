'use client';

import { useId } from 'react';
import { defaultAssertion, defaultClaims, SAML_ATTR } from '@/lib/simulator/newStep';
import {
  assertionShape, claimSuggestions, claimTypeFor, claimValue, jwtClaims, nameIdFormats, readAttributes, readClaims, readSamlField, readSignature,
  samlAttributeSuggestions, tokenShape, writeAttributes, writeClaims, writeSamlField, type AttributeRow, type ClaimRow, type ClaimType,
} from '@/lib/simulator/tokens';
import { builtinWebIdentityProviders, worldArns } from '@/lib/simulator/worldPicks';
import { getAt, setAt } from '@/lib/simulator/knobs';
import { ArnPicker, TextField, ValuesInput, useSyncedRows } from './fields';
import { TagsField } from './rows';

type Write = (d: unknown) => void;

const claimTypes: { value: ClaimType; label: string }[] = [
  { value: 'text', label: 'text' },
  { value: 'number', label: 'number' },
  { value: 'boolean', label: 'true/false' },
  { value: 'list', label: 'list' },
  { value: 'json', label: 'JSON' },
];

const epochHint = (row: ClaimRow) => {
  if (!['iat', 'exp', 'nbf', 'auth_time'].includes(row.key) || row.type !== 'number') return undefined;
  const n = Number(row.text);
  return Number.isFinite(n) && Math.abs(n) < 1e11 ? new Date(n * 1000).toISOString().replace(/\.000Z$/, 'Z') : undefined;
};

/** The signature marker of a token or assertion. */
function SignatureSelect({ value, onChange }: { value: 'valid' | 'invalid'; onChange: (v: 'valid' | 'invalid') => void }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>Signature</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value === 'invalid' ? 'invalid' : 'valid')}>
        <option value="valid">valid (the IdP signed it)</option>
        <option value="invalid">invalid (tampered or wrong key)</option>
      </select>
    </div>
  );
}

/** Issuers to pick from: the world's OIDC providers, then the built-in ones (named by host, as AWS does). */
function issuerOptions(doc: unknown): { value: string; label: string }[] {
  const list = getAt(doc, ['world', 'oidcProviders']);
  const urls = Array.isArray(list) ? list.flatMap((p) => (p && typeof p === 'object' && typeof (p as { url?: unknown }).url === 'string' ? [(p as { url: string }).url] : [])) : [];
  // The iss values of the built-in providers (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc.html).
  const builtin = builtinWebIdentityProviders.map((h) => (h === 'accounts.google.com' || h === 'cognito-identity.amazonaws.com' ? `https://${h}` : h));
  return [...urls.map((u) => ({ value: u, label: u })), ...builtin.filter((b) => !urls.includes(b)).map((b) => ({ value: b, label: `${b} (built in)` }))];
}

/** The web identity token of an AssumeRoleWithWebIdentity step: its claims as rows, or the JWT as text. */
export function ClaimsEditor({ doc, i, write }: { doc: unknown; i: number; write: Write }) {
  const shape = tokenShape(doc, i);
  const external = readClaims(doc, i);
  const serialize = (rows: readonly ClaimRow[]) => JSON.stringify(rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), claimValue(r)]));
  const [rows, setRows] = useSyncedRows(external, serialize);
  const id = useId();
  const iss = rows.find((r) => r.key === 'iss')?.text ?? '';
  const suggestions = claimSuggestions(iss);

  if (shape === 'absent')
    return (
      <div className="rows">
        <p className="rows__title">WebIdentityToken</p>
        <p className="muted small">No token: STS answers with a validation error.</p>
        <button type="button" className="btn btn--small" onClick={() => write(setAt(doc, ['steps', i, 'params', 'WebIdentityToken'], defaultClaims(doc, i)))}>
          Add a token
        </button>
      </div>
    );
  if (shape === 'other') return <p className="muted small">The token is taken from an earlier step; edit it in the JSON tab.</p>;
  if (shape === 'jwt') {
    const jwt = String(getAt(doc, ['steps', i, 'params', 'WebIdentityToken']));
    const decoded = jwtClaims(jwt);
    return (
      <div className="rows">
        <div className="control">
          <label htmlFor={`${id}-jwt`}>WebIdentityToken (compact JWT)</label>
          <textarea id={`${id}-jwt`} rows={4} spellCheck={false} value={jwt} aria-describedby={`${id}-jwt-hint`} onChange={(e) => write(setAt(doc, ['steps', i, 'params', 'WebIdentityToken'], e.target.value))} />
          <span id={`${id}-jwt-hint`} className="control__hint">
            The simulator decodes it and reports its signature as not verified.
          </span>
        </div>
        {decoded && (
          <button type="button" className="btn btn--small" onClick={() => write(setAt(doc, ['steps', i, 'params', 'WebIdentityToken'], { ...decoded, signature: 'valid' }))}>
            Edit its claims instead (as a token signed by the provider)
          </button>
        )}
      </div>
    );
  }

  const commit = (next: ClaimRow[]) => {
    setRows(next);
    write(writeClaims(doc, i, next));
  };
  const set = (k: number, patch: Partial<ClaimRow>) => commit(rows.map((r, j) => (j === k ? { ...r, ...patch } : r)));
  const present = new Set(rows.map((r) => r.key));
  const next = suggestions.find((s) => !present.has(s)) ?? '';
  return (
    <div className="rows">
      <p className="rows__title">WebIdentityToken claims</p>
      <datalist id={`${id}-claims`}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <ArnPicker
        label="Identity provider (the token's iss)"
        value={iss}
        options={issuerOptions(doc)}
        otherLabel="Other issuer…"
        hint="The world's IAM OIDC providers and the providers AWS has built in."
        onChange={(v) => commit(rows.some((r) => r.key === 'iss') ? rows.map((r) => (r.key === 'iss' ? { ...r, type: 'text', text: v } : r)) : [{ key: 'iss', type: 'text', text: v }, ...rows])}
      />
      <SignatureSelect value={readSignature(doc, i, 'WebIdentityToken')} onChange={(s) => write(writeClaims(doc, i, rows, s))} />
      {rows.map((r, k) => {
        const when = epochHint(r);
        return (
          <div className="rows__row rows__row--claim" key={k} role="group" aria-label={`Claim ${k + 1}${r.key ? ` (${r.key})` : ''}`}>
            <label className="control control--inline">
              <span>Claim</span>
              <input list={`${id}-claims`} value={r.key} spellCheck={false} autoComplete="off" onChange={(e) => set(k, r.text === '' ? { key: e.target.value, type: claimTypeFor(e.target.value) } : { key: e.target.value })} />
            </label>
            <label className="control control--inline">
              <span>Type</span>
              <select value={r.type} onChange={(e) => set(k, { type: e.target.value as ClaimType, text: e.target.value === 'list' ? r.text.split(',').map((x) => x.trim()).join('\n') : r.text })}>
                {claimTypes.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            <div className="control control--inline">
              <label htmlFor={`${id}-v${k}`}>Value</label>
              {r.type === 'list' || r.type === 'json' ? (
                <textarea id={`${id}-v${k}`} rows={Math.max(2, r.text.split('\n').length)} value={r.text} spellCheck={false} aria-describedby={`${id}-v${k}-hint`} onChange={(e) => set(k, { text: e.target.value })} />
              ) : (
                <input id={`${id}-v${k}`} value={r.text} title={r.text.length > 24 ? r.text : undefined} spellCheck={false} inputMode={r.type === 'number' ? 'numeric' : undefined} aria-describedby={when ? `${id}-v${k}-hint` : undefined} onChange={(e) => set(k, { text: e.target.value })} />
              )}
              {(when || r.type === 'list' || r.type === 'json') && (
                <span id={`${id}-v${k}-hint`} className="control__hint">
                  {when ?? (r.type === 'list' ? 'One per line.' : 'A JSON value.')}
                </span>
              )}
            </div>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => commit(rows.filter((_, j) => j !== k))} aria-label={`Remove claim ${k + 1}${r.key ? ` (${r.key})` : ''}`}>
              Remove
            </button>
          </div>
        );
      })}
      <button type="button" className="btn btn--small" onClick={() => commit([...rows, { key: next, type: claimTypeFor(next), text: '' }])}>
        Add claim
      </button>
    </div>
  );
}

const ROLE = `${SAML_ATTR}Role`;
const SESSION_NAME = `${SAML_ATTR}RoleSessionName`;
const TAG = `${SAML_ATTR}PrincipalTag:`;
const TRANSITIVE = `${SAML_ATTR}TransitiveTagKeys`;

/** The SAML assertion of an AssumeRoleWithSAML step, field by field, in the format's shape. */
export function SamlEditor({ doc, i, write }: { doc: unknown; i: number; write: Write }) {
  const shape = assertionShape(doc, i);
  const external = readAttributes(doc, i);
  const [attrs, setAttrs] = useSyncedRows(external, (rows) => JSON.stringify(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.values])));
  const id = useId();
  const roleArn = String(getAt(doc, ['steps', i, 'params', 'RoleArn']) ?? '');
  const providerArn = String(getAt(doc, ['steps', i, 'params', 'PrincipalArn']) ?? '');
  const issuers = (() => {
    const list = getAt(doc, ['world', 'samlProviders']);
    return Array.isArray(list) ? list.flatMap((p) => (p && typeof p === 'object' && typeof (p as { issuer?: unknown }).issuer === 'string' ? [(p as { issuer: string }).issuer] : [])) : [];
  })();

  if (shape === 'absent')
    return (
      <div className="rows">
        <p className="rows__title">SAMLAssertion</p>
        <p className="muted small">No assertion.</p>
        <button type="button" className="btn btn--small" onClick={() => write(setAt(doc, ['steps', i, 'params', 'SAMLAssertion'], defaultAssertion(doc, i, roleArn, providerArn || worldArns(doc, 'samlProviders')[0] || '')))}>
          Add an assertion
        </button>
      </div>
    );
  if (shape !== 'object') return <p className="muted small">The assertion is given as text (base64 or XML) or taken from another step; edit it in the JSON tab.</p>;

  const commit = (rows: AttributeRow[]) => {
    setAttrs(rows);
    write(writeAttributes(doc, i, rows));
  };
  const get = (name: string) => attrs.find((r) => r.name === name)?.values ?? [];
  const put = (name: string, values: string[] | undefined) => {
    const at = attrs.findIndex((r) => r.name === name);
    if (values === undefined) return commit(attrs.filter((r) => r.name !== name));
    if (at < 0) return commit([...attrs, { name, values }]);
    commit(attrs.map((r, j) => (j === at ? { ...r, values } : r)));
  };
  const transitive = new Set(get(TRANSITIVE));
  const tags = attrs.filter((r) => r.name.startsWith(TAG)).map((r) => ({ key: r.name.slice(TAG.length), value: r.values[0] ?? '', transitive: transitive.has(r.name.slice(TAG.length)) }));
  const others = attrs.map((r, k) => ({ r, k })).filter(({ r }) => r.name !== ROLE && r.name !== SESSION_NAME && r.name !== TRANSITIVE && !r.name.startsWith(TAG));
  const field = (f: Parameters<typeof readSamlField>[2], label: string, extra?: { suggestions?: readonly string[]; placeholder?: string; hint?: string }) => (
    <TextField label={label} value={readSamlField(doc, i, f)} onChange={(v) => write(writeSamlField(doc, i, f, v))} {...extra} />
  );
  const pair = roleArn && providerArn ? `${roleArn},${providerArn}` : '';

  return (
    <div className="rows">
      <p className="rows__title">SAMLAssertion</p>
      {field('issuer', 'Issuer', { suggestions: issuers, hint: 'Must be the issuer of the SAML provider in PrincipalArn.' })}
      {field('recipient', 'Recipient (becomes SAML:aud)', { suggestions: ['https://signin.aws.amazon.com/saml'], placeholder: 'not in the assertion' })}
      {field('nameId', 'NameID (becomes SAML:sub)', { placeholder: 'not in the assertion' })}
      {field('nameIdFormat', 'NameID format', { suggestions: nameIdFormats, placeholder: 'transient (the default)' })}
      {field('issueInstant', 'IssueInstant', { placeholder: '2026-01-01T00:00:00Z' })}
      {field('notOnOrAfter', 'NotOnOrAfter', { placeholder: 'no limit given' })}
      {field('sessionNotOnOrAfter', 'SessionNotOnOrAfter', { placeholder: 'no limit given', hint: 'The session ends then if that comes before DurationSeconds.' })}
      <SignatureSelect value={readSignature(doc, i, 'SAMLAssertion')} onChange={(s) => write(writeSamlField(doc, i, 'signature', s))} />
      <ValuesInput
        label="Role attribute (role ARN,provider ARN; one pair per line)"
        values={get(ROLE)}
        multiline
        rows={Math.max(3, get(ROLE).length * 3 + 1)}
        onChange={(v) => put(ROLE, v.length ? v : undefined)}
        hint={pair && !get(ROLE).includes(pair) ? `This step's role and provider would be: ${pair}` : undefined}
      />
      {pair && !get(ROLE).includes(pair) && (
        <button type="button" className="btn btn--small saml__pair" onClick={() => put(ROLE, [...get(ROLE), pair])}>
          Add this step&rsquo;s role and provider to the Role attribute
        </button>
      )}
      <TextField label="RoleSessionName attribute" value={get(SESSION_NAME)[0] ?? ''} placeholder="missing (STS refuses the assertion)" onChange={(v) => put(SESSION_NAME, v ? [v] : undefined)} />
      <TagsField
        title="Session tags (PrincipalTag attributes)"
        rows={tags}
        onChange={(rows) => {
          const rest = attrs.filter((r) => !r.name.startsWith(TAG) && r.name !== TRANSITIVE);
          const keys = rows.filter((r) => r.transitive).map((r) => r.key);
          commit([...rest, ...rows.map((r) => ({ name: `${TAG}${r.key}`, values: [r.value] })), ...(keys.length ? [{ name: TRANSITIVE, values: keys }] : [])]);
        }}
      />
      <p className="rows__title">Other attributes</p>
      <datalist id={`${id}-attrs`}>
        {samlAttributeSuggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {others.length === 0 && <p className="muted small">None.</p>}
      {others.map(({ r, k }, n) => (
        <div className="rows__row rows__row--wide" key={k} role="group" aria-label={`Attribute ${n + 1}`}>
          <label className="control control--inline">
            <span>Name</span>
            <input list={`${id}-attrs`} value={r.name} title={r.name} spellCheck={false} autoComplete="off" onChange={(e) => commit(attrs.map((x, j) => (j === k ? { ...x, name: e.target.value } : x)))} />
          </label>
          <ValuesInput inline label="Values, one per line" values={r.values} multiline onChange={(values) => commit(attrs.map((x, j) => (j === k ? { ...x, values } : x)))} />
          <button type="button" className="btn btn--small btn--ghost" onClick={() => commit(attrs.filter((_, j) => j !== k))} aria-label={`Remove attribute ${n + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => commit([...attrs, { name: samlAttributeSuggestions.find((n) => n !== ROLE && n !== SESSION_NAME && !attrs.some((a) => a.name === n)) ?? '', values: [] }])}>
        Add attribute
      </button>
    </div>
  );
}
