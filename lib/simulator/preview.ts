import type { Fix, Simulation } from '@/lib/engine';
import type { ScenarioIndexEntry } from '@/lib/content/scenarioIndex';

/**
 * The default scenario's run, made at build time: shown (in the HTML, and while hydrating) until
 * the scenario the page really opens is in, so the first paint already has the outcome. When the
 * page opens the default scenario, this run is its run: the page keeps it (same objects, same
 * DOM) and needs the engine only once the text changes.
 */
export interface SimulatorPreview {
  /** The built-in scenario it ran. */
  id: string;
  /** Its text, as the site serves it (the page opens it without a fetch). */
  text: string;
  /** Its run, without fixes. */
  sim: Extract<Simulation, { ok: true }>;
  /** Each step's verified fixes as the simulator computes them (null for a step that did not fail). */
  fixes: (Fix[] | null)[];
}

/**
 * What the simulator island is rendered with: the scenario index (titles, tags, calls) and the
 * build-time preview. app/simulator/page.tsx renders it; the static page's script
 * (components/simulator/static) hydrates the same HTML from the same values.
 */
export interface SimulatorProps {
  index: readonly ScenarioIndexEntry[];
  preview?: SimulatorPreview;
}
