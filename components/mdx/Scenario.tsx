import type { TraceEntry } from '@/lib/engine';
import { noteHref, simulatorHref } from '@/lib/content/links';
import { loadNote } from '@/lib/content/notes';
import { loadScenarioView, type Field, type StepView } from '@/lib/content/scenarioRuns';
import { InlineMarkdown } from './inlineMarkdown';

const resultMark: Record<TraceEntry['result'], string> = { pass: '✓', fail: '✗', skip: '–', info: 'i' };
const resultWord: Record<TraceEntry['result'], string> = { pass: 'passed', fail: 'failed', skip: 'not needed', info: 'note' };

/** The title of the note section a trace entry points at (for a descriptive link). */
function learnLabel(ref: string): string {
  const [slug, anchor] = ref.split('#');
  try {
    const note = loadNote(slug ?? '');
    const h = note.headings.find((x) => x.id === anchor);
    return h ? `${note.meta.title}: ${h.text}` : note.meta.title;
  } catch {
    return ref;
  }
}

function Fields({ fields, label }: { fields: Field[]; label: string }) {
  if (!fields.length) return null;
  return (
    <dl className="step__fields" aria-label={label}>
      {fields.map((f) => (
        <div key={f.name} className="step__field">
          <dt>{f.name}</dt>
          <dd>
            <code>{f.value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Step({ step }: { step: StepView }) {
  return (
    <li className={`step step--${step.tone}`}>
      <div className="step__head">
        <span className="step__num" aria-hidden="true">
          {step.number}
        </span>
        <p className="step__what">
          <span className="step__actor">{step.actor}</span>
          {step.kind === 'clock' ? null : (
            <>
              {' '}
              {step.kind === 'call' ? 'calls' : 'requests'} <code>{step.action}</code>
            </>
          )}
          {step.kind === 'clock' ? <span>: {step.action}</span> : null}
        </p>
        {step.kind === 'clock' ? null : (
          <span className={`badge badge--${step.tone}`}>
            <span className="visually-hidden">Outcome: </span>
            {step.label}
          </span>
        )}
      </div>
      <Fields fields={step.params} label={`Step ${step.number} parameters`} />
      {step.detail ? <p className="step__detail">{step.detail}</p> : null}
      <Fields fields={step.response} label={`Step ${step.number} response`} />
      {step.fixes.length ? (
        <p className="step__fix">
          <strong>Smallest fix:</strong> {step.fixes[0]}
        </p>
      ) : null}
      {step.trace.length ? (
        <details className="step__trace">
          <summary>Why: the {step.trace.length} checks STS made</summary>
          <ol className="trace">
            {step.trace.map((t, i) => (
              <li key={i} className={`trace__item trace__item--${t.result}`}>
                <span className="trace__mark" aria-hidden="true">
                  {resultMark[t.result]}
                </span>
                <span className="visually-hidden">{resultWord[t.result]}: </span>
                <span className="trace__gate">{t.gate}</span> {t.reason}{' '}
                <a className="trace__learn" href={noteHref(t.learn)}>
                  Read: {learnLabel(t.learn)}
                </a>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

/**
 * A built-in scenario, run by the engine at build time and shown as static HTML (readable
 * with JavaScript off), with a link to open it in the simulator.
 * @example <Scenario id="cross-account-external-id" />
 */
export function Scenario({ id, level = 3 }: { id: string; level?: 3 | 4 }) {
  const view = loadScenarioView(id);
  const Title = level === 4 ? 'h4' : 'h3';
  const titleId = `scenario-${id}`;
  return (
    <section className="scenario" aria-labelledby={titleId}>
      <p className="scenario__eyebrow">Runnable scenario · {view.steps.length} steps · outcomes computed by the simulator&apos;s engine</p>
      <Title id={titleId} className="scenario__title">
        <InlineMarkdown text={view.title} />
      </Title>
      {view.summary ? (
        <p className="scenario__summary">
          <InlineMarkdown text={view.summary} />
        </p>
      ) : null}
      <ol className="scenario__steps">
        {view.steps.map((s) => (
          <Step key={s.number} step={s} />
        ))}
      </ol>
      <details className="scenario__world">
        <summary>The accounts, roles and policies of this scenario (JSON)</summary>
        <pre className="code" tabIndex={0}>
          <code>{view.worldJson}</code>
        </pre>
      </details>
      <p className="scenario__actions">
        <a className="button" href={simulatorHref(id)}>
          Try it in the simulator<span className="visually-hidden">: {view.title}</span>
        </a>
        <span className="muted"> Change a policy or a parameter and run it again.</span>
      </p>
    </section>
  );
}
