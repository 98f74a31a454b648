'use client';

import { Link } from '@/components/layout/Link';
import { useCallback, useDeferredValue, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { LabCheck } from '@/lib/labs/check';
import type * as LabCheckChunk from './labCheck.chunk';
import type { Lab } from '@/lib/labs/schema';
import { decodeShare, encodeShare } from '@/lib/simulator/share';
import { applyPatch, readPointer } from '@/lib/util/jsonPatch';
import { getLabProgress, subscribeLabProgress, updateLab, type LabProgress } from '@/lib/stores/labProgress';
import { GateTrace } from '@/components/gates/GateTrace';
import { InlineMarkdown } from '@/components/simulator/InlineMarkdown';

type Checker = typeof LabCheckChunk;
let checkerPromise: Promise<Checker> | undefined;
const loadChecker = () => (checkerPromise ??= import('./labCheck.chunk'));

/** A neighbouring lab on the path. */
export interface LabLink {
  id: string;
  title: string;
}

interface Props {
  lab: Lab;
  /** The lab's note sections, titled (resolved at build time). */
  learnLinks: { href: string; label: string }[];
  previous?: LabLink;
  next?: LabLink;
}

const pretty = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));
const emptyProgress: LabProgress = {};

/** Parses one editor's text: the JSON value, or where it is broken. */
function parseText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(raw);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      return { ok: false, message: `Not valid JSON at line ${line}, column ${column}.` };
    }
    return { ok: false, message: 'Not valid JSON.' };
  }
}

/** The attempt carried by a share link (`#a=…`), if any. */
function sharedAttempt(lab: Lab): Record<string, string> | undefined {
  if (typeof window === 'undefined') return undefined;
  const m = /^#?(?:.*&)?a=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!m) return undefined;
  const d = decodeShare(m[1]!);
  if (!d.ok) return undefined;
  try {
    const obj = JSON.parse(d.value) as unknown;
    if (!obj || typeof obj !== 'object') return undefined;
    const out: Record<string, string> = {};
    for (const e of lab.editable) {
      const v = (obj as Record<string, unknown>)[e.path];
      if (v !== undefined) out[e.path] = pretty(v);
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * One lab: the goal beside the editable parts, re-checked by the engine on every edit, with
 * progressive hints, the solution on request, and what was learned on success.
 */
export function LabApp({ lab, learnLinks, previous, next }: Props) {
  const startTexts = useMemo(() => Object.fromEntries(lab.editable.map((e) => [e.path, pretty(readPointer(lab.scenario, e.path))])), [lab]);
  const progress = useSyncExternalStore(subscribeLabProgress, getLabProgress, () => emptyProgress);
  const record = progress[lab.id];
  const [texts, setTexts] = useState<Record<string, string>>(startTexts);
  const [source, setSource] = useState<'start' | 'saved' | 'shared'>('start');
  const [checker, setChecker] = useState<Checker | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [saveProblem, setSaveProblem] = useState<string | undefined>();
  const [copied, setCopied] = useState(false);

  // Restore a shared or saved attempt once, after hydration (localStorage and the hash exist only in the browser).
  useEffect(() => {
    const shared = sharedAttempt(lab);
    if (shared) {
      setTexts({ ...startTexts, ...shared });
      setSource('shared');
    } else {
      const saved = getLabProgress()[lab.id]?.attempt;
      if (saved) {
        setTexts({ ...startTexts, ...Object.fromEntries(Object.entries(saved).filter(([k]) => k in startTexts)) });
        setSource('saved');
      }
    }
    loadChecker().then(setChecker, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [lab, startTexts]);

  const deferred = useDeferredValue(texts);
  const parsed = useMemo(() => Object.fromEntries(Object.entries(deferred).map(([k, t]) => [k, parseText(t)])), [deferred]);
  const syntaxOk = Object.values(parsed).every((p) => p.ok);
  const check: LabCheck | undefined = useMemo(() => {
    if (!checker || !syntaxOk) return undefined;
    const values = Object.fromEntries(Object.entries(parsed).map(([k, p]) => [k, p.ok ? p.value : undefined]));
    return checker.checkLab(lab, checker.attemptFrom(lab, values));
  }, [checker, syntaxOk, parsed, lab]);
  const solved = !!check?.ok && check.met;

  const save = useCallback(
    (change: Parameters<typeof updateLab>[1]) => {
      const r = updateLab(lab.id, change, Date.now());
      setSaveProblem(r.saved ? undefined : r.reason);
    },
    [lab.id],
  );

  // Keep the attempt (debounced by the deferred value) and record the first solve.
  useEffect(() => {
    if (source === 'start' && deferred === startTexts) return;
    const changed = Object.fromEntries(Object.entries(deferred).filter(([k, t]) => t !== startTexts[k]));
    save((r) => ({ ...r, attempt: changed, ...(solved && !r.solvedAt ? { solvedAt: Date.now(), ...(r.solutionShown ? { withSolution: true } : {}) } : {}) }));
  }, [deferred, solved, save, source, startTexts]);

  const hintsShown = record?.hintsShown ?? 0;
  const solutionShown = record?.solutionShown ?? false;
  const solutionTexts = useMemo(() => {
    // The reference solution, shown as the editable parts it produces.
    const after = applyPatch(lab.scenario, lab.solution) ?? lab.scenario;
    return Object.fromEntries(lab.editable.map((e) => [e.path, pretty(readPointer(after, e.path))]));
  }, [lab]);

  const shareLink = () => {
    const values = Object.fromEntries(Object.entries(parsed).filter(([k, p]) => p.ok && texts[k] !== startTexts[k]).map(([k, p]) => [k, p.ok ? p.value : undefined]));
    const url = `${window.location.origin}${window.location.pathname}#a=${encodeShare(JSON.stringify(values))}`;
    navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false));
    window.history.replaceState(null, '', url);
  };

  const goalsHeld = check?.ok ? check.goals.filter((g) => g.met).length : 0;

  return (
    <div className="lab">
      <section className="lab__brief" aria-labelledby="lab-goal-heading">
        <p className="lab__idea">
          <InlineMarkdown text={lab.idea} />
        </p>
        {lab.briefing.split(/\n{2,}/).map((para, i) => (
          <p key={i}>
            <InlineMarkdown text={para} />
          </p>
        ))}
        <h2 id="lab-goal-heading">Goal</h2>
        <ul className="lab__goal">
          {lab.goal.map((g, i) => {
            const r = check?.ok ? check.goals[i] : undefined;
            const state = !r ? 'pending' : r.met ? 'met' : 'unmet';
            return (
              <li key={i} className={`lab__goal-line lab__goal-line--${state}`}>
                <span className="lab__goal-mark" aria-hidden="true">
                  {state === 'met' ? '✓' : state === 'unmet' ? '✗' : '…'}
                </span>
                <span>
                  <InlineMarkdown text={g.text} />
                  <span className="visually-hidden">{state === 'met' ? ' (holds)' : state === 'unmet' ? ' (does not hold yet)' : ' (not checked yet)'}</span>
                  {r && !r.met && <span className="lab__goal-detail">{r.detail}</span>}
                </span>
              </li>
            );
          })}
        </ul>
        <p className="lab__status" role="status" aria-live="polite">
          {loadError
            ? `The checker could not load: ${loadError}. Reload the page to try again.`
            : !checker
              ? 'Loading the checker…'
              : !syntaxOk
                ? 'Fix the JSON to check your attempt.'
                : check && !check.ok
                  ? 'The scenario is not valid yet: see the problems below.'
                  : solved
                    ? 'Every goal line holds. Lab solved!'
                    : `${goalsHeld} of ${lab.goal.length} goal lines hold.`}
        </p>

        {solved && (
          <div className="lab__success" role="region" aria-label="Lab solved">
            <h2>What you learned</h2>
            <p>
              <InlineMarkdown text={lab.learned} />
            </p>
            {record?.withSolution && <p className="lab__note">Recorded as solved with the solution shown.</p>}
            {next ? (
              <Link className="btn btn--primary" href={`/labs/${next.id}/`}>
                Next lab: {next.title} →
              </Link>
            ) : (
              <Link className="btn btn--primary" href="/labs/">
                Back to all labs
              </Link>
            )}
          </div>
        )}

        <h2>Hints</h2>
        {hintsShown > 0 && (
          <ol className="lab__hints">
            {lab.hints.slice(0, hintsShown).map((h, i) => (
              <li key={i}>
                <InlineMarkdown text={h} />
              </li>
            ))}
          </ol>
        )}
        <div className="lab__hint-actions">
          {hintsShown < lab.hints.length ? (
            <button type="button" className="btn" onClick={() => save((r) => ({ ...r, hintsShown: Math.min(lab.hints.length, r.hintsShown + 1) }))}>
              Show a hint ({hintsShown + 1} of {lab.hints.length})
            </button>
          ) : !solutionShown ? (
            <button type="button" className="btn" onClick={() => save((r) => ({ ...r, solutionShown: true }))}>
              Show the solution
            </button>
          ) : null}
        </div>
        {solutionShown && (
          <div className="lab__solution">
            <h3>Solution</h3>
            {lab.editable.map((e) => (
              <div key={e.path}>
                <p className="lab__label">{e.label}</p>
                <pre>
                  <code>{solutionTexts[e.path]}</code>
                </pre>
              </div>
            ))}
            <button type="button" className="btn" onClick={() => setTexts({ ...texts, ...solutionTexts })}>
              Use the solution
            </button>
          </div>
        )}
        <p className="lab__learn">
          Read more:{' '}
          {learnLinks.map((l, i) => (
            <span key={l.href}>
              {i > 0 && ' · '}
              <Link href={l.href}>{l.label}</Link>
            </span>
          ))}
        </p>
      </section>

      <section className="lab__work" aria-label="Your changes">
        {source !== 'start' && (
          <p className="lab__note" role="status">
            {source === 'shared' ? 'Opened the attempt from the link.' : 'Restored your last attempt.'}{' '}
            <button type="button" className="btn btn--small" onClick={() => setTexts(startTexts)}>
              Start over
            </button>
          </p>
        )}
        {lab.editable.map((e) => {
          const p = parsed[e.path];
          const id = `lab-edit-${e.path.replace(/[^a-z0-9]+/gi, '-')}`;
          return (
            <div key={e.path} className="lab__editor">
              <label htmlFor={id} className="lab__label">
                {e.label} <span className="lab__path">{e.path}</span>
              </label>
              <textarea
                id={id}
                className="lab__textarea"
                spellCheck={false}
                wrap="off"
                autoCapitalize="off"
                autoCorrect="off"
                rows={Math.min(24, Math.max(6, (texts[e.path] ?? '').split('\n').length + 1))}
                value={texts[e.path] ?? ''}
                aria-invalid={p && !p.ok ? true : undefined}
                aria-describedby={p && !p.ok ? `${id}-error` : undefined}
                onChange={(ev) => setTexts({ ...texts, [e.path]: ev.target.value })}
              />
              {p && !p.ok && (
                <p id={`${id}-error`} className="lab__error">
                  {p.message}
                </p>
              )}
            </div>
          );
        })}
        {check && !check.ok && (
          <ul className="lab__issues" aria-label="Problems in the scenario">
            {check.issues.map((i, k) => (
              <li key={k}>
                <code>{i.path || '(file)'}</code>: {i.message}
              </li>
            ))}
          </ul>
        )}
        {check?.ok && (
          <div className="lab__steps">
            <h2>What STS does now</h2>
            <ol>
              {check.steps.map((s, i) =>
                s.kind === 'clock' ? (
                  <li key={i} className="lab__step">
                    The clock moves to {s.at}.
                  </li>
                ) : (
                  <li key={i} className={`lab__step lab__step--${s.outcome}`}>
                    <strong>{s.id ?? `step ${i + 1}`}</strong> {s.kind === 'call' ? s.call : `${s.action} on ${s.resource}`}:{' '}
                    {s.outcome === 'success' ? 'success' : (s.error?.code ?? s.outcome)}
                    {s.outcome === 'error' && <span className="lab__why">{s.trace.find((t) => t.result === 'fail')?.reason ?? s.error?.message}</span>}
                    <GateTrace mode="compact" entries={s.trace} revealed="all" />
                  </li>
                ),
              )}
            </ol>
          </div>
        )}
        <div className="lab__actions">
          <button type="button" className="btn" onClick={shareLink} disabled={!syntaxOk}>
            Copy a link to this attempt
          </button>
          <button type="button" className="btn" onClick={() => setTexts(startTexts)}>
            Reset to the start
          </button>
          <span role="status" className="lab__note">
            {copied ? 'Link copied.' : ''}
          </span>
        </div>
        {saveProblem && (
          <p className="lab__error" role="alert">
            {saveProblem}
          </p>
        )}
        <details className="lab__locked">
          <summary>The rest of the scenario (locked)</summary>
          <pre>
            <code>{pretty(lab.scenario)}</code>
          </pre>
        </details>
        <nav className="lab__nav" aria-label="Lab path">
          {previous ? <Link href={`/labs/${previous.id}/`}>← {previous.title}</Link> : <span />}
          {next && <Link href={`/labs/${next.id}/`}>{next.title} →</Link>}
        </nav>
      </section>
    </div>
  );
}
