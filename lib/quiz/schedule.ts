/**
 * Spaced repetition with FSRS (ts-fsrs). Cards are stored as plain JSON (epoch milliseconds
 * instead of Date objects) so they survive localStorage and export files.
 */
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';

/** A review card as saved. */
export interface StoredCard {
  /** When it is next due (epoch ms). */
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: number;
  /** When it was last reviewed (epoch ms). */
  last_review?: number;
}

// Fuzz is off so that scheduling is deterministic (and testable) for the same inputs.
const scheduler = fsrs({ enable_fuzz: false });

function toCard(c: StoredCard): Card {
  const { last_review, ...rest } = c;
  return { ...rest, due: new Date(c.due), ...(last_review !== undefined ? { last_review: new Date(last_review) } : {}) } as Card;
}

function fromCard(c: Card): StoredCard {
  const out: StoredCard = {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) out.last_review = c.last_review.getTime();
  return out;
}

/**
 * Reviews a card (a new one when `card` is undefined) and returns its next state.
 * @param card the saved card, or undefined for a question that is not a card yet
 * @param grade the FSRS rating (see ratingFor)
 * @param now epoch ms of the review
 * @example reviewCard(undefined, Rating.Again, Date.parse('2026-01-01T00:00:00Z')).due
 */
export function reviewCard(card: StoredCard | undefined, grade: Grade, now: number): StoredCard {
  const current = card ? toCard(card) : createEmptyCard(new Date(now));
  return fromCard(scheduler.next(current, new Date(now), grade).card);
}

/** True when a card is due at `now`. */
export function isDue(card: StoredCard, now: number): boolean {
  return card.due <= now;
}

/** The refs of due cards, most overdue first. */
export function dueRefs(cards: Readonly<Record<string, StoredCard>>, now: number): string[] {
  return Object.entries(cards)
    .filter(([, c]) => isDue(c, now))
    .sort((a, b) => a[1].due - b[1].due || a[0].localeCompare(b[0]))
    .map(([ref]) => ref);
}

/** When the next card not yet due comes due (epoch ms), if any. */
export function nextDue(cards: Readonly<Record<string, StoredCard>>, now: number): number | undefined {
  let best: number | undefined;
  for (const c of Object.values(cards)) if (c.due > now && (best === undefined || c.due < best)) best = c.due;
  return best;
}
