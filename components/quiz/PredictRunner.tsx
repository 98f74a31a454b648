'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { GateTrace } from '@/components/gates/GateTrace';
import { gateLabels } from '@/lib/quiz/gates';
import type { Confidence } from '@/lib/quiz/grade';
import { gradePrediction, verdictLabel, type PredictItem } from '@/lib/quiz/predictItem';
import { verdictKey } from '@/lib/quiz/verdict';
import { ConfidencePicker } from './ConfidencePicker';
import { HelpDialog, type KeyHelp } from './HelpDialog';
import { optionKey } from './QuestionCard';
import { AnswerLinks } from './QuestionRunner';
import { useQuizKeys } from './useQuizKeys';

const predictKeys: readonly KeyHelp[] = [
  { keys: '1–9', action: 'Choose the verdict' },
  { keys: 'A–P', action: 'Choose the deciding check' },
  { keys: 'U, S, V', action: 'How sure you are: unsure (guessing), fairly sure, very sure (certain)' },
  { keys: 'Enter', action: 'Commit your prediction and run the step, then go to the next step' },
  { keys: '?', action: 'Show this help' },
  { keys: 'Esc', action: 'Close this help' },
];

/**
 * Keys that say how sure the learner is. Practice uses G, S, K, but here A–P choose among up to
 * sixteen checks, so the keys sit after P: U(nsure), S(ure), V(ery sure).
 */
export const predictConfidenceKeys: Record<Confidence, string> = { low: 'U', medium: 'S', high: 'V' };
const confidenceByLetter: Readonly<Record<number, Confidence>> = { 20: 'low', 18: 'medium', 21: 'high' };

/** Parameters for display: a session policy passed as a JSON string is shown as the policy. */
function readableParams(params: unknown): unknown {
  if (!params || typeof params !== 'object') return {};
  const p = { ...(params as Record<string, unknown>) };
  if (typeof p.Policy === 'string') {
    try {
      p.Policy = JSON.parse(p.Policy);
    } catch {
      // Malformed on purpose (MalformedPolicyDocument): show it as written.
    }
  }
  return p;
}

/** Who signs a step, in words. */
function signer(stepJson: Record<string, unknown>): string {
  const as = stepJson.as as Record<string, unknown> | undefined;
  if (!as) return 'No AWS credentials (an unsigned federation call)';
  if (typeof as.user === 'string') return typeof as.mfaAgeSeconds === 'number' ? `${as.user}, signed in with MFA ${as.mfaAgeSeconds} s ago` : `${as.user} (long-term access keys)`;
  if (typeof as.root === 'string') return `The root user of account ${as.root}`;
  if (typeof as.session === 'string') return `The credentials issued by step "${as.session}"`;
  return `Access key ${String(as.accessKeyId)}`;
}

/**
 * Predict-then-run for one step: commit a verdict and the deciding check, then see the engine's
 * answer with its trace. Graded like a review card (both parts right = correct).
 */
export function PredictRunner({ item, label, onGraded, onNext, focusOnMount = false, nextLabel = 'Next step' }: { item: PredictItem; label: string; onGraded: (correct: boolean, confidence: Confidence) => void; onNext: () => void; focusOnMount?: boolean; nextLabel?: string }) {
  const id = useId();
  const [verdict, setVerdict] = useState<string | undefined>();
  const [gate, setGate] = useState<string | undefined>();
  // No default: a confidence the learner did not choose would feed the schedule a constant.
  const [confidence, setConfidence] = useState<Confidence | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [help, setHelp] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const grade = verdict && gate ? gradePrediction(item, verdict, gate) : undefined;
  const missing = !verdict ? 'Choose a verdict (1–9).' : !gate ? 'Choose the check that decides it (A–P).' : confidence === null ? 'Say how sure you are first: U, S or V.' : '';
  const [hint, setHint] = useState('');
  const commit = () => {
    if (revealed) return;
    if (!grade || confidence === null) {
      setHint(missing);
      return;
    }
    setHint('');
    setRevealed(true);
    setAnnounce(`${grade.correct ? 'Right on both counts.' : 'Not quite.'} The step ${item.verdict.kind === 'decision' ? 'is' : ''} ${verdictLabel(item.verdict).toLowerCase()}; deciding check: ${gateLabels[item.gate].toLowerCase()}.`);
    onGraded(grade.correct, confidence);
    requestAnimationFrame(() => nextRef.current?.focus());
  };
  useQuizKeys({
    digit: (i) => !revealed && item.verdicts[i] && setVerdict(verdictKey(item.verdicts[i])),
    letter: (i) => {
      if (revealed) return;
      const c = confidenceByLetter[i];
      if (c) setConfidence(c);
      else if (item.gates[i]) setGate(item.gates[i]);
    },
    enter: () => (revealed ? onNext() : commit()),
    help: () => setHelp(true),
  });

  const request = item.stepJson.request as Record<string, unknown> | undefined;
  return (
    <article className="quiz-predict" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} tabIndex={-1} ref={headingRef} className="quiz-question__heading">
        {label}
      </h2>
      <section className="quiz-panel" aria-labelledby={`${id}-step`}>
        <h3 id={`${id}-step`}>The step</h3>
        <dl className="quiz-facts">
          <dt>Signed by</dt>
          <dd>{signer(item.stepJson)}</dd>
          {request ? (
            <>
              <dt>Request</dt>
              <dd>
                <code>{String(request.action)}</code> on <code>{String(request.resource)}</code>
              </dd>
            </>
          ) : (
            <>
              <dt>Call</dt>
              <dd>
                <code>{String(item.stepJson.call)}</code>
              </dd>
            </>
          )}
        </dl>
        {!request && (
          <pre className="quiz-json" tabIndex={0} aria-label="Parameters">
            <code>{JSON.stringify(readableParams(item.stepJson.params), null, 2)}</code>
          </pre>
        )}
        {item.earlier.length > 0 && (
          <>
            <h4>Before this step</h4>
            <ol className="quiz-earlier">
              {item.earlier.map((e) => (
                <li key={e.id}>
                  <code>{e.id}</code>: {e.label} → {e.result}
                </li>
              ))}
            </ol>
          </>
        )}
        <details className="quiz-world" open>
          <summary>The accounts, users, roles and policies involved</summary>
          <pre className="quiz-json" tabIndex={0} aria-label="World">
            <code>{JSON.stringify(item.world, null, 2)}</code>
          </pre>
        </details>
      </section>

      <form
        className="quiz-predict__form"
        onSubmit={(e) => {
          e.preventDefault();
          commit();
        }}
      >
        <fieldset className="quiz-options" disabled={revealed}>
          <legend className="quiz-options__legend">Your verdict</legend>
          <ul className="quiz-options__grid quiz-options__grid--wide">
            {item.verdicts.map((v, i) => {
              const k = verdictKey(v);
              const state = revealed ? (k === verdictKey(item.verdict) ? 'correct' : k === verdict ? 'wrong' : 'other') : k === verdict ? 'checked' : 'idle';
              return (
                <li key={k} className={`quiz-option quiz-option--${state}`}>
                  <label className="quiz-option__label">
                    <input type="radio" name={`${id}-verdict`} value={k} checked={verdict === k} onChange={() => setVerdict(k)} />
                    <span className="quiz-option__key" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="quiz-option__text">{verdictLabel(v)}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <fieldset className="quiz-options" disabled={revealed}>
          <legend className="quiz-options__legend">The check that decides it</legend>
          <ul className="quiz-options__grid">
            {item.gates.map((g, i) => {
              const state = revealed ? ((item.acceptedGates as string[]).includes(g) ? 'correct' : g === gate ? 'wrong' : 'other') : g === gate ? 'checked' : 'idle';
              return (
                <li key={g} className={`quiz-option quiz-option--${state}`}>
                  <label className="quiz-option__label">
                    <input type="radio" name={`${id}-gate`} value={g} checked={gate === g} onChange={() => setGate(g)} />
                    <span className="quiz-option__key" aria-hidden="true">
                      {optionKey(i)}
                    </span>
                    <span className="quiz-option__text">{gateLabels[g]}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {!revealed && (
          <>
            <ConfidencePicker value={confidence} onChange={setConfidence} keys={predictConfidenceKeys} />
            <div className="quiz-actions__buttons">
              <button type="submit" className="quiz-button" disabled={missing !== ''}>
                Commit and run
              </button>
              <button type="button" className="quiz-button quiz-button--quiet" onClick={() => setHelp(true)} aria-keyshortcuts="?">
                Keyboard help
              </button>
            </div>
            <p className="quiz-actions__hint" role="status">
              {hint || (verdict && gate ? missing : '')}
            </p>
          </>
        )}
      </form>

      {revealed && grade && (
        <section className={`quiz-feedback ${grade.correct ? 'quiz-feedback--ok' : 'quiz-feedback--bad'}`} aria-label="Result">
          <p className="quiz-feedback__verdict">
            {grade.correct ? 'Right on both counts.' : 'Not quite.'} The engine says: <strong>{verdictLabel(item.verdict)}</strong>
            {item.step.kind === 'call' && item.step.error ? ` (${item.step.error.message})` : ''}. Deciding check: <strong>{gateLabels[item.gate]}</strong>.
          </p>
          <ul className="quiz-grade">
            <li>Verdict: {grade.verdictOk ? 'right' : 'wrong'}</li>
            <li>Deciding check: {grade.gateOk ? 'right' : 'wrong'}{item.acceptedGates.length > 1 ? ` (any failing check counts: ${item.acceptedGates.map((g) => gateLabels[g].toLowerCase()).join(', ')})` : ''}</li>
          </ul>
          <p className="muted">From the scenario “{item.title}”.</p>
          <h3>The trace</h3>
          <GateTrace mode="all" entries={item.step.trace} label={(g) => gateLabels[g]} />
          {/* A new tab at the step itself; the prediction and its trace stay here. */}
          <AnswerLinks runHref={item.href} note={item.note} />
          <div className="quiz-actions__buttons">
            <button type="button" className="quiz-button" ref={nextRef} onClick={onNext}>
              {nextLabel}
            </button>
          </div>
        </section>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <HelpDialog open={help} onClose={() => setHelp(false)} keys={predictKeys} />
    </article>
  );
}
