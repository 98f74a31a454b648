'use client';

import { withBase } from '@/lib/content/basePath';

import { useEffect, useId, useMemo, useState } from 'react';
import type { CallResult, Fix, Simulation } from '@/lib/engine';
import { buildScenario, type Answers } from '@/lib/debug/build';
import { debugExamples } from '@/lib/debug/examples';
import { noFixReason } from '@/lib/debug/noFix';
import { recognise } from '@/lib/debug/recognise';
import { lintPolicy, type Finding } from '@/lib/lint/trustLint';
import { noteHref, noteLabel } from '@/lib/simulator/notes';
import { decodeShare, encodeShare } from '@/lib/simulator/share';
import { applyPatch } from '@/lib/util/jsonPatch';
import { useEngine } from '@/components/simulator/useSimulation';

const icons = { pass: '✓', fail: '✗', skip: '–', info: 'i' } as const;

const simulatorLink = (scenario: unknown) => withBase(`/simulator/#s=${encodeShare(JSON.stringify(scenario))}`);

function FindingItem({ f }: { f: Finding }) {
  return (
    <li className={`finding finding--${f.severity}`}>
      <p>
        <span className={`badge badge--${f.severity}`}>{f.severity}</span> <strong>{f.message}</strong>
      </p>
      <p className="muted small">
        <code className="break">{f.path}</code>
        {f.statement.sid ? ` (Sid ${f.statement.sid})` : ''} · rule <code>{f.rule}</code>
      </p>
      <p>{f.why}</p>
      <p className="small">
        <a href={withBase(noteHref(f.learn))}>Learn: {noteLabel(f.learn)}</a> · <a href={f.source} rel="noreferrer">Source</a>
      </p>
    </li>
  );
}

function FixItem({ fix, scenario }: { fix: Fix; scenario: Record<string, unknown> }) {
  const patched = applyPatch(scenario, fix.patch);
  return (
    <li className={`fix${fix.weakens ? ' fix--weakens' : ''}`}>
      <p>
        <strong>{fix.summary}</strong>
        {fix.weakens && (
          <>
            {' '}
            <span className="badge badge--high">weakens security</span>
          </>
        )}
      </p>
      {fix.weakens && <p className="small">{fix.weakens}</p>}
      <details>
        <summary>The change (JSON Patch)</summary>
        <pre className="small">{JSON.stringify(fix.patch, null, 2)}</pre>
      </details>
      {patched !== undefined && (
        <p className="small">
          <a href={simulatorLink(patched)}>Open in the simulator with this fix</a>
        </p>
      )}
    </li>
  );
}

function Verdict({ sim, scenario }: { sim: Extract<Simulation, { ok: true }>; scenario: Record<string, unknown> }) {
  const steps = sim.result.steps.filter((s): s is CallResult => s.kind === 'call');
  const r = steps.find((s) => s.id === 'debug') ?? steps.at(-1);
  if (!r) return null;
  const ok = r.outcome === 'success';
  const fixes = r.fixes ?? [];
  const reason = ok ? undefined : noFixReason(r);
  return (
    <div className="debug-verdict">
      <div className={`result ${ok ? 'result--ok' : 'result--fail'}`}>
        <p className="debug-verdict__head">
          <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {r.call}: <strong>{ok ? 'success' : r.error?.code}</strong>
        </p>
        {r.error && <p className="denial__message">{r.error.message}</p>}
        {ok && typeof (r.response?.AssumedRoleUser as { Arn?: string } | undefined)?.Arn === 'string' && (
          <p>
            STS issues credentials for <code className="break">{(r.response!.AssumedRoleUser as { Arn: string }).Arn}</code>.
          </p>
        )}
        {r.expect && !r.expect.met && (
          <p className="debug-warn" role="note">
            Your paste shows this call failing ({String(r.expect.mismatches[0]?.expected ?? '')}), but with the stand-ins below it gives {String(r.expect.mismatches[0]?.actual ?? '')}: the cause is in what the
            paste did not include. Paste the role&apos;s trust policy or the caller&apos;s policies to find it.
          </p>
        )}
      </div>
      <h3>Why: every check STS made</h3>
      <ol className="debug-trace">
        {r.trace.map((t, i) => (
          <li key={i} className={`debug-trace__entry debug-trace__entry--${t.result}`}>
            <span className="debug-trace__icon" aria-label={t.result}>
              {icons[t.result]}
            </span>{' '}
            <strong>{t.gate}</strong>: {t.reason}
            {t.uncertain && <em className="muted"> (AWS does not document this; the model picks the likeliest behaviour)</em>}{' '}
            <a href={withBase(noteHref(t.learn))} className="small">
              Learn: {noteLabel(t.learn)}
            </a>
          </li>
        ))}
      </ol>
      {!ok && (
        <>
          <h3>Smallest changes that make it succeed</h3>
          {fixes.length ? (
            <>
              <p className="muted small">Each fix was applied and the call run again: it succeeds. Fixes that give up a safeguard are flagged and listed last.</p>
              <ol className="debug-fixes">
                {fixes.map((f, i) => (
                  <FixItem key={i} fix={f} scenario={scenario} />
                ))}
              </ol>
            </>
          ) : (
            <p className="debug-nofix">
              <strong>No verified fix.</strong> {reason}
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** "Why AccessDenied?": paste anything, get the scenario, the verdict, the trace and the fixes. */
export function DebugApp() {
  const id = useId();
  const [paste, setPaste] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const engine = useEngine();
  // A link from the simulator's importer carries the paste in the fragment (#p=…), never to a server.
  useEffect(() => {
    const m = /^#p=([A-Za-z0-9_-]+)/.exec(window.location.hash);
    if (!m?.[1]) return;
    const text = decodeShare(m[1]);
    if (text.ok) setPaste(text.value);
  }, []);
  const rec = useMemo(() => recognise(paste), [paste]);
  const built = useMemo(() => (rec.items.length ? buildScenario(rec.items, answers) : undefined), [rec, answers]);
  const findings = useMemo(
    () =>
      rec.items.flatMap((i) => {
        if (i.kind !== 'trust-policy') return [];
        const roleAccount = i.role ? /::(\d{12}):/.exec(i.role.arn)?.[1] : undefined;
        return lintPolicy(i.policy, roleAccount ? { roleAccount } : {});
      }),
    [rec],
  );
  const sim = useMemo(() => (engine.kind === 'ready' && built?.scenario ? engine.simulate(built.scenario) : undefined), [engine, built]);
  const set = (k: keyof Answers) => (e: { target: { value: string } }) => setAnswers((a) => ({ ...a, [k]: e.target.value }));
  const questions = built?.questions ?? [];
  const required = questions.filter((q) => q.required);

  return (
    <div className="debug-app">
      <section aria-labelledby={`${id}-paste-h`} className="debug-paste">
        <h2 id={`${id}-paste-h`}>1. Paste what you have</h2>
        <p className="muted small">
          Alone or together: a trust or identity policy (console JSON), <code>aws iam get-role</code> / <code>get-user</code> / <code>get-policy-version</code> / <code>get-role-policy</code> /{' '}
          <code>list-attached-role-policies</code> output, a web identity token (JWT) or its claims, a SAML response (base64 or XML), an AWS error message, a CloudTrail event, an{' '}
          <code>aws sts assume-role</code> command. Nothing leaves your browser.
        </p>
        <label className="control" htmlFor={`${id}-paste`}>
          <span>Paste anything</span>
        </label>
        <textarea id={`${id}-paste`} className="debug-paste__box mono" rows={12} value={paste} onChange={(e) => setPaste(e.target.value)} spellCheck={false} />
        <div className="debug-examples" role="group" aria-label="Examples">
          <span className="muted small">Try an example:</span>
          {debugExamples.map((x) => (
            <button
              key={x.id}
              type="button"
              className="btn btn--small"
              onClick={() => {
                setPaste(x.text);
                setAnswers({});
              }}
            >
              {x.label}
            </button>
          ))}
          {paste && (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                setPaste('');
                setAnswers({});
              }}
            >
              Clear
            </button>
          )}
        </div>
      </section>

      {paste.trim() && (
        <section aria-labelledby={`${id}-found-h`}>
          <h2 id={`${id}-found-h`}>2. What I recognised</h2>
          {rec.items.length ? (
            <ul className="debug-found">
              {rec.items.map((i, n) => (
                <li key={n}>
                  {i.label}
                  {(i.kind === 'web-identity-token' || i.kind === 'saml') && (
                    <details>
                      <summary>{i.kind === 'saml' ? 'What the SAML response says (issuer, recipient, NameID, attributes, times)' : 'The token\'s claims (decoded, not verified)'}</summary>
                      <pre className="small">{JSON.stringify(i.kind === 'saml' ? { ...i.assertion, audience: i.audience, signed: i.signed, encrypted: i.encrypted } : i.claims, null, 2)}</pre>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>Nothing I know yet. I read policies, IAM CLI output, tokens, SAML responses, AWS error messages, CloudTrail events and aws sts commands.</p>
          )}
          {rec.unrecognised.length > 0 && (
            <p className="muted small">
              Not recognised, and ignored: <code className="break">{rec.unrecognised.join(' … ')}</code>
            </p>
          )}
        </section>
      )}

      {built && questions.length > 0 && (
        <section aria-labelledby={`${id}-ask-h`}>
          <h2 id={`${id}-ask-h`}>{required.length ? '3. One more thing' : '3. For a verdict on your real configuration'}</h2>
          {questions.map((q) => {
            const fid = `${id}-q-${q.id}`;
            if (q.id === 'trust-policy')
              return (
                <p key={q.id} className="debug-question">
                  {q.prompt} <span className="muted small">{q.why}</span>
                </p>
              );
            const multiline = q.id !== 'caller';
            return (
              <div key={q.id} className="debug-question control">
                <label htmlFor={fid}>{q.prompt}</label>
                {multiline ? (
                  <textarea id={fid} rows={4} className="mono" value={answers[q.id as 'token' | 'saml'] ?? ''} onChange={set(q.id as 'token' | 'saml')} spellCheck={false} aria-describedby={`${fid}-why`} />
                ) : (
                  <input id={fid} className="mono" value={answers.caller ?? ''} onChange={set('caller')} placeholder="arn:aws:iam::111111111111:user/alice" spellCheck={false} aria-describedby={`${fid}-why`} />
                )}
                <p id={`${fid}-why`} className="muted small">
                  {q.why}
                </p>
                {q.problem && (
                  <p className="form-error" role="alert">
                    {q.problem}
                  </p>
                )}
              </div>
            );
          })}
        </section>
      )}

      {findings.length > 0 && (
        <section aria-labelledby={`${id}-lint-h`}>
          <h2 id={`${id}-lint-h`}>Trust-policy findings</h2>
          <p className="muted small">Checked as you type, whether or not the call fails today.</p>
          <ul className="debug-findings">
            {findings.map((f, i) => (
              <FindingItem key={i} f={f} />
            ))}
          </ul>
        </section>
      )}

      {built?.scenario && (
        <section aria-labelledby={`${id}-verdict-h`} aria-live="polite">
          <h2 id={`${id}-verdict-h`}>Verdict</h2>
          {engine.kind === 'loading' && <p className="muted">Loading the engine…</p>}
          {engine.kind === 'error' && <p className="form-error">The engine did not load: {engine.message}</p>}
          {sim && !sim.ok && (
            <ul className="form-error">
              {sim.issues.map((i, n) => (
                <li key={n}>
                  {i.path}: {i.message}
                </li>
              ))}
            </ul>
          )}
          {sim?.ok && <Verdict sim={sim} scenario={built.scenario} />}
          {built.assumptions.length > 0 && (
            <>
              <h3>What I assumed</h3>
              <ul className="debug-assumed">
                {built.assumptions.map((a, i) => (
                  <li key={i}>{a}</li>
                ))}
              </ul>
            </>
          )}
          <p>
            <a className="btn btn--primary" href={simulatorLink(built.scenario)}>
              Open in the simulator as your own scenario
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
