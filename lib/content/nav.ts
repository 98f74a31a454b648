/**
 * The notes' learning path, read from content/nav.json and validated with zod. Server-side
 * (reads the file system at build time); the sidebar, the index page and previous/next use it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Path of a note page: `/notes/<kebab-slug>/`. */
const notePath = z
  .string()
  .regex(/^\/notes\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/, 'expected a note path such as /notes/assume-role/');

/** One note in the learning path. */
export const NavLeafSchema = z.strictObject({
  /** Short label shown in the sidebar. */
  title: z.string().min(2),
  /** The note's page, `/notes/<slug>/`. */
  path: notePath,
});

/** A group of notes, studied in order. */
export const NavSectionSchema = z.strictObject({
  /** The group's label. */
  title: z.string().min(2),
  /** One sentence on what the group covers, shown on the notes index. */
  description: z.string().min(10),
  /** The notes, in reading order. */
  routes: z.array(NavLeafSchema).min(1),
});

/** The whole tree: `{ title, path, routes[] }`. */
export const NavSchema = z.strictObject({
  /** Title of the notes area. */
  title: z.string().min(2),
  /** Path of the notes index. */
  path: z.literal('/notes/'),
  /** The groups, in reading order. */
  routes: z.array(NavSectionSchema).min(1),
});

/** One note in the learning path. */
export type NavLeaf = z.infer<typeof NavLeafSchema>;
/** A group of notes. */
export type NavSection = z.infer<typeof NavSectionSchema>;
/** The notes navigation tree. */
export type Nav = z.infer<typeof NavSchema>;

/** A note in reading order, with its place in the path. */
export interface NavEntry extends NavLeaf {
  /** The note's slug (from the path). */
  slug: string;
  /** The title of its group. */
  section: string;
  /** 0-based position in the whole path. */
  index: number;
}

const navFile = path.join(process.cwd(), 'content', 'nav.json');
let cached: Nav | undefined;

/**
 * Parses a nav document.
 * @param input the parsed JSON
 * @returns the validated tree
 * @example parseNav(JSON.parse(text)).routes[0].title
 */
export function parseNav(input: unknown): Nav {
  return NavSchema.parse(input);
}

/** Reads and validates content/nav.json (once per process). */
export function loadNav(): Nav {
  cached ??= parseNav(JSON.parse(readFileSync(navFile, 'utf8')));
  return cached;
}

/** The slug in a note path (`/notes/assume-role/` → `assume-role`). */
export function slugOfPath(p: string): string {
  return p.replace(/^\/notes\//, '').replace(/\/$/, '');
}

/**
 * Every note of the path in reading order.
 * @example flattenNav(loadNav())[0].slug // 'sts-basics'
 */
export function flattenNav(nav: Nav = loadNav()): NavEntry[] {
  const out: NavEntry[] = [];
  for (const section of nav.routes) {
    for (const leaf of section.routes) out.push({ ...leaf, slug: slugOfPath(leaf.path), section: section.title, index: out.length });
  }
  return out;
}

/** The notes before and after `slug` in the learning path. */
export function neighbours(slug: string, nav: Nav = loadNav()): { previous?: NavEntry; next?: NavEntry } {
  const flat = flattenNav(nav);
  const i = flat.findIndex((e) => e.slug === slug);
  if (i < 0) return {};
  return { previous: flat[i - 1], next: flat[i + 1] };
}
