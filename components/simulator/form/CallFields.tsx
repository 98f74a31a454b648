'use client';

import { useId, useState } from 'react';
import { callParams, stsCalls, type StsCall } from '@/lib/scenario/calls';
import { getAt, mfaDeviceOf, readCaller, readMaxSession, readParam, readTags, setAt, targetRoleIndex, writeParam, writeTags } from '@/lib/simulator/knobs';
import { changeCall, oidcIssuerFor } from '@/lib/simulator/newStep';
import { rootTaskPolicies } from '@/lib/world/world';
import { addOidcProvider, addRole, addSamlProvider, policyArnSuggestions, worldAccounts, worldArns } from '@/lib/simulator/worldPicks';
import { ArnPicker, Fieldset, NumberField, PolicyField, TextField, ValuesInput } from './fields';
import { ArnListField, TagsField } from './rows';
import { ClaimsEditor, SamlEditor } from './TokenFields';

type Write = (d: unknown, change?: { message: string; select?: number }) => void;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const last = (arn: string) => arn.split('/').pop() ?? arn;

/** The call of a step, which can be changed to any call the format supports. */
export function CallSelect({ doc, i, write }: { doc: unknown; i: number; write: Write }) {
  const id = useId();
  const call = String(getAt(doc, ['steps', i, 'call']) ?? '');
  return (
    <div className="control">
      <label htmlFor={id}>Call</label>
      <select
        id={id}
        value={call}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const next = changeCall(doc, i, e.target.value as StsCall);
          if (next) write(setAt(doc, ['steps', i], next), { message: `Step ${i + 1} now calls ${e.target.value}; parameters it does not take were dropped.` });
        }}
      >
        {!(stsCalls as readonly string[]).includes(call) && <option value={call}>{call || '(none)'}</option>}
        {stsCalls.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="control__hint">
        Changing the call keeps the parameters the new call also takes and fills in those it needs.
      </span>
    </div>
  );
}

/** A string parameter that may also be taken from an earlier step (`{ fromStep, path }`). */
function StringParam({ doc, i, name, label, write, placeholder, hint, suggestions }: { doc: unknown; i: number; name: string; label?: string; write: Write; placeholder?: string; hint?: string; suggestions?: readonly string[] }) {
  const v = readParam(doc, i, name);
  if (isObject(v) && typeof v.fromStep === 'string')
    return (
      <div className="control">
        <span className="control__label">{label ?? name}</span>
        <p className="small">
          Taken from step &ldquo;{v.fromStep}&rdquo; ({String(v.path ?? '')}).{' '}
          <button type="button" className="linklike" onClick={() => write(writeParam(doc, i, name, ''))}>
            Type a value instead
          </button>
        </p>
      </div>
    );
  return <TextField label={label ?? name} value={typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v)} placeholder={placeholder ?? 'not passed'} hint={hint} suggestions={suggestions} onChange={(x) => write(writeParam(doc, i, name, x || undefined))} />;
}

/** Adds what a federated step needs from the world: its identity provider and a role that trusts it. */
function FederationSetup({ doc, i, call, write }: { doc: unknown; i: number; call: 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML'; write: Write }) {
  const id = useId();
  const accounts = worldAccounts(doc);
  // The account of the role the step names, when the world has it: providers and roles are per account.
  const roleAccount = String(readParam(doc, i, 'RoleArn') ?? '').split(':')[4] ?? '';
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const account = picked && accounts.includes(picked) ? picked : accounts.includes(roleAccount) ? roleAccount : (accounts[0] ?? '111111111111');
  const [roleName, setRoleName] = useState(call === 'AssumeRoleWithWebIdentity' ? 'WebIdentityRole' : 'SamlRole');
  const [error, setError] = useState<string | null>(null);
  const web = call === 'AssumeRoleWithWebIdentity';
  const iss = String(getAt(doc, ['steps', i, 'params', 'WebIdentityToken', 'iss']) ?? oidcIssuerFor(doc).url);
  const aud = getAt(doc, ['steps', i, 'params', 'WebIdentityToken', 'aud']);
  const audience = typeof aud === 'string' ? aud : Array.isArray(aud) && typeof aud[0] === 'string' ? aud[0] : 'sts.amazonaws.com';
  const host = iss.replace(/^https:\/\//, '').replace(/\/$/, '');
  const oidc = worldArns(doc, 'oidcProviders');
  const haveOidc = (getAt(doc, ['world', 'oidcProviders']) as unknown[] | undefined)?.some((p) => isObject(p) && typeof p.url === 'string' && p.url.replace(/^https:\/\//, '').replace(/\/$/, '') === host);
  const saml = worldArns(doc, 'samlProviders');
  const provider = web ? (oidc.find((a) => a.endsWith(`/${host}`)) ?? `arn:aws:iam::${account}:oidc-provider/${host}`) : (String(readParam(doc, i, 'PrincipalArn') ?? '') || saml[0] || '');
  return (
    <div className="setup">
      {web && !haveOidc && host && (
        <p className="small">
          The world has no IAM OIDC provider for {iss}, so STS cannot check this token.{' '}
          <button type="button" className="btn btn--small" onClick={() => write(addOidcProvider(doc, iss, [audience], account).doc, { message: `Added the IAM OIDC provider for ${iss} (client ID ${audience}) in account ${account}.` })}>
            Add the OIDC provider for {host}
          </button>
        </p>
      )}
      {!web && saml.length === 0 && (
        <p className="small">
          The world has no SAML provider.{' '}
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              const issuer = String(getAt(doc, ['steps', i, 'params', 'SAMLAssertion', 'issuer']) ?? '') || 'https://idp.example.com/saml';
              const r = addSamlProvider(doc, 'MyIdP', issuer, account);
              write(writeParam(r.doc, i, 'PrincipalArn', r.arn), { message: `Added the SAML provider ${r.arn} (issuer ${issuer}).` });
            }}
          >
            Add a SAML provider
          </button>
        </p>
      )}
      <details className="setup__role">
        <summary>New role that trusts {web ? 'this provider' : 'the SAML provider'}</summary>
        {accounts.length > 1 && (
          <div className="control">
            <label htmlFor={`${id}-account`}>Account</label>
            <select id={`${id}-account`} value={account} onChange={(e) => setPicked(e.target.value)}>
              {accounts.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="control">
          <label htmlFor={`${id}-name`}>Role name</label>
          <input id={`${id}-name`} value={roleName} spellCheck={false} onChange={(e) => setRoleName(e.target.value)} aria-describedby={`${id}-err`} />
          <span id={`${id}-err`} className={error ? 'control__hint form-error' : 'control__hint'}>
            {error ?? `Created in account ${account}, trusting ${provider || 'the provider'} for ${call}.`}
          </span>
        </div>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => {
            const r = addRole(doc, roleName.trim(), account, call, provider, web ? audience : undefined);
            if (!r.ok) return setError(r.message);
            setError(null);
            let d = writeParam(r.doc, i, 'RoleArn', r.arn);
            if (!web) d = setAt(d, ['steps', i, 'params', 'SAMLAssertion', 'attributes', 'https://aws.amazon.com/SAML/Attributes/Role'], [`${r.arn},${provider}`]);
            write(d, { message: `Added role ${r.arn}, trusted for ${call}, and pointed step ${i + 1} at it.` });
          }}
        >
          Create the role and use it
        </button>
      </details>
    </div>
  );
}

/** Parameters of a call step: every one the call takes (scenario-format.md, the API's member names). */
export function CallParams({ doc, i, write }: { doc: unknown; i: number; write: Write }) {
  const call = String(getAt(doc, ['steps', i, 'call']) ?? '') as StsCall;
  const params = callParams[call] ?? [];
  const caller = readCaller(doc, i);
  const device = caller.kind === 'user' ? mfaDeviceOf(doc, caller.user) : undefined;
  const roleIndex = targetRoleIndex(doc, i);
  const num = (name: string) => {
    const v = readParam(doc, i, name);
    return typeof v === 'number' ? v : undefined;
  };
  const roleOptions = worldArns(doc, 'roles').map((a) => ({ value: a, label: `${last(a)} (${a.split(':')[4]})` }));
  const has = (p: string) => params.includes(p);
  const arnList = (name: string): string[] => {
    const v = readParam(doc, i, name);
    return Array.isArray(v) ? v.map((x) => (isObject(x) && typeof x.arn === 'string' ? x.arn : '')) : [];
  };
  const taskArn = (() => {
    const v = readParam(doc, i, 'TaskPolicyArn');
    return isObject(v) && typeof v.arn === 'string' ? v.arn : '';
  })();
  const rawDuration = readParam(doc, i, 'DurationSeconds');
  // Parameters few scenarios need sit behind "More parameters" (open when one is set).
  const rare = ['ProviderId', 'ProvidedContexts', 'MinimumSessionTokenSize'].filter(has);
  if (!params.length) return <p className="muted small">{call} takes no parameters.</p>;
  return (
    <Fieldset legend={`${call} parameters`}>
      {has('RoleArn') && (
        <ArnPicker label="Role (RoleArn)" value={String(readParam(doc, i, 'RoleArn') ?? '')} options={roleOptions} otherLabel="Other ARN (a role not in the world)…" onChange={(v) => write(writeParam(doc, i, 'RoleArn', v))} />
      )}
      {(call === 'AssumeRoleWithWebIdentity' || call === 'AssumeRoleWithSAML') && <FederationSetup doc={doc} i={i} call={call} write={write} />}
      {has('PrincipalArn') && (
        <ArnPicker
          label="SAML provider (PrincipalArn)"
          value={String(readParam(doc, i, 'PrincipalArn') ?? '')}
          options={worldArns(doc, 'samlProviders').map((a) => ({ value: a, label: last(a) }))}
          onChange={(v) => write(writeParam(doc, i, 'PrincipalArn', v))}
        />
      )}
      {has('RoleSessionName') && <TextField label="RoleSessionName" value={String(readParam(doc, i, 'RoleSessionName') ?? '')} onChange={(v) => write(writeParam(doc, i, 'RoleSessionName', v || undefined))} />}
      {has('Name') && <TextField label="Name" value={String(readParam(doc, i, 'Name') ?? '')} onChange={(v) => write(writeParam(doc, i, 'Name', v || undefined))} />}
      {has('WebIdentityToken') && <ClaimsEditor doc={doc} i={i} write={write} />}
      {has('SAMLAssertion') && <SamlEditor doc={doc} i={i} write={write} />}
      {has('TargetPrincipal') && <StringParam doc={doc} i={i} name="TargetPrincipal" write={write} suggestions={worldAccounts(doc)} hint="The member account whose root user the session acts as." />}
      {has('TaskPolicyArn') && (
        <ArnPicker
          label="TaskPolicyArn"
          value={taskArn}
          options={Object.keys(rootTaskPolicies).map((a) => ({ value: a, label: last(a) }))}
          onChange={(v) => write(writeParam(doc, i, 'TaskPolicyArn', v ? { arn: v } : undefined))}
        />
      )}
      {has('DurationSeconds') && (
        <NumberField
          label="DurationSeconds"
          value={num('DurationSeconds')}
          placeholder="not passed"
          hint={
            rawDuration !== undefined && num('DurationSeconds') === undefined
              ? `The JSON has ${JSON.stringify(rawDuration)}, which is not a number of seconds.`
              : roleIndex !== undefined
                ? `The role allows up to ${readMaxSession(doc, roleIndex) ?? 3600}; a chained session, 3600.`
                : undefined
          }
          onChange={(v) => write(writeParam(doc, i, 'DurationSeconds', v))}
        />
      )}
      {has('ExternalId') && <StringParam doc={doc} i={i} name="ExternalId" write={write} />}
      {has('SerialNumber') && (
        <StringParam doc={doc} i={i} name="SerialNumber" label="MFA device (SerialNumber)" write={write} suggestions={device ? [device.serial] : []} hint={device ? `The caller's device is ${device.serial}.` : undefined} />
      )}
      {has('TokenCode') && <StringParam doc={doc} i={i} name="TokenCode" label="MFA code (TokenCode)" write={write} hint={device?.code ? `The device's current code is ${device.code}.` : 'Six digits.'} />}
      {has('SourceIdentity') && <StringParam doc={doc} i={i} name="SourceIdentity" write={write} />}
      {has('EncodedMessage') && <StringParam doc={doc} i={i} name="EncodedMessage" write={write} />}
      {has('AccessKeyId') && <StringParam doc={doc} i={i} name="AccessKeyId" write={write} />}
      {has('Audience') && (
        <ValuesInput label="Audience (one per line)" values={Array.isArray(readParam(doc, i, 'Audience')) ? (readParam(doc, i, 'Audience') as unknown[]).map(String) : []} multiline onChange={(v) => write(writeParam(doc, i, 'Audience', v.length ? v : undefined))} />
      )}
      {has('SigningAlgorithm') && <StringParam doc={doc} i={i} name="SigningAlgorithm" write={write} suggestions={['RS256', 'ES384']} />}
      {has('Policy') && <PolicyField value={readParam(doc, i, 'Policy')} onChange={(v) => write(writeParam(doc, i, 'Policy', v))} />}
      {has('PolicyArns') && (
        <ArnListField
          title="Managed session policies (PolicyArns)"
          noun="Policy ARN"
          values={arnList('PolicyArns')}
          suggestions={policyArnSuggestions(doc)}
          onChange={(v) => write(writeParam(doc, i, 'PolicyArns', v.length ? v.map((arn) => ({ arn })) : undefined))}
        />
      )}
      {has('Tags') && <TagsField rows={readTags(doc, i)} transitive={has('TransitiveTagKeys')} onChange={(rows) => write(writeTags(doc, i, rows))} />}
      {rare.length > 0 && (
        <details className="more-params" open={rare.some((p) => readParam(doc, i, p) !== undefined) || undefined}>
          <summary>More parameters ({rare.join(', ')})</summary>
          {has('ProviderId') && <StringParam doc={doc} i={i} name="ProviderId" write={write} hint="Only for OAuth 2.0 access tokens from Login with Amazon or Facebook (www.amazon.com, graph.facebook.com)." suggestions={['www.amazon.com', 'graph.facebook.com']} />}
          {has('ProvidedContexts') && <ProvidedContexts doc={doc} i={i} write={write} />}
          {has('MinimumSessionTokenSize') && <NumberField label="MinimumSessionTokenSize" value={num('MinimumSessionTokenSize')} placeholder="not passed" onChange={(v) => write(writeParam(doc, i, 'MinimumSessionTokenSize', v))} />}
        </details>
      )}
    </Fieldset>
  );
}

/** ProvidedContexts rows (trusted context providers' assertions). */
function ProvidedContexts({ doc, i, write }: { doc: unknown; i: number; write: Write }) {
  const v = readParam(doc, i, 'ProvidedContexts');
  const rows = Array.isArray(v) ? v.map((x) => (isObject(x) ? { ProviderArn: String(x.ProviderArn ?? ''), ContextAssertion: String(x.ContextAssertion ?? '') } : { ProviderArn: '', ContextAssertion: '' })) : [];
  const put = (next: typeof rows) => write(writeParam(doc, i, 'ProvidedContexts', next.length ? next : undefined));
  return (
    <div className="rows">
      <p className="rows__title">ProvidedContexts</p>
      {rows.length === 0 && <p className="muted small">None.</p>}
      {rows.map((r, k) => (
        <div className="rows__row rows__row--wide" key={k} role="group" aria-label={`Provided context ${k + 1}`}>
          <TextField inline label="ProviderArn" value={r.ProviderArn} suggestions={['arn:aws:iam::aws:contextProvider/IdentityCenter']} onChange={(x) => put(rows.map((y, j) => (j === k ? { ...y, ProviderArn: x } : y)))} />
          <TextField inline label="ContextAssertion" value={r.ContextAssertion} onChange={(x) => put(rows.map((y, j) => (j === k ? { ...y, ContextAssertion: x } : y)))} />
          <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove provided context ${k + 1}`} onClick={() => put(rows.filter((_, j) => j !== k))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn--small" onClick={() => put([...rows, { ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: '' }])}>
        Add context
      </button>
    </div>
  );
}
