import type { Metadata } from 'next';
import Link from 'next/link';
import { SimulatorApp } from '@/components/simulator/SimulatorApp';
import { buildScenarioIndex } from '@/lib/content/scenarioIndex';
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
 * and mermaid load on demand.
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
      <NeedsJavaScript what="The simulator" hide=".sim" />
      <SafeIsland what="The simulator" keys={['sts-simulator:drafts:v1']}>
        <SimulatorApp index={index} />
      </SafeIsland>
    </div>
  );
}
