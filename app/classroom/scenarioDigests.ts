/**
 * Build-time loader: runs every built-in scenario through the engine once and keeps the
 * classroom digests. Used by the static JSON route and the pages (server side only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simulate } from '@/lib/engine';
import { makeDigest, toCatalogEntry, type CatalogEntry, type ScenarioDigest } from '@/lib/lessons/digest';

const dir = path.join(process.cwd(), 'content', 'scenarios');
let cache: Map<string, ScenarioDigest> | undefined;

/** Every built-in scenario's digest, by id (computed once per build). */
export function scenarioDigests(): Map<string, ScenarioDigest> {
  if (cache) return cache;
  const map = new Map<string, ScenarioDigest>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const sim = simulate(readFileSync(path.join(dir, file), 'utf8'), { fixes: false });
    if (!sim.ok) throw new Error(`content/scenarios/${file} is invalid: ${sim.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    map.set(sim.scenario.id, makeDigest(sim));
  }
  cache = map;
  return map;
}

/** The builder's list of scenarios and their steps. */
export function scenarioCatalog(): CatalogEntry[] {
  return [...scenarioDigests().values()].map(toCatalogEntry);
}
