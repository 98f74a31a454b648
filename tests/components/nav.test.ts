import { describe, expect, it } from 'vitest';
import { isActive, navItems } from '@/components/layout/nav';

describe('nav', () => {
  it('has unique hrefs with trailing slashes', () => {
    const hrefs = navItems.map((i) => i.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const h of hrefs) expect(h.endsWith('/'), h).toBe(true);
  });

  it.each([
    ['/', '/', true],
    ['/', '/notes/', false],
    ['/notes/', '/notes/', true],
    ['/notes/', '/notes/assume-role/', true],
    ['/notes/', '/notes', true],
    ['/notes/', '/notesy/', false],
  ])('isActive(%s, %s) is %s', (href, path, expected) => {
    expect(isActive(href, path)).toBe(expected);
  });
});
