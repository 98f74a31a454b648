/**
 * Mastery per topic, derived from saved results (never stored): recent answers count most.
 */
import { topicLabels, topics, type Topic } from './topics';

/** The saved results of one question. */
export interface QuestionStat {
  topic: Topic;
  /** Times answered. */
  seen: number;
  /** Times answered correctly. */
  correct: number;
  /** The last (up to five) results, oldest first. */
  recent: boolean[];
  /** When last answered (epoch ms). */
  last: number;
}

/** How many recent results a stat keeps. */
export const RECENT_KEPT = 5;

/** Records one answer. */
export function recordAnswer(stat: QuestionStat | undefined, topic: Topic, correct: boolean, now: number): QuestionStat {
  const recent = [...(stat?.recent ?? []), correct].slice(-RECENT_KEPT);
  return { topic, seen: (stat?.seen ?? 0) + 1, correct: (stat?.correct ?? 0) + (correct ? 1 : 0), recent, last: now };
}

/** One topic's mastery. */
export interface TopicMastery {
  topic: Topic;
  label: string;
  /** 0–100, or undefined when the topic has not been tried. */
  percent: number | undefined;
  /** Distinct questions answered. */
  questions: number;
  /** Answers given. */
  answers: number;
}

/**
 * Mastery per topic, weakest first; topics not yet tried come last.
 * A question's score is its recent accuracy with later answers weighted more, pulled toward
 * 50 % while there are few answers (so one lucky answer is not "mastered").
 */
export function masteryByTopic(stats: Readonly<Record<string, QuestionStat>>): TopicMastery[] {
  const acc = new Map<Topic, { sum: number; questions: number; answers: number }>();
  for (const s of Object.values(stats)) {
    let w = 0;
    let score = 0;
    s.recent.forEach((ok, i) => {
      const weight = i + 1;
      w += weight;
      if (ok) score += weight;
    });
    const prior = 1;
    const q = (score + prior * 0.5) / (w + prior);
    const a = acc.get(s.topic) ?? { sum: 0, questions: 0, answers: 0 };
    a.sum += q;
    a.questions++;
    a.answers += s.seen;
    acc.set(s.topic, a);
  }
  const rows: TopicMastery[] = topics.map((topic) => {
    const a = acc.get(topic);
    return { topic, label: topicLabels[topic], percent: a ? Math.round((a.sum / a.questions) * 100) : undefined, questions: a?.questions ?? 0, answers: a?.answers ?? 0 };
  });
  return rows.sort((x, y) => {
    if (x.percent === undefined || y.percent === undefined) return x.percent === undefined ? (y.percent === undefined ? 0 : 1) : -1;
    return x.percent - y.percent || y.answers - x.answers;
  });
}
