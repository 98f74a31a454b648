/**
 * A timed exam as plain data and pure transitions, so it can be saved after every change
 * and resumed after a reload: the deadline is a wall-clock instant, not a ticking counter.
 */
import { createRng } from './rng';
import { bankRef, generatedRef } from './refs';
import type { Topic } from './topics';
import type { Question } from './types';

/** An exam in progress or just submitted. */
export interface ExamSession {
  /** Unique per exam (from its start time). */
  id: string;
  /** The questions, in order. */
  refs: string[];
  /** Selected option ids by ref. */
  answers: Record<string, string[]>;
  /** Refs flagged for review. */
  flagged: string[];
  /** Index of the question on screen. */
  current: number;
  /** Epoch ms. */
  startedAt: number;
  /** Time allowed. */
  durationSeconds: number;
  /** Epoch ms; set once submitted. */
  submittedAt?: number;
  /** True when the clock ran out and the exam submitted itself. */
  timedOut?: boolean;
}

/** Starts an exam. */
export function startExam(refs: readonly string[], durationSeconds: number, now: number): ExamSession {
  return { id: `exam-${now}`, refs: [...refs], answers: {}, flagged: [], current: 0, startedAt: now, durationSeconds };
}

/** Sets the selection for a question (no change once submitted). */
export function answerExam(s: ExamSession, ref: string, optionIds: readonly string[]): ExamSession {
  if (s.submittedAt !== undefined || !s.refs.includes(ref)) return s;
  return { ...s, answers: { ...s.answers, [ref]: [...optionIds] } };
}

/** Flags or unflags a question. */
export function toggleFlag(s: ExamSession, ref: string): ExamSession {
  if (s.submittedAt !== undefined || !s.refs.includes(ref)) return s;
  return { ...s, flagged: s.flagged.includes(ref) ? s.flagged.filter((r) => r !== ref) : [...s.flagged, ref] };
}

/** Moves to question `index` (clamped). */
export function goTo(s: ExamSession, index: number): ExamSession {
  return { ...s, current: Math.max(0, Math.min(s.refs.length - 1, index)) };
}

/** Submits the exam. */
export function submitExam(s: ExamSession, now: number, timedOut = false): ExamSession {
  if (s.submittedAt !== undefined) return s;
  return { ...s, submittedAt: now, ...(timedOut ? { timedOut: true } : {}) };
}

/** The exam's deadline (epoch ms). */
export function deadline(s: ExamSession): number {
  return s.startedAt + s.durationSeconds * 1000;
}

/** Whole seconds left (0 when the time is up). */
export function remainingSeconds(s: ExamSession, now: number): number {
  return Math.max(0, Math.ceil((deadline(s) - now) / 1000));
}

/** "12:05" or "1:02:03". */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** Options for picking exam questions. */
export interface ExamPick {
  count: number;
  seed: number;
  /** Only these topics (all when empty or absent). */
  topics?: readonly Topic[];
  /** Generated template ids to mix in, about one question in five. */
  generated?: readonly string[];
}

/**
 * Picks exam questions deterministically, spread over topics (round-robin over shuffled topics),
 * with about one in five generated when templates are given.
 * @returns refs (bank `b:` and generated `g:`)
 */
export function pickExamRefs(bank: readonly Question[], pick: ExamPick): string[] {
  const rng = createRng(pick.seed);
  const pool = bank.filter((q) => !pick.topics?.length || pick.topics.includes(q.topic));
  const byTopic = new Map<Topic, Question[]>();
  for (const q of rng.shuffle(pool)) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q]);
  const order = rng.shuffle([...byTopic.keys()]);
  const generatedCount = pick.generated?.length ? Math.round(pick.count / 5) : 0;
  const want = Math.min(pick.count - generatedCount, pool.length);
  const chosen: string[] = [];
  while (chosen.length < want) {
    for (const t of order) {
      const q = byTopic.get(t)?.shift();
      if (q && chosen.length < want) chosen.push(bankRef(q.id));
    }
  }
  const gen = Array.from({ length: pick.count - chosen.length }, (_, i) => generatedRef(pick.generated?.[i % (pick.generated?.length || 1)] ?? '', rng.int(1, 2 ** 31)));
  return rng.shuffle([...chosen, ...(pick.generated?.length ? gen : [])]);
}

/** The shortest and longest exam the setup allows, in minutes. */
export const MIN_EXAM_MINUTES = 1;
export const MAX_EXAM_MINUTES = 240;

/**
 * The exam length for what the learner typed in the Minutes field: a whole number clamped to
 * 1–240, or `fallback` when the field is empty or not a number.
 * @example examMinutes('300', 20) // 240
 */
export function examMinutes(text: string, fallback: number): number {
  const n = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(n)) return fallback;
  return Math.max(MIN_EXAM_MINUTES, Math.min(MAX_EXAM_MINUTES, Math.round(n)));
}

/** True when the typed text is already a whole number of minutes in range. */
export function isValidExamMinutes(text: string): boolean {
  return /^\d+$/.test(text.trim()) && examMinutes(text, NaN) === Number(text);
}
