'use client';

import { useEffect, useState } from 'react';
import { type StoreApi } from 'zustand';
import { useStore } from 'zustand';
import { labIds, scenarioIds } from '@/lib/lessons/deck';
import { type ScenarioDigest } from '@/lib/lessons/digest';
import { type LabDigest } from '@/lib/lessons/labDigest';
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

/** Where the static lab digests are served (app/classroom/labs/[file]/route.ts). */
export const labDigestUrl = (id: string) => `/classroom/labs/${encodeURIComponent(id)}.json`;

const labCache = new Map<string, Promise<LabDigest>>();

/** Fetches one lab digest, once per page. */
export function fetchLabDigest(id: string): Promise<LabDigest> {
  let p = labCache.get(id);
  if (!p) {
    p = fetch(withBase(labDigestUrl(id))).then((r) => {
      if (!r.ok) throw new Error(`no lab "${id}"`);
      return r.json() as Promise<LabDigest>;
    });
    p.catch(() => labCache.delete(id));
    labCache.set(id, p);
  }
  return p;
}

/** How a lab that could not be loaded is listed among the missing ids. */
export const missingLab = (id: string) => `lab:${id}`;

/**
 * Loads the digests of every scenario and lab the store's lesson uses into the store.
 * @returns scenario ids, and `lab:<id>` for lab ids ({@link missingLab}), that could not be loaded
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
    for (const id of labIds(lesson)) {
      if (store.getState().labs[id]) continue;
      fetchLabDigest(id).then(
        (l) => live && store.getState().addLab(l),
        () => live && setMissing((m) => (m.includes(missingLab(id)) ? m : [...m, missingLab(id)])),
      );
    }
    return () => {
      live = false;
    };
  }, [lesson, store]);
  return missing;
}
