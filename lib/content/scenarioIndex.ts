/**
 * Build-time loader for the built-in scenarios (content/scenarios/*.json): the small
 * index the simulator's picker searches, and each file's text for the static JSON
 * files the simulator fetches on demand. Server only (reads the file system).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One built-in scenario as the picker lists it. */
export interface ScenarioIndexEntry {
  /** The scenario's id (also its file name without `.json`). */
  id: string;
  /** Its title. */
  title: string;
  /** Its summary (Markdown source), or an empty string. */
  summary: string;
  /** Its tags, for search and the tag filter. */
  tags: string[];
  /** The STS calls its steps make, in order of first use. */
  calls: string[];
  /** How many steps it has. */
  stepCount: number;
}

const dir = path.join(process.cwd(), 'content', 'scenarios');

/** File names of the built-in scenarios, sorted. */
export function listScenarioFiles(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The raw text of one built-in scenario file, or undefined when there is none. */
export function readScenarioText(id: string): string | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return undefined;
  try {
    return readFileSync(path.join(dir, `${id}.json`), 'utf8');
  } catch {
    return undefined;
  }
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Reads every built-in scenario's metadata, sorted by title.
 * @returns the picker's index (small: no worlds, no steps)
 * @example buildScenarioIndex().map((e) => e.id)
 */
export function buildScenarioIndex(): ScenarioIndexEntry[] {
  const out: ScenarioIndexEntry[] = [];
  for (const file of listScenarioFiles()) {
    const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    const steps = Array.isArray(data.steps) ? (data.steps as Record<string, unknown>[]) : [];
    const calls: string[] = [];
    for (const s of steps) if (typeof s?.call === 'string' && !calls.includes(s.call)) calls.push(s.call);
    out.push({
      id: typeof data.id === 'string' ? data.id : file.replace(/\.json$/, ''),
      title: typeof data.title === 'string' ? data.title : file,
      summary: typeof data.summary === 'string' ? data.summary : '',
      tags: asStrings(data.tags),
      calls,
      stepCount: steps.length,
    });
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}
