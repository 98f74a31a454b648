/**
 * The simulator's state, one store per page (zustand/vanilla, no React). It holds inputs only:
 * the scenario text, where it came from, and the playback position. Results are derived by
 * running the engine on the text, never stored.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import {
  type DraftStorage,
  type MyScenario,
  type Origin,
  type ScenarioSource,
  type WriteResult,
  OPENING_KEY,
  listMine,
  newId,
  readDrafts,
  readKey,
  sourceKey,
  titleIn,
  updateDrafts,
  writeKey,
} from './drafts';

export type { MyScenario, Origin, ScenarioSource } from './drafts';

/** The scenario being edited. */
export interface DocumentSlice {
  /** The text in the editor (may be invalid JSON: it is what the user typed). */
  text: string;
  /** The text as opened or created, for "Revert" and the edited marker. */
  original: string;
  /** What is open; null until something is. */
  source: ScenarioSource | null;
  /** Counts opens: results of a run are only ever shown for the scenario opened with the same number. */
  opened: number;
  /** True when opening restored earlier edits. */
  restored: boolean;
  /** Why the last save failed, or null when it is stored. */
  saveProblem: 'full' | 'unavailable' | null;
  /** Text that made the page fail on an earlier visit, set aside and not shown (offered for copying). */
  held: string | undefined;
  /** My scenarios, newest change first (kept in step with storage and with other tabs). */
  mine: MyScenario[];
  /** Opens a built-in scenario as it is on the site; nothing is stored until it is edited. */
  openBuiltin: (id: string, text: string) => void;
  /**
   * Opens one of My scenarios: 'missing' when there is no such scenario; 'blocked' when the page
   * failed on it last time and it has no earlier working version (see `blocked`), unless `force`.
   */
  openMine: (id: string, options?: { force?: boolean }) => 'opened' | 'missing' | 'blocked';
  /** One of My scenarios that was not opened because the page failed on it last time. */
  blocked: { id: string; name: string; text: string } | undefined;
  /** Forgets `blocked` (the notice was dismissed). */
  unblock: () => void;
  /**
   * Adds a new scenario to My scenarios and opens it. A share link opened again (same
   * fingerprint, still unedited) reopens the entry it made before instead of adding another.
   */
  create: (origin: Origin, text: string, name?: string) => void;
  /** What was open last (for a plain visit), if anything. */
  lastOpened: () => ScenarioSource | undefined;
  /** Replaces the text and saves it; the first edit of a built-in makes it one of My scenarios. */
  setText: (text: string) => void;
  /** Goes back to the text as opened (the scenario stays in My scenarios). */
  revert: () => void;
  /** Says the current text rendered; with `ok`, it becomes the last working version. */
  markRendered: (ok: boolean) => void;
  /** Says the page failed on the current text: it is set aside so a later visit does not restore it. */
  markBroken: () => void;
  /** Opens the last version that worked (or the original) and keeps the failing text aside. */
  backToWorking: () => void;
  /** Forgets the set-aside text (after the user copied it or opened it). */
  dropHeld: () => void;
  /** Renames one of My scenarios. */
  rename: (id: string, name: string) => void;
  /** Copies one of My scenarios into a new entry; returns its id. */
  duplicate: (id: string) => string | undefined;
  /** Deletes one of My scenarios; returns it, for Undo. */
  remove: (id: string) => MyScenario | undefined;
  /** Puts a deleted scenario back (Undo). */
  restore: (entry: MyScenario) => void;
  /** Reads storage again after another tab changed it: merges the list, reloads the open scenario if it was edited there later. */
  sync: () => void;
}

/** Playback speeds offered (1 is normal). */
export const speeds = [0.5, 1, 2, 4] as const;
/** A playback speed. */
export type Speed = (typeof speeds)[number];

/** Where playback is. */
export interface PlaybackSlice {
  /** Index of the selected step. */
  step: number;
  /** How many of the selected step's trace entries are shown; 'all' when the step is complete. */
  revealed: number | 'all';
  playing: boolean;
  speed: Speed;
  /** Selects a step, shown complete, and pauses. */
  selectStep: (index: number, stepCount: number) => void;
  /** Completes the current step, or moves to the next one complete; pauses. */
  stepForward: (stepCount: number) => void;
  /** Moves to the previous step, complete; pauses. */
  stepBack: () => void;
  /** Back to the first step with nothing revealed (playing continues if it was). */
  restart: () => void;
  /** Plays from the current step (replaying it when complete); from the start when at the end. */
  play: (stepCount: number) => void;
  pause: () => void;
  setSpeed: (speed: Speed) => void;
  /**
   * One animation beat while playing: reveal the next trace entry, or move on to the next
   * step; stops at the end. With `wholeSteps` (reduced motion) a beat is a whole step.
   * @param gateCounts trace length of each step
   */
  tick: (gateCounts: readonly number[], options?: { wholeSteps?: boolean }) => void;
}

/** The whole store. */
export type ScenarioState = DocumentSlice & PlaybackSlice;
/** The store API. */
export type ScenarioStore = StoreApi<ScenarioState>;

/** What a store starts with. */
export interface ScenarioStoreInit {
  /** Where drafts persist (window.localStorage in the browser); none in tests by default. */
  storage?: DraftStorage | null;
  /** Clock for draft timestamps. */
  now?: () => number;
  /** Initial text and source, if known up front. */
  initial?: { source: ScenarioSource; text: string };
}

const startOfPlayback = { step: 0, revealed: 'all' as const, playing: false };

const createDocumentSlice =
  (init: ScenarioStoreInit): StateCreator<ScenarioState, [], [], DocumentSlice> =>
  (set, get) => {
    const storage = init.storage;
    const now = init.now ?? (() => Date.now());
    /** When the open scenario was last saved by this tab (to tell a later edit in another tab). */
    let savedAt = 0;
    /** The text some part of the page failed on: another part rendering it does not make it safe. */
    let brokenText: string | undefined;
    const problem = (r: WriteResult): DocumentSlice['saveProblem'] => (r.ok ? null : r.reason);
    const refresh = () => set({ mine: listMine(readDrafts(storage)) });
    /** Writes one change with a fresh read (keeps other tabs' changes) and refreshes the list. */
    const write = (change: Parameters<typeof updateDrafts>[1]) => {
      const r = updateDrafts(storage, change);
      set({ saveProblem: problem(r), mine: listMine(readDrafts(storage)) });
      return r;
    };
    const opening = (source: ScenarioSource, text: string, original: string, extra: Partial<DocumentSlice> = {}) => {
      set({ source, text, original, opened: get().opened + 1, restored: false, held: undefined, ...extra, ...startOfPlayback });
    };
    return {
      text: init.initial?.text ?? '',
      original: init.initial?.text ?? '',
      source: init.initial?.source ?? null,
      opened: 0,
      restored: false,
      saveProblem: null,
      held: undefined,
      mine: listMine(readDrafts(storage)),
      openBuiltin: (id, text) => {
        opening({ kind: 'builtin', id }, text, text);
        write((f) => {
          f.last = { kind: 'builtin', id };
        });
      },
      openMine: (id, options = {}) => {
        const file = readDrafts(storage);
        const entry = file.mine[id];
        if (!entry) return 'missing';
        const key = sourceKey({ kind: 'mine', id });
        const fallback = entry.good ?? entry.original;
        const marked = !options.force && readKey(storage, OPENING_KEY) === key;
        if (marked && entry.text === fallback) {
          // The page failed on it and there is no other version to show: do not open it again.
          writeKey(storage, OPENING_KEY, undefined);
          set({ blocked: { id, name: entry.name, text: entry.text } });
          write((f) => {
            if (f.last?.kind === 'mine' && f.last.id === id) delete f.last;
          });
          return 'blocked';
        }
        set({ blocked: undefined });
        // The page failed while showing this text last time: open the last working version instead.
        const failed = marked;
        savedAt = entry.savedAt;
        if (failed) {
          opening({ kind: 'mine', id }, fallback, entry.original, { held: entry.text });
          write((f) => {
            const e = f.mine[id];
            if (e) Object.assign(e, { held: entry.text, text: fallback, savedAt: (savedAt = Math.max(now(), e.savedAt)) });
            f.last = { kind: 'mine', id };
          });
        } else {
          opening({ kind: 'mine', id }, entry.text, entry.original, { restored: entry.text !== entry.original, held: entry.held });
          write((f) => {
            f.last = { kind: 'mine', id };
          });
        }
        writeKey(storage, OPENING_KEY, key);
        return 'opened';
      },
      blocked: undefined,
      unblock: () => set({ blocked: undefined }),
      create: (origin, text, name) => {
        const file = readDrafts(storage);
        if (origin.kind === 'shared') {
          const same = Object.values(file.mine).find((e) => e.origin.kind === 'shared' && e.origin.fingerprint === origin.fingerprint && e.text === e.original && e.original === text);
          if (same && get().openMine(same.id, { force: true }) === 'opened') return;
        }
        const t = now();
        const id = newId(file, t);
        const entry: MyScenario = { id, name: name ?? titleIn(text) ?? 'Untitled scenario', origin, original: text, text, createdAt: t, savedAt: t };
        savedAt = t;
        opening({ kind: 'mine', id }, text, text);
        write((f) => {
          f.mine[id] = entry;
          f.last = { kind: 'mine', id };
        });
        writeKey(storage, OPENING_KEY, sourceKey({ kind: 'mine', id }));
      },
      lastOpened: () => readDrafts(storage).last,
      setText: (text) => {
        const { source, original } = get();
        if (!source) return set({ text });
        if (source.kind === 'builtin') {
          if (text === original) return set({ text });
          // Copy on write: the built-in stays as it is; the edit becomes one of My scenarios.
          const t = now();
          const file = readDrafts(storage);
          const id = newId(file, t);
          savedAt = t;
          const entry: MyScenario = { id, name: titleIn(original) ?? source.id, origin: { kind: 'builtin', id: source.id }, original, text, createdAt: t, savedAt: t };
          set({ text, source: { kind: 'mine', id } });
          writeKey(storage, OPENING_KEY, sourceKey({ kind: 'mine', id }));
          write((f) => {
            f.mine[id] = entry;
            f.last = { kind: 'mine', id };
          });
          return;
        }
        set({ text });
        const id = source.id;
        // Until this text has rendered, a reload must not trust it (markRendered clears this).
        const key = sourceKey(source);
        if (readKey(storage, OPENING_KEY) !== key) writeKey(storage, OPENING_KEY, key);
        savedAt = Math.max(now(), savedAt + 1);
        const at = savedAt;
        write((f) => {
          // A scenario deleted in another tab while open here comes back with this edit: no work is lost.
          const e = f.mine[id] ?? { id, name: titleIn(text) ?? 'Untitled scenario', origin: { kind: 'copy', of: id }, original, text, createdAt: at, savedAt: at };
          f.mine[id] = { ...e, text, savedAt: at };
        });
      },
      revert: () => get().setText(get().original),
      markRendered: (ok) => {
        const { source, text } = get();
        if (!source || text === brokenText) return;
        if (readKey(storage, OPENING_KEY) !== undefined) writeKey(storage, OPENING_KEY, undefined);
        if (!ok || source.kind !== 'mine') return;
        const stored = readDrafts(storage).mine[source.id];
        if (!stored || stored.good === text || stored.text !== text) return;
        write((f) => {
          const e = f.mine[source.id];
          if (e) e.good = text;
        });
      },
      markBroken: () => {
        const { source, text } = get();
        if (!source) return;
        brokenText = text;
        writeKey(storage, OPENING_KEY, sourceKey(source));
        if (source.kind !== 'mine') return;
        write((f) => {
          const e = f.mine[source.id];
          if (e) e.held = text;
        });
      },
      backToWorking: () => {
        const { source, text, original } = get();
        if (source?.kind !== 'mine') return set({ text: original, opened: get().opened + 1, ...startOfPlayback });
        const entry = readDrafts(storage).mine[source.id];
        const good = entry?.good ?? original;
        set({ held: text, opened: get().opened + 1, ...startOfPlayback });
        write((f) => {
          const e = f.mine[source.id];
          if (e) e.held = text;
        });
        get().setText(good);
      },
      dropHeld: () => {
        const { source } = get();
        set({ held: undefined });
        if (source?.kind !== 'mine') return;
        write((f) => {
          const e = f.mine[source.id];
          if (e) delete e.held;
        });
      },
      rename: (id, name) => {
        const clean = name.trim().slice(0, 120);
        if (!clean) return;
        write((f) => {
          const e = f.mine[id];
          if (e) e.name = clean;
        });
      },
      duplicate: (id) => {
        const file = readDrafts(storage);
        const e = file.mine[id];
        if (!e) return undefined;
        const t = now();
        const copy = newId(file, t);
        write((f) => {
          f.mine[copy] = { id: copy, name: `${e.name} (copy)`, origin: { kind: 'copy', of: id }, original: e.text, text: e.text, ...(e.good === e.text ? { good: e.good } : {}), createdAt: t, savedAt: t };
        });
        return copy;
      },
      remove: (id) => {
        const e = readDrafts(storage).mine[id];
        if (!e) return undefined;
        write((f) => {
          delete f.mine[id];
          if (f.last?.kind === 'mine' && f.last.id === id) delete f.last;
        });
        return e;
      },
      restore: (entry) => {
        write((f) => {
          f.mine[entry.id] = entry;
        });
      },
      sync: () => {
        refresh();
        const { source, text } = get();
        if (source?.kind !== 'mine') return;
        const e = readDrafts(storage).mine[source.id];
        if (!e || e.savedAt <= savedAt || e.text === text) return;
        // Edited later in another tab: show that version (newest edit wins per scenario).
        savedAt = e.savedAt;
        set({ text: e.text });
      },
    };
  };

const createPlaybackSlice: StateCreator<ScenarioState, [], [], PlaybackSlice> = (set, get) => ({
  ...startOfPlayback,
  speed: 1,
  selectStep: (index, stepCount) => set({ step: Math.max(0, Math.min(index, stepCount - 1)), revealed: 'all', playing: false }),
  stepForward: (stepCount) => {
    const { step, revealed } = get();
    if (revealed !== 'all') set({ revealed: 'all', playing: false });
    else set({ step: Math.max(0, Math.min(step + 1, stepCount - 1)), revealed: 'all', playing: false });
  },
  stepBack: () => {
    const { step, revealed } = get();
    // From a half-played step, "back" first shows that step from its start.
    set({ step: revealed === 'all' ? Math.max(0, step - 1) : step, revealed: 'all', playing: false });
  },
  restart: () => set({ step: 0, revealed: 0 }),
  play: (stepCount) => {
    const { step, revealed } = get();
    if (stepCount === 0) return;
    // Play from the current step (replaying it when it is complete); from the last one, start over.
    const atEnd = stepCount > 1 && step >= stepCount - 1 && revealed === 'all';
    if (atEnd) set({ step: 0, revealed: 0, playing: true });
    else if (revealed === 'all') set({ revealed: 0, playing: true });
    else set({ playing: true });
  },
  pause: () => set({ playing: false }),
  setSpeed: (speed) => set({ speed }),
  tick: (gateCounts, options = {}) => {
    const { step, revealed, playing } = get();
    if (!playing) return;
    const last = gateCounts.length - 1;
    if (last < 0) return set({ playing: false });
    const count = gateCounts[step] ?? 0;
    if (!options.wholeSteps && revealed !== 'all' && revealed < count) return set({ revealed: revealed + 1 });
    if (revealed !== 'all') return set({ revealed: 'all', ...(step >= last ? { playing: false } : {}) });
    if (step >= last) return set({ playing: false });
    set({ step: step + 1, revealed: options.wholeSteps ? 'all' : 0 });
  },
});

/**
 * Creates a simulator store. Call once per page (in a `useState` initialiser), never at module level.
 * @example const store = createScenarioStore({ storage: window.localStorage }); store.getState().setText('{}')
 */
export function createScenarioStore(init: ScenarioStoreInit = {}): ScenarioStore {
  return createStore<ScenarioState>()((...a) => ({
    ...createDocumentSlice(init)(...a),
    ...createPlaybackSlice(...a),
  }));
}
