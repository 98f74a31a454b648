import { describe, expect, it } from 'vitest';
import { formatPath, jsonErrorOffset, LESSON_FORMAT, parseLesson, type Lesson } from '@/lib/lessons/schema';

const good: Lesson = {
  format: LESSON_FORMAT,
  id: 'tiny',
  title: 'Tiny',
  summary: 'A test lesson.',
  slides: [
    { kind: 'note', title: 'Hello', text: 'Some **text**.' },
    { kind: 'scenario', scenario: 'cross-account-external-id', steps: ['no-external-id'] },
    { kind: 'question', stem: 'Why?', options: [{ text: 'A' }, { text: 'B' }], answer: 0, explanation: 'Because.' },
  ],
};

describe('parseLesson', () => {
  it('accepts a valid lesson, from text or a value', () => {
    expect(parseLesson(good)).toEqual({ ok: true, value: good });
    expect(parseLesson(JSON.stringify(good)).ok).toBe(true);
  });

  it('locates JSON syntax errors by line and column', () => {
    const r = parseLesson('{\n  "format": "sts-lesson/v1",\n  "id": oops\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(1);
    expect(r.error[0]).toMatchObject({ path: '(file)', line: 3 });
    expect(r.error[0]!.message).toMatch(/^not valid JSON/);
  });

  it('locates schema problems by path', () => {
    // Given a lesson with a bad answer index, an unknown slide kind and a typo'd field
    const bad = {
      ...good,
      id: 'Not Kebab',
      slides: [good.slides[0], { ...good.slides[2], answer: 5 }, { kind: 'video' }, { ...good.slides[1], stepz: [] }],
    };
    const r = parseLesson(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((i) => `${i.path}: ${i.message}`)).toMatchInlineSnapshot(`
      [
        "id: expected a kebab-case id such as role-chaining",
        "slides[1].answer: there is no option 5 (options are numbered 0 to 1)",
        "slides[2].kind: expected a slide with "kind" one of note, scenario, question, lab",
        "slides[3]: Unrecognized key: "stepz"",
      ]
    `);
  });

  it('requires "expect" on the right option of a proved question', () => {
    const q = { kind: 'question', stem: 'S', options: [{ text: 'A' }, { text: 'B' }], answer: 1, explanation: 'E', proof: { scenario: 'x', step: 'y' } };
    const r = parseLesson({ ...good, slides: [q] });
    expect(r.ok ? [] : r.error.map((i) => i.path)).toEqual(['slides[0].options[1].expect']);
  });

  it('formats paths the way the builder shows them', () => {
    expect(formatPath([])).toBe('(lesson)');
    expect(formatPath(['slides', 2, 'options', 0, 'text'])).toBe('slides[2].options[0].text');
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2, {"b": [true, false, null, -1.5e3, "x\\"y"]}]', undefined],
    ['{"a": tru}', 9],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a": 1} x', 9],
    ['', 0],
  ])('%j → %s', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
    expect(offset === undefined).toBe((() => { try { JSON.parse(text); return true; } catch { return false; } })());
  });
});
