/**
 * Links into the classroom. Built-in lessons go by id (`?lesson=<id>&slide=<n>`); a lesson
 * built in the browser travels in the URL hash as deflate-compressed JSON in base64url
 * (`#lesson=…`), so it never reaches a server log and needs no server at all.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { err, type Result } from '../result';
import { parseLesson, type Lesson, type LessonIssue } from './schema';

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

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Encodes a lesson for a URL hash.
 * @param lesson a valid lesson
 * @returns base64url of the deflated JSON
 * @example encodeLesson(lesson) // 'q1YqSy0qzszPU7Iy…'
 */
export function encodeLesson(lesson: Lesson): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(lesson)), { level: 9 }));
}

/**
 * Decodes and validates a lesson from a URL hash. Never throws.
 * @param encoded the base64url text after `#lesson=`
 * @returns the lesson, or located issues (a damaged link is one issue at `(link)`)
 * @example decodeLesson(encodeLesson(lesson))
 */
export function decodeLesson(encoded: string): Result<Lesson, LessonIssue[]> {
  let json: string;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw new Error('unexpected characters');
    json = strFromU8(inflateSync(fromBase64Url(encoded)));
  } catch {
    return err([{ path: '(link)', message: 'the link is damaged or incomplete: it does not hold a compressed lesson' }]);
  }
  return parseLesson(json);
}

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
