import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { navItems } from '@/components/layout/nav';
import { flattenNav, loadNav, neighbours, parseNav } from '@/lib/content/nav';
import { listNoteSlugs } from '@/lib/content/notes';
import { routes } from '../e2e/routes';

describe('content/nav.json', () => {
  it('parses', () => {
    expect(() => parseNav(JSON.parse(readFileSync(path.join(process.cwd(), 'content', 'nav.json'), 'utf8')))).not.toThrow();
  });

  it('rejects an unknown field and a path that is not a note path', () => {
    const nav = JSON.parse(readFileSync(path.join(process.cwd(), 'content', 'nav.json'), 'utf8'));
    expect(() => parseNav({ ...nav, extra: true })).toThrow();
    expect(() => parseNav({ ...nav, routes: [{ title: 'X', description: 'A section that is broken.', routes: [{ title: 'Bad', path: '/notes/Bad Path' }] }] })).toThrow();
  });

  it('has a note file for every path, and lists every note exactly once', () => {
    const flat = flattenNav(loadNav());
    for (const e of flat) expect(existsSync(path.join(process.cwd(), 'content', 'notes', `${e.slug}.mdx`)), e.path).toBe(true);
    const listed = flat.map((e) => e.slug).sort();
    expect(listed).toEqual(listNoteSlugs());
  });

  it('chains previous and next through the whole path', () => {
    const flat = flattenNav(loadNav());
    expect(neighbours(flat[0]!.slug).previous).toBeUndefined();
    expect(neighbours(flat[0]!.slug).next?.slug).toBe(flat[1]!.slug);
    expect(neighbours(flat[flat.length - 1]!.slug).next).toBeUndefined();
  });

  it('every note page and the notes index are in tests/e2e/routes.ts, and Notes is in the header nav', () => {
    const tested = new Set(routes.map((r) => r.path));
    expect(tested.has('/notes/')).toBe(true);
    for (const e of flattenNav(loadNav())) expect(tested.has(e.path), `${e.path} in tests/e2e/routes.ts`).toBe(true);
    expect(navItems.some((i) => i.href === '/notes/')).toBe(true);
  });
});
