import { simulatorHref } from '@/lib/content/links';
import { loadNote } from '@/lib/content/notes';
import { loadScenarioView } from '@/lib/content/scenarioRuns';
import { InlineMarkdown } from './inlineMarkdown';
import { stepsHtml } from './scenarioHtml';
import { withBase } from '@/lib/content/basePath';

/** Link text for the note section a trace entry points at: "Read: <section>". */
function learnLabel(ref: string): string {
  const [slug, anchor] = ref.split('#');
  try {
    const note = loadNote(slug ?? '');
    const h = note.headings.find((x) => x.id === anchor);
    return `Read: ${h ? h.text : note.meta.title}`;
  } catch {
    return `Read: ${ref}`;
  }
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
      <ol className="scenario__steps" dangerouslySetInnerHTML={{ __html: stepsHtml(view.steps, learnLabel) }} />
      <details className="scenario__world">
        <summary>The accounts, roles and policies of this scenario (JSON)</summary>
        <pre className="code" tabIndex={0}>
          <code>{view.worldJson}</code>
        </pre>
      </details>
      <p className="scenario__actions">
        <a className="button" href={withBase(simulatorHref(id))}>
          Try it in the simulator<span className="visually-hidden">: {view.title}</span>
        </a>
        <span className="muted"> Change a policy or a parameter and run it again.</span>
      </p>
    </section>
  );
}
