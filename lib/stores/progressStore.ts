/**
 * The quiz progress store: results, review cards, the exam in progress and the mode counters,
 * persisted in localStorage with a versioned layout (zustand persist, version + migrate).
 *
 * Damaged or unreadable saved data never crashes the page: the raw text is copied to a backup
 * key, whatever is valid is kept, and `notice` tells the learner what happened.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import type { ExamSession } from '@/lib/quiz/exam';
import { needsCard, ratingFor, type Confidence } from '@/lib/quiz/grade';
import { recordAnswer } from '@/lib/quiz/mastery';
import { emptyProgress, mergeProgress, migrateProgress, PROGRESS_VERSION, repairProgress, type Counters, type ExamRecord, type ProgressData } from '@/lib/quiz/progress';
import { reviewCard } from '@/lib/quiz/schedule';
import type { Topic } from '@/lib/quiz/topics';

/** The localStorage key of saved progress. */
export const PROGRESS_STORAGE_KEY = 'sts-quiz-progress';
/** Where unreadable saved data is copied before the store starts over. */
export const PROGRESS_BACKUP_KEY = 'sts-quiz-progress-backup';

/** A message about saved data for the learner (shown once, dismissable). */
export interface Notice {
  kind: 'recovered' | 'migrated' | 'imported' | 'reset' | 'storage';
  message: string;
}

/** One answered item, as the UI reports it. */
export interface AnswerInput {
  ref: string;
  topic: Topic;
  correct: boolean;
  /** The learner's confidence; absent in exams. */
  confidence?: Confidence;
  now: number;
}

/** The store's state and actions. */
export interface ProgressState extends ProgressData {
  /** False until saved progress has been read (the server render never has it). */
  hydrated: boolean;
  notice: Notice | null;
  /** Records an answer, and schedules or reviews its card (missed or guessed answers become cards). */
  record(input: AnswerInput): void;
  /** Takes the next number of a mode's deterministic sequence. */
  takeSeed(kind: keyof Counters): number;
  /** Starts (or replaces) the exam. */
  setExam(exam: ExamSession | null): void;
  /** Changes the exam in progress. */
  updateExam(change: (exam: ExamSession) => ExamSession): void;
  /** Records a submitted exam: every answer counts, missed ones become cards. */
  finishExam(exam: ExamSession, results: readonly AnswerInput[], record: ExamRecord): void;
  /** Replaces all progress (import). */
  replaceProgress(data: ProgressData, notice: Notice): void;
  /** Erases all progress. */
  resetProgress(): void;
  dismissNotice(): void;
  /** Merges what another tab stored (the `storage` event's new value) into this tab's progress. */
  syncFrom(raw: string | null): void;
}

type Persisted = ProgressData;

/** JSON that does not depend on key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));

/** The saved part of the state (what export writes and localStorage keeps). */
export function progressDataOf(s: ProgressState): ProgressData {
  return { stats: s.stats, cards: s.cards, exam: s.exam, exams: s.exams, counters: s.counters };
}

/** A wrapper marking data that migrate() already repaired, so merge() does not repair it twice. */
interface Prepared {
  __prepared: true;
  data: ProgressData;
}
const isPrepared = (v: unknown): v is Prepared => typeof v === 'object' && v !== null && (v as Prepared).__prepared === true;

/** Where the store keeps its data; tests pass an in-memory Storage. */
export interface ProgressStoreOptions {
  storage?: () => Storage | undefined;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Creates a progress store. Call `store.persist.rehydrate()` on the client to load saved data.
 * @example const store = createProgressStore(); await store.persist.rehydrate();
 */
export function createProgressStore(options: ProgressStoreOptions = {}): StoreApi<ProgressState> & { persist: { rehydrate(): Promise<void>; hasHydrated(): boolean } } {
  const getStorage = options.storage ?? browserStorage;
  const pending: Notice[] = [];
  let warnedSave = false;
  // Assigned below; the storage adapter reports save failures through it.
  // eslint-disable-next-line prefer-const
  let store: StoreApi<ProgressState> | undefined;

  const backup = (raw: string) => {
    try {
      getStorage()?.setItem(PROGRESS_BACKUP_KEY, raw);
      return true;
    } catch {
      return false;
    }
  };
  const backupNote = (raw: string) => (backup(raw) ? ` A copy of the old data was kept in this browser under “${PROGRESS_BACKUP_KEY}”.` : '');

  const storage: PersistStorage<Persisted> = {
    getItem(name) {
      let raw: string | null | undefined;
      try {
        raw = getStorage()?.getItem(name);
      } catch {
        pending.push({ kind: 'storage', message: 'This browser does not let the site read saved data, so progress will not be kept between visits.' });
        return null;
      }
      if (raw === null || raw === undefined) return null;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        pending.push({ kind: 'recovered', message: `Your saved quiz progress could not be read (it is not valid JSON), so the quiz started fresh.${backupNote(raw)}` });
        return null;
      }
      if (typeof value !== 'object' || value === null || !('state' in value)) {
        pending.push({ kind: 'recovered', message: `Your saved quiz progress was not in a form this site understands, so the quiz started fresh.${backupNote(raw)}` });
        return null;
      }
      return value as StorageValue<Persisted>;
    },
    setItem(name, value) {
      try {
        getStorage()?.setItem(name, JSON.stringify(value));
      } catch {
        // Storage full or blocked: keep going in memory, and say so once.
        if (warnedSave) return;
        warnedSave = true;
        const notice: Notice = { kind: 'storage', message: 'Progress could not be saved in this browser (storage is full or blocked); it lasts until you close the page.' };
        if (store?.getState().hydrated) store.setState({ notice });
        else pending.push(notice);
      }
    },
    removeItem(name) {
      try {
        getStorage()?.removeItem(name);
      } catch {
        // nothing to do
      }
    },
  };

  const created = createStore<ProgressState>()(
    persist(
      (set, get) => ({
        ...emptyProgress(),
        hydrated: false,
        notice: null,
        record(input) {
          set((s) => {
            const stats = { ...s.stats, [input.ref]: recordAnswer(s.stats[input.ref], input.topic, input.correct, input.now) };
            const card = s.cards[input.ref];
            const cards = card || needsCard(input.correct, input.confidence) ? { ...s.cards, [input.ref]: reviewCard(card, ratingFor(input.correct, input.confidence), input.now) } : s.cards;
            return { stats, cards };
          });
        },
        takeSeed(kind) {
          const n = get().counters[kind];
          set((s) => ({ counters: { ...s.counters, [kind]: n + 1 } }));
          return n;
        },
        setExam(exam) {
          set({ exam });
        },
        updateExam(change) {
          const exam = get().exam;
          if (exam) set({ exam: change(exam) });
        },
        finishExam(exam, results, record) {
          set((s) => {
            const stats = { ...s.stats };
            const cards = { ...s.cards };
            for (const r of results) {
              stats[r.ref] = recordAnswer(stats[r.ref], r.topic, r.correct, r.now);
              if (cards[r.ref] || !r.correct) cards[r.ref] = reviewCard(cards[r.ref], ratingFor(r.correct, r.confidence), r.now);
            }
            return { stats, cards, exam, exams: [...s.exams, record].slice(-20) };
          });
        },
        replaceProgress(data, notice) {
          set({ ...data, notice });
        },
        resetProgress() {
          set({ ...emptyProgress(), notice: { kind: 'reset', message: 'All quiz progress was erased.' } });
        },
        dismissNotice() {
          set({ notice: null });
        },
        syncFrom(raw) {
          // Another tab saved: merge its progress into ours (never last-writer-wins of the blob).
          if (!raw || !get().hydrated) return;
          let parsed: unknown;
          try {
            parsed = JSON.parse(raw);
          } catch {
            return;
          }
          if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) return;
          const { state, version } = parsed as { state: unknown; version?: unknown };
          const out = migrateProgress(state, typeof version === 'number' ? version : PROGRESS_VERSION);
          if (out.kind !== 'ok') return;
          const mine = progressDataOf(get());
          const merged = mergeProgress(mine, out.data);
          // Only a real change is stored: otherwise two tabs would echo the same data back and forth.
          if (canonical(merged) !== canonical(mine)) set(merged);
        },
      }),
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage,
        skipHydration: true,
        partialize: (s) => progressDataOf(s),
        migrate(persisted, version): Persisted {
          const out = migrateProgress(persisted, version);
          const raw = JSON.stringify({ state: persisted, version });
          if (out.kind === 'too-new') {
            pending.push({ kind: 'recovered', message: `Your saved progress was written by a newer version of this site (layout ${out.version}), so the quiz started fresh here.${backupNote(raw)}` });
            return { __prepared: true, data: emptyProgress() } as unknown as Persisted;
          }
          if (out.kind === 'unreadable') {
            pending.push({ kind: 'recovered', message: `Your saved progress could not be read (${out.reason}), so the quiz started fresh.${backupNote(raw)}` });
            return { __prepared: true, data: emptyProgress() } as unknown as Persisted;
          }
          if (out.dropped) pending.push({ kind: 'recovered', message: `Some saved progress was damaged: ${out.dropped} entr${out.dropped === 1 ? 'y was' : 'ies were'} skipped and the rest was kept.${backupNote(raw)}` });
          else pending.push({ kind: 'migrated', message: `Your saved progress was upgraded from an older layout (version ${version}).` });
          return { __prepared: true, data: out.data } as unknown as Persisted;
        },
        merge(persisted, current) {
          if (persisted === undefined) return current;
          if (isPrepared(persisted)) return { ...current, ...persisted.data };
          const { data, dropped } = repairProgress(persisted);
          if (dropped) pending.push({ kind: 'recovered', message: `Some saved progress was damaged: ${dropped} entr${dropped === 1 ? 'y was' : 'ies were'} skipped and the rest was kept.${backupNote(JSON.stringify({ state: persisted, version: PROGRESS_VERSION }))}` });
          return { ...current, ...data };
        },
        onRehydrateStorage: () => () => {
          // Runs after hydration, successful or not: show the most important notice once.
          const notice = pending.find((n) => n.kind === 'recovered') ?? pending[0] ?? null;
          pending.length = 0;
          created.setState({ hydrated: true, ...(notice ? { notice } : {}) });
        },
      },
    ),
  );
  store = created;
  return created;
}

/** The store's type. */
export type ProgressStore = ReturnType<typeof createProgressStore>;
