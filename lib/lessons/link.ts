/**
 * Links into the classroom. Built-in lessons go by id (`?lesson=<id>&slide=<n>`); a lesson
 * built in the browser travels in the URL hash as deflate-compressed JSON in base64url
 * (`#lesson=…`), so it never reaches a server log and needs no server at all.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { err, type Result } from '../result';
import { parseLesson, type Lesson, type LessonIssue } from './schema';

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
