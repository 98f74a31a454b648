'use client';

import type { StepResult } from '@/lib/engine';
import { isSuccess, outcomeText, stepLabel, stepTitle } from '@/lib/simulator/outcome';

interface Props {
  steps: readonly StepResult[];
  current: number;
  onSelect: (index: number) => void;
  /** Shown above the list when the results are not from the text as it is now. */
  staleNote?: string;
  /** Self-study: results after this step index are hidden until playback reaches them. */
  hideAfter?: number;
}

/**
 * The "Outcome" region: every step's result as one line of text, which doubles as the step
 * picker. Scripts and screen readers rely on its name and wording.
 */
export function OutcomeList({ steps, current, onSelect, staleNote, hideAfter }: Props) {
  return (
    <section className="outcome" aria-labelledby="outcome-heading">
      <h3 id="outcome-heading">Outcome</h3>
      {staleNote && <p className="outcome__stale">{staleNote}</p>}
      {steps.length === 0 ? (
        <p className="muted">This scenario has no steps yet. Add one in the editor.</p>
      ) : (
        <ol className="outcome__list">
          {steps.map((r, i) => {
            const hidden = hideAfter !== undefined && i > hideAfter;
            const missed = !hidden && r.kind !== 'clock' && r.expect && !r.expect.met;
            return (
              <li key={i}>
                <button type="button" className="outcome__item" aria-current={i === current ? 'step' : undefined} onClick={() => onSelect(i)} data-ok={hidden ? undefined : isSuccess(r)}>
                  <span className="outcome__num">{i + 1}</span>
                  <span className="outcome__what">
                    <span className="outcome__title">{stepTitle(r)}</span>
                    {r.kind !== 'clock' && <span className="outcome__label">{stepLabel(r, i)}</span>}
                  </span>
                  {hidden ? (
                    <span className="outcome__result is-hidden">Not played yet</span>
                  ) : (
                    <span className={`outcome__result ${r.kind === 'clock' ? 'is-clock' : isSuccess(r) ? 'is-pass' : 'is-fail'}`}>{outcomeText(r)}</span>
                  )}
                  {missed && <span className="outcome__expect">(differs from the file’s expect)</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
