'use client';

import { withBase } from '@/lib/content/basePath';

import { useId, useMemo, useState } from 'react';
import { addToWorld, emptyScenario, parseIamOutput } from '@/lib/import/awsIam';
import { formatJson, getAt, tryParse } from '@/lib/simulator/knobs';
import { encodeShare } from '@/lib/simulator/share';

interface Props {
  /** The scenario text in the editor. */
  text: string;
  /** Replaces it (the import is added to the world). */
  onApply: (text: string, summary: string) => void;
}

const kindNames = { role: 'aws iam get-role output', user: 'aws iam get-user output', 'policy-version': 'a policy document', 'inline-policy': 'aws iam get-role-policy output', 'trust-policy': 'a trust policy' } as const;

/**
 * "Add from AWS CLI output": paste what `aws iam get-role` (get-user, get-policy-version,
 * get-role-policy) prints, and the role, user or policy joins the scenario's world.
 */
export function AwsImport({ text, onApply }: Props) {
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [policyArn, setPolicyArn] = useState('');
  const [attachTo, setAttachTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const parsed = useMemo(() => (pasted.trim() ? parseIamOutput(pasted) : undefined), [pasted]);
  const doc = tryParse(text);
  const owners: string[] = [];
  const roleArns: string[] = [];
  const roles = getAt(doc, ['world', 'roles']);
  if (Array.isArray(roles)) for (const o of roles) if (o && typeof o === 'object' && typeof (o as { arn?: unknown }).arn === 'string') roleArns.push((o as { arn: string }).arn);
  for (const k of ['roles', 'users']) {
    const list = getAt(doc, ['world', k]);
    if (Array.isArray(list)) for (const o of list) if (o && typeof o === 'object' && typeof (o as { arn?: unknown }).arn === 'string') owners.push((o as { arn: string }).arn);
  }

  const add = () => {
    setError(null);
    if (!parsed) return setError('Paste the JSON output first.');
    if (!parsed.ok) return setError(`${parsed.error.path ? `${parsed.error.path}: ` : ''}${parsed.error.message}`);
    const base = text.trim() ? doc : emptyScenario();
    if (base === undefined) return setError('The scenario in the editor is not valid JSON yet: fix it first (nothing was changed).');
    const r = addToWorld(base, parsed.value, { policyArn, attachTo: attachTo || undefined });
    if (!r.ok) return setError(`${r.error.path ? `${r.error.path}: ` : ''}${r.error.message}`);
    onApply(formatJson(r.value.doc), r.value.summary);
    setPasted('');
  };

  return (
    <div className="aws-import">
      <p>
        Paste a policy document as the console shows it, or the JSON that <code>aws iam get-role</code>, <code>get-user</code>, <code>get-policy-version</code> or <code>get-role-policy</code>{' '}
        prints. The trust policy may be an object or URL-encoded text, as the API returns it.
      </p>
      <label className="control">
        <span>AWS CLI output</span>
        <textarea id={`${id}-paste`} rows={8} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} placeholder='{ "Role": { "Arn": "arn:aws:iam::…", "AssumeRolePolicyDocument": … } }' />
      </label>
      {parsed?.ok && (
        <p className="aws-import__found">
          Recognised {kindNames[parsed.value.kind]}
          {parsed.value.kind === 'role' && <> for role {parsed.value.role.arn}</>}
          {parsed.value.kind === 'user' && <> for user {parsed.value.user.arn}</>}.
        </p>
      )}
      {parsed?.ok && parsed.value.kind === 'policy-version' && (
        <div className="aws-import__extra">
          <label className="control">
            <span>Policy ARN (the output does not include it)</span>
            <input value={policyArn} onChange={(e) => setPolicyArn(e.target.value)} placeholder="arn:aws:iam::222222222222:policy/ReadOnlyS3" />
          </label>
          <label className="control">
            <span>Attach to</span>
            <select value={attachTo} onChange={(e) => setAttachTo(e.target.value)}>
              <option value="">Do not attach</option>
              {owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {parsed?.ok && parsed.value.kind === 'trust-policy' && roleArns.length > 1 && (
        <label className="control">
          <span>The role whose trust policy this is</span>
          <select value={attachTo} onChange={(e) => setAttachTo(e.target.value)}>
            <option value="">Choose a role</option>
            {roleArns.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      )}
      {parsed?.ok && (
        <p className="muted small">
          Want a verdict on why a call fails? <a href={withBase(`/debug/#p=${encodeShare(pasted)}`)}>Diagnose this on the Debug page</a>, which builds the provider, the caller and the call for you.
        </p>
      )}
      {parsed?.ok && (parsed.value.kind === 'role' || parsed.value.kind === 'user') && parsed.value.notes.length > 0 && (
        <ul className="muted small">
          {parsed.value.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="btn btn--primary" onClick={add}>
        Add to world
      </button>
    </div>
  );
}
