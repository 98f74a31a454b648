import { describe, expect, it } from 'vitest';
import { startExam, answerExam, toggleFlag } from '@/lib/quiz/exam';
import { createProgressStore, PROGRESS_BACKUP_KEY, PROGRESS_STORAGE_KEY } from '@/lib/stores/progressStore';

/** An in-memory Storage, like one browser profile's localStorage. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const m = new Map(Object.entries(initial));
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

async function open(storage: Storage) {
  const store = createProgressStore({ storage: () => storage });
  await store.persist.rehydrate();
  return store;
}

const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('progress store', () => {
  it('starts empty, records answers and turns misses into cards', async () => {
    // Given a browser with nothing saved
    const storage = memoryStorage();
    const store = await open(storage);
    expect(store.getState().hydrated).toBe(true);
    expect(store.getState().notice).toBeNull();
    // When a question is missed and another answered confidently
    store.getState().record({ ref: 'b:a', topic: 'mfa', correct: false, confidence: 'high', now: T0 });
    store.getState().record({ ref: 'b:b', topic: 'mfa', correct: true, confidence: 'high', now: T0 });
    // Then only the miss is a card, both count, and it is saved with the layout version
    expect(Object.keys(store.getState().cards)).toEqual(['b:a']);
    expect(store.getState().stats['b:b']).toMatchObject({ seen: 1, correct: 1 });
    expect(JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY)!)).toMatchObject({ version: 2, state: { stats: { 'b:a': { seen: 1 } } } });
  });

  it('keeps an exam in progress across a reload', async () => {
    const storage = memoryStorage();
    const first = await open(storage);
    first.getState().setExam(toggleFlag(answerExam(startExam(['b:x', 'b:y'], 600, T0), 'b:x', ['c']), 'b:y'));
    // When the page reloads (a new store on the same storage)
    const second = await open(storage);
    expect(second.getState().exam).toMatchObject({ refs: ['b:x', 'b:y'], answers: { 'b:x': ['c'] }, flagged: ['b:y'], startedAt: T0 });
  });

  it('recovers from storage that is not JSON, keeps a backup and says so', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: '{"state": {"stats": ' });
    const store = await open(storage);
    expect(store.getState().hydrated).toBe(true);
    expect(store.getState().stats).toEqual({});
    expect(store.getState().notice).toMatchObject({ kind: 'recovered', message: expect.stringContaining('not valid JSON') });
    expect(storage.getItem(PROGRESS_BACKUP_KEY)).toBe('{"state": {"stats": ');
  });

  it('recovers from valid JSON of the wrong shape, keeping what is valid', async () => {
    const saved = { version: 2, state: { stats: { 'b:ok': { topic: 'mfa', seen: 1, correct: 1, recent: [true], last: T0 }, 'b:bad': 'oops' }, cards: 7 } };
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(saved) });
    const store = await open(storage);
    expect(Object.keys(store.getState().stats)).toEqual(['b:ok']);
    expect(store.getState().notice).toMatchObject({ kind: 'recovered', message: expect.stringContaining('2 entries were skipped') });
  });

  it('recovers from something that is not a saved state at all', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: '"hello"' });
    const store = await open(storage);
    expect(store.getState().notice?.kind).toBe('recovered');
  });

  it('upgrades version 1 data and says so', async () => {
    const saved = { version: 1, state: { answers: { 'b:q': { topic: 'saml', seen: 2, correct: 2 } }, cards: {} } };
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(saved) });
    const store = await open(storage);
    expect(store.getState().stats['b:q']).toMatchObject({ seen: 2, correct: 2, recent: [true, true] });
    expect(store.getState().notice?.kind).toBe('migrated');
    // And writes it back in the new layout
    expect(JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY)!).version).toBe(2);
  });

  it('does not overwrite data from a newer version without a backup', async () => {
    const saved = JSON.stringify({ version: 99, state: { future: true } });
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: saved });
    const store = await open(storage);
    expect(store.getState().notice).toMatchObject({ kind: 'recovered', message: expect.stringContaining('newer version') });
    expect(JSON.parse(storage.getItem(PROGRESS_BACKUP_KEY)!)).toEqual({ state: { future: true }, version: 99 });
  });

  it('works (in memory) when storage throws, with a notice', async () => {
    const broken = memoryStorage();
    broken.getItem = () => {
      throw new Error('SecurityError');
    };
    broken.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const store = await open(broken);
    store.getState().record({ ref: 'b:a', topic: 'mfa', correct: false, now: T0 });
    expect(store.getState().stats['b:a']).toBeDefined();
    expect(store.getState().notice?.kind).toBe('storage');
  });

  it('resets everything, with a notice', async () => {
    const storage = memoryStorage();
    const store = await open(storage);
    store.getState().record({ ref: 'b:a', topic: 'mfa', correct: false, now: T0 });
    store.getState().takeSeed('practice');
    store.getState().resetProgress();
    expect(store.getState()).toMatchObject({ stats: {}, cards: {}, exam: null, exams: [], counters: { practice: 0 }, notice: { kind: 'reset' } });
  });

  it('hands out each counter value once', async () => {
    const store = await open(memoryStorage());
    expect([store.getState().takeSeed('exam'), store.getState().takeSeed('exam'), store.getState().takeSeed('predict')]).toEqual([0, 1, 0]);
  });
});

describe('progress store: two tabs', () => {
  it('5 answers in tab A survive 1 answer in tab B (merged per question on the storage event)', async () => {
    // Given two tabs of one browser profile
    const storage = memoryStorage();
    const a = await open(storage);
    const b = await open(storage);
    // When tab A answers five questions and tab B (loaded before them) answers one
    for (let i = 0; i < 5; i++) a.getState().record({ ref: `b:q${i}`, topic: 'mfa', correct: i % 2 === 0, now: T0 + i });
    const afterA = storage.getItem(PROGRESS_STORAGE_KEY);
    b.getState().syncFrom(afterA);
    b.getState().record({ ref: 'b:q9', topic: 'mfa', correct: false, now: T0 + 100 });
    a.getState().syncFrom(storage.getItem(PROGRESS_STORAGE_KEY));
    // Then both tabs, and storage, hold all six answers
    const refs = (s: typeof a) => Object.keys(s.getState().stats).sort();
    expect(refs(a)).toEqual(['b:q0', 'b:q1', 'b:q2', 'b:q3', 'b:q4', 'b:q9']);
    expect(refs(b)).toEqual(refs(a));
    expect(Object.keys((JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY)!) as { state: { stats: object } }).state.stats)).toHaveLength(6);
  });

  it('keeps the later answer to the same question, and ignores junk or a newer layout from the other tab', async () => {
    const storage = memoryStorage();
    const a = await open(storage);
    a.getState().record({ ref: 'b:q1', topic: 'mfa', correct: true, now: T0 + 50 });
    const older = JSON.stringify({ state: { stats: { 'b:q1': { topic: 'mfa', seen: 1, correct: 0, recent: [false], last: T0 } }, cards: {}, exam: null, exams: [], counters: { practice: 0, generated: 0, predict: 0, exam: 0 } }, version: 2 });
    a.getState().syncFrom(older);
    expect(a.getState().stats['b:q1']!.last).toBe(T0 + 50);
    for (const junk of ['not json', '{"nope":1}', JSON.stringify({ state: {}, version: 99 }), null]) a.getState().syncFrom(junk);
    expect(Object.keys(a.getState().stats)).toEqual(['b:q1']);
  });
});
