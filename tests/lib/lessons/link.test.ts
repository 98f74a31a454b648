import { describe, expect, it } from 'vitest';
import { builtInLessons } from '@/lib/lessons/builtin';
import { decodeLesson, encodeLesson } from '@/lib/lessons/link';
import { classroomHref, DEFAULT_ROOM, lessonRefOf, readLocation, splitLessonRef } from '@/lib/lessons/location';

describe('share links', () => {
  it.each(builtInLessons.map((l) => [l.id, l] as const))('%s survives encode → decode unchanged, in URL-safe characters', (_id, lesson) => {
    const encoded = encodeLesson(lesson);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    // Compressed: a whole lesson fits a URL comfortably
    expect(encoded.length).toBeLessThan(JSON.stringify(lesson).length);
    expect(decodeLesson(encoded)).toEqual({ ok: true, value: lesson });
  });

  it('a damaged link is one located issue, never an exception', () => {
    const encoded = encodeLesson(builtInLessons[0]!);
    for (const bad of [encoded.slice(0, 40), 'not base64!', `${encoded}%%`, ''])
      expect(decodeLesson(bad)).toEqual({ ok: false, error: [{ path: '(link)', message: expect.stringContaining('damaged') }] });
  });

  it('a link holding an invalid lesson reports where', async () => {
    const { deflateSync, strToU8 } = await import('fflate');
    const bytes = deflateSync(strToU8(JSON.stringify({ ...builtInLessons[0], slides: [] })));
    const encoded = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const r = decodeLesson(encoded);
    expect(r.ok ? [] : r.error.map((i) => i.path)).toEqual(['slides']);
  });
});

describe('classroom URLs', () => {
  it('reads lesson, slide (counted from 1 in the URL), room and a hash lesson', () => {
    expect(readLocation('?lesson=mfa-and-get-session-token&slide=3', '')).toEqual({ lessonId: 'mfa-and-get-session-token', slide: 2, room: DEFAULT_ROOM });
    expect(readLocation('?slide=0&room=lab-2', '#lesson=abc_-')).toEqual({ encoded: 'abc_-', slide: 0, room: 'lab-2' });
    expect(readLocation('?slide=x&room=../../etc', '')).toEqual({ slide: 0, room: DEFAULT_ROOM });
  });

  it('builds the links the presenter hands out', () => {
    expect(classroomHref('student', { lessonId: 'role-chaining-session-limits', slide: 4 })).toBe('/classroom/student/?lesson=role-chaining-session-limits&slide=5');
    expect(classroomHref('audience', { lessonId: 'x', room: 'lab' })).toBe('/classroom/audience/?lesson=x&room=lab');
    expect(classroomHref('present', { encoded: 'QQ', slide: 0 })).toBe('/classroom/present/?slide=1#lesson=QQ');
    expect(classroomHref('handout', { lessonId: 'x', slide: 3 })).toBe('/classroom/handout/?lesson=x');
  });

  it('round-trips a location through its lesson reference', () => {
    for (const loc of [readLocation('?lesson=abc', ''), readLocation('', '#lesson=Zm9v')]) {
      const ref = lessonRefOf(loc)!;
      expect(splitLessonRef(ref)).toEqual(loc.encoded ? { encoded: loc.encoded } : { lessonId: loc.lessonId });
    }
    expect(lessonRefOf(readLocation('', ''))).toBeUndefined();
  });
});
