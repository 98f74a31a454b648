import { describe, expect, it } from 'vitest';
import { addSlide, draftKey, emptyDraft, exportFileName, loadDraft, moveSlide, newSlide, placeholders, readDraft, removeSlide, updateSlide } from '@/lib/lessons/draft';
import { parseBlocks, parseInline, plainText, safeHref } from '@/lib/lessons/markdown';
import { learnHref, noteHref, noteSections, noteSlugs } from '@/lib/lessons/notes';
import { parseLesson } from '@/lib/lessons/schema';
import { createPresenterStore, formatElapsed, timerElapsed } from '@/lib/stores/presenterStore';
import { builtInLessons } from '@/lib/lessons/builtin';

describe('slide markup', () => {
  it('parses paragraphs, lists and inline marks', () => {
    expect(parseBlocks('One\nline\n\n- a **b**\n- `c`\nAfter')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'One line' }] },
      { kind: 'list', items: [[{ kind: 'text', text: 'a ' }, { kind: 'strong', children: [{ kind: 'text', text: 'b' }] }], [{ kind: 'code', text: 'c' }]] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'After' }] },
    ]);
  });

  it.each([
    ['/notes/x/', '/notes/x/'],
    ['/notes/x/?a=1#part', '/notes/x/?a=1#part'],
    ['#part', '#part'],
    ['/notes/../quiz/', '/quiz/'],
    // The browser reads a backslash as a slash: this is //evil.example, another host
    ['/\\evil.example', undefined],
    ['/\\/evil.example', undefined],
    ['//evil.example/', undefined],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['https://evil.example/', undefined],
    ['javascript:alert(1)', undefined],
    ['/notes/\tx', undefined],
    ['notes/x', undefined],
  ])('the lesson link filter resolves %s the way a browser does (same-origin paths only)', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });

  it('keeps only links to this site; anything else stays text', () => {
    expect(parseInline('[n](/notes/x/)')).toEqual([{ kind: 'link', href: '/notes/x/', children: [{ kind: 'text', text: 'n' }] }]);
    expect(parseInline('[x](javascript:alert(1))')[0]).toMatchObject({ kind: 'text' });
    expect(parseInline('[x](//evil.example/)')[0]).toMatchObject({ kind: 'text' });
    expect(parseInline('[x](/\\evil.example)')[0]).toMatchObject({ kind: 'text' });
    expect(plainText('Use **BoolIfExists**, not *Bool*.')).toBe('Use BoolIfExists, not Bool.');
  });
});

describe('notes', () => {
  it('derives slugs and sections from the trace references', () => {
    expect(noteSlugs).toContain('external-id');
    expect(noteSections).toContainEqual({ slug: 'session-duration', section: 'role-chaining' });
    expect(noteHref('external-id')).toBe('/notes/external-id/');
    expect(learnHref('external-id#how-sts-checks-it')).toBe('/notes/external-id/#how-sts-checks-it');
  });
});

describe('builder drafts', () => {
  it('adds, moves, updates and removes slides without mutating the draft', () => {
    const d0 = emptyDraft();
    const d1 = addSlide(addSlide(d0, newSlide('scenario', [])), newSlide('question', []));
    expect(d1.slides.map((s) => s.kind)).toEqual(['note', 'scenario', 'question']);
    const d2 = moveSlide(d1, 2, 0);
    expect(d2.slides.map((s) => s.kind)).toEqual(['question', 'note', 'scenario']);
    expect(moveSlide(d2, 0, -5).slides.map((s) => s.kind)).toEqual(['question', 'note', 'scenario']);
    expect(moveSlide(d2, 0, 99).slides.map((s) => s.kind)).toEqual(['note', 'scenario', 'question']);
    const d3 = updateSlide(d2, 1, { kind: 'note', title: 'Changed', text: 't' });
    expect(d3.slides[1]).toMatchObject({ title: 'Changed' });
    expect(removeSlide(d3, 0).slides).toHaveLength(2);
    expect(removeSlide(emptyDraft(), 0).slides).toHaveLength(1);
    expect(d1.slides.map((s) => s.kind)).toEqual(['note', 'scenario', 'question']);
  });

  it('a fresh draft is a valid lesson; new slides of every kind are valid', () => {
    const catalog = [{ id: 'cross-account-external-id', title: 'T', steps: [{ id: 'no-external-id', label: 'AssumeRole', outcome: 'AccessDenied' }] }];
    const d = ['note', 'scenario', 'question'].reduce((acc, k) => addSlide(acc, newSlide(k as 'note', catalog)), emptyDraft());
    expect(parseLesson(d).ok).toBe(true);
  });

  it('keeps half-written drafts from storage, drops junk', () => {
    expect(readDraft({ title: '', slides: [{ kind: 'note', title: '', text: '' }] })?.slides).toHaveLength(1);
    expect(readDraft({ slides: [{ kind: 'video' }] })).toBeUndefined();
    expect(readDraft('nope')).toBeUndefined();
    expect(exportFileName({ id: 'role-chaining' })).toBe('role-chaining.lesson.json');
    expect(exportFileName({ id: 'Bad Id' })).toBe('lesson.lesson.json');
  });

  it('names what is still the starting text, place by place', () => {
    const d = addSlide(addSlide(emptyDraft(), newSlide('scenario', [])), newSlide('question', []));
    const q = d.slides[2]!;
    const withOption = updateSlide(d, 2, q.kind === 'question' ? { ...q, options: [...q.options, { text: 'Another option' }] } : q);
    expect(placeholders(withOption)).toEqual(['Lesson title', 'Lesson summary', 'Slide 1 (note): title and text', 'Slide 3 (question): question, option C and explanation']);
    expect(placeholders({ ...d, title: 'Trust', summary: 'Roles', slides: [{ kind: 'note', title: 'Doors', text: 'Both sides.' }] })).toEqual([]);
    // Every built-in lesson is free of starting text
    for (const l of builtInLessons) expect(placeholders(l)).toEqual([]);
  });

  it('compares drafts whatever their key order', () => {
    const d = emptyDraft();
    const { slides, ...rest } = d;
    expect(draftKey({ slides, ...rest })).toBe(draftKey(d));
    expect(draftKey({ ...d, title: 'Other' })).not.toBe(draftKey(d));
  });
});

describe('presenter store', () => {
  const lesson = builtInLessons[0]!;

  it('moves through the lesson and toggles the screen options', () => {
    const store = createPresenterStore({ lesson, lessonRef: `builtin:${lesson.id}`, slide: 99, scale: 5 });
    expect(store.getState().position).toEqual({ slide: lesson.slides.length - 1, reveal: 0 });
    expect(store.getState().scale).toBe(2);
    store.getState().goTo(0);
    store.getState().next();
    expect(store.getState().position.slide).toBe(1);
    store.getState().toggleBlank();
    store.getState().toggleNotes();
    store.getState().setContrast(true);
    expect(store.getState()).toMatchObject({ blank: true, notesOpen: true, contrast: true });
    store.getState().follow({ slide: 3, reveal: 2, blank: false, contrast: false, scale: 1.2 });
    expect(store.getState()).toMatchObject({ position: { slide: 3, reveal: 2 }, blank: false, scale: 1.2 });
  });

  it('reveals a whole slide at once (A), and a reload can start where the reveals were', () => {
    // Given a question slide (one reveal: the answer) and a note slide (nothing to reveal)
    const q = lesson.slides.findIndex((s) => s.kind === 'question');
    const n = lesson.slides.findIndex((s) => s.kind === 'note');
    const store = createPresenterStore({ lesson, lessonRef: 'builtin:x', slide: q });
    // When the presenter reveals all, the answer shows
    store.getState().revealAll();
    expect(store.getState().position).toEqual({ slide: q, reveal: 1 });
    // A note slide has nothing to reveal
    store.getState().goTo(n);
    store.getState().revealAll();
    expect(store.getState().position).toEqual({ slide: n, reveal: 0 });
    // A store created after a reload starts with the saved reveal (the view clamps it)
    expect(createPresenterStore({ lesson, lessonRef: 'builtin:x', slide: q, reveal: 1 }).getState().position).toEqual({ slide: q, reveal: 1 });
    expect(createPresenterStore({ lesson, lessonRef: 'builtin:x', slide: q, reveal: -3 }).getState().position.reveal).toBe(0);
  });

  it('times the talk: start, pause, resume, reset', () => {
    const store = createPresenterStore({ lesson, lessonRef: 'builtin:x' });
    const s = () => store.getState();
    s().startTimer(1000);
    s().startTimer(5000); // a second start does not restart the clock
    s().pauseTimer(61_000);
    expect(timerElapsed(s().timer, 99_000)).toBe(60_000);
    s().startTimer(100_000);
    expect(formatElapsed(timerElapsed(s().timer, 105_500))).toBe('1:05');
    s().resetTimer();
    expect(s().timer).toEqual({ startedAt: null, elapsedMs: 0 });
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});

describe('the lesson builder draft in storage', () => {
  const note = { kind: 'note', title: 'T', text: 'x' };
  it.each([
    ['nothing stored', null, 'none'],
    ['a half-written draft (empty texts)', JSON.stringify({ title: '', slides: [{ kind: 'note', title: '', text: '' }] }), 'ok'],
    ['a draft from a newer format', JSON.stringify({ format: 'sts-lesson/v2', slides: [note] }), 'aside'],
    ['a title that is a number', JSON.stringify({ title: 5, slides: [note] }), 'aside'],
    ['a note whose text is an object', JSON.stringify({ slides: [{ kind: 'note', title: 'T', text: { a: 1 } }] }), 'aside'],
    ['question options that are strings', JSON.stringify({ slides: [{ kind: 'question', stem: 's', options: ['a', 'b'], answer: 0 }] }), 'aside'],
    ['scenario steps that are not a list', JSON.stringify({ slides: [{ kind: 'scenario', scenario: 'x', steps: 'a' }] }), 'aside'],
    ['slides that are not a list', JSON.stringify({ slides: {} }), 'aside'],
    ['text that is not JSON', '{"slides": [', 'aside'],
  ])('%s: %s', (_name, raw, kind) => {
    // Given what a browser has stored, the builder opens it only when it can show it
    const r = loadDraft(raw);
    expect(r.kind).toBe(kind);
    if (r.kind === 'aside') expect(r.reason.length).toBeGreaterThan(5);
  });
});
