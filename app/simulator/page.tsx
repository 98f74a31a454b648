import type { Metadata } from 'next';
import { Link } from '@/components/layout/Link';
import { SimulatorApp } from '@/components/simulator/SimulatorApp';
import { buildSimulatorProps } from '@/lib/content/simulatorProps';
import { SIMULATOR_ISLAND_ID, SIMULATOR_WHAT, previewGuardScript } from '@/lib/simulator/defaultScenario';
import { DRAFTS_KEY } from '@/lib/stores/drafts';
import './simulator.css';
import { SafeIsland } from '@/components/layout/SafeIsland';
import { NeedsJavaScript } from '@/components/layout/NeedsJavaScript';

export const metadata: Metadata = {
  title: 'Simulator',
  description: 'Load, edit, run, step through and animate any STS scenario in your browser.',
};

/**
 * The simulator. The scenario index is built here at build time (small: titles, tags, calls);
 * each scenario's JSON is a static file fetched when it is opened, and the engine, the editor
 * and mermaid load on demand. The default scenario's outcome is in the HTML already.
 */
export default function SimulatorPage() {
  const { index, preview } = buildSimulatorProps();
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
      {/* The island's own element: a page loaded from the server hydrates just this (see
          components/simulator/static), with the same values. */}
      <div id={SIMULATOR_ISLAND_ID}>
        <SafeIsland what={SIMULATOR_WHAT} keys={[DRAFTS_KEY]}>
          <SimulatorApp index={index} preview={preview} />
        </SafeIsland>
      </div>
    </div>
  );
}
