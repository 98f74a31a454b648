import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { emptyProgress, exportProgress, importProgress, migrateProgress, PROGRESS_VERSION, repairProgress } from '@/lib/quiz/progress';
import { reviewCard } from '@/lib/quiz/schedule';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** Saved data in the first layout (version 1). */
const v1 = {
  answers: {
    'b:external-id-purpose': { topic: 'external-id', seen: 3, correct: 1, lastAt: T0 },
    'g:duration:7': { topic: 'session-duration', seen: 1, correct: 1 },
  },
  cards: { 'b:external-id-purpose': { due: '2026-01-02T00:00:00.000Z', stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: 2, lapses: 1, state: 2, last_review: '2026-01-01T00:00:00.000Z' } },
  exam: { id: 'exam-1', refs: ['b:external-id-purpose'], answers: { 'b:external-id-purpose': ['a'] }, startedAt: T0, durationSeconds: 600 },
};

describe('saved progress', () => {
  it('is at layout version 2', () => {
    expect(PROGRESS_VERSION).toBe(2);
  });

  it('migrates version 1: counts to recent results, ISO dates to epoch ms, exams gain flags', () => {
    const out = migrateProgress(v1, 1);
    expect(out.kind).toBe('ok');
    if (out.kind !== 'ok') return;
    expect(out.migratedFrom).toBe(1);
    expect(out.dropped).toBe(0);
    expect(out.data.stats['b:external-id-purpose']).toEqual({ topic: 'external-id', seen: 3, correct: 1, recent: [false, false, true], last: T0 });
    expect(out.data.stats['g:duration:7']).toEqual({ topic: 'session-duration', seen: 1, correct: 1, recent: [true], last: 0 });
    expect(out.data.cards['b:external-id-purpose']!.due).toBe(Date.parse('2026-01-02T00:00:00Z'));
    expect(out.data.cards['b:external-id-purpose']!.last_review).toBe(T0);
    expect(out.data.exam).toMatchObject({ flagged: [], current: 0, durationSeconds: 600 });
    expect(out.data.counters).toEqual({ practice: 0, generated: 0, predict: 0, exam: 0 });
  });

  it('refuses data from a newer layout and unknown versions', () => {
    expect(migrateProgress({}, 3)).toEqual({ kind: 'too-new', version: 3 });
    expect(migrateProgress({}, 0).kind).toBe('unreadable');
    expect(migrateProgress('text', 1).kind).toBe('unreadable');
  });

  it('keeps the valid parts of damaged data and counts the rest', () => {
    const card = reviewCard(undefined, Rating.Again, T0);
    const { data, dropped } = repairProgress({
      stats: {
        'b:ok': { topic: 'mfa', seen: 2, correct: 1, recent: [true, false], last: T0 },
        'b:bad-topic': { topic: 'astrology', seen: 1, correct: 1, recent: [], last: T0 },
        'not a ref': { topic: 'mfa', seen: 1, correct: 1, recent: [], last: T0 },
        'b:more-right-than-seen': { topic: 'mfa', seen: 1, correct: 2, recent: [], last: T0 },
      },
      cards: { 'b:ok': card, 'b:broken': { due: 'tomorrow' } },
      exam: { id: 'x', refs: [] },
      exams: [{ at: T0, total: 10, correct: 7, durationSeconds: 600 }, { at: 'yesterday' }],
      counters: { practice: 5, exam: -1 },
    });
    expect(Object.keys(data.stats)).toEqual(['b:ok']);
    expect(Object.keys(data.cards)).toEqual(['b:ok']);
    expect(data.exam).toBeNull();
    expect(data.exams).toHaveLength(1);
    expect(data.counters).toEqual({ practice: 5, generated: 0, predict: 0, exam: 0 });
    expect(dropped).toBe(7);
  });

  it('repairs nothing-at-all to empty progress', () => {
    expect(repairProgress(undefined)).toEqual({ data: emptyProgress(), dropped: 0 });
    expect(repairProgress(42)).toEqual({ data: emptyProgress(), dropped: 1 });
  });

  it('round-trips through an export file', () => {
    const data = { ...emptyProgress(), stats: { 'b:q': { topic: 'mfa' as const, seen: 1, correct: 0, recent: [false], last: T0 } }, cards: { 'b:q': reviewCard(undefined, Rating.Again, T0) } };
    const text = exportProgress(data, T0);
    expect(JSON.parse(text)).toMatchObject({ format: 'sts-quiz-progress', version: 2, exportedAt: '2026-01-01T00:00:00.000Z' });
    expect(importProgress(text)).toEqual({ ok: true, data, dropped: 0 });
  });

  it('imports version 1 export files and refuses other files with a reason', () => {
    expect(importProgress(JSON.stringify({ format: 'sts-quiz-progress', version: 1, progress: v1 })).ok).toBe(true);
    expect(importProgress('{not json')).toEqual({ ok: false, message: 'The file is not valid JSON.' });
    expect(importProgress('{"format":"something-else"}')).toMatchObject({ ok: false });
    expect(importProgress(JSON.stringify({ format: 'sts-quiz-progress', version: 9, progress: {} }))).toMatchObject({ ok: false, message: expect.stringContaining('newer version') });
    expect(importProgress(JSON.stringify({ format: 'sts-quiz-progress', version: 2, progress: 'nope' }))).toMatchObject({ ok: false });
  });

  it('refuses a file whose every entry is damaged, so it cannot replace real progress with nothing', () => {
    const broken = { stats: { 'not a ref': { seen: 'x' }, 'b:a': { topic: 'no-such-topic', seen: 1 } }, cards: {}, exam: null, exams: [], counters: { practice: 0, generated: 0, predict: 0, exam: 0 } };
    expect(importProgress(JSON.stringify({ format: 'sts-quiz-progress', version: 2, progress: broken }))).toEqual({ ok: false, message: 'None of the file\'s 2 entries could be read. Nothing was changed.' });
  });
});
