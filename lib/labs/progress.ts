/**
 * Lab progress data, pure: its versioned layout, repair of damaged data (keep every valid entry,
 * count what is not), and the merge of two copies. lib/stores/labProgress.ts keeps it in
 * localStorage; lib/quiz/progress.ts carries it in the progress export file.
 */

/** The layout version written today (localStorage and the export file's `labs` part). */
export const LAB_PROGRESS_VERSION = 1;
/** Attempts larger than this are not saved (a lab's editable parts are small). */
const MAX_ATTEMPT_CHARS = 50_000;

/** One lab's progress. */
export interface LabRecord {
  /** When the goal was first met (epoch ms), if it was. */
  solvedAt?: number;
  /** True when the goal was met after the solution was shown. */
  withSolution?: boolean;
  hintsShown: number;
  solutionShown: boolean;
  /** The learner's text for each editable part, by JSON Pointer. */
  attempt?: Record<string, string>;
  /** Last change (epoch ms), for merging tabs. */
  updatedAt: number;
}

/** All labs' progress, by lab id. */
export type LabProgress = Record<string, LabRecord>;

/** The saved shape: `{ version, labs }`. */
export interface LabProgressFile {
  version: number;
  labs: LabProgress;
}

function repairRecord(v: unknown): LabRecord | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : undefined);
  const attempt: Record<string, string> = {};
  if (o.attempt && typeof o.attempt === 'object') for (const [k, t] of Object.entries(o.attempt)) if (k.startsWith('/') && typeof t === 'string' && t.length <= MAX_ATTEMPT_CHARS) attempt[k] = t;
  const solvedAt = num(o.solvedAt);
  return {
    ...(solvedAt !== undefined ? { solvedAt } : {}),
    ...(o.withSolution === true ? { withSolution: true } : {}),
    hintsShown: Math.min(10, Math.floor(num(o.hintsShown) ?? 0)),
    solutionShown: o.solutionShown === true,
    ...(Object.keys(attempt).length ? { attempt } : {}),
    updatedAt: num(o.updatedAt) ?? 0,
  };
}

/** What reading saved lab progress gave: the valid entries, how many were not, and why the whole was refused. */
export interface LabProgressRead {
  labs: LabProgress;
  /** Entries left out because they were invalid. */
  dropped: number;
  /** Set when the value as a whole could not be read (nothing kept). */
  problem?: string;
}

/**
 * Reads a `{ version, labs }` value, keeping every valid entry. Never throws.
 * @example readLabProgress({ version: 1, labs: { 'x': { hintsShown: 1, solutionShown: false, updatedAt: 5 } } }).labs.x.hintsShown // 1
 */
export function readLabProgress(value: unknown): LabProgressRead {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { labs: {}, dropped: 0, problem: 'it is not an object' };
  const data = value as { version?: unknown; labs?: unknown };
  if (data.version !== LAB_PROGRESS_VERSION) return { labs: {}, dropped: 0, problem: `unknown layout version ${JSON.stringify(data.version ?? null)} (this site reads ${LAB_PROGRESS_VERSION})` };
  if (!data.labs || typeof data.labs !== 'object' || Array.isArray(data.labs)) return { labs: {}, dropped: 0, problem: '"labs" is not an object' };
  const labs: LabProgress = {};
  let dropped = 0;
  for (const [id, rec] of Object.entries(data.labs as Record<string, unknown>)) {
    const r = /^[a-z0-9-]{1,100}$/.test(id) ? repairRecord(rec) : undefined;
    if (r) labs[id] = r;
    else dropped++;
  }
  return { labs, dropped };
}

/** Reads saved progress text, keeping every valid entry (anything unreadable gives no progress). */
export function parseLabProgress(text: string | null): LabProgress {
  if (!text) return {};
  try {
    return readLabProgress(JSON.parse(text)).labs;
  } catch {
    return {};
  }
}

/** The saved shape of some progress. */
export function labProgressFile(labs: LabProgress): LabProgressFile {
  return { version: LAB_PROGRESS_VERSION, labs };
}

/** Merges two progress maps: per lab, the later change wins; a solve is never lost. */
export function mergeLabProgress(a: LabProgress, b: LabProgress): LabProgress {
  const out: LabProgress = { ...a };
  for (const [id, rb] of Object.entries(b)) {
    const ra = out[id];
    if (!ra) out[id] = rb;
    else {
      const newer = rb.updatedAt >= ra.updatedAt ? rb : ra;
      const solvedAt = Math.min(ra.solvedAt ?? Infinity, rb.solvedAt ?? Infinity);
      out[id] = { ...newer, ...(Number.isFinite(solvedAt) ? { solvedAt } : {}), hintsShown: Math.max(ra.hintsShown, rb.hintsShown), solutionShown: ra.solutionShown || rb.solutionShown };
    }
  }
  return out;
}

/** How many labs were solved. */
export function solvedLabCount(labs: LabProgress): number {
  return Object.values(labs).filter((r) => r.solvedAt !== undefined).length;
}
