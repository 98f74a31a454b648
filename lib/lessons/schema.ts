/**
 * The lesson format `sts-lesson/v1`: an ordered deck of slides a teacher presents
 * (content/lessons/*.json, the builder's export, the share link). Validated here, at
 * the boundary; the rest of lib/lessons and the classroom UI trust a parsed Lesson.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result';

// No JIT: zod would probe `new Function` for it, which a Content-Security-Policy without
// 'unsafe-eval' (the one README recommends) reports as a violation. https://zod.dev/packages/core#jitless
z.config({ jitless: true });

/** The format tag every lesson file carries. */
export const LESSON_FORMAT = 'sts-lesson/v1';

/** The slide kinds, in the order the builder offers them. */
export const slideKinds = ['note', 'scenario', 'question', 'lab'] as const;
/** A slide kind. */
export type SlideKind = (typeof slideKinds)[number];

/** Limits that keep a lesson presentable and a share link short enough for a URL. */
export const lessonLimits = { slides: 60, text: 4000, notes: 2000, options: 6, steps: 6, title: 120 } as const;

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const text = (max: number, what: string) =>
  z.string({ error: `expected ${what} (text)` }).trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`);
const presenterNotes = z.string().max(lessonLimits.notes, `presenter notes are longer than ${lessonLimits.notes} characters`).optional();

/** What the engine should report for a step, in the scenario format's `expect` words. */
export const ProofExpectSchema = z.strictObject({
  /** `success` or `error`. */
  outcome: z.enum(['success', 'error']).optional(),
  /** The AWS error code, e.g. `AccessDenied`. */
  code: z.string().optional(),
  /** The issued session's length in seconds. */
  durationSeconds: z.number().int().positive().optional(),
  /** A request step's decision. */
  decision: z.enum(['Allow', 'ExplicitDeny', 'ImplicitDeny']).optional(),
});
/** What a question option claims the engine reports. */
export type ProofExpect = z.infer<typeof ProofExpectSchema>;

const NoteSlideSchema = z.strictObject({
  kind: z.literal('note'),
  /** Slide heading. */
  title: text(lessonLimits.title, 'title'),
  /** Markdown-ish body: paragraphs, `- ` lists, **bold**, *italic*, `code`. */
  text: text(lessonLimits.text, 'text'),
  /** The study note this excerpt comes from: /notes/<slug>/#<section>. */
  note: z
    .strictObject({
      slug: z.string().regex(kebab, 'expected a kebab-case note slug such as external-id'),
      section: z.string().regex(kebab, 'expected a kebab-case heading id').optional(),
    })
    .optional(),
  /** Only the presenter sees these. */
  notes: presenterNotes,
});

const ScenarioSlideSchema = z.strictObject({
  kind: z.literal('scenario'),
  /** Heading; the scenario's title when absent. */
  title: text(lessonLimits.title, 'title').optional(),
  /** A built-in scenario id (content/scenarios/<id>.json). */
  scenario: z.string().regex(kebab, 'expected a scenario id such as cross-account-external-id'),
  /** Ids of the steps to walk through gate by gate, in order. */
  steps: z
    .array(z.string().min(1, 'a step id is empty'))
    .min(1, 'pick at least one step')
    .max(lessonLimits.steps, `at most ${lessonLimits.steps} steps on one slide`),
  /** What to ask the room before the first gate is shown. */
  prompt: text(600, 'prompt').optional(),
  notes: presenterNotes,
});

const OptionSchema = z.strictObject({
  /** What the room sees. */
  text: text(300, 'option text'),
  /** For a proved question: what the engine reports if this option were right. */
  expect: ProofExpectSchema.optional(),
});

const QuestionSlideSchema = z
  .strictObject({
    kind: z.literal('question'),
    /** The question put to the room. */
    stem: text(600, 'question'),
    /** Two to six choices. */
    options: z.array(OptionSchema).min(2, 'give at least two options').max(lessonLimits.options, `at most ${lessonLimits.options} options`),
    /** Index (from 0) of the right option. */
    answer: z.number({ error: 'expected the index of the right option (a number from 0)' }).int('expected a whole number').min(0, 'expected an index from 0'),
    /** Why the answer is right, shown on reveal. */
    explanation: text(lessonLimits.text, 'explanation'),
    /** A scenario step whose engine result proves the answer. */
    proof: z
      .strictObject({
        scenario: z.string().regex(kebab, 'expected a scenario id'),
        step: z.string().min(1, 'expected a step id'),
      })
      .optional(),
    notes: presenterNotes,
  })
  .superRefine((q, ctx) => {
    if (q.answer >= q.options.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: `there is no option ${q.answer} (options are numbered 0 to ${q.options.length - 1})` });
    if (q.proof && !q.options[q.answer]?.expect)
      ctx.addIssue({ code: 'custom', path: ['options', q.answer, 'expect'], message: 'a proved question needs "expect" on the right option' });
  });

const LabSlideSchema = z.strictObject({
  kind: z.literal('lab'),
  /** A built-in lab id (content/labs/<id>.json), solved by the room at /labs/<id>/. */
  lab: z.string().regex(kebab, 'expected a lab id such as cross-account-external-id'),
  notes: presenterNotes,
});

/** One slide. */
export const SlideSchema = z.discriminatedUnion('kind', [NoteSlideSchema, ScenarioSlideSchema, QuestionSlideSchema, LabSlideSchema], {
  error: `expected a slide with "kind" one of ${slideKinds.join(', ')}`,
});

/** A whole lesson. */
export const LessonSchema = z.strictObject({
  format: z.literal(LESSON_FORMAT, { error: `expected "${LESSON_FORMAT}"` }),
  /** kebab-case, unique among built-in lessons; equals the file name. */
  id: z.string().regex(kebab, 'expected a kebab-case id such as role-chaining'),
  /** Shown in the picker and the presenter's header. */
  title: text(lessonLimits.title, 'title'),
  /** One or two sentences for the picker. */
  summary: text(600, 'summary'),
  /** Roughly how long it takes to present. */
  minutes: z.number().int().min(1).max(240).optional(),
  /** The deck. */
  slides: z.array(SlideSchema).min(1, 'a lesson needs at least one slide').max(lessonLimits.slides, `at most ${lessonLimits.slides} slides`),
});

/** A validated lesson. */
export type Lesson = z.infer<typeof LessonSchema>;
/** A validated slide. */
export type Slide = z.infer<typeof SlideSchema>;
/** A note-excerpt slide. */
export type NoteSlide = Extract<Slide, { kind: 'note' }>;
/** A scenario walk-through slide. */
export type ScenarioSlide = Extract<Slide, { kind: 'scenario' }>;
/** A question slide. */
export type QuestionSlide = Extract<Slide, { kind: 'question' }>;
/** A lab slide: the room solves a lab; hints, then the solution, are revealed one by one. */
export type LabSlide = Extract<Slide, { kind: 'lab' }>;

/** A problem with a lesson, located by a path such as `slides[2].options[0].text` (and a line for JSON syntax errors). */
export interface LessonIssue {
  /** Where: a JSON path, or `(file)` for the whole input. */
  path: string;
  /** What is wrong, in plain words. */
  message: string;
  /** 1-based line, for JSON syntax errors. */
  line?: number;
  /** 1-based column, for JSON syntax errors. */
  column?: number;
}

/**
 * Formats a zod path as `slides[2].options[0].text`.
 * @param path the issue path
 * @returns the dotted/bracketed form, or `(lesson)` for the root
 * @example formatPath(['slides', 2, 'title']) // 'slides[2].title'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(lesson)';
}

function lineColumn(textValue: string, position: number): { line: number; column: number } {
  const before = textValue.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/**
 * Where JSON text first goes wrong (engines differ in what JSON.parse reports, and some
 * give no position at all): a small recursive-descent scan.
 * @param t the text
 * @returns the offset of the first error, or undefined when the text is valid JSON
 * @example jsonErrorOffset('{"a": tru}') // 6
 */
export function jsonErrorOffset(t: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < t.length && ' \t\n\r'.includes(t[i]!)) i++;
  };
  const lit = (word: string) => {
    for (const ch of word) {
      if (t[i] !== ch) fail();
      i++;
    }
  };
  const str = () => {
    i++;
    while (i < t.length && t[i] !== '"') {
      if (t[i] === '\\') i++;
      else if (t.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (t[i] !== '"') fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(t.slice(i));
    if (!m || !m[0]) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{') {
      i++;
      ws();
      if (t[i] === '}') return void i++;
      for (;;) {
        ws();
        if (t[i] !== '"') fail();
        str();
        ws();
        if (t[i] !== ':') fail();
        i++;
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (t[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    fail();
  };
  try {
    value();
    ws();
    if (i < t.length) fail();
    return undefined;
  } catch (pos) {
    return typeof pos === 'number' ? pos : 0;
  }
}

/** Turns a JSON syntax error into a located issue. */
function syntaxIssue(textValue: string, e: unknown): LessonIssue {
  const message = e instanceof Error ? e.message : String(e);
  const at = jsonErrorOffset(textValue);
  const where = at === undefined ? {} : lineColumn(textValue, at);
  return { path: '(file)', message: `not valid JSON: ${message.replace(/\s+/g, ' ').slice(0, 160)}`, ...where };
}

/**
 * Validates a lesson from JSON text or an already-parsed value. Never throws.
 * @param input file text, or parsed JSON
 * @returns the lesson, or every located problem
 * @example parseLesson('{"format":"sts-lesson/v1", …}')
 */
export function parseLesson(input: unknown): Result<Lesson, LessonIssue[]> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return err([syntaxIssue(input, e)]);
    }
  }
  const parsed = LessonSchema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
}
