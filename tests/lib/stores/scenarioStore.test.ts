import { describe, expect, it } from 'vitest';
import { createScenarioStore } from '@/lib/stores/scenarioStore';
import { DRAFTS_KEY, listMine, migrateDrafts, readDrafts, writeDrafts, type DraftStorage } from '@/lib/stores/drafts';

/** An in-memory Web Storage. */
function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** A storage whose writes fail the way a full browser storage does. */
function fullStorage(): DraftStorage & { data: Map<string, string> } {
  const s = memoryStorage();
  return {
    ...s,
    setItem: () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    },
  };
}

const stored = (storage: DraftStorage) => readDrafts(storage);

describe('scenario store: built-ins are never overwritten', () => {
  it('opening a built-in takes no slot; the first edit makes a copy in My scenarios and the built-in stays as it is', () => {
    const storage = memoryStorage();
    // Given a page that opened a built-in scenario
    const page1 = createScenarioStore({ storage, now: () => 1000 });
    page1.getState().openBuiltin('cross-account-mfa', '{"title":"MFA"}');
    // Then nothing but "what was open last" is stored
    expect(stored(storage).mine).toEqual({});
    expect(stored(storage).last).toEqual({ kind: 'builtin', id: 'cross-account-mfa' });
    // When the user types broken JSON
    page1.getState().setText('{"title":"MFA"');
    page1.getState().markRendered(false); // the page showed it (with its problems) without failing
    // Then the edit is one of My scenarios, edited from the built-in, and the page shows that entry
    const [entry] = listMine(stored(storage));
    expect(entry).toMatchObject({ name: 'MFA', origin: { kind: 'builtin', id: 'cross-account-mfa' }, original: '{"title":"MFA"}', text: '{"title":"MFA"' });
    expect(page1.getState().source).toEqual({ kind: 'mine', id: entry!.id });
    // And a later visit to the built-in (a note's "Try it" link) opens the original, not the edit
    const page2 = createScenarioStore({ storage });
    page2.getState().openBuiltin('cross-account-mfa', '{"title":"MFA"}');
    expect(page2.getState()).toMatchObject({ text: '{"title":"MFA"}', source: { kind: 'builtin' } });
    // While a plain visit reopens the edit
    const page3 = createScenarioStore({ storage });
    page3.getState().openMine(entry!.id);
    expect(page3.getState()).toMatchObject({ text: '{"title":"MFA"', restored: true });
  });

  it('Revert keeps the entry (the text goes back to the original, and Undo can set it again)', () => {
    const storage = memoryStorage();
    const s = createScenarioStore({ storage });
    s.getState().openBuiltin('b', 'v1');
    s.getState().setText('v1 edited');
    s.getState().revert();
    expect(s.getState().text).toBe('v1');
    expect(listMine(stored(storage))).toHaveLength(1);
  });

  it('never evicts an edited scenario, however many scenarios are browsed (the old list kept 12)', () => {
    const storage = memoryStorage();
    const s = createScenarioStore({ storage, now: () => 5 });
    s.getState().openBuiltin('first', 'a');
    s.getState().setText('my precious edit');
    for (let i = 0; i < 40; i++) s.getState().openBuiltin(`other-${i}`, `text ${i}`);
    expect(listMine(stored(storage)).map((e) => e.text)).toEqual(['my precious edit']);
  });
});

describe('scenario store: My scenarios', () => {
  it('renames, duplicates, deletes and undoes a deletion', () => {
    const storage = memoryStorage();
    let t = 0;
    const s = createScenarioStore({ storage, now: () => (t += 1) });
    s.getState().create({ kind: 'file', name: 'a.json' }, '{"title":"A"}');
    const id = (s.getState().source as { id: string }).id;
    s.getState().rename(id, '  Mine  ');
    expect(stored(storage).mine[id]!.name).toBe('Mine');
    s.getState().rename(id, '   ');
    expect(stored(storage).mine[id]!.name).toBe('Mine');
    const copy = s.getState().duplicate(id)!;
    expect(stored(storage).mine[copy]).toMatchObject({ name: 'Mine (copy)', text: '{"title":"A"}', origin: { kind: 'copy', of: id } });
    const removed = s.getState().remove(id)!;
    expect(stored(storage).mine[id]).toBeUndefined();
    s.getState().restore(removed);
    expect(stored(storage).mine[id]).toEqual(removed);
    expect(s.getState().mine.map((m) => m.id).sort()).toEqual([id, copy].sort());
  });

  it('a share link becomes a new entry, and opening the same link again reuses it while unedited', () => {
    const storage = memoryStorage();
    const s = createScenarioStore({ storage, now: () => 9 });
    s.getState().create({ kind: 'shared', fingerprint: 'f1' }, 'x');
    s.getState().create({ kind: 'shared', fingerprint: 'f1' }, 'x');
    expect(listMine(stored(storage))).toHaveLength(1);
    s.getState().setText('x edited');
    s.getState().create({ kind: 'shared', fingerprint: 'f1' }, 'x');
    // The edited entry is not replaced: the link opens as a new one
    expect(listMine(stored(storage)).map((e) => e.text).sort()).toEqual(['x', 'x edited']);
  });

  it('says when storage is full instead of claiming the edit was saved', () => {
    const s = createScenarioStore({ storage: fullStorage() });
    s.getState().create({ kind: 'template', id: 't' }, 'a');
    s.getState().setText('b');
    expect(s.getState()).toMatchObject({ text: 'b', saveProblem: 'full' });
    expect(createScenarioStore({ storage: null }).getState().saveProblem).toBeNull();
  });

  it('works without storage, and with storage that throws', () => {
    const throwing: DraftStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('blocked'); }, removeItem: () => {} };
    for (const storage of [null, throwing]) {
      const s = createScenarioStore({ storage });
      s.getState().openBuiltin('b', 'a');
      s.getState().setText('b');
      expect(s.getState().text).toBe('b');
    }
  });

  it('never holds results: only inputs (and where they are stored) are in the state', () => {
    const state = createScenarioStore().getState() as unknown as Record<string, unknown>;
    const keys = Object.keys(state).filter((k) => typeof state[k] !== 'function');
    expect(keys.sort()).toEqual(['blocked', 'held', 'mine', 'opened', 'original', 'playing', 'restored', 'revealed', 'saveProblem', 'source', 'speed', 'step', 'text']);
  });
});

describe('scenario store: a text that made the page fail is never restored automatically', () => {
  it('opens the last working version next time, and keeps the failing text aside', () => {
    const storage = memoryStorage();
    // Given a scenario that rendered fine, then an edit the page failed on
    const page1 = createScenarioStore({ storage });
    page1.getState().create({ kind: 'shared', fingerprint: 'f' }, 'good');
    page1.getState().markRendered(true);
    page1.getState().setText('bad');
    // (the page died before it could say the text rendered)
    // When the page is visited again
    const page2 = createScenarioStore({ storage });
    const last = page2.getState().lastOpened()!;
    page2.getState().openMine(last.id);
    // Then the working version is open and the failing text is held, not lost
    expect(page2.getState()).toMatchObject({ text: 'good', held: 'bad' });
    expect(stored(storage).mine[last.id]).toMatchObject({ text: 'good', held: 'bad' });
    page2.getState().markRendered(true);
    // And a visit after a good render opens normally
    const page3 = createScenarioStore({ storage });
    page3.getState().openMine(last.id);
    expect(page3.getState()).toMatchObject({ text: 'good', held: 'bad' });
    page3.getState().dropHeld();
    expect(stored(storage).mine[last.id]!.held).toBeUndefined();
  });

  it('markBroken (an error boundary caught a render) sets the text aside and backToWorking reopens the good one', () => {
    const storage = memoryStorage();
    const s = createScenarioStore({ storage });
    s.getState().create({ kind: 'file', name: 'f.json' }, 'v1');
    s.getState().markRendered(true);
    s.getState().setText('v2 crashes');
    s.getState().markBroken();
    expect(stored(storage).mine[(s.getState().source as { id: string }).id]!.held).toBe('v2 crashes');
    s.getState().backToWorking();
    expect(s.getState()).toMatchObject({ text: 'v1', held: 'v2 crashes' });
  });
});

describe('scenario store: two tabs', () => {
  it('merges per scenario: an edit in one tab never wipes a scenario made in the other', () => {
    const storage = memoryStorage();
    let t = 100;
    const now = () => (t += 1);
    const a = createScenarioStore({ storage, now });
    const b = createScenarioStore({ storage, now });
    a.getState().create({ kind: 'file', name: 'a.json' }, 'A');
    b.getState().create({ kind: 'file', name: 'b.json' }, 'B');
    a.getState().setText('A2');
    expect(listMine(stored(storage)).map((e) => e.text).sort()).toEqual(['A2', 'B']);
  });

  it('reloads the open scenario when the other tab edited it later (newest edit wins)', () => {
    const storage = memoryStorage();
    let t = 100;
    const now = () => (t += 1);
    const a = createScenarioStore({ storage, now });
    a.getState().create({ kind: 'file', name: 'a.json' }, 'A');
    a.getState().markRendered(true);
    const id = (a.getState().source as { id: string }).id;
    const b = createScenarioStore({ storage, now });
    b.getState().openMine(id);
    b.getState().setText('edited in B');
    a.getState().sync();
    expect(a.getState().text).toBe('edited in B');
    // An older stored version does not replace a newer local one
    a.getState().setText('newest in A');
    b.getState().sync();
    expect(b.getState().text).toBe('newest in A');
  });
});

describe('drafts storage', () => {
  it('migrates version 1: edited drafts become My scenarios, unedited built-ins are dropped, "last" follows', () => {
    const v1 = {
      version: 1,
      last: 'builtin:b1',
      drafts: {
        'builtin:b1': { source: { kind: 'builtin', id: 'b1' }, original: '{"title":"B1"}', text: '{"title":"B1 mine"}', savedAt: 3 },
        'builtin:b2': { source: { kind: 'builtin', id: 'b2' }, original: 'same', text: 'same', savedAt: 2 },
        'shared:ff': { source: { kind: 'shared', key: 'ff' }, original: 's', text: 's', savedAt: 1 },
        junk: { source: { kind: 'nope' }, text: 1 },
      },
    };
    const file = migrateDrafts(v1);
    expect(listMine(file).map((e) => [e.name, e.origin.kind, e.text])).toEqual([
      ['B1 mine', 'builtin', '{"title":"B1 mine"}'],
      ['Untitled scenario', 'shared', 's'],
    ]);
    expect(file.last).toEqual({ kind: 'mine', id: listMine(file)[0]!.id });
  });

  it('drops junk and unknown versions when migrating, and keeps a stored file under a versioned key', () => {
    expect(migrateDrafts({ version: 0, drafts: {} })).toEqual({ version: 2, mine: {} });
    expect(migrateDrafts('nope')).toEqual({ version: 2, mine: {} });
    expect(migrateDrafts({ version: 2, mine: { a: { text: 1 } }, last: { kind: 'mine', id: 'a' } })).toEqual({ version: 2, mine: {} });
    const storage = memoryStorage();
    expect(writeDrafts(storage, { version: 2, mine: {} })).toEqual({ ok: true });
    expect(storage.data.has(DRAFTS_KEY)).toBe(true);
    expect(writeDrafts(fullStorage(), { version: 2, mine: {} })).toEqual({ ok: false, reason: 'full' });
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
    s.getState().create({ kind: 'template', id: 't' }, '{}');
    expect(s.getState()).toMatchObject({ step: 0, revealed: 'all', playing: false });
  });
});

describe('scenario store: a scenario the page failed on, with no other version', () => {
  it('is not opened on the next visit (blocked, kept), and opens only when asked', () => {
    const storage = memoryStorage();
    const page1 = createScenarioStore({ storage });
    page1.getState().create({ kind: 'shared', fingerprint: 'bomb' }, '[[[[');
    const id = (page1.getState().source as { id: string }).id;
    // A part of the page failed; another part rendering the same text does not make it safe
    page1.getState().markBroken();
    page1.getState().markRendered(false);
    const page2 = createScenarioStore({ storage });
    expect(page2.getState().openMine(id)).toBe('blocked');
    expect(page2.getState().blocked).toEqual({ id, name: 'Untitled scenario', text: '[[[[' });
    expect(page2.getState().lastOpened()).toBeUndefined();
    expect(stored(storage).mine[id]!.text).toBe('[[[[');
    expect(page2.getState().openMine(id, { force: true })).toBe('opened');
    expect(page2.getState().text).toBe('[[[[');
  });
});
