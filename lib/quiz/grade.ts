/**
 * Grading: whether an answer is right, how a right or wrong answer with a given confidence
 * maps to a spaced-repetition rating, and an exam's score by topic.
 */
import { Rating, type Grade } from 'ts-fsrs';
import { topicLabels, type Topic } from './topics';
import type { Question } from './types';

/** How sure the learner said they were. */
export const confidences = ['low', 'medium', 'high'] as const;
/** A confidence level. */
export type Confidence = (typeof confidences)[number];

/** Labels the UI shows for each confidence level. */
export const confidenceLabels: Record<Confidence, string> = { low: 'Guessing', medium: 'Fairly sure', high: 'Certain' };

/**
 * True when the selection is exactly the set of correct options (AWS scores multiple-response
 * questions all or nothing).
 */
export function isCorrect(question: Question, selected: readonly string[]): boolean {
  const want = question.options.filter((o) => o.correct).map((o) => o.id).sort();
  const got = [...new Set(selected)].sort();
  return want.length === got.length && want.every((id, i) => id === got[i]);
}

/**
 * The FSRS rating for an answer: wrong is Again; right is Hard, Good or Easy by confidence.
 * @example ratingFor(true, 'low') // Rating.Hard
 */
export function ratingFor(correct: boolean, confidence: Confidence = 'medium'): Grade {
  if (!correct) return Rating.Again;
  return confidence === 'low' ? Rating.Hard : confidence === 'medium' ? Rating.Good : Rating.Easy;
}

/** Whether an answer should become a review card: missed, or right by a guess. */
export function needsCard(correct: boolean, confidence?: Confidence): boolean {
  return !correct || confidence === 'low';
}

/** One topic's line in an exam score. */
export interface TopicScore {
  topic: Topic;
  label: string;
  total: number;
  correct: number;
  percent: number;
}

/** An exam's score. */
export interface ExamScore {
  total: number;
  correct: number;
  answered: number;
  percent: number;
  /** At or above the practice pass mark. */
  passed: boolean;
  /** Per topic, weakest first. */
  byTopic: TopicScore[];
}

/** The practice pass mark in percent (AWS reports scaled scores; 720/1000 passes SAA-C03). */
export const PASS_PERCENT = 72;

/**
 * Scores answered questions.
 * @param items each question with the learner's selection ([] when unanswered)
 */
export function scoreExam(items: readonly { question: Question; selected: readonly string[] }[]): ExamScore {
  const by = new Map<Topic, { total: number; correct: number }>();
  let correct = 0;
  let answered = 0;
  for (const { question, selected } of items) {
    const ok = isCorrect(question, selected);
    if (ok) correct++;
    if (selected.length) answered++;
    const t = by.get(question.topic) ?? { total: 0, correct: 0 };
    t.total++;
    if (ok) t.correct++;
    by.set(question.topic, t);
  }
  const pct = (c: number, t: number) => (t ? Math.round((c / t) * 100) : 0);
  const byTopic = [...by.entries()]
    .map(([topic, s]) => ({ topic, label: topicLabels[topic], total: s.total, correct: s.correct, percent: pct(s.correct, s.total) }))
    .sort((a, b) => a.percent - b.percent || b.total - a.total || a.label.localeCompare(b.label));
  const percent = pct(correct, items.length);
  return { total: items.length, correct, answered, percent, passed: percent >= PASS_PERCENT, byTopic };
}
