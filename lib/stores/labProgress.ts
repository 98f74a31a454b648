/**
 * Lab progress in localStorage: for each lab, whether it was solved, how many hints were shown,
 * whether the solution was shown, and the learner's last attempt (so a reload loses nothing).
 * Versioned; damaged data is ignored entry by entry, never crashes a page; other tabs' changes
 * arrive through the `storage` event and are merged per lab (latest change wins).
 */

import { labProgressFile, mergeLabProgress, parseLabProgress, type LabProgress, type LabRecord } from '@/lib/labs/progress';

export { LAB_PROGRESS_VERSION, mergeLabProgress, parseLabProgress, solvedLabCount, type LabProgress, type LabRecord } from '@/lib/labs/progress';

/** The localStorage key. */
export const LAB_PROGRESS_KEY = 'sts-labs-progress';

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
  return save({ ...base, [id]: { ...change(prev), updatedAt: now } });
}

/** Sets, announces and stores the progress. */
function save(next: LabProgress): SaveResult {
  const s = storage();
  current = next;
  listeners.forEach((l) => l(next));
  if (!s) return { saved: false, reason: 'This browser does not let the page store data, so progress lasts only until you leave.' };
  try {
    if (Object.keys(next).length === 0) s.removeItem(LAB_PROGRESS_KEY);
    else s.setItem(LAB_PROGRESS_KEY, JSON.stringify(labProgressFile(next)));
    return { saved: true };
  } catch {
    return { saved: false, reason: 'Browser storage is full, so this progress was not saved. Free some space (for example old simulator drafts) and try again.' };
  }
}

/** Merges imported progress (from a progress export file) into the saved progress: per lab the later change wins, a solve is never lost. */
export function importLabProgress(imported: LabProgress): SaveResult {
  const base = mergeLabProgress(getLabProgress(), parseLabProgress(storage()?.getItem(LAB_PROGRESS_KEY) ?? null));
  return save(mergeLabProgress(base, imported));
}

/** Erases every lab's progress (solves, hints, attempts). */
export function resetLabProgress(): SaveResult {
  return save({});
}

/** Subscribes to changes (this tab's and other tabs'). Returns the unsubscribe function. */
export function subscribeLabProgress(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== LAB_PROGRESS_KEY) return;
    // A reset in another tab removes the key: follow it; otherwise merge per lab.
    current = e.newValue === null ? {} : mergeLabProgress(getLabProgress(), parseLabProgress(e.newValue));
    listeners.forEach((l) => l(current!));
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}
