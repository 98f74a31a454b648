/**
 * The simulator's state, one store per page (zustand/vanilla, no React). It holds inputs only:
 * the scenario text, where it came from, and the playback position. Results are derived by
 * running the engine on the text, never stored.
 */
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { type Draft, type DraftStorage, type ScenarioSource, readDrafts, sourceKey, writeDrafts } from './drafts';

export type { ScenarioSource } from './drafts';

/** The scenario being edited. */
export interface DocumentSlice {
  /** The text in the editor (may be invalid JSON: it is what the user typed). */
  text: string;
  /** The text as opened, for "Revert" and the edited marker. */
  original: string;
  /** Where it came from; null until something is opened. */
  source: ScenarioSource | null;
  /** True when opening found and restored an earlier draft of the same source. */
  restored: boolean;
  /**
   * Opens a scenario, resetting playback.
   * @param preferDraft when a draft of the same source exists, show it instead of `original`
   */
  open: (source: ScenarioSource, original: string, options?: { preferDraft?: boolean }) => void;
  /** Reopens the draft worked on last; returns its source, or undefined when there is none. */
  openLast: () => ScenarioSource | undefined;
  /** Replaces the text (an edit, a form change, an applied fix) and saves the draft. */
  setText: (text: string) => void;
  /** Goes back to the text as opened and forgets the draft. */
  revert: () => void;
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
    const now = init.now ?? (() => Date.now());
    // Every opened scenario is saved, edited or not, so a reload reopens the last one.
    const save = (source: ScenarioSource, original: string, text: string) => {
      const file = readDrafts(init.storage);
      const key = sourceKey(source);
      file.drafts[key] = { source, original, text, savedAt: now() };
      file.last = key;
      writeDrafts(init.storage, file);
    };
    return {
      text: init.initial?.text ?? '',
      original: init.initial?.text ?? '',
      source: init.initial?.source ?? null,
      restored: false,
      open: (source, original, options = {}) => {
        const draft: Draft | undefined = options.preferDraft ? readDrafts(init.storage).drafts[sourceKey(source)] : undefined;
        // Only a draft the user changed wins over the file (an unedited one may be an older version).
        const text = draft && draft.text !== draft.original ? draft.text : original;
        set({ source, original, text, restored: text !== original, ...startOfPlayback });
        save(source, original, text);
      },
      openLast: () => {
        const file = readDrafts(init.storage);
        const d = file.last ? file.drafts[file.last] : undefined;
        if (!d) return undefined;
        set({ source: d.source, original: d.original, text: d.text, restored: d.text !== d.original, ...startOfPlayback });
        return d.source;
      },
      setText: (text) => {
        const { source, original } = get();
        set({ text });
        if (source) save(source, original, text);
      },
      revert: () => {
        const { source, original } = get();
        set({ text: original, restored: false });
        if (source) save(source, original, original);
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
