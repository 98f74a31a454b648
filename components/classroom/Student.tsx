'use client';

import { Link } from '@/components/layout/Link';
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { maxReveal } from '@/lib/lessons/deck';
import { lessonRefOf, type LessonLocation } from '@/lib/lessons/location';
import { type Lesson } from '@/lib/lessons/schema';
import { createPresenterStore } from '@/lib/stores/presenterStore';
import { Deck } from './Deck';
import { HelpOverlay } from './HelpOverlay';
import { LessonProblem, NoLesson } from './LessonStates';
import { useLessonFromUrl } from './lessonSource';
import { useDeckKeys } from './keys';
import { runDeckAction, usePersistPrefs, useSlideInUrl } from './Presenter';
import { readPrefs } from './prefs';
import { useAnnouncement } from './useAnnouncer';
import { useLessonDigests } from './useDigests';

const studentKeys = ['next', 'back', 'reveal', 'first', 'fullscreen', 'contrast', 'bigger', 'help', 'escape'] as const;

/** A student's own copy of a lesson: they move through it and reveal at their own pace. */
export function StudentApp({ lessons }: { lessons: readonly Lesson[] }) {
  const source = useLessonFromUrl(lessons);
  if (source.kind === 'loading')
    return (
      <div className="container cr-page">
        <h1>Follow a lesson</h1>
        <p className="cr-loading">Loading the lesson…</p>
      </div>
    );
  if (source.kind === 'none') return <NoLesson title="Follow a lesson" lessons={lessons} view="student" />;
  if (source.kind === 'error') return <LessonProblem issues={source.issues} />;
  return <Student lesson={source.lesson} location={source.location} />;
}

function Student({ lesson, location }: { lesson: Lesson; location: LessonLocation }) {
  const [store] = useState(() => createPresenterStore({ lesson, lessonRef: lessonRefOf(location) ?? '', slide: location.slide, ...readPrefs() }));
  const deckRef = useRef<HTMLDivElement>(null);
  const missing = useLessonDigests(store);
  const announcement = useAnnouncement(store);
  const position = useStore(store, (s) => s.position);
  const digests = useStore(store, (s) => s.digests);
  const labs = useStore(store, (s) => s.labs);
  const helpOpen = useStore(store, (s) => s.helpOpen);
  const [choices, setChoices] = useState<Record<number, number>>({});
  const slide = lesson.slides[position.slide];
  const max = maxReveal(slide, digests, labs);
  const s = store.getState();
  useSlideInUrl(store);
  usePersistPrefs(store);
  useDeckKeys((action) => {
    if (!(studentKeys as readonly string[]).includes(action)) return false;
    if (helpOpen && action !== 'help' && action !== 'escape') return false;
    return runDeckAction(store, action, deckRef.current);
  });

  const atEnd = position.slide === lesson.slides.length - 1 && position.reveal >= max;
  return (
    <div className="cr-student">
      <div className="cr-toolbar cr-toolbar--student">
        <div className="cr-toolbar__title">
          <p className="cr-toolbar__eyebrow">
            <Link href="/classroom/">Classroom</Link> · at your own pace
          </p>
          <h1>{lesson.title}</h1>
        </div>
      </div>
      <Deck
        store={store}
        missing={missing}
        mode="student"
        deckRef={deckRef}
        choice={choices[position.slide]}
        onChoose={(i) => setChoices((c) => ({ ...c, [position.slide]: i }))}
      >
        <HelpOverlay open={helpOpen} onClose={() => s.setHelp(false)} only={studentKeys} />
      </Deck>
      <nav className="container cr-student__nav" aria-label="Lesson">
        <button type="button" className="btn" onClick={s.back} disabled={position.slide === 0 && position.reveal === 0}>
          <span aria-hidden="true">← </span>Back
        </button>
        <span className="cr-counter">
          Slide {position.slide + 1} of {lesson.slides.length}
        </span>
        {slide?.kind === 'scenario' && (
          <button type="button" className="btn" onClick={s.reveal} disabled={position.reveal >= max}>
            Next check
          </button>
        )}
        {slide?.kind === 'question' && (
          <button type="button" className="btn" onClick={s.reveal} disabled={position.reveal >= max}>
            {choices[position.slide] === undefined ? 'Show the answer' : 'Check my answer'}
          </button>
        )}
        <button type="button" className="btn btn--primary" onClick={s.next} disabled={atEnd}>
          Next<span aria-hidden="true"> →</span>
        </button>
      </nav>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </div>
  );
}
