import { describe, expect, it } from 'vitest';
import { normalizeBasePath, withBase, withoutBase } from '@/lib/content/basePath';

// BASE_PATH=/repo npm run build serves the site under /repo/ (GitHub Pages project sites):
// https://nextjs.org/docs/app/api-reference/config/next-config-js/basePath
describe('the base path a build is served under', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['/', ''],
    ['repo', '/repo'],
    ['/repo/', '/repo'],
    [' /a/b ', '/a/b'],
  ])('BASE_PATH %j means %j', (raw, expected) => {
    expect(normalizeBasePath(raw)).toBe(expected);
  });

  it.each([
    ['/notes/assume-role/', '/repo', '/repo/notes/assume-role/'],
    ['/simulator/?scenario=x', '/repo', '/repo/simulator/?scenario=x'],
    ['/notes/', '', '/notes/'],
    ['#principals', '/repo', '#principals'],
    ['https://docs.aws.amazon.com/STS/', '/repo', 'https://docs.aws.amazon.com/STS/'],
    ['//cdn.example/x.js', '/repo', '//cdn.example/x.js'],
  ])('withBase(%j) under %j is %j', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });

  it.each([
    ['/repo/simulator/', '/repo', '/simulator/'],
    ['/repo', '/repo', '/'],
    ['/other/', '/repo', '/other/'],
    ['/simulator/', '', '/simulator/'],
  ])('withoutBase(%j) under %j is %j', (pathname, base, expected) => {
    expect(withoutBase(pathname, base)).toBe(expected);
  });
});
