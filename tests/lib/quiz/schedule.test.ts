import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { dueRefs, isDue, nextDue, reviewCard } from '@/lib/quiz/schedule';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

describe('spaced repetition (FSRS)', () => {
  it('brings a missed question back within minutes', () => {
    const card = reviewCard(undefined, Rating.Again, T0);
    expect(card.due - T0).toBeGreaterThan(0);
    expect(card.due - T0).toBeLessThanOrEqual(10 * MIN);
    expect(card.reps).toBe(1);
    expect(card.last_review).toBe(T0);
  });

  it('schedules confident answers further out than hesitant ones', () => {
    const start = reviewCard(undefined, Rating.Good, T0);
    const later = start.due + DAY;
    const hard = reviewCard(start, Rating.Hard, later);
    const good = reviewCard(start, Rating.Good, later);
    const easy = reviewCard(start, Rating.Easy, later);
    expect(hard.due).toBeLessThanOrEqual(good.due);
    expect(good.due).toBeLessThan(easy.due);
    // After a lapse the card comes back soon again
    const lapse = reviewCard(easy, Rating.Again, easy.due);
    expect(lapse.lapses).toBe(1);
    expect(lapse.due - easy.due).toBeLessThan(DAY);
  });

  it('is deterministic and plain JSON', () => {
    const a = reviewCard(reviewCard(undefined, Rating.Good, T0), Rating.Easy, T0 + 3 * DAY);
    const b = reviewCard(reviewCard(undefined, Rating.Good, T0), Rating.Easy, T0 + 3 * DAY);
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('lists due cards, most overdue first, and the next one coming', () => {
    const cards = {
      'b:x': { ...reviewCard(undefined, Rating.Again, T0), due: T0 - 10 * MIN },
      'b:y': { ...reviewCard(undefined, Rating.Again, T0), due: T0 - 20 * MIN },
      'b:z': { ...reviewCard(undefined, Rating.Good, T0), due: T0 + DAY },
    };
    expect(dueRefs(cards, T0)).toEqual(['b:y', 'b:x']);
    expect(isDue(cards['b:z'], T0)).toBe(false);
    expect(nextDue(cards, T0)).toBe(T0 + DAY);
  });
});
