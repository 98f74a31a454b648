import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { listNoteSlugs, loadNote } from '@/lib/content/notes';
import { loadScenarioView, scenarioExists } from '@/lib/content/scenarioRuns';

const used = [...new Set(listNoteSlugs().flatMap((slug) => loadNote(slug).scenarioIds.map((id) => ({ slug, id }))).map((u) => u.id))].sort();

describe('scenarios embedded in notes', () => {
  it('every note embeds at least one scenario', () => {
    for (const slug of listNoteSlugs()) expect(loadNote(slug).scenarioIds.length, slug).toBeGreaterThan(0);
  });

  describe.each(used)('%s', (id) => {
    it('exists in content/scenarios and every step meets its expect when simulated', () => {
      expect(scenarioExists(id), `content/scenarios/${id}.json`).toBe(true);
      const text = readFileSync(path.join(process.cwd(), 'content', 'scenarios', `${id}.json`), 'utf8');
      // When the engine runs the scenario
      const sim = simulate(text, { fixes: false });
      expect(sim.ok, `${id} is a valid scenario`).toBe(true);
      if (!sim.ok) return;
      // Then each call or request step has an expect, and meets it
      for (const [i, step] of sim.result.steps.entries()) {
        if (step.kind === 'clock') continue;
        expect(step.expect, `${id} step ${step.id ?? i} has an expect`).toBeDefined();
        expect(step.expect?.met, `${id} step ${step.id ?? i}: ${JSON.stringify(step.expect?.mismatches)}`).toBe(true);
      }
    });

    it('renders to a view with a summary and every step', () => {
      const view = loadScenarioView(id);
      expect(view.allMet).toBe(true);
      expect(view.steps.length).toBeGreaterThan(0);
    });
  });
});
