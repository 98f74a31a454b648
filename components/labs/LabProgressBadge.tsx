'use client';

import { useSyncExternalStore } from 'react';
import { getLabProgress, subscribeLabProgress, type LabProgress } from '@/lib/stores/labProgress';

const none: LabProgress = {};
const useProgress = () => useSyncExternalStore(subscribeLabProgress, getLabProgress, () => none);

/** "Solved" / "Started" next to a lab in the list (nothing before hydration or when untouched). */
export function LabProgressBadge({ id }: { id: string }) {
  const r = useProgress()[id];
  if (!r) return null;
  if (r.solvedAt) return <span className="labs-badge labs-badge--solved">{r.withSolution ? 'Solved with the solution' : 'Solved'}</span>;
  return <span className="labs-badge">Started</span>;
}

/** "2 of 6 solved" for a track heading. */
export function TrackProgress({ ids }: { ids: string[] }) {
  const p = useProgress();
  const solved = ids.filter((id) => p[id]?.solvedAt).length;
  return <span className="labs-track__count">{solved} of {ids.length} solved</span>;
}
