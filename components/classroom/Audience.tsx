'use client';

import { useEffect, useRef, useState } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { lessonRefOf, type LessonLocation } from '@/lib/lessons/location';
import { type Lesson } from '@/lib/lessons/schema';
import { browserSyncEnv, subscribe } from '@/lib/lessons/sync';
import { createPresenterStore, type PresenterStore } from '@/lib/stores/presenterStore';
import { Deck } from './Deck';
import { LessonProblem, NoLesson } from './LessonStates';
import { resolveLessonRef, useLessonFromUrl } from './lessonSource';
import { toggleFullscreen, useDeckKeys } from './keys';
import { readPrefs } from './prefs';
import { useAnnouncement } from './useAnnouncer';
import { useStickyBar } from './useStickyBar';
import { useLessonDigests } from './useDigests';

/** The audience window: opens on the URL's lesson, then follows the presenter. */
export function AudienceApp({ lessons }: { lessons: readonly Lesson[] }) {
  const source = useLessonFromUrl(lessons);
  if (source.kind === 'loading')
    return (
      <div className="container cr-page">
        <h1>Audience view</h1>
        <p className="cr-loading">Loading the lesson…</p>
      </div>
    );
  if (source.kind === 'none') return <NoLesson title="Audience view" lessons={lessons} view="audience" />;
  if (source.kind === 'error') return <LessonProblem issues={source.issues} />;
  return <Audience lesson={source.lesson} location={source.location} lessons={lessons} />;
}

function Audience({ lesson, location, lessons }: { lesson: Lesson; location: LessonLocation; lessons: readonly Lesson[] }) {
  const [store] = useState<StoreApi<PresenterStore>>(() => createPresenterStore({ lesson, lessonRef: lessonRefOf(location) ?? '', slide: location.slide, ...readPrefs() }));
  const deckRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const missing = useLessonDigests(store);
  const announcement = useAnnouncement(store);
  const title = useStore(store, (s) => s.lesson.title);
  const [following, setFollowing] = useState(false);

  useEffect(() => {
    let live = true;
    const stop = subscribe(location.room, browserSyncEnv(), (state) => {
      const cur = store.getState();
      if (state.lesson && state.lesson !== cur.lessonRef) {
        // The presenter switched lessons: load that one, then take its position.
        void resolveLessonRef(state.lesson, lessons).then((r) => {
          if (!live || !r.ok) return;
          store.getState().setLesson(r.lesson, state.lesson);
          store.getState().follow(state);
        });
      } else cur.follow(state);
      setFollowing(true);
    });
    return () => {
      live = false;
      stop();
    };
  }, [store, location.room, lessons]);

  useStickyBar(barRef);

  useDeckKeys((action) => {
    if (action !== 'fullscreen') return false;
    toggleFullscreen(deckRef.current);
  });

  return (
    <div className="cr-audience">
      <div ref={barRef} className="cr-audience__bar">
        <h1>{title}</h1>
        <p className="cr-audience__status" role="status">
          {following ? 'Following the presenter.' : 'Waiting for the presenter…'}
        </p>
        <button type="button" className="btn" onClick={() => toggleFullscreen(deckRef.current)}>
          Full screen (F)
        </button>
      </div>
      <Deck store={store} missing={missing} mode="audience" deckRef={deckRef} />
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}
