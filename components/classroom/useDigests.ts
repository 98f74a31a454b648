'use client';

import { useEffect, useState } from 'react';
import { type StoreApi } from 'zustand';
import { useStore } from 'zustand';
import { labIds, scenarioIds } from '@/lib/lessons/deck';
import { type ScenarioDigest } from '@/lib/lessons/digest';
import { type LabDigest } from '@/lib/lessons/labDigest';
import { type Lesson } from '@/lib/lessons/schema';
import { type PresenterStore } from '@/lib/stores/presenterStore';
import { withBase } from '@/lib/content/basePath';

/** Where the static scenario digests are served (app/classroom/scenarios/[file]/route.ts). */
export const digestUrl = (id: string) => `/classroom/scenarios/${encodeURIComponent(id)}.json`;

/** Where the static lab digests are served (app/classroom/labs/[file]/route.ts). */
export const labDigestUrl = (id: string) => `/classroom/labs/${encodeURIComponent(id)}.json`;

const scenarioCache = new Map<string, Promise<ScenarioDigest>>();
const labCache = new Map<string, Promise<LabDigest>>();

/** Fetches one JSON file once per page; a failed fetch is forgotten so that a later call tries again. */
function fetchOnce<T>(cache: Map<string, Promise<T>>, url: string, what: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(withBase(url)).then((r) => {
      if (!r.ok) throw new Error(`no ${what}`);
      return r.json() as Promise<T>;
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

/** Fetches one scenario digest, once per page. */
export const fetchDigest = (id: string): Promise<ScenarioDigest> => fetchOnce(scenarioCache, digestUrl(id), `scenario "${id}"`);

/** Fetches one lab digest, once per page. */
export const fetchLabDigest = (id: string): Promise<LabDigest> => fetchOnce(labCache, labDigestUrl(id), `lab "${id}"`);

/** How a lab that could not be loaded is listed among the missing ids. */
export const missingLab = (id: string) => `lab:${id}`;

/** Where {@link loadLessonDigests} puts what it fetched. */
export interface DigestSink {
  /** Already loaded: skip the fetch. */
  has?: (kind: 'scenario' | 'lab', id: string) => boolean;
  /** A scenario digest arrived. */
  scenario: (d: ScenarioDigest, id: string) => void;
  /** A lab digest arrived. */
  lab: (l: LabDigest, id: string) => void;
  /** A scenario id, or `lab:<id>` ({@link missingLab}), could not be loaded. */
  missing: (id: string) => void;
}

/**
 * Fetches the digest of every scenario and lab a lesson uses.
 * @returns a function that stops delivering results (call it when the lesson changes or the view unmounts)
 */
export function loadLessonDigests(lesson: Lesson, sink: DigestSink): () => void {
  let live = true;
  for (const id of scenarioIds(lesson)) {
    if (sink.has?.('scenario', id)) continue;
    fetchDigest(id).then(
      (d) => live && sink.scenario(d, id),
      () => live && sink.missing(id),
    );
  }
  for (const id of labIds(lesson)) {
    if (sink.has?.('lab', id)) continue;
    fetchLabDigest(id).then(
      (l) => live && sink.lab(l, id),
      () => live && sink.missing(missingLab(id)),
    );
  }
  return () => {
    live = false;
  };
}

/**
 * Loads the digests of every scenario and lab the store's lesson uses into the store.
 * @returns scenario ids, and `lab:<id>` for lab ids ({@link missingLab}), that could not be loaded
 */
export function useLessonDigests(store: StoreApi<PresenterStore>): string[] {
  const lesson = useStore(store, (s) => s.lesson);
  const [missing, setMissing] = useState<string[]>([]);
  useEffect(
    () =>
      loadLessonDigests(lesson, {
        has: (kind, id) => Boolean(kind === 'scenario' ? store.getState().digests[id] : store.getState().labs[id]),
        scenario: (d) => store.getState().addDigest(d),
        lab: (l) => store.getState().addLab(l),
        missing: (id) => setMissing((m) => (m.includes(id) ? m : [...m, id])),
      }),
    [lesson, store],
  );
  return missing;
}
