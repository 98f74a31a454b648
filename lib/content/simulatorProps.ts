import { buildScenarioIndex, readScenarioText } from '@/lib/content/scenarioIndex';
import { fixesFor, simulate } from '@/lib/engine';
import { DEFAULT_SCENARIO_ID, FIX_BUDGET_RUNS } from '@/lib/simulator/defaultScenario';
import type { SimulatorPreview, SimulatorProps } from '@/lib/simulator/preview';

/**
 * The default scenario's run, made by the engine at build time (it is deterministic), so the
 * page's first paint shows its summary and outcome without waiting for the engine in the browser.
 * The fixes of its failed steps come along (as the browser would compute them), so a plain visit
 * needs the engine only once the reader changes something.
 */
export function buildPreview(): SimulatorPreview | undefined {
  const text = readScenarioText(DEFAULT_SCENARIO_ID);
  const sim = text === undefined ? undefined : simulate(text, { fixes: false });
  if (text === undefined || !sim?.ok) return undefined;
  const fixes = sim.result.steps.map((s, i) => (s.kind !== 'clock' && s.outcome === 'error' ? fixesFor(text, i, { budgetRuns: FIX_BUDGET_RUNS }) : null));
  return { id: DEFAULT_SCENARIO_ID, text, sim, fixes };
}

/**
 * Everything /simulator/ renders its island with, at build time (reads content/scenarios).
 * Called by the page and by scripts/static-notes.mjs, which ships the same values to the static
 * page; both get equal values because the engine is deterministic.
 */
export function buildSimulatorProps(): SimulatorProps {
  return { index: buildScenarioIndex(), preview: buildPreview() };
}
