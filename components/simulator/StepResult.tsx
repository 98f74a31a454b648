'use client';

import { useState } from 'react';
import type { CallResult, Fix, RequestResult, Scenario, StepResult as Step } from '@/lib/engine';
import { cliCommand, cliCredentialsHint } from '@/lib/simulator/cliCommand';
import { noteHref, noteLabel } from '@/lib/simulator/notes';
import { credentialsOf, decidingEntries } from '@/lib/simulator/outcome';
import { formatDuration } from '@/lib/simulator/timeline';
import { withBase } from '@/lib/content/basePath';

interface Props {
  scenario: Scenario;
  steps: readonly Step[];
  index: number;
  /** Fixes cannot be applied to results of an older text. */
  canApply: boolean;
  onApplyFix: (fix: Fix) => void;
  /** Verified fixes for this step, computed on demand (undefined: not computed yet; the run's own, if any, are shown). */
  fixes?: Fix[];
}

const mask = (s: string, keep = 4) => (s.length > keep ? `${s.slice(0, keep)}…${s.slice(-4)}` : s);

function Field({ name, value, mono = true }: { name: string; value: string; mono?: boolean }) {
  return (
    <div className="field">
      <dt>{name}</dt>
      <dd className={mono ? 'mono' : undefined}>{value}</dd>
    </div>
  );
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="btn btn--small"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => {
            setDone(true);
            setTimeout(() => setDone(false), 1500);
          },
          () => undefined,
        );
      }}
    >
      {done ? 'Copied' : label}
    </button>
  );
}

/** The AWS-shaped response of a successful call: credentials card, principal, other members. */
function Response({ r }: { r: CallResult }) {
  const creds = credentialsOf(r);
  const resp = r.response ?? {};
  const aru = resp.AssumedRoleUser as Record<string, string> | undefined;
  const fu = resp.FederatedUser as Record<string, string> | undefined;
  const rest = Object.entries(resp).filter(([k]) => !['Credentials', 'AssumedRoleUser', 'FederatedUser', ...(r.token ? ['WebIdentityToken'] : [])].includes(k));
  const at = Date.parse(r.at);
  return (
    <div className="result result--ok">
      <h4>{r.call} response</h4>
      {creds && (
        <div className="creds">
          <p className="creds__title">Credentials</p>
          <dl className="fields">
            <Field name="AccessKeyId" value={creds.AccessKeyId} />
            <Field name="SecretAccessKey" value={mask(creds.SecretAccessKey)} />
            <Field name="SessionToken" value={mask(creds.SessionToken, 12)} />
            <Field name="Expiration" value={creds.Expiration} />
          </dl>
          <p className="creds__countdown">
            Expires in <strong>{formatDuration(Date.parse(creds.Expiration) - at)}</strong> on the simulated clock (it is {r.at.slice(11)} at this step). The
            timeline below counts down at every later step.
          </p>
        </div>
      )}
      {(aru || fu || rest.length > 0) && (
        <dl className="fields">
          {aru && <Field name="AssumedRoleUser.Arn" value={aru.Arn ?? ''} />}
          {aru && <Field name="AssumedRoleUser.AssumedRoleId" value={aru.AssumedRoleId ?? ''} />}
          {fu && <Field name="FederatedUser.Arn" value={fu.Arn ?? ''} />}
          {fu && <Field name="FederatedUser.FederatedUserId" value={fu.FederatedUserId ?? ''} />}
          {rest.map(([k, v]) => (
            <Field key={k} name={k} value={typeof v === 'string' ? v : JSON.stringify(v)} />
          ))}
        </dl>
      )}
      {r.token && <DecodedToken jwt={String(resp.WebIdentityToken ?? '')} token={r.token} />}
    </div>
  );
}

/** GetWebIdentityToken's JWT, decoded: header and claims, as an external service would read them. */
function DecodedToken({ jwt, token }: { jwt: string; token: NonNullable<CallResult['token']> }) {
  const [header = '', payload = '', signature = ''] = jwt.split('.');
  return (
    <div className="jwt">
      <p className="creds__title">WebIdentityToken, decoded</p>
      <p className="small">
        A compact JWT: <code className="break">{mask(header, 10)}</code>.<code className="break">{mask(payload, 10)}</code>.<code className="break">{mask(signature, 6)}</code>. The
        simulator&apos;s signature is a placeholder, not a real signature.
      </p>
      <div className="jwt__parts">
        <section aria-label="JWT header">
          <p className="jwt__label">Header</p>
          <pre className="code jwt__json" tabIndex={0}>{JSON.stringify(token.header, null, 2)}</pre>
        </section>
        <section aria-label="JWT claims">
          <p className="jwt__label">Claims</p>
          <pre className="code jwt__json" tabIndex={0}>{JSON.stringify(token.claims, null, 2)}</pre>
        </section>
      </div>
      <CopyButton text={jwt} label="Copy token" />
    </div>
  );
}

/** "What AWS tells you" beside "Why", for a failed call or a denied request. */
function Denial({ r }: { r: CallResult | RequestResult }) {
  const why = decidingEntries(r);
  return (
    <div className="denial">
      <div className="denial__aws">
        <h4>What AWS tells you</h4>
        {r.error ? (
          <>
            <p className="denial__code">
              <code>{r.error.code}</code> <span className="muted">HTTP {r.error.httpStatus}</span>
            </p>
            <p className="denial__message">{r.error.message}</p>
            {r.error.encodedMessage && (
              <p className="denial__encoded">
                Encoded authorization message: <code className="break">{mask(r.error.encodedMessage, 24)}</code>
              </p>
            )}
          </>
        ) : (
          <p>No error message.</p>
        )}
      </div>
      <div className="denial__why">
        <h4>Why</h4>
        <ul>
          {why.map((t, i) => (
            <li key={i}>
              <strong>{t.gate}</strong>: {t.reason}{' '}
              <a href={withBase(noteHref(t.learn))}>Learn: {noteLabel(t.learn)}</a>
              {t.source && (
                <>
                  {' · '}
                  <a href={t.source} rel="noreferrer">
                    AWS documentation
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Everything the simulator says about one completed step. */
export function StepResult({ scenario, steps, index, canApply, onApplyFix, fixes: asked }: Props) {
  const r = steps[index];
  if (!r) return null;
  if (r.kind === 'clock') return <p className="result result--clock">The simulated clock moves to {r.at}.</p>;
  const fixes = asked ?? r.fixes;
  const cmd = cliCommand(scenario, index, steps);
  const hint = cliCredentialsHint(scenario, index);
  return (
    <div className="step-result">
      {r.kind === 'request' && (
        <div className={`result ${r.decision === 'Allow' ? 'result--ok' : 'result--fail'}`}>
          <h4>
            {r.action} on <span className="mono break">{r.resource}</span>
          </h4>
          <p>
            Decision: <strong className={r.decision === 'Allow' ? 'text-pass' : 'text-fail'}>{r.decision}</strong>
          </p>
          {r.decision === 'Allow' && (
            <>
              <p className="muted">Decided by:</p>
              <ul>
                {decidingEntries(r).map((t, i) => (
                  <li key={i}>
                    <strong>{t.gate}</strong>: {t.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {r.kind === 'call' && r.outcome === 'success' && <Response r={r} />}
      {r.outcome === 'error' && <Denial r={r} />}
      {r.expect && !r.expect.met && (
        <div className="expect-miss">
          <h4>Differs from the file’s expect</h4>
          <p className="small">
            The scenario’s <code>expect</code> records what this step did when it was written. Your changes made it behave differently, which is the point when you explore; update or remove <code>expect</code> before you keep the file as a test.
          </p>
          <ul>
            {r.expect.mismatches.map((m) => (
              <li key={m.field}>
                <code>{m.field}</code>: expected <code>{JSON.stringify(m.expected)}</code>, got <code>{JSON.stringify(m.actual ?? null)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {fixes && fixes.length > 0 && (
        <div className="fixes">
          <h4>Fixes that make this step succeed</h4>
          <ul>
            {fixes.map((f, i) => (
              <li key={i} className={f.weakens ? 'fix--weakens' : undefined}>
                <span>
                  {f.summary}
                  {f.weakens && (
                    <>
                      <br />
                      <strong className="fix__warning">Weakens security:</strong> {f.weakens}
                    </>
                  )}
                </span>
                <button type="button" className="btn btn--small" disabled={!canApply} onClick={() => onApplyFix(f)} aria-label={`Apply: ${f.summary}`}>
                  Apply
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {cmd && (
        <div className="cli">
          <div className="cli__head">
            <h4>The same call with the AWS CLI</h4>
            <CopyButton text={cmd} label="Copy command" />
          </div>
          <pre className="code">
            <code>
              {hint ? `${hint}\n` : ''}
              {cmd}
            </code>
          </pre>
        </div>
      )}
    </div>
  );
}
