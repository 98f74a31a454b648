'use client';

import { Link } from '@/components/layout/Link';
import { useEffect, useRef, useState } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { classroomHref, splitLessonRef, type LessonLocation } from '@/lib/lessons/location';
import { type Lesson } from '@/lib/lessons/schema';
import { browserSyncEnv, createPublisher, type SyncState } from '@/lib/lessons/sync';
import { createPresenterStore, SCALE_RANGE, type PresenterStore } from '@/lib/stores/presenterStore';
import { Deck } from './Deck';
import { HelpOverlay } from './HelpOverlay';
import { LessonProblem, NoLesson } from './LessonStates';
import { useLessonFromUrl } from './lessonSource';
import { toggleFullscreen, useDeckKeys, type DeckAction } from './keys';
import { readPrefs, writePrefs } from './prefs';
import { QrCode } from './QrCode';
import { Timer } from './Timer';
import { useAnnouncement } from './useAnnouncer';
import { useStickyBar } from './useStickyBar';
import { useLessonDigests } from './useDigests';
import { withBase } from '@/lib/content/basePath';

const randomId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `p-${Math.random().toString(36).slice(2)}`);

/** Runs a classroom action on the store; shared by the presenter and student views. */
export function runDeckAction(store: StoreApi<PresenterStore>, action: DeckAction, deck: HTMLElement | null): boolean {
  const s = store.getState();
  switch (action) {
    case 'next':
      s.next();
      return true;
    case 'back':
      s.back();
      return true;
    case 'reveal':
      s.reveal();
      return true;
    case 'revealAll':
      s.revealAll();
      return true;
    case 'first':
      s.goTo(0);
      return true;
    case 'last':
      s.goTo(s.lesson.slides.length - 1);
      return true;
    case 'fullscreen':
      toggleFullscreen(deck);
      return true;
    case 'contrast':
      s.setContrast(!s.contrast);
      return true;
    case 'bigger':
      s.setScale(s.scale + SCALE_RANGE.step);
      return true;
    case 'smaller':
      s.setScale(s.scale - SCALE_RANGE.step);
      return true;
    case 'help':
      s.setHelp(!s.helpOpen);
      return true;
    case 'escape':
      if (s.helpOpen) s.setHelp(false);
      else if (s.blank) s.toggleBlank();
      else if (s.notesOpen) s.toggleNotes();
      else return false;
      return true;
    default:
      return false;
  }
}

/** Keeps the address bar on the current slide, so a reload or a copied URL lands there. */
export function useSlideInUrl(store: StoreApi<PresenterStore>): void {
  const slide = useStore(store, (s) => s.position.slide);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get('slide') === String(slide + 1)) return;
    url.searchParams.set('slide', String(slide + 1));
    window.history.replaceState(window.history.state, '', url);
  }, [slide]);
}

const revealKey = (lessonRef: string, room: string) => `sts-classroom:reveal:${room}:${lessonRef}`;

/** What was revealed on this slide before a reload (kept for the browser tab's life). */
function savedReveal(lessonRef: string, room: string, slide: number): number | undefined {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(revealKey(lessonRef, room)) ?? 'null');
    if (v && typeof v === 'object' && 'slide' in v && 'reveal' in v && v.slide === slide && Number.isInteger(v.reveal)) return v.reveal as number;
  } catch {
    // Storage off or unreadable: start the slide with nothing revealed.
  }
  return undefined;
}

/** Keeps slide and reveal in the tab's session storage, so reloading the presenter keeps the reveals. */
function useRevealAcrossReload(store: StoreApi<PresenterStore>, lessonRef: string, room: string): void {
  const position = useStore(store, (s) => s.position);
  useEffect(() => {
    try {
      sessionStorage.setItem(revealKey(lessonRef, room), JSON.stringify(position));
    } catch {
      // Storage off or full: a reload then starts the slide afresh.
    }
  }, [position, lessonRef, room]);
}

/** Remembers contrast and type scale for the next talk. */
export function usePersistPrefs(store: StoreApi<PresenterStore>): void {
  const contrast = useStore(store, (s) => s.contrast);
  const scale = useStore(store, (s) => s.scale);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    writePrefs({ contrast, scale });
  }, [contrast, scale]);
}

/** The presenter page: resolves the lesson from the URL, then shows the presenter. */
export function PresenterApp({ lessons }: { lessons: readonly Lesson[] }) {
  const source = useLessonFromUrl(lessons);
  if (source.kind === 'loading')
    return (
      <div className="container cr-page">
        <h1>Present a lesson</h1>
        <p className="cr-loading">Loading the lesson…</p>
      </div>
    );
  if (source.kind === 'none') return <NoLesson title="Present a lesson" lessons={lessons} view="present" />;
  if (source.kind === 'error') return <LessonProblem issues={source.issues} />;
  return <Presenter key={source.lessonRef} lesson={source.lesson} lessonRef={source.lessonRef} location={source.location} />;
}

function Presenter({ lesson, lessonRef, location }: { lesson: Lesson; lessonRef: string; location: LessonLocation }) {
  const [store] = useState(() => createPresenterStore({ lesson, lessonRef, slide: location.slide, reveal: savedReveal(lessonRef, location.room, location.slide), ...readPrefs() }));
  const deckRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const missing = useLessonDigests(store);
  const announcement = useAnnouncement(store);
  const position = useStore(store, (s) => s.position);
  const notesOpen = useStore(store, (s) => s.notesOpen);
  const helpOpen = useStore(store, (s) => s.helpOpen);
  const blank = useStore(store, (s) => s.blank);
  const contrast = useStore(store, (s) => s.contrast);
  const scale = useStore(store, (s) => s.scale);
  const [fullscreen, setFullscreen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const slide = lesson.slides[position.slide];
  const where = { ...splitLessonRef(lessonRef), slide: position.slide, room: location.room };
  const studentHref = classroomHref('student', where);
  const audienceHref = classroomHref('audience', { ...where, slide: undefined });

  useSlideInUrl(store);
  usePersistPrefs(store);
  useRevealAcrossReload(store, lessonRef, location.room);

  // Publish slide, reveal, blank and screen options to audience windows.
  useEffect(() => {
    const pub = createPublisher(location.room, browserSyncEnv(), randomId());
    let last = '';
    const publish = (s: PresenterStore) => {
      const state: SyncState = { lesson: s.lessonRef, slide: s.position.slide, reveal: s.position.reveal, blank: s.blank, contrast: s.contrast, scale: s.scale };
      const key = JSON.stringify(state);
      if (key === last) return;
      last = key;
      pub.publish(state);
    };
    publish(store.getState());
    const unsub = store.subscribe(publish);
    return () => {
      unsub();
      pub.close();
    };
  }, [store, location.room]);

  // The control bar sticks to the top: scrolling keeps clear of it.
  useStickyBar(toolbarRef);

  useEffect(() => {
    const on = () => setFullscreen(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);

  useDeckKeys((action) => {
    if (action === 'notes') {
      store.getState().toggleNotes();
      return true;
    }
    if (action === 'blank') {
      store.getState().toggleBlank();
      return true;
    }
    if (action === 'timer') {
      const s = store.getState();
      if (s.timer.startedAt === null) s.startTimer(Date.now());
      else s.pauseTimer(Date.now());
      return true;
    }
    if (helpOpen && action !== 'help' && action !== 'escape') return false;
    return runDeckAction(store, action, deckRef.current);
  });

  const s = store.getState();
  const absoluteStudent = typeof window === 'undefined' ? studentHref : new URL(withBase(studentHref), window.location.origin).href;

  return (
    <div className="cr-presenter">
      <div ref={toolbarRef} className="cr-toolbar" role="toolbar" aria-label="Presenter controls">
        <div className="cr-toolbar__title">
          <p className="cr-toolbar__eyebrow">
            <Link href="/classroom/">Classroom</Link> · presenting
          </p>
          <h1>{lesson.title}</h1>
        </div>
        <div className="cr-toolbar__group" role="group" aria-label="Slides">
          <button type="button" className="btn" onClick={s.back} disabled={position.slide === 0 && position.reveal === 0}>
            <span aria-hidden="true">← </span>Back
          </button>
          <span className="cr-counter" aria-hidden="true">
            {position.slide + 1} / {lesson.slides.length}
          </span>
          <button type="button" className="btn" onClick={s.reveal} disabled={slide?.kind === 'note'}>
            Reveal
          </button>
          <button type="button" className="btn" onClick={s.revealAll} disabled={slide?.kind === 'note'} aria-keyshortcuts="A">
            Reveal all
          </button>
          <button type="button" className="btn btn--primary" onClick={s.next}>
            Next<span aria-hidden="true"> →</span>
          </button>
        </div>
        <div className="cr-toolbar__group" role="group" aria-label="Screen">
          <button type="button" className="btn" aria-pressed={blank} onClick={s.toggleBlank}>
            Blank
          </button>
          <button type="button" className="btn" aria-pressed={notesOpen} onClick={s.toggleNotes}>
            Notes
          </button>
          <button type="button" className="btn" aria-pressed={contrast} onClick={() => s.setContrast(!contrast)}>
            High contrast
          </button>
          <button type="button" className="btn" onClick={() => s.setScale(scale - SCALE_RANGE.step)} aria-label="Smaller type" disabled={scale <= SCALE_RANGE.min}>
            A−
          </button>
          <button type="button" className="btn" onClick={() => s.setScale(scale + SCALE_RANGE.step)} aria-label="Larger type" disabled={scale >= SCALE_RANGE.max}>
            A+
          </button>
          <button type="button" className="btn" aria-pressed={fullscreen} onClick={() => toggleFullscreen(deckRef.current)}>
            Full screen
          </button>
          <button type="button" className="btn" onClick={() => s.setHelp(true)} aria-label="Keyboard help">
            ?
          </button>
        </div>
        <div className="cr-toolbar__group" role="group" aria-label="Audience">
          <button type="button" className="btn" onClick={() => window.open(audienceHref, 'sts-classroom-audience', 'popup,width=1280,height=720')}>
            Open audience window
          </button>
          <button type="button" className="btn" aria-expanded={shareOpen} aria-controls="cr-share" onClick={() => setShareOpen((o) => !o)}>
            Student link
          </button>
          <Timer store={store} />
        </div>
      </div>
      {shareOpen && (
        <div id="cr-share" className="cr-share">
          <div className="cr-share__join">
            <QrCode text={absoluteStudent} label="QR code of the student link" />
            <div>
              <p className="cr-share__lead">Scan the code, or type:</p>
              <p className="cr-share__short" data-testid="student-short-link">
                {absoluteStudent.replace(/^https?:\/\//, '')}
              </p>
            </div>
          </div>
          <label htmlFor="cr-student-link">Students follow at their own pace with this link (this slide):</label>
          <div className="cr-share__row">
            <input id="cr-student-link" readOnly value={absoluteStudent} onFocus={(e) => e.currentTarget.select()} />
            <button
              type="button"
              className="btn"
              onClick={() => {
                void navigator.clipboard?.writeText(absoluteStudent).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              Copy
            </button>
            <a className="btn" href={withBase(studentHref)} target="_blank" rel="noreferrer">
              Open
            </a>
          </div>
          <p role="status" className="cr-share__status">
            {copied ? 'Copied.' : ''}
          </p>
        </div>
      )}
      <Deck store={store} missing={missing} mode="present" deckRef={deckRef}>
        {notesOpen && (
          <aside className="cr-notes" aria-label="Presenter notes">
            <h2>Presenter notes</h2>
            {slide?.notes ? <p>{slide.notes}</p> : <p className="muted">No notes for this slide.</p>}
            <p className="cr-notes__next">
              Next: {lesson.slides[position.slide + 1] ? `slide ${position.slide + 2}` : 'end of the lesson'} · Press P to hide
            </p>
          </aside>
        )}
        <HelpOverlay open={helpOpen} onClose={() => s.setHelp(false)} />
      </Deck>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </p>
    </div>
  );
}
