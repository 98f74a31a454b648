import { describe, expect, it } from 'vitest';
import { parseBank } from '@/lib/quiz/bank';
import { readQuizFiles } from '@/lib/content/quizFiles';
import { answerExam, examMinutes, formatClock, isValidExamMinutes, goTo, pickExamRefs, remainingSeconds, startExam, submitExam, toggleFlag } from '@/lib/quiz/exam';
import { parseRef } from '@/lib/quiz/refs';

const { bank: bankFiles } = readQuizFiles();

const parsed = parseBank(bankFiles);
const bank = parsed.ok ? parsed.value : [];
const T0 = Date.parse('2026-01-01T00:00:00Z');

describe('timed exam', () => {
  it('picks questions deterministically, spread across topics, with about one in five generated', () => {
    const a = pickExamRefs(bank, { count: 20, seed: 3, generated: ['duration', 'mfa-role'] });
    expect(a).toEqual(pickExamRefs(bank, { count: 20, seed: 3, generated: ['duration', 'mfa-role'] }));
    expect(a).toHaveLength(20);
    expect(new Set(a).size).toBe(20);
    expect(a.filter((r) => r.startsWith('g:'))).toHaveLength(4);
    const topics = new Set(a.filter((r) => r.startsWith('b:')).map((r) => bank.find((q) => `b:${q.id}` === r)!.topic));
    expect(topics.size).toBeGreaterThanOrEqual(10);
    expect(pickExamRefs(bank, { count: 20, seed: 4 })).not.toEqual(a);
  });

  it('limits to a topic and never repeats a question', () => {
    const refs = pickExamRefs(bank, { count: 65, seed: 1, topics: ['mfa'] });
    const mfa = bank.filter((q) => q.topic === 'mfa').length;
    expect(refs).toHaveLength(mfa);
    for (const r of refs) {
      const p = parseRef(r);
      expect(p?.kind).toBe('bank');
      expect(bank.find((q) => p?.kind === 'bank' && q.id === p.id)?.topic).toBe('mfa');
    }
  });

  it('records answers and flags, moves between questions, and freezes once submitted', () => {
    let s = startExam(['b:a', 'b:b', 'b:c'], 600, T0);
    s = answerExam(s, 'b:a', ['c']);
    s = toggleFlag(s, 'b:b');
    s = goTo(s, 9);
    expect(s).toMatchObject({ answers: { 'b:a': ['c'] }, flagged: ['b:b'], current: 2 });
    expect(toggleFlag(s, 'b:b').flagged).toEqual([]);
    expect(answerExam(s, 'b:zzz', ['a'])).toBe(s);
    const done = submitExam(s, T0 + 1000);
    expect(answerExam(done, 'b:a', ['d'])).toBe(done);
    expect(submitExam(done, T0 + 5000)).toBe(done);
  });

  it('counts down from a wall-clock deadline, so a reload resumes the same countdown', () => {
    const s = startExam(['b:a'], 600, T0);
    expect(remainingSeconds(s, T0)).toBe(600);
    expect(remainingSeconds(s, T0 + 599_500)).toBe(1);
    expect(remainingSeconds(s, T0 + 601_000)).toBe(0);
    expect([formatClock(600), formatClock(59), formatClock(3723)]).toEqual(['10:00', '0:59', '1:02:03']);
  });
});

describe('exam length (the Minutes field)', () => {
  it('clamps typed minutes to 1–240 and rounds to whole minutes', () => {
    expect(examMinutes('45', 20)).toBe(45);
    expect(examMinutes(' 45 ', 20)).toBe(45);
    expect(examMinutes('300', 20)).toBe(240);
    expect(examMinutes('0', 20)).toBe(1);
    expect(examMinutes('-5', 20)).toBe(1);
    expect(examMinutes('12.6', 20)).toBe(13);
  });

  it('falls back to the suggested length when the field is empty or not a number', () => {
    expect(examMinutes('', 20)).toBe(20);
    expect(examMinutes('   ', 10)).toBe(10);
    expect(examMinutes('abc', 10)).toBe(10);
  });

  it('says which texts are already a valid length', () => {
    for (const ok of ['1', '45', '240', ' 7 ']) expect(isValidExamMinutes(ok), ok).toBe(true);
    for (const bad of ['', '0', '241', '4.5', '-1', 'abc', '1e2']) expect(isValidExamMinutes(bad), bad).toBe(false);
  });
});
