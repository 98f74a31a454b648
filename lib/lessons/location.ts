/**
 * Classroom URLs: `?lesson=<id>&slide=<n>` for built-in lessons, `#lesson=<encoded>` for a
 * lesson built in the browser (lib/lessons/link.ts encodes it). Tiny and dependency-free,
 * so every classroom page can use it without loading the decoder.
 */
/** The classroom's pages that show a lesson. */
export type ClassroomView = 'present' | 'audience' | 'student' | 'handout';

/** What a classroom URL says. */
export interface LessonLocation {
  /** A built-in lesson id (`?lesson=`). */
  lessonId?: string;
  /** A lesson carried in the hash (`#lesson=`), still encoded. */
  encoded?: string;
  /** Slide index from 0 (`?slide=` counts from 1 for people). */
  slide: number;
  /** Sync room (`?room=`), so two presenters on one machine do not cross. */
  room: string;
}

/** The default sync room. */
export const DEFAULT_ROOM = 'main';

/**
 * Reads a classroom URL's query and hash.
 * @param search `location.search`
 * @param hash `location.hash`
 * @returns lesson id or encoded lesson, slide (from 0) and room
 * @example readLocation('?lesson=mfa&slide=3', '') // { lessonId: 'mfa', slide: 2, room: 'main' }
 */
export function readLocation(search: string, hash: string): LessonLocation {
  const q = new URLSearchParams(search);
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  const n = Number(q.get('slide'));
  const room = q.get('room');
  const encoded = h.get('lesson') ?? undefined;
  const lessonId = q.get('lesson') ?? undefined;
  return {
    ...(lessonId ? { lessonId } : {}),
    ...(encoded ? { encoded } : {}),
    slide: Number.isInteger(n) && n >= 1 ? n - 1 : 0,
    room: room && /^[\w-]{1,40}$/.test(room) ? room : DEFAULT_ROOM,
  };
}

/**
 * Builds a classroom URL (path, query and hash; no origin).
 * @param view which page
 * @param where a built-in lesson id or an encoded lesson, the slide (from 0) and an optional room
 * @returns e.g. `/classroom/present/?lesson=mfa&slide=3`
 * @example classroomHref('student', { lessonId: 'mfa', slide: 2 }) // '/classroom/student/?lesson=mfa&slide=3'
 */
export function classroomHref(view: ClassroomView, where: { lessonId?: string; encoded?: string; slide?: number; room?: string }): string {
  const q = new URLSearchParams();
  if (where.lessonId && !where.encoded) q.set('lesson', where.lessonId);
  if (where.slide !== undefined && view !== 'handout') q.set('slide', String(where.slide + 1));
  if (where.room && where.room !== DEFAULT_ROOM) q.set('room', where.room);
  const query = q.toString();
  return `/classroom/${view}/${query ? `?${query}` : ''}${where.encoded ? `#lesson=${where.encoded}` : ''}`;
}

/** How a lesson is referred to across windows: `builtin:<id>` or `link:<encoded>`. */
export type LessonRef = `builtin:${string}` | `link:${string}`;

/**
 * The reference of the lesson a location names.
 * @param loc a read location
 * @returns the reference, or undefined when the URL names no lesson
 * @example lessonRefOf({ lessonId: 'mfa', slide: 0, room: 'main' }) // 'builtin:mfa'
 */
export function lessonRefOf(loc: Pick<LessonLocation, 'lessonId' | 'encoded'>): LessonRef | undefined {
  if (loc.encoded) return `link:${loc.encoded}`;
  if (loc.lessonId) return `builtin:${loc.lessonId}`;
  return undefined;
}

/**
 * Splits a lesson reference back into an id or an encoded lesson.
 * @param ref the reference
 * @returns `{ lessonId }` or `{ encoded }`
 * @example splitLessonRef('link:q1Yq…') // { encoded: 'q1Yq…' }
 */
export function splitLessonRef(ref: string): { lessonId?: string; encoded?: string } {
  if (ref.startsWith('link:')) return { encoded: ref.slice(5) };
  if (ref.startsWith('builtin:')) return { lessonId: ref.slice(8) };
  return {};
}
