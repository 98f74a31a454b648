/**
 * The study notes a slide can quote, as the engine's trace names them (lib/explain/learn.ts).
 * Notes live at /notes/<slug>/ once the notes section lands.
 */
import { learn } from '../explain/learn';

/** One note section a slide can link to. */
export interface NoteSection {
  /** Note slug, e.g. `external-id`. */
  slug: string;
  /** Heading id inside the note, e.g. `how-sts-checks-it`. */
  section: string;
}

/** Every note section the engine's trace points at, once each, in learn.ts order. */
export const noteSections: readonly NoteSection[] = [...new Set(Object.values(learn))].map((ref) => {
  const [slug = '', section = ''] = ref.split('#');
  return { slug, section };
});

/** Every note slug, once each. */
export const noteSlugs: readonly string[] = [...new Set(noteSections.map((n) => n.slug))];

/**
 * The site path of a note or one of its sections.
 * @param slug note slug
 * @param section optional heading id
 * @returns `/notes/<slug>/` or `/notes/<slug>/#<section>`
 * @example noteHref('external-id', 'how-sts-checks-it') // '/notes/external-id/#how-sts-checks-it'
 */
export function noteHref(slug: string, section?: string): string {
  return `/notes/${slug}/${section ? `#${section}` : ''}`;
}

/**
 * A note reference as written in a trace (`slug#section`), as a site path.
 * @param ref `learn` value of a trace entry
 * @returns the note path
 * @example learnHref('external-id#how-sts-checks-it') // '/notes/external-id/#how-sts-checks-it'
 */
export function learnHref(ref: string): string {
  const [slug = '', section] = ref.split('#');
  return noteHref(slug, section);
}
