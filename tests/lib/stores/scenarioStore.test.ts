import { describe, expect, it } from 'vitest';
import { createScenarioStore } from '@/lib/stores/scenarioStore';
import { DRAFTS_KEY, MAX_DRAFTS, migrateDrafts, readDrafts, sourceKey, writeDrafts, type DraftStorage } from '@/lib/stores/drafts';

/** An in-memory Web Storage. */
function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const builtin = { kind: 'builtin', id: 'cross-account-mfa' } as const;

describe('scenario store: the document', () => {
  it('opens a scenario, keeps edits as a draft, and restores the draft on the next page load', () => {
    const storage = memoryStorage();
    // Given a page that opened a built-in scenario and the user typed broken JSON
    const page1 = createScenarioStore({ storage, now: () => 1 });
    page1.getState().open(builtin, '{"ok":true}', { preferDraft: true });
    page1.getState().setText('{"ok":tr');
    // When the page reloads and opens the same scenario
    const page2 = createScenarioStore({ storage });
    page2.getState().open(builtin, '{"ok":true}', { preferDraft: true });
    // Then the typed text is back, marked as restored
    expect(page2.getState().text).toBe('{"ok":tr');
    expect(page2.getState().restored).toBe(true);
    // And Revert goes back to the file
    page2.getState().revert();
    expect(page2.getState().text).toBe('{"ok":true}');
    expect(readDrafts(storage).drafts[sourceKey(builtin)]!.text).toBe('{"ok":true}');
  });

  it('reopens the last scenario worked on', () => {
    const storage = memoryStorage();
    const a = createScenarioStore({ storage });
    a.getState().open({ kind: 'file', name: 'mine.json' }, 'x');
    a.getState().setText('xy');
    const b = createScenarioStore({ storage });
    expect(b.getState().openLast()).toEqual({ kind: 'file', name: 'mine.json' });
    expect(b.getState()).toMatchObject({ text: 'xy', original: 'x', source: { kind: 'file', name: 'mine.json' } });
    expect(createScenarioStore({ storage: memoryStorage() }).getState().openLast()).toBeUndefined();
  });

  it('ignores an unedited draft of an older version of a file', () => {
    const storage = memoryStorage();
    createScenarioStore({ storage }).getState().open(builtin, 'v1');
    const s = createScenarioStore({ storage });
    s.getState().open(builtin, 'v2', { preferDraft: true });
    expect(s.getState()).toMatchObject({ text: 'v2', restored: false });
  });

  it('works without storage, and with storage that throws', () => {
    const throwing: DraftStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => {} };
    for (const storage of [null, throwing]) {
      const s = createScenarioStore({ storage });
      s.getState().open(builtin, 'a');
      s.getState().setText('b');
      expect(s.getState().text).toBe('b');
    }
  });

  it('never holds results: only inputs are in the state', () => {
    const keys = Object.keys(createScenarioStore().getState()).filter((k) => typeof (createScenarioStore().getState() as unknown as Record<string, unknown>)[k] !== 'function');
    expect(keys.sort()).toEqual(['original', 'playing', 'restored', 'revealed', 'source', 'speed', 'step', 'text']);
  });
});

describe('drafts storage', () => {
  it('keeps the newest drafts only, under a versioned key', () => {
    const storage = memoryStorage();
    const drafts = Object.fromEntries(Array.from({ length: MAX_DRAFTS + 3 }, (_, i) => [`file:${i}`, { source: { kind: 'file' as const, name: String(i) }, original: '', text: String(i), savedAt: i }]));
    writeDrafts(storage, { version: 1, last: 'file:0', drafts });
    const back = readDrafts(storage);
    expect(Object.keys(back.drafts)).toHaveLength(MAX_DRAFTS);
    expect(back.drafts['file:0']).toBeUndefined();
    expect(back.last).toBeUndefined();
    expect(storage.data.has(DRAFTS_KEY)).toBe(true);
  });

  it('drops junk and unknown versions when migrating', () => {
    expect(migrateDrafts({ version: 0, drafts: {} })).toEqual({ version: 1, drafts: {} });
    expect(migrateDrafts('nonsense')).toEqual({ version: 1, drafts: {} });
    expect(migrateDrafts({ version: 1, last: 'a', drafts: { a: { source: { kind: 'builtin' }, text: '', original: '', savedAt: 1 } } })).toEqual({ version: 1, drafts: {} });
  });
});

describe('scenario store: playback', () => {
  const gateCounts = [2, 1, 3];

  it('plays gate by gate, completes each step, moves on, and stops at the end', () => {
    const s = createScenarioStore();
    s.getState().play(3);
    // Playing from a complete first step replays it from its first gate
    expect(s.getState()).toMatchObject({ step: 0, revealed: 0, playing: true });
    const beats: string[] = [];
    for (let i = 0; i < 12 && s.getState().playing; i++) {
      s.getState().tick(gateCounts);
      beats.push(`${s.getState().step}:${s.getState().revealed}`);
    }
    expect(beats).toEqual(['0:1', '0:2', '0:all', '1:0', '1:1', '1:all', '2:0', '2:1', '2:2', '2:3', '2:all']);
    expect(s.getState().playing).toBe(false);
    // Play at the end starts over
    s.getState().play(3);
    expect(s.getState()).toMatchObject({ step: 0, revealed: 0, playing: true });
  });

  it('moves whole steps with reduced motion', () => {
    const s = createScenarioStore();
    s.getState().restart();
    s.getState().play(3);
    s.getState().tick(gateCounts, { wholeSteps: true });
    expect(s.getState()).toMatchObject({ step: 0, revealed: 'all' });
    s.getState().tick(gateCounts, { wholeSteps: true });
    expect(s.getState()).toMatchObject({ step: 1, revealed: 'all' });
  });

  it('steps forward and back, within bounds, pausing', () => {
    const s = createScenarioStore();
    s.getState().play(3);
    s.getState().stepForward(3);
    // A half-played step is completed first
    expect(s.getState()).toMatchObject({ step: 0, revealed: 'all', playing: false });
    s.getState().stepForward(3);
    s.getState().stepForward(3);
    s.getState().stepForward(3);
    expect(s.getState().step).toBe(2);
    s.getState().stepBack();
    expect(s.getState().step).toBe(1);
    s.getState().restart();
    expect(s.getState()).toMatchObject({ step: 0, revealed: 0 });
    s.getState().stepBack();
    expect(s.getState()).toMatchObject({ step: 0, revealed: 'all' });
    s.getState().selectStep(9, 3);
    expect(s.getState().step).toBe(2);
  });

  it('resets playback when another scenario opens', () => {
    const s = createScenarioStore();
    s.getState().selectStep(2, 3);
    s.getState().open({ kind: 'template', id: 't' }, '{}');
    expect(s.getState()).toMatchObject({ step: 0, revealed: 'all', playing: false });
  });
});
