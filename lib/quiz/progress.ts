/**
 * Saved quiz progress: its versioned layout, migrations from older layouts, repair of damaged
 * data (keep what is valid, count what is not), and the export file format. Pure: the zustand
 * store in lib/stores/progressStore.ts does the storing.
 *
 * Every field added in a later version must be optional or get a default in `repairProgress`.
 */
import { labProgressFile, readLabProgress, type LabProgress, type LabProgressFile } from '../labs/progress';
import type { ExamSession } from './exam';
import { type QuestionStat, RECENT_KEPT } from './mastery';
import { parseRef } from './refs';
import type { StoredCard } from './schedule';
import { topics, type Topic } from './topics';

/** The layout version written today. */
export const PROGRESS_VERSION = 2;

/** A finished exam, kept for the history list. */
export interface ExamRecord {
  /** Epoch ms when submitted. */
  at: number;
  total: number;
  correct: number;
  durationSeconds: number;
}

/** Seeds for the deterministic sequences of each mode: each new item takes the next number. */
export interface Counters {
  practice: number;
  generated: number;
  predict: number;
  exam: number;
}

/** Everything saved (layout version 2). */
export interface ProgressData {
  /** Results by item ref (see lib/quiz/refs.ts). */
  stats: Record<string, QuestionStat>;
  /** Spaced-repetition cards by item ref. */
  cards: Record<string, StoredCard>;
  /** The exam in progress or last submitted, if any. */
  exam: ExamSession | null;
  /** Submitted exams, newest last (at most 20). */
  exams: ExamRecord[];
  counters: Counters;
}

/** Empty progress. */
export function emptyProgress(): ProgressData {
  return { stats: {}, cards: {}, exam: null, exams: [], counters: { practice: 0, generated: 0, predict: 0, exam: 0 } };
}

/** The result of repairing or migrating saved data. */
export interface Repaired {
  data: ProgressData;
  /** Entries that were invalid and left out. */
  dropped: number;
}

// ---------------------------------------------------------------------------------------------
// Guards (hand-written: this runs on first load, where a schema library would weigh the page)

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNat = (v: unknown): v is number => isNum(v) && Number.isInteger(v) && v >= 0;
const isTopic = (v: unknown): v is Topic => typeof v === 'string' && (topics as readonly string[]).includes(v);
const isStrArr = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function repairStat(v: unknown): QuestionStat | undefined {
  if (!isObj(v) || !isTopic(v.topic) || !isNat(v.seen) || !isNat(v.correct) || v.correct > v.seen || !isNum(v.last)) return undefined;
  const recent = Array.isArray(v.recent) ? v.recent.filter((x): x is boolean => typeof x === 'boolean').slice(-RECENT_KEPT) : [];
  return { topic: v.topic, seen: v.seen, correct: v.correct, recent, last: v.last };
}

function repairCard(v: unknown): StoredCard | undefined {
  if (!isObj(v)) return undefined;
  const nums = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;
  if (!nums.every((k) => isNum(v[k]))) return undefined;
  if (!(isNat(v.state) && v.state <= 3)) return undefined;
  if (v.last_review !== undefined && !isNum(v.last_review)) return undefined;
  const card = Object.fromEntries(nums.map((k) => [k, v[k]])) as unknown as StoredCard;
  if (v.last_review !== undefined) card.last_review = v.last_review as number;
  return card;
}

function repairExam(v: unknown): ExamSession | undefined {
  if (!isObj(v) || typeof v.id !== 'string' || !isStrArr(v.refs) || v.refs.length === 0 || !v.refs.every((r) => parseRef(r))) return undefined;
  if (!isNum(v.startedAt) || !isNat(v.durationSeconds) || v.durationSeconds === 0) return undefined;
  const answers: Record<string, string[]> = {};
  if (isObj(v.answers)) for (const [ref, ids] of Object.entries(v.answers)) if (v.refs.includes(ref) && isStrArr(ids)) answers[ref] = ids;
  const flagged = isStrArr(v.flagged) ? v.flagged.filter((r) => (v.refs as string[]).includes(r)) : [];
  const current = isNat(v.current) ? Math.min(v.current, v.refs.length - 1) : 0;
  const exam: ExamSession = { id: v.id, refs: v.refs, answers, flagged, current, startedAt: v.startedAt, durationSeconds: v.durationSeconds };
  if (isNum(v.submittedAt)) exam.submittedAt = v.submittedAt;
  if (v.timedOut === true) exam.timedOut = true;
  return exam;
}

function repairRecord(v: unknown): ExamRecord | undefined {
  if (!isObj(v) || !isNum(v.at) || !isNat(v.total) || !isNat(v.correct) || v.correct > v.total || !isNat(v.durationSeconds)) return undefined;
  return { at: v.at, total: v.total, correct: v.correct, durationSeconds: v.durationSeconds };
}

/**
 * Keeps every valid part of version-2 data and counts what it had to drop. Never throws.
 * @example repairProgress(JSON.parse(localStorage.getItem(key) ?? 'null')).dropped
 */
export function repairProgress(input: unknown): Repaired {
  const data = emptyProgress();
  let dropped = 0;
  if (!isObj(input)) return { data, dropped: input === undefined || input === null ? 0 : 1 };
  const map = <T>(v: unknown, repair: (x: unknown) => T | undefined, keyOk: (k: string) => boolean): Record<string, T> => {
    const out: Record<string, T> = {};
    if (v === undefined) return out;
    if (!isObj(v)) {
      dropped++;
      return out;
    }
    for (const [k, x] of Object.entries(v)) {
      const r = keyOk(k) ? repair(x) : undefined;
      if (r === undefined) dropped++;
      else out[k] = r;
    }
    return out;
  };
  const refOk = (k: string) => parseRef(k) !== undefined;
  data.stats = map(input.stats, repairStat, refOk);
  data.cards = map(input.cards, repairCard, refOk);
  if (input.exam !== undefined && input.exam !== null) {
    const exam = repairExam(input.exam);
    if (exam) data.exam = exam;
    else dropped++;
  }
  if (Array.isArray(input.exams)) {
    for (const r of input.exams) {
      const rec = repairRecord(r);
      if (rec) data.exams.push(rec);
      else dropped++;
    }
    data.exams = data.exams.slice(-20);
  } else if (input.exams !== undefined) dropped++;
  if (isObj(input.counters)) {
    for (const k of Object.keys(data.counters) as (keyof Counters)[]) {
      const c = input.counters[k];
      if (isNat(c)) data.counters[k] = c;
      else if (c !== undefined) dropped++;
    }
  }
  return { data, dropped };
}

// ---------------------------------------------------------------------------------------------
// Migrations

/**
 * Version 1, the first layout: results as per-question counts under `answers`, card dates
 * as ISO strings, an exam without flags or a current index, no counters and no history.
 */
function fromV1(v: Obj): Obj {
  const stats: Obj = {};
  if (isObj(v.answers)) {
    for (const [ref, a] of Object.entries(v.answers)) {
      if (!isObj(a) || !isNat(a.seen) || !isNat(a.correct)) {
        stats[ref] = a; // repairProgress counts it as dropped
        continue;
      }
      // The order of old results is unknown: keep the most recent few as misses first, then hits,
      // which slightly under-states mastery rather than over-stating it.
      const n = Math.min(a.seen, RECENT_KEPT);
      const hits = Math.min(a.correct, n);
      stats[ref] = { topic: a.topic, seen: a.seen, correct: a.correct, recent: [...Array(n - hits).fill(false), ...Array(hits).fill(true)], last: isNum(a.lastAt) ? a.lastAt : 0 };
    }
  }
  const cards: Obj = {};
  if (isObj(v.cards)) {
    for (const [ref, c] of Object.entries(v.cards)) {
      if (!isObj(c)) {
        cards[ref] = c;
        continue;
      }
      const due = typeof c.due === 'string' ? Date.parse(c.due) : c.due;
      const last = typeof c.last_review === 'string' ? Date.parse(c.last_review) : c.last_review;
      cards[ref] = { ...c, due, ...(last === undefined ? {} : { last_review: last }) };
    }
  }
  const exam = isObj(v.exam) ? { flagged: [], current: 0, ...v.exam } : null;
  return { stats, cards, exam, exams: [], counters: {} };
}

/** Migrations by the version they upgrade from. */
const migrations: Record<number, (v: Obj) => Obj> = { 1: fromV1 };

/** What happened to saved data on load. */
export type MigrationOutcome =
  | { kind: 'ok'; data: ProgressData; dropped: number; migratedFrom?: number }
  | { kind: 'too-new'; version: number }
  | { kind: 'unreadable'; reason: string };

/**
 * Brings saved data of any known version up to PROGRESS_VERSION and repairs it.
 * @param input the saved state object
 * @param version the version it was saved with
 */
export function migrateProgress(input: unknown, version: number): MigrationOutcome {
  if (!Number.isInteger(version) || version < 1) return { kind: 'unreadable', reason: `unknown layout version ${String(version)}` };
  if (version > PROGRESS_VERSION) return { kind: 'too-new', version };
  if (!isObj(input)) return { kind: 'unreadable', reason: 'the saved value is not an object' };
  let v: Obj = input;
  for (let from = version; from < PROGRESS_VERSION; from++) {
    const step = migrations[from];
    if (!step) return { kind: 'unreadable', reason: `no migration from version ${from}` };
    v = step(v);
  }
  const { data, dropped } = repairProgress(v);
  return { kind: 'ok', data, dropped, ...(version < PROGRESS_VERSION ? { migratedFrom: version } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Export files

/** The `format` of an export file. */
export const EXPORT_FORMAT = 'sts-quiz-progress';

/**
 * An export file's content. `labs` (added with the labs, optional) carries the labs' progress in
 * its own versioned layout (lib/labs/progress.ts), so `version` stays the quiz layout's: files
 * without it still import, and an older site reading a newer file ignores it.
 */
export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  progress: ProgressData;
  labs?: LabProgressFile;
}

/**
 * Builds the export file's JSON text.
 * @param labs the labs' progress to carry along, if any
 */
export function exportProgress(data: ProgressData, now: number, labs?: LabProgress): string {
  const file: ProgressExport = { format: EXPORT_FORMAT, version: PROGRESS_VERSION, exportedAt: new Date(now).toISOString(), progress: data };
  if (labs && Object.keys(labs).length > 0) file.labs = labProgressFile(labs);
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file that was read: the quiz progress, the labs' progress, and what was left out of each. */
export interface ImportedProgress {
  ok: true;
  data: ProgressData;
  dropped: number;
  /** The labs' progress in the file (empty when it had none or its labs part was unreadable). */
  labs: LabProgress;
  /** Lab entries left out because they were invalid. */
  labsDropped: number;
  /** Set when the file's labs part as a whole was unreadable and was left out (the quiz part is kept). */
  labsProblem?: string;
}

/**
 * Reads an export file's text.
 * @returns the progress (migrated and repaired) or a message saying why the file was refused
 */
export function importProgress(text: string): ImportedProgress | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not valid JSON.' };
  }
  if (!isObj(json) || json.format !== EXPORT_FORMAT) return { ok: false, message: `The file is not a progress export (expected "format": "${EXPORT_FORMAT}").` };
  const version = isNat(json.version) ? json.version : 0;
  const out = migrateProgress(json.progress, version);
  if (out.kind === 'too-new') return { ok: false, message: `The file was written by a newer version of this site (layout ${out.version}); this one reads up to ${PROGRESS_VERSION}.` };
  if (out.kind === 'unreadable') return { ok: false, message: `The file could not be read: ${out.reason}.` };
  const labsRead = json.labs === undefined ? { labs: {}, dropped: 0 } : readLabProgress(json.labs);
  const labsKept = Object.keys(labsRead.labs).length;
  const kept = Object.keys(out.data.stats).length + Object.keys(out.data.cards).length + out.data.exams.length + labsKept;
  // A file whose every entry is damaged would replace real progress with nothing: refuse it.
  if (out.dropped > 0 && kept === 0) return { ok: false, message: `None of the file's ${out.dropped} entries could be read. Nothing was changed.` };
  return { ok: true, data: out.data, dropped: out.dropped, labs: labsRead.labs, labsDropped: labsRead.dropped, ...(labsRead.problem ? { labsProblem: labsRead.problem } : {}) };
}

/**
 * What an import left out, in words (empty when nothing was).
 * @example importNotes({ dropped: 1, labsDropped: 0 }) // '1 invalid quiz entry was skipped.'
 */
export function importNotes(r: Pick<ImportedProgress, 'dropped' | 'labsDropped' | 'labsProblem'>): string {
  const notes: string[] = [];
  if (r.dropped) notes.push(`${r.dropped} invalid quiz entr${r.dropped === 1 ? 'y was' : 'ies were'} skipped.`);
  if (r.labsProblem) notes.push(`The labs part could not be read (${r.labsProblem}), so lab progress was left out.`);
  else if (r.labsDropped) notes.push(`${r.labsDropped} invalid lab entr${r.labsDropped === 1 ? 'y was' : 'ies were'} skipped.`);
  return notes.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Two tabs

const reviewedAt = (c: StoredCard | undefined): number => (c ? (c.last_review ?? 0) : -1);

/**
 * Merges progress saved by another tab into this tab's: per question, the later answer wins;
 * per card, the later review wins; exams are united by time; counters take the higher value
 * (so no seed is used twice). Nothing either tab recorded is lost.
 * @param mine this tab's progress
 * @param theirs what another tab saved
 * @returns the merged progress
 * @example mergeProgress(a, b).stats // every question either tab answered
 */
export function mergeProgress(mine: ProgressData, theirs: ProgressData): ProgressData {
  const stats = { ...mine.stats };
  for (const [ref, st] of Object.entries(theirs.stats)) {
    const cur = stats[ref];
    if (!cur || st.last > cur.last || (st.last === cur.last && st.seen > cur.seen)) stats[ref] = st;
  }
  const cards = { ...mine.cards };
  for (const [ref, c] of Object.entries(theirs.cards)) if (reviewedAt(c) > reviewedAt(cards[ref])) cards[ref] = c;
  const byAt = new Map<number, ExamRecord>();
  for (const e of [...mine.exams, ...theirs.exams]) byAt.set(e.at, e);
  const exams = [...byAt.values()].sort((a, b) => a.at - b.at).slice(-20);
  const counters = { ...mine.counters };
  for (const k of Object.keys(counters) as (keyof Counters)[]) counters[k] = Math.max(mine.counters[k], theirs.counters[k]);
  const exam = !mine.exam ? theirs.exam : !theirs.exam ? mine.exam : theirs.exam.startedAt > mine.exam.startedAt ? theirs.exam : mine.exam;
  return { stats, cards, exam, exams, counters };
}
