'use client';

import { useEffect, useState } from 'react';
import { type StoreApi } from 'zustand';
import { useStore } from 'zustand';
import { scenarioIds } from '@/lib/lessons/deck';
import { type ScenarioDigest } from '@/lib/lessons/digest';
import { type PresenterStore } from '@/lib/stores/presenterStore';
import { withBase } from '@/lib/content/basePath';

/** Where the static scenario digests are served (app/classroom/scenarios/[file]/route.ts). */
export const digestUrl = (id: string) => `/classroom/scenarios/${encodeURIComponent(id)}.json`;

const cache = new Map<string, Promise<ScenarioDigest>>();

/** Fetches one digest, once per page. */
export function fetchDigest(id: string): Promise<ScenarioDigest> {
  let p = cache.get(id);
  if (!p) {
    p = fetch(withBase(digestUrl(id))).then((r) => {
      if (!r.ok) throw new Error(`no scenario "${id}"`);
      return r.json() as Promise<ScenarioDigest>;
    });
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

/**
 * Loads the digests of every scenario the store's lesson uses into the store.
 * @returns ids that could not be loaded
 */
export function useLessonDigests(store: StoreApi<PresenterStore>): string[] {
  const lesson = useStore(store, (s) => s.lesson);
  const [missing, setMissing] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    for (const id of scenarioIds(lesson)) {
      if (store.getState().digests[id]) continue;
      fetchDigest(id).then(
        (d) => live && store.getState().addDigest(d),
        () => live && setMissing((m) => (m.includes(id) ? m : [...m, id])),
      );
    }
    return () => {
      live = false;
    };
  }, [lesson, store]);
  return missing;
}
