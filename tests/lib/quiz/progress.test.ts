import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { emptyProgress, exportProgress, importNotes, importProgress, migrateProgress, PROGRESS_VERSION, repairProgress } from '@/lib/quiz/progress';
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
    expect(importProgress(text)).toEqual({ ok: true, data, dropped: 0, labs: {}, labsDropped: 0 });
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

// Issue #14: lab progress travels in the quiz's export file, as an optional `labs` part with its own layout version.
describe('the export file carries the labs\' progress', () => {
  const solved = { solvedAt: T0, hintsShown: 1, solutionShown: false, attempt: { '/world/users/0/policies': '[]' }, updatedAt: T0 };
  const quiz = { ...emptyProgress(), stats: { 'b:q': { topic: 'mfa' as const, seen: 1, correct: 1, recent: [true], last: T0 } } };
  const file = (labs: unknown) => JSON.stringify({ format: 'sts-quiz-progress', version: 2, progress: quiz, labs });

  it('writes the labs part only when there is lab progress, and reads it back', () => {
    const text = exportProgress(quiz, T0, { 'cross-account-both-sides': solved });
    expect(JSON.parse(text)).toMatchObject({ version: 2, labs: { version: 1, labs: { 'cross-account-both-sides': solved } } });
    expect(importProgress(text)).toEqual({ ok: true, data: quiz, dropped: 0, labs: { 'cross-account-both-sides': solved }, labsDropped: 0 });
    expect(JSON.parse(exportProgress(quiz, T0, {}))).not.toHaveProperty('labs');
  });

  it('still imports an older file that has no labs part, with no lab progress', () => {
    expect(importProgress(JSON.stringify({ format: 'sts-quiz-progress', version: 2, progress: quiz }))).toEqual({ ok: true, data: quiz, dropped: 0, labs: {}, labsDropped: 0 });
  });

  it.each([
    ['a labs part that is not an object', 'nope', 'it is not an object'],
    ['a labs part of an unknown layout', { version: 7, labs: {} }, 'unknown layout version 7 (this site reads 1)'],
    ['a labs part without its labs map', { version: 1, labs: [] }, '"labs" is not an object'],
  ])('keeps the quiz part of a file with %s and says the labs were left out', (_name, labs, problem) => {
    const out = importProgress(file(labs));
    expect(out).toEqual({ ok: true, data: quiz, dropped: 0, labs: {}, labsDropped: 0, labsProblem: problem });
    if (out.ok) expect(importNotes(out)).toBe(`The labs part could not be read (${problem}), so lab progress was left out.`);
  });

  it('keeps the valid lab entries and counts the invalid ones', () => {
    const out = importProgress(file({ version: 1, labs: { 'good-lab': solved, 'Bad Id': solved, 'broken-lab': 'x' } }));
    expect(out).toMatchObject({ ok: true, labs: { 'good-lab': solved }, labsDropped: 2 });
    if (out.ok) expect(importNotes(out)).toBe('2 invalid lab entries were skipped.');
  });

  it('imports a file that holds only lab progress', () => {
    const out = importProgress(JSON.stringify({ format: 'sts-quiz-progress', version: 2, progress: { stats: { 'not a ref': 1 } }, labs: { version: 1, labs: { 'good-lab': solved } } }));
    expect(out).toMatchObject({ ok: true, dropped: 1, labs: { 'good-lab': solved } });
    if (out.ok) expect(importNotes(out)).toBe('1 invalid quiz entry was skipped.');
  });
});
