/**
 * Which item practice shows next: a deterministic sequence driven by a counter the UI keeps,
 * cycling through the bank in a fixed shuffled order and mixing in generated questions.
 */
import type { Template } from './generate';
import { bankRef, generatedRef } from './refs';
import { createRng, seedFrom } from './rng';
import type { Topic } from './topics';
import type { Question } from './types';

/** Where practice questions come from. */
export type PracticeSource = 'mixed' | 'bank' | 'generated';

/** The learner's practice filter. */
export interface PracticeFilter {
  source: PracticeSource;
  /** One topic, or all when undefined. */
  topic?: Topic;
}

/**
 * The practice item for counter `n`: with `mixed`, every third item is generated.
 * Topic filters apply to both; a topic no template covers gets bank questions only.
 * @example nextPracticeRef(bank, templates, 0, { source: 'mixed' }) // 'b:…'
 */
export function nextPracticeRef(bank: readonly Question[], templates: readonly Pick<Template, 'id' | 'topic'>[], n: number, filter: PracticeFilter): string | undefined {
  const pool = bank.filter((q) => !filter.topic || q.topic === filter.topic);
  const gens = templates.filter((t) => !filter.topic || t.topic === filter.topic);
  const wantGenerated = filter.source === 'generated' || (filter.source === 'mixed' && n % 3 === 2);
  if ((wantGenerated && gens.length) || pool.length === 0) {
    if (!gens.length) return undefined;
    return generatedRef(gens[n % gens.length]!.id, seedFrom(n, 0x51));
  }
  const order = createRng(0x5eed).shuffle(pool);
  return bankRef(order[n % order.length]!.id);
}
