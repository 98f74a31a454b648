import type { Metadata } from 'next';
import { Link } from '@/components/layout/Link';
import { SimulatorApp, type SimulatorPreview } from '@/components/simulator/SimulatorApp';
import { buildScenarioIndex, readScenarioText } from '@/lib/content/scenarioIndex';
import { fixesFor, simulate } from '@/lib/engine';
import { DEFAULT_SCENARIO_ID, FIX_BUDGET_RUNS, previewGuardScript } from '@/lib/simulator/defaultScenario';
import { DRAFTS_KEY } from '@/lib/stores/drafts';
import './simulator.css';
import { SafeIsland } from '@/components/layout/SafeIsland';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = {
  title: 'Simulator',
  description: 'Load, edit, run, step through and animate any STS scenario in your browser.',
};

/**
 * The default scenario's run, made by the engine at build time (it is deterministic), so the
 * page's first paint shows its summary and outcome without waiting for the engine in the browser.
 * The fixes of its failed steps come along (as the browser would compute them), so a plain visit
 * needs the engine only once the reader changes something.
 */
function buildPreview(): SimulatorPreview | undefined {
  const text = readScenarioText(DEFAULT_SCENARIO_ID);
  const sim = text === undefined ? undefined : simulate(text, { fixes: false });
  if (text === undefined || !sim?.ok) return undefined;
  const fixes = sim.result.steps.map((s, i) => (s.kind !== 'clock' && s.outcome === 'error' ? fixesFor(text, i, { budgetRuns: FIX_BUDGET_RUNS }) : null));
  return { id: DEFAULT_SCENARIO_ID, text, sim, fixes };
}

/**
 * The simulator. The scenario index is built here at build time (small: titles, tags, calls);
 * each scenario's JSON is a static file fetched when it is opened, and the engine, the editor
 * and mermaid load on demand. The default scenario's outcome is in the HTML already.
 */
export default function SimulatorPage() {
  const index = buildScenarioIndex();
  return (
    <div className="container sim-page">
      <header className="sim-page__head">
        <h1>Simulator</h1>
        <p className="lede">
          Open a scenario, change it, and watch STS decide, step by step. Every check is explained, every error is the one AWS returns. Nothing leaves your browser.
        </p>
        <p className="small">
          Stuck on a real AccessDenied? <Link href="/debug/">Paste your policy, token or error message</Link> and get the verdict and the smallest fix.
        </p>
      </header>
      {/* Without JavaScript the build-time run of the first scenario stays readable; the controls go. */}
      <NeedsJavaScript what="The simulator" hide=".sim-toolbar,.sim-notices,.player,.outcome__hide,.sim-edit,.sim-starting,.sim-wide" detail="Below is the run of its first scenario as the site was built; playing, editing and opening other scenarios need JavaScript." />
      <script dangerouslySetInnerHTML={{ __html: previewGuardScript(DRAFTS_KEY) }} />
      <SafeIsland what="The simulator" keys={[DRAFTS_KEY]}>
        <SimulatorApp index={index} preview={buildPreview()} />
      </SafeIsland>
    </div>
  );
}
