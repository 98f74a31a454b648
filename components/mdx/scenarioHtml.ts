/**
 * The step list of a <Scenario>, rendered to an HTML string at build time.
 *
 * Why a string: a scenario's steps and traces are hundreds of static elements that never
 * change on the client. Rendered as JSX, React would hydrate every one of them on each note
 * page load; inserted with `dangerouslySetInnerHTML`, the browser parses them once and
 * React skips them, which keeps note pages fast on phones. Every value is escaped here, and
 * every value comes from the engine's result for a scenario file in this repository.
 */
import type { TraceEntry } from '@/lib/engine';
import { noteHref } from '@/lib/content/links';
import type { Field, StepView } from '@/lib/content/scenarioRuns';
import { withBase } from '@/lib/content/basePath';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => entities[c]!);
}

const resultWord: Record<TraceEntry['result'], string> = { pass: 'passed', fail: 'failed', skip: 'not needed', info: 'note' };

function fieldsHtml(fields: Field[], label: string): string {
  if (!fields.length) return '';
  const rows = fields.map((f) => `<dt>${escapeHtml(f.name)}</dt><dd><code>${escapeHtml(f.value)}</code></dd>`).join('');
  return `<dl class="step__fields" aria-label="${escapeHtml(label)}">${rows}</dl>`;
}

function traceHtml(trace: TraceEntry[], learnLabel: (ref: string) => string): string {
  if (!trace.length) return '';
  // Compact markup (these lists are most of a note's HTML): the mark is drawn by CSS from
  // data-r, the result word is in a visually hidden <i>, the gate in <b>.
  const items = trace
    .map(
      (t) =>
        `<li data-r="${t.result}"><i>${resultWord[t.result]}:</i> <b>${escapeHtml(t.gate)}</b> ${escapeHtml(t.reason)} ` +
        `<a href="${escapeHtml(withBase(noteHref(t.learn)))}">${escapeHtml(learnLabel(t.learn))}</a></li>`,
    )
    .join('');
  return `<details class="step__trace"><summary>Why: the ${trace.length} checks STS made</summary><ol class="trace">${items}</ol></details>`;
}

function stepHtml(step: StepView, learnLabel: (ref: string) => string): string {
  const what =
    step.kind === 'clock'
      ? `<span class="step__actor">${escapeHtml(step.actor)}</span>: ${escapeHtml(step.action)}`
      : `<span class="step__actor">${escapeHtml(step.actor)}</span> ${step.kind === 'call' ? 'calls' : 'requests'} <code>${escapeHtml(step.action)}</code>`;
  const badge = step.kind === 'clock' ? '' : `<span class="badge badge--${step.tone}"><span class="visually-hidden">Outcome: </span>${escapeHtml(step.label)}</span>`;
  return (
    `<li class="step step--${step.tone}"><div class="step__head"><span class="step__num" aria-hidden="true">${step.number}</span>` +
    `<p class="step__what">${what}</p>${badge}</div>` +
    fieldsHtml(step.params, `Step ${step.number} parameters`) +
    (step.detail ? `<p class="step__detail">${escapeHtml(step.detail)}</p>` : '') +
    fieldsHtml(step.response, `Step ${step.number} response`) +
    (step.fixes[0] ? `<p class="step__fix"><strong>Smallest fix:</strong> ${escapeHtml(step.fixes[0])}</p>` : '') +
    traceHtml(step.trace, learnLabel) +
    `</li>`
  );
}

/**
 * The `<li>` elements of a scenario's steps.
 * @param steps the steps to render
 * @param learnLabel turns a `slug#heading` reference into link text
 */
export function stepsHtml(steps: StepView[], learnLabel: (ref: string) => string): string {
  return steps.map((s) => stepHtml(s, learnLabel)).join('');
}
