'use client';

import { useEffect, useRef } from 'react';
import { GateTrace } from '@/components/gates/GateTrace';
import { scenarioFrame, slideSteps } from '@/lib/lessons/deck';
import { outcomeLabel, type DigestStep, type ScenarioDigest } from '@/lib/lessons/digest';
import { compactJson } from '@/lib/lessons/handout';
import { type ScenarioSlide } from '@/lib/lessons/schema';

const clip = (s: string, full: boolean) => (full || s.length <= 140 ? s : `${s.slice(0, 137)}…`);

/** The trust policy that judges the call; in a handout, a reference when it was printed before. */
function PolicyBlock({ step, full, printed }: { step: DigestStep; full: boolean; printed?: string }) {
  return (
    <>
      {step.trustPolicy && printed && (
        <p className="cr-policy__title cr-policy__title--again">
          Trust policy of {step.trustPolicy.role}: as printed at {printed}.
        </p>
      )}
      {step.trustPolicy && !printed && (
        <div className="cr-policy">
          <p className="cr-policy__title">Trust policy of {step.trustPolicy.role}</p>
          {full ? (
            // Handout and print: the whole policy, laid out compactly for paper, no scrolling (and no landmark per step).
            <pre className="cr-policy__doc">{compactJson(step.trustPolicy.document)}</pre>
          ) : (
            // On a slide it scrolls when long: a labelled region that takes keyboard focus (arrow keys scroll it).
            <pre className="cr-policy__doc" role="region" tabIndex={0} aria-label={`Trust policy of ${step.trustPolicy.role} (scrolls)`}>
              {step.trustPolicy.document}
            </pre>
          )}
        </div>
      )}
    </>
  );
}

/** The call: who signs it, what it asks, and the trust policy that will judge it. */
function CallCard({ step, index, count, full, policyPrinted, withPolicy }: { step: DigestStep; index: number; count: number; full: boolean; policyPrinted?: string; withPolicy: boolean }) {
  return (
    <div className="cr-call">
      <p className="cr-call__step">
        Step {index + 1} of {count} · <code>{step.id}</code>
      </p>
      <p className="cr-call__api">{step.label}</p>
      <p className="cr-call__caller">{step.caller}</p>
      {step.input.length > 0 && (
        <dl className="cr-fields">
          {step.input.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>
                <code>{clip(f.value, full)}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {withPolicy && <PolicyBlock step={step} full={full} printed={policyPrinted} />}
    </div>
  );
}

/** The outcome of a step: the AWS response, or the AWS error. */
export function OutcomeCard({ step }: { step: DigestStep }) {
  const ok = step.kind === 'request' ? step.decision === 'Allow' : step.outcome === 'success';
  return (
    <div className={`cr-outcome cr-outcome--${ok ? 'ok' : 'error'}`}>
      <p className="cr-outcome__code">
        <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
        {ok ? (step.kind === 'request' ? 'Allowed' : 'Success: credentials issued') : outcomeLabel(step)}
        {!ok && step.error && <span className="cr-outcome__status"> HTTP {step.error.httpStatus}</span>}
      </p>
      {!ok && step.error && <p className="cr-outcome__message">{step.error.message}</p>}
      {ok && step.response.length > 0 && (
        <dl className="cr-fields cr-fields--response">
          {step.response.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>
                <code>{f.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** One step with `gates` trace entries revealed and, optionally, its outcome. */
export function StepPanel({
  step,
  index,
  count,
  gates,
  outcome,
  full = false,
  policyPrinted,
  printedReasons,
}: {
  step: DigestStep;
  index: number;
  count: number;
  gates: number;
  outcome: boolean;
  full?: boolean;
  /** Handout: where this step's trust policy was already printed ("slide 2, step 1"); it is not printed again. */
  policyPrinted?: string;
  /** Handout: check reasons an earlier step of the slide printed word for word; shown as "as above". */
  printedReasons?: ReadonlySet<string>;
}) {
  // On paper a call with long parameters (a SAML assertion, an OIDC token) fills the left half:
  // its trust policy then goes under the checks, so the two halves end at about the same height.
  const policyBeside = full && step.input.reduce((n, f) => n + f.value.length, 0) > 300;
  const outcomeRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    // Keep the outcome in view once it shows (GateTrace keeps the newest check in view before that).
    if (!full && outcome) outcomeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [gates, outcome, full]);
  return (
    <div className="cr-step">
      <CallCard step={step} index={index} count={count} full={full} policyPrinted={policyPrinted} withPolicy={!policyBeside} />
      <div className="cr-trace">
        <p className="cr-trace__title" id={`checks-${step.id}`}>
          Checks: {gates} of {step.trace.length} shown
        </p>
        <GateTrace mode="stepped" entries={step.trace} shown={gates} outcome={outcome} full={full} printedReasons={printedReasons} labelledBy={`checks-${step.id}`} />
        {outcome && (
          <div ref={outcomeRef}>
            <OutcomeCard step={step} />
          </div>
        )}
        {policyBeside && <PolicyBlock step={step} full={full} printed={policyPrinted} />}
      </div>
    </div>
  );
}

/** A scenario slide at a reveal value: earlier steps as one-line results, the current step gate by gate. */
export function GateStepper({ slide, digest, missing, reveal }: { slide: ScenarioSlide; digest: ScenarioDigest | undefined; missing: boolean; reveal: number }) {
  if (missing) return <p className="cr-problem">The scenario “{slide.scenario}” could not be loaded. Check the id in the lesson.</p>;
  if (!digest) return <p className="cr-loading">Loading the scenario…</p>;
  const steps = slideSteps(slide, digest);
  const unknown = slide.steps.filter((id) => !digest.steps.some((s) => s.id === id));
  if (!steps.length) return <p className="cr-problem">None of the steps {slide.steps.join(', ')} exist in “{slide.scenario}”.</p>;
  const frame = scenarioFrame(steps, reveal);
  const step = steps[frame.step]!;
  return (
    <div className="cr-scenario">
      {frame.step > 0 && (
        <ol className="cr-done" aria-label="Earlier steps">
          {steps.slice(0, frame.step).map((s) => (
            <li key={s.id}>
              <code>{s.id}</code> → <strong>{outcomeLabel(s)}</strong>
            </li>
          ))}
        </ol>
      )}
      <StepPanel step={step} index={frame.step} count={steps.length} gates={frame.gates} outcome={frame.outcome} />
      {unknown.length > 0 && <p className="cr-problem">Unknown step ids left out: {unknown.join(', ')}</p>}
    </div>
  );
}
