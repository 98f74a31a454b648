import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { isCorrect, needsCard, ratingFor, scoreExam } from '@/lib/quiz/grade';
import type { Question } from '@/lib/quiz/types';

function q(id: string, kind: 'single' | 'multiple', correct: string[], topic: Question['topic'] = 'mfa'): Question {
  return {
    id, kind, stem: 'A question stem long enough.', exhibits: [], topic, note: 'mfa-and-get-session-token', domain: 'scs-iam', difficulty: 1, origin: { kind: 'bank' },
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: o, correct: correct.includes(o), explanation: 'because' })),
  };
}

describe('grading', () => {
  it.each([
    ['single right', q('s', 'single', ['b']), ['b'], true],
    ['single wrong', q('s', 'single', ['b']), ['a'], false],
    ['nothing chosen', q('s', 'single', ['b']), [], false],
    ['multiple, all right', q('m', 'multiple', ['a', 'c']), ['c', 'a'], true],
    ['multiple, one missing (no partial credit)', q('m', 'multiple', ['a', 'c']), ['a'], false],
    ['multiple, one extra', q('m', 'multiple', ['a', 'c']), ['a', 'b', 'c'], false],
  ])('%s', (_name, question, selected, expected) => {
    expect(isCorrect(question, selected)).toBe(expected);
  });

  it.each([
    [false, 'high', Rating.Again],
    [false, 'low', Rating.Again],
    [true, 'low', Rating.Hard],
    [true, 'medium', Rating.Good],
    [true, 'high', Rating.Easy],
  ] as const)('correct=%s with confidence %s rates %s', (correct, confidence, rating) => {
    expect(ratingFor(correct, confidence)).toBe(rating);
  });

  it('makes cards of misses and lucky guesses only', () => {
    expect(needsCard(false, 'high')).toBe(true);
    expect(needsCard(true, 'low')).toBe(true);
    expect(needsCard(true, 'medium')).toBe(false);
  });

  it('scores an exam by topic, weakest first', () => {
    const items = [
      { question: q('1', 'single', ['a'], 'mfa'), selected: ['a'] },
      { question: q('2', 'single', ['a'], 'mfa'), selected: ['b'] },
      { question: q('3', 'single', ['a'], 'saml'), selected: ['b'] },
      { question: q('4', 'single', ['a'], 'external-id'), selected: ['a'] },
      { question: q('5', 'single', ['a'], 'external-id'), selected: [] },
    ];
    const score = scoreExam(items);
    expect(score).toMatchObject({ total: 5, correct: 2, answered: 4, percent: 40, passed: false });
    expect(score.byTopic.map((t) => [t.topic, t.correct, t.total, t.percent])).toEqual([
      ['saml', 0, 1, 0],
      ['external-id', 1, 2, 50],
      ['mfa', 1, 2, 50],
    ]);
  });
});
