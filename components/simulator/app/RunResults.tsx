'use client';

import { useScenarioStore, useScenarioStoreApi } from '@/components/providers/ScenarioStoreProvider';
import { GateTrace } from '@/components/gates/GateTrace';
import type { Fix, Scenario, ScenarioIssue, Simulation, StepResult as Step } from '@/lib/engine';
import { callerText, isSuccess, outcomeText, stepLabel, stepTitle } from '@/lib/simulator/outcome';
import { OutcomeList } from '../OutcomeList';
import { StepResult } from '../StepResult';
import { TraceText } from '../TraceText';

function problems(n: number): string {
  return n === 1 ? 'a problem' : `${n} problems`;
}

/** Why the results on screen are not from the text in the editor: it has problems, or it has not run yet. */
function staleNote(issues: readonly ScenarioIssue[], waiting: { kind: 'error'; message: string } | { kind: 'loading' } | undefined, title: string): string {
  if (issues.length) return `The scenario has ${problems(issues.length)}; these results are from the last valid version of this scenario (“${title}”), not from the text in the editor.`;
  if (waiting?.kind === 'error') return `The simulator could not load (${waiting.message}); these results are from before your change.`;
  return 'Loading the simulator to run your change; these results are from before it.';
}

/**
 * The run: every step's outcome (optionally hidden until played), then the step on screen. Without
 * a run yet, one line says why (loading, the engine failed, or the scenario has problems).
 */
export function RunResults({
  sim,
  step,
  stale,
  issues,
  waiting,
  fixes,
  onApplyFix,
  hideOutcomes,
  onHideOutcomes,
}: {
  sim: Extract<Simulation, { ok: true }> | undefined;
  /** The step on screen (already within the run). */
  step: number;
  /** The run is from the last valid text, not from the text in the editor. */
  stale: boolean;
  issues: readonly ScenarioIssue[];
  /** Why there is no run (or no run of the text as it is now) when there are no issues: the engine failed to load, or it is still loading. */
  waiting: { kind: 'error'; message: string } | { kind: 'loading' } | undefined;
  fixes: Fix[] | undefined;
  onApplyFix: (fix: Fix) => void;
  /** Self-study: outcomes stay hidden until played (see useHideOutcomes). */
  hideOutcomes: boolean;
  onHideOutcomes: (on: boolean) => void;
}) {
  const api = useScenarioStoreApi();
  const revealed = useScenarioStore((s) => s.revealed);
  if (!sim) {
    return (
      <section className="outcome" aria-labelledby="outcome-heading">
        <h3 id="outcome-heading">Outcome</h3>
        <p className="muted">
          {waiting?.kind === 'error'
            ? `The simulator could not load (${waiting.message}).`
            : waiting?.kind === 'loading'
              ? 'Loading the simulator…'
              : issues.length
                ? `No outcome yet: the scenario has ${problems(issues.length)} (see the editor).`
                : 'No scenario yet.'}
        </p>
      </section>
    );
  }
  const steps = sim.result.steps;
  const stepCount = steps.length;
  const complete = revealed === 'all';
  const r = steps[step];
  return (
    <>
      <label className="outcome__hide">
        <input
          type="checkbox"
          checked={hideOutcomes}
          onChange={(e) => {
            onHideOutcomes(e.currentTarget.checked);
            if (e.currentTarget.checked) api.getState().restart();
          }}
        />{' '}
        Hide outcomes until played
      </label>
      <OutcomeList
        hideAfter={hideOutcomes ? (complete ? step : step - 1) : undefined}
        steps={steps}
        current={step}
        onSelect={(i) => api.getState().selectStep(i, stepCount)}
        staleNote={stale ? staleNote(issues, waiting, sim.scenario.title) : undefined}
      />
      {r && <StepView scenario={sim.scenario} steps={steps} step={step} r={r} fixes={fixes} canApply={!stale} onApplyFix={onApplyFix} />}
    </>
  );
}

/** The step on screen: its title, when and by whom, its checks (drawn and as text), then its result and fixes once played. */
function StepView({
  scenario,
  steps,
  step,
  r,
  fixes,
  canApply,
  onApplyFix,
}: {
  scenario: Scenario;
  steps: readonly Step[];
  step: number;
  r: Step;
  fixes: Fix[] | undefined;
  canApply: boolean;
  onApplyFix: (fix: Fix) => void;
}) {
  const revealed = useScenarioStore((s) => s.revealed);
  const stepCount = steps.length;
  return (
    <section className="step" aria-labelledby="step-title">
      <h3 id="step-title" tabIndex={-1}>
        Step {step + 1}: {stepTitle(r)} {r.kind !== 'clock' && <span className="step__label">{stepLabel(r, step)}</span>}
      </h3>
      {r.kind !== 'clock' && (
        <p className="step__meta">
          At {r.at} · signed by {callerText(scenario, step)}
        </p>
      )}
      {r.kind !== 'clock' && <GateTrace mode="compact" entries={r.trace} revealed={revealed} outcome={outcomeText(r)} ok={isSuccess(r)} />}
      <TraceText
        intro={`Step ${step + 1} of ${stepCount}: ${stepTitle(r)}${r.kind !== 'clock' ? ` (${stepLabel(r, step)})` : ''}.`}
        trace={r.kind === 'clock' ? [] : r.trace}
        revealed={revealed}
        outcome={outcomeText(r)}
      />
      {revealed === 'all' && <StepResult scenario={scenario} steps={steps} index={step} fixes={fixes} canApply={canApply} onApplyFix={onApplyFix} />}
    </section>
  );
}
