/**
 * Editing a lesson in the builder: pure operations on a draft. A draft has the lesson's
 * shape but may be incomplete while the teacher types (an empty title, no steps picked);
 * parseLesson says what is still missing before export or sharing.
 */
import { type CatalogEntry } from './digest';
import { LESSON_FORMAT, slideKinds, type Lesson, type Slide, type SlideKind } from './schema';

/** A lesson being edited (same shape; validated on export). */
export type LessonDraft = Lesson;

/** The localStorage key of the builder's draft. */
export const DRAFT_KEY = 'sts-classroom-draft';

/**
 * A fresh draft with one note slide.
 * @returns the draft
 * @example emptyDraft().slides.length // 1
 */
export function emptyDraft(): LessonDraft {
  return {
    format: LESSON_FORMAT,
    id: 'my-lesson',
    title: starterText.lessonTitle,
    summary: starterText.lessonSummary,
    slides: [newSlide('note', [])],
  };
}

/** The builder's starting text: what a new lesson or slide holds until the teacher writes their own. */
export const starterText = {
  lessonTitle: 'My lesson',
  lessonSummary: 'What the room will learn.',
  noteTitle: 'New note',
  noteText: 'Write the point in a few lines.\n\n- One fact per line',
  stem: 'What does STS answer?',
  explanation: 'Why this is the answer.',
  option: 'Another option',
} as const;

/**
 * What in a draft is still the builder's starting text, in words for the teacher.
 * A draft can be a valid lesson and still say "New note" to the room.
 * @param draft the draft
 * @returns one entry per place, e.g. 'Lesson title' or 'Slide 2 (note): title and text'; empty when none
 * @example placeholders(emptyDraft()) // ['Lesson title', 'Lesson summary', 'Slide 1 (note): title and text']
 */
export function placeholders(draft: LessonDraft): string[] {
  const out: string[] = [];
  if (draft.title?.trim() === starterText.lessonTitle) out.push('Lesson title');
  if (draft.summary?.trim() === starterText.lessonSummary) out.push('Lesson summary');
  draft.slides.forEach((s, i) => {
    const parts: string[] = [];
    if (s.kind === 'note') {
      if (s.title?.trim() === starterText.noteTitle) parts.push('title');
      if (s.text?.trim() === starterText.noteText) parts.push('text');
    } else if (s.kind === 'question') {
      if (s.stem?.trim() === starterText.stem) parts.push('question');
      (s.options ?? []).forEach((o, n) => {
        if (o.text?.trim() === starterText.option) parts.push(`option ${String.fromCharCode(65 + n)}`);
      });
      if (s.explanation?.trim() === starterText.explanation) parts.push('explanation');
    }
    if (parts.length) out.push(`Slide ${i + 1} (${s.kind}): ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}`);
  });
  return out;
}

const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)])) : v;

/**
 * A draft as text that does not depend on key order, to tell whether two drafts are the same.
 * @param draft the draft
 * @returns canonical JSON
 * @example draftKey(a) === draftKey(b)
 */
export function draftKey(draft: LessonDraft): string {
  return JSON.stringify(canonical(draft));
}

/**
 * A new slide of a kind, filled with a starting point the teacher edits.
 * @param kind which kind
 * @param catalog scenarios to pick the first from (scenario slides)
 * @param labs labs to pick the first from (lab slides)
 * @returns the slide
 * @example newSlide('question', catalog).options.length // 2
 */
export function newSlide(kind: SlideKind, catalog: readonly CatalogEntry[], labs: readonly { id: string }[] = []): Slide {
  switch (kind) {
    case 'note':
      return { kind: 'note', title: starterText.noteTitle, text: starterText.noteText };
    case 'scenario': {
      const first = catalog[0];
      return { kind: 'scenario', scenario: first?.id ?? 'cross-account-external-id', steps: first?.steps[0] ? [first.steps[0].id] : [] };
    }
    case 'question':
      return { kind: 'question', stem: starterText.stem, options: [{ text: 'Credentials' }, { text: 'AccessDenied' }], answer: 1, explanation: starterText.explanation };
    case 'lab':
      return { kind: 'lab', lab: labs[0]?.id ?? 'cross-account-both-sides' };
  }
}

/**
 * Moves a slide (arrow buttons and drag and drop).
 * @param draft the draft
 * @param from current index
 * @param to new index (clamped)
 * @returns a new draft; the same one when nothing moves
 * @example moveSlide(d, 2, 0)
 */
export function moveSlide(draft: LessonDraft, from: number, to: number): LessonDraft {
  const n = draft.slides.length;
  const t = Math.min(Math.max(0, to), n - 1);
  if (from < 0 || from >= n || from === t) return draft;
  const slides = [...draft.slides];
  const [s] = slides.splice(from, 1);
  slides.splice(t, 0, s!);
  return { ...draft, slides };
}

/**
 * Removes a slide (a lesson keeps at least one).
 * @returns a new draft
 * @example removeSlide(d, 0)
 */
export function removeSlide(draft: LessonDraft, index: number): LessonDraft {
  if (draft.slides.length <= 1) return draft;
  return { ...draft, slides: draft.slides.filter((_, i) => i !== index) };
}

/**
 * Replaces one slide.
 * @returns a new draft
 * @example updateSlide(d, 0, { ...d.slides[0], title: 'Hi' })
 */
export function updateSlide(draft: LessonDraft, index: number, slide: Slide): LessonDraft {
  return { ...draft, slides: draft.slides.map((s, i) => (i === index ? slide : s)) };
}

/**
 * Inserts a slide after an index (at the end by default).
 * @returns a new draft
 * @example addSlide(d, newSlide('note', []))
 */
export function addSlide(draft: LessonDraft, slide: Slide, after = draft.slides.length - 1): LessonDraft {
  const slides = [...draft.slides];
  slides.splice(after + 1, 0, slide);
  return { ...draft, slides };
}

/** The localStorage key where a draft that could not be opened is kept, untouched. */
export const DRAFT_ASIDE_KEY = 'sts-classroom-draft:aside';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const optional = (v: unknown, type: 'string' | 'number') => v === undefined || typeof v === type;

/** Why a slide's fields do not have the types the builder renders, or undefined when they do. */
function slideTypeProblem(s: unknown, i: number): string | undefined {
  if (!isObj(s) || !(slideKinds as readonly string[]).includes(s.kind as string)) return `slide ${i + 1} is not a note, scenario, question or lab`;
  const bad = (field: string) => `slide ${i + 1}: "${field}" has the wrong type`;
  if (!optional(s.notes, 'string')) return bad('notes');
  switch (s.kind as SlideKind) {
    case 'note':
      return !optional(s.title, 'string') ? bad('title') : !optional(s.text, 'string') ? bad('text') : !optional(s.note, 'string') ? bad('note') : undefined;
    case 'scenario':
      if (typeof s.scenario !== 'string') return bad('scenario');
      if (!Array.isArray(s.steps) || !s.steps.every((x) => typeof x === 'string')) return bad('steps');
      return !optional(s.prompt, 'string') ? bad('prompt') : undefined;
    case 'question':
      if (typeof s.stem !== 'string') return bad('stem');
      if (!Array.isArray(s.options) || !s.options.every((o) => isObj(o) && typeof o.text === 'string')) return bad('options');
      if (typeof s.answer !== 'number') return bad('answer');
      if (!optional(s.explanation, 'string')) return bad('explanation');
      return s.proof !== undefined && !(isObj(s.proof) && typeof s.proof.scenario === 'string' && typeof s.proof.step === 'string') ? bad('proof') : undefined;
    case 'lab':
      return typeof s.lab !== 'string' ? bad('lab') : undefined;
  }
}

/** What a stored draft turned out to be. */
export type StoredDraft = { kind: 'none' } | { kind: 'ok'; draft: LessonDraft } | { kind: 'aside'; reason: string };

/**
 * Reads the stored draft text. A half-written draft (empty texts, too few options) opens; one
 * from a newer format, or whose fields have types the builder cannot show, is NOT opened (it
 * would fail on every visit, or be silently rewritten): the caller keeps it aside and says so.
 * @param raw the stored text (null when there is none)
 * @example loadDraft(localStorage.getItem(DRAFT_KEY))
 */
export function loadDraft(raw: string | null): StoredDraft {
  if (raw === null || raw === '' || raw === 'null') return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'aside', reason: 'it is not valid JSON' };
  }
  if (!isObj(value)) return { kind: 'aside', reason: 'it is not a lesson' };
  if (value.format !== undefined && value.format !== LESSON_FORMAT)
    return { kind: 'aside', reason: `it is in the format ${JSON.stringify(value.format).slice(0, 40)}, which this version of the site does not read (it reads ${LESSON_FORMAT})` };
  for (const f of ['id', 'title', 'summary'] as const) if (!optional(value[f], 'string')) return { kind: 'aside', reason: `its "${f}" has the wrong type` };
  if (!optional(value.minutes, 'number')) return { kind: 'aside', reason: 'its "minutes" has the wrong type' };
  if (!Array.isArray(value.slides) || value.slides.length === 0) return { kind: 'aside', reason: 'it has no slides' };
  for (const [i, sl] of value.slides.entries()) {
    const problem = slideTypeProblem(sl, i);
    if (problem) return { kind: 'aside', reason: problem };
  }
  return { kind: 'ok', draft: { ...emptyDraft(), ...value, format: LESSON_FORMAT } as LessonDraft };
}

/**
 * Reads a stored draft leniently: any object shaped like a lesson (a slides array of known
 * kinds, fields of the right types) is kept, even if not yet valid, so a half-written draft
 * survives a reload.
 * @param value parsed JSON from storage
 * @returns the draft, or undefined when it is not a draft the builder can show
 * @example readDraft(JSON.parse(localStorage.getItem(DRAFT_KEY)))
 */
export function readDraft(value: unknown): LessonDraft | undefined {
  if (!isObj(value)) return undefined;
  const r = loadDraft(JSON.stringify({ ...value, format: value.format ?? LESSON_FORMAT }));
  return r.kind === 'ok' ? r.draft : undefined;
}

/**
 * A file name for an exported lesson.
 * @returns `<id>.lesson.json`
 * @example exportFileName(d) // 'my-lesson.lesson.json'
 */
export function exportFileName(draft: Pick<LessonDraft, 'id'>): string {
  const id = /^[a-z0-9-]+$/.test(draft.id) ? draft.id : 'lesson';
  return `${id}.lesson.json`;
}
