/**
 * Lab progress in localStorage: for each lab, whether it was solved, how many hints were shown,
 * whether the solution was shown, and the learner's last attempt (so a reload loses nothing).
 * Versioned; damaged data is ignored entry by entry, never crashes a page; other tabs' changes
 * arrive through the `storage` event and are merged per lab (latest change wins).
 */

/** The localStorage key. */
export const LAB_PROGRESS_KEY = 'sts-labs-progress';
const VERSION = 1;
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

/** All labs' progress. */
export type LabProgress = Record<string, LabRecord>;

function repairRecord(v: unknown): LabRecord | undefined {
  if (!v || typeof v !== 'object') return undefined;
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

/** Reads saved progress, keeping every valid entry. */
export function parseLabProgress(text: string | null): LabProgress {
  if (!text) return {};
  try {
    const data = JSON.parse(text) as { version?: unknown; labs?: unknown };
    if (data?.version !== VERSION || !data.labs || typeof data.labs !== 'object') return {};
    const out: LabProgress = {};
    for (const [id, rec] of Object.entries(data.labs as Record<string, unknown>)) {
      const r = /^[a-z0-9-]{1,100}$/.test(id) ? repairRecord(rec) : undefined;
      if (r) out[id] = r;
    }
    return out;
  } catch {
    return {};
  }
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

type Listener = (p: LabProgress) => void;
const listeners = new Set<Listener>();
let current: LabProgress | undefined;

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The progress as saved (read once, then kept in memory and in sync with other tabs). */
export function getLabProgress(): LabProgress {
  current ??= parseLabProgress(storage()?.getItem(LAB_PROGRESS_KEY) ?? null);
  return current;
}

/** Outcome of a save: false when the browser refused to store it (full or disabled storage). */
export type SaveResult = { saved: true } | { saved: false; reason: string };

/** Changes one lab's record and saves (merging with what another tab may have saved meanwhile). */
export function updateLab(id: string, change: (r: LabRecord) => LabRecord, now: number): SaveResult {
  const s = storage();
  const base = mergeLabProgress(getLabProgress(), parseLabProgress(s?.getItem(LAB_PROGRESS_KEY) ?? null));
  const prev = base[id] ?? { hintsShown: 0, solutionShown: false, updatedAt: 0 };
  current = { ...base, [id]: { ...change(prev), updatedAt: now } };
  listeners.forEach((l) => l(current!));
  if (!s) return { saved: false, reason: 'This browser does not let the page store data, so progress lasts only until you leave.' };
  try {
    s.setItem(LAB_PROGRESS_KEY, JSON.stringify({ version: VERSION, labs: current }));
    return { saved: true };
  } catch {
    return { saved: false, reason: 'Browser storage is full, so this progress was not saved. Free some space (for example old simulator drafts) and try again.' };
  }
}

/** Subscribes to changes (this tab's and other tabs'). Returns the unsubscribe function. */
export function subscribeLabProgress(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== LAB_PROGRESS_KEY) return;
    current = mergeLabProgress(getLabProgress(), parseLabProgress(e.newValue));
    listeners.forEach((l) => l(current!));
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}
