/**
 * The classroom's state: which lesson, where in it, what is revealed, and the presenter's
 * screen options. A vanilla zustand store created per page (presenter, audience, student);
 * it holds inputs only. What a slide shows is derived from them (lib/lessons/deck.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { maxReveal, nextPosition, previousPosition, revealPosition, type DeckPosition } from '../lessons/deck';
import { type ScenarioDigest } from '../lessons/digest';
import { type LabDigest } from '../lessons/labDigest';
import { type Lesson } from '../lessons/schema';
import { type SyncState } from '../lessons/sync';

/** The elapsed-time clock of a talk. */
export interface TimerState {
  /** When it was last started (epoch ms), or null while paused. */
  startedAt: number | null;
  /** Time counted before the last start. */
  elapsedMs: number;
}

/** Smallest and largest type scale. */
export const SCALE_RANGE = { min: 0.7, max: 2, step: 0.1 } as const;

/** Everything the classroom pages keep. */
export interface PresenterState {
  /** The lesson on screen. */
  lesson: Lesson;
  /** How other windows find it: `builtin:<id>` or `link:<encoded>`. */
  lessonRef: string;
  /** Slide and reveal. */
  position: DeckPosition;
  /** Scenario digests loaded so far, by id. */
  digests: Record<string, ScenarioDigest>;
  /** Lab digests loaded so far, by id. */
  labs: Record<string, LabDigest>;
  /** The screen is blanked (B). */
  blank: boolean;
  /** Presenter notes shown (P). */
  notesOpen: boolean;
  /** Keyboard help shown (?). */
  helpOpen: boolean;
  /** High-contrast theme. */
  contrast: boolean;
  /** Type scale, 1 = default. */
  scale: number;
  /** The talk's clock. */
  timer: TimerState;
}

/** What the classroom pages can do. */
export interface PresenterActions {
  /** Right, Space: reveal the next part or go to the next slide. */
  next(): void;
  /** Left: hide the last part or go back a slide. */
  back(): void;
  /** R, Enter: reveal the next part of this slide only. */
  reveal(): void;
  /** A: reveal every check, the outcome or the answer of this slide at once. */
  revealAll(): void;
  /** Jumps to a slide (from 0), nothing revealed. */
  goTo(slide: number): void;
  /** Sets slide and reveal at once (audience windows following a presenter). */
  follow(state: Pick<SyncState, 'slide' | 'reveal' | 'blank' | 'contrast' | 'scale'>): void;
  /** Replaces the lesson. */
  setLesson(lesson: Lesson, lessonRef: string, slide?: number): void;
  /** Records a loaded scenario digest. */
  addDigest(digest: ScenarioDigest): void;
  /** Records a loaded lab digest. */
  addLab(lab: LabDigest): void;
  /** B. */
  toggleBlank(): void;
  /** P. */
  toggleNotes(): void;
  /** ? opens, Escape closes. */
  setHelp(open: boolean): void;
  /** High-contrast on or off. */
  setContrast(on: boolean): void;
  /** Type scale, clamped to {@link SCALE_RANGE}. */
  setScale(scale: number): void;
  /** Starts or resumes the clock. */
  startTimer(now: number): void;
  /** Pauses the clock. */
  pauseTimer(now: number): void;
  /** Back to 0:00, paused. */
  resetTimer(): void;
}

/** The store's full shape. */
export type PresenterStore = PresenterState & PresenterActions;

/**
 * Elapsed milliseconds of a timer.
 * @param t the timer
 * @param now current time (epoch ms)
 * @returns elapsed time
 * @example timerElapsed({ startedAt: 1000, elapsedMs: 500 }, 3000) // 2500
 */
export function timerElapsed(t: TimerState, now: number): number {
  return t.elapsedMs + (t.startedAt === null ? 0 : Math.max(0, now - t.startedAt));
}

/**
 * Formats elapsed time as m:ss or h:mm:ss.
 * @param ms milliseconds
 * @returns clock text
 * @example formatElapsed(65000) // '1:05'
 */
export function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const clampScale = (n: number) => Math.round(Math.min(SCALE_RANGE.max, Math.max(SCALE_RANGE.min, n)) * 10) / 10;

/**
 * Creates a classroom store.
 * @param init the lesson, its reference, and optionally a starting slide and screen options
 * @returns a vanilla zustand store
 * @example const store = createPresenterStore({ lesson, lessonRef: 'builtin:mfa-and-get-session-token' })
 */
export function createPresenterStore(init: { lesson: Lesson; lessonRef: string; slide?: number; reveal?: number; contrast?: boolean; scale?: number }): StoreApi<PresenterStore> {
  return createStore<PresenterStore>()((set, get) => ({
    lesson: init.lesson,
    lessonRef: init.lessonRef,
    // A reload restores the reveal too; it is clamped once the slide's scenario is known (deck.ts).
    position: { slide: Math.min(Math.max(0, init.slide ?? 0), init.lesson.slides.length - 1), reveal: Math.max(0, Math.trunc(init.reveal ?? 0) || 0) },
    digests: {},
    labs: {},
    blank: false,
    notesOpen: false,
    helpOpen: false,
    contrast: init.contrast ?? false,
    scale: clampScale(init.scale ?? 1),
    timer: { startedAt: null, elapsedMs: 0 },
    next: () => set((s) => ({ position: nextPosition(s.lesson, s.position, s.digests, s.labs) })),
    back: () => set((s) => ({ position: previousPosition(s.lesson, s.position, s.digests, s.labs) })),
    reveal: () => set((s) => ({ position: revealPosition(s.lesson, s.position, s.digests, s.labs) })),
    revealAll: () => set((s) => ({ position: { slide: s.position.slide, reveal: maxReveal(s.lesson.slides[s.position.slide], s.digests, s.labs) } })),
    goTo: (slide) => set((s) => ({ position: { slide: Math.min(Math.max(0, Math.trunc(slide)), s.lesson.slides.length - 1), reveal: 0 } })),
    follow: (f) =>
      set((s) => {
        const slide = Math.min(Math.max(0, Math.trunc(f.slide)), s.lesson.slides.length - 1);
        // The presenter may know a scenario's length before we do: keep its reveal value, the view clamps.
        return { position: { slide, reveal: Math.max(0, Math.trunc(f.reveal)) }, blank: f.blank, contrast: f.contrast, scale: clampScale(f.scale) };
      }),
    setLesson: (lesson, lessonRef, slide = 0) =>
      set({ lesson, lessonRef, position: { slide: Math.min(Math.max(0, slide), lesson.slides.length - 1), reveal: 0 } }),
    addDigest: (d) => set((s) => ({ digests: { ...s.digests, [d.id]: d } })),
    addLab: (l) => set((s) => ({ labs: { ...s.labs, [l.id]: l } })),
    toggleBlank: () => set((s) => ({ blank: !s.blank })),
    toggleNotes: () => set((s) => ({ notesOpen: !s.notesOpen })),
    setHelp: (open) => set({ helpOpen: open }),
    setContrast: (on) => set({ contrast: on }),
    setScale: (n) => set({ scale: clampScale(n) }),
    startTimer: (now) => {
      if (get().timer.startedAt === null) set((s) => ({ timer: { ...s.timer, startedAt: now } }));
    },
    pauseTimer: (now) => set((s) => ({ timer: { startedAt: null, elapsedMs: timerElapsed(s.timer, now) } })),
    resetTimer: () => set({ timer: { startedAt: null, elapsedMs: 0 } }),
  }));
}
