'use client';

import { useEffect, useState } from 'react';
import { type Lesson, type LessonIssue } from '@/lib/lessons/schema';
import { lessonRefOf, readLocation, type LessonLocation, type LessonRef } from '@/lib/lessons/location';

/** Where a classroom page stands with its lesson. */
export type LessonSource =
  | { kind: 'loading' }
  | { kind: 'none'; location: LessonLocation }
  | { kind: 'error'; location: LessonLocation; issues: LessonIssue[] }
  | { kind: 'ready'; location: LessonLocation; lesson: Lesson; lessonRef: LessonRef };

/**
 * Finds the lesson a reference names: a built-in one, or one decoded from a link (the
 * decoder, fflate and zod are loaded only then).
 */
export async function resolveLessonRef(ref: string, builtIns: readonly Lesson[]): Promise<{ ok: true; lesson: Lesson } | { ok: false; issues: LessonIssue[] }> {
  if (ref.startsWith('builtin:')) {
    const id = ref.slice('builtin:'.length);
    const lesson = builtIns.find((l) => l.id === id);
    return lesson ? { ok: true, lesson } : { ok: false, issues: [{ path: '?lesson', message: `there is no built-in lesson "${id}"` }] };
  }
  if (ref.startsWith('link:')) {
    const { decodeLesson } = await import('@/lib/lessons/link');
    const r = decodeLesson(ref.slice('link:'.length));
    return r.ok ? { ok: true, lesson: r.value } : { ok: false, issues: r.error };
  }
  return { ok: false, issues: [{ path: '(link)', message: 'unknown lesson reference' }] };
}

/** Reads the lesson named by the page's URL (query or hash), once, after hydration. */
export function useLessonFromUrl(builtIns: readonly Lesson[]): LessonSource {
  const [source, setSource] = useState<LessonSource>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    const location = readLocation(window.location.search, window.location.hash);
    const ref = lessonRefOf(location);
    if (!ref) {
      setSource({ kind: 'none', location });
      return;
    }
    void resolveLessonRef(ref, builtIns).then((r) => {
      if (!live) return;
      setSource(r.ok ? { kind: 'ready', location, lesson: r.lesson, lessonRef: ref } : { kind: 'error', location, issues: r.issues });
    });
    return () => {
      live = false;
    };
  }, [builtIns]);
  return source;
}
