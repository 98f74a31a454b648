import { describe, expect, it } from 'vitest';
import { normalizeBase, rewriteNotePage, STATIC_MARK, STATIC_SIMULATOR_DIR, StaticNotesError } from '../../../scripts/static-notes.mjs';
import { themeInitScript } from '@/components/layout/theme';

// A notes page as `next build` writes it (Next 16, Turbopack), cut down to one of each kind of tag.
function nextPage(base: string): string {
  const n = `${base}/_next/static/chunks`;
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
    `<link rel="stylesheet" href="${n}/0s0b.css" data-precedence="next"/>` +
    `<link rel="preload" as="script" fetchPriority="low" href="${n}/310v.js"/>` +
    `<script src="${n}/0vm8.js" async=""></script><script src="${n}/turbopack-2u1d.js" async=""></script>` +
    '<title>AssumeRole</title>' +
    `<link rel="icon" href="${base}/icon.svg?icon.2eow.svg" sizes="any" type="image/svg+xml"/>` +
    `<script>${themeInitScript}</script>` +
    `<script src="${n}/0cz1.js" noModule=""></script></head>` +
    '<body><main id="main"><h1>AssumeRole</h1><p>Text with &lt;script&gt; in it.</p></main>' +
    `<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/310v.js"]})</script>` +
    `<script src="${n}/310v.js" async=""></script>` +
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
    `<script>self.__next_f.push([1,"2:\\"${n}/03hz.js\\"\\n"])</script>` +
    '<script>$RC("B:0","S:0")</script>' +
    '</body></html>'
  );
}

// The same page as the static step must leave it.
function staticPage(base: string): string {
  const n = `${base}/_next/static/chunks`;
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
    `<link rel="stylesheet" href="${n}/0s0b.css" data-precedence="next"/>` +
    '<title>AssumeRole</title>' +
    `<link rel="icon" href="${base}/icon.svg?icon.2eow.svg" sizes="any" type="image/svg+xml"/>` +
    `<script>${themeInitScript}</script>` +
    `<link rel="modulepreload" href="${base}/_static/notes/chunk-AB.js"/>` +
    `<script type="module" src="${base}/_static/notes/notes-XY12.js" ${STATIC_MARK}=""></script></head>` +
    '<body><main id="main"><h1>AssumeRole</h1><p>Text with &lt;script&gt; in it.</p></main>' +
    '<script>$RC("B:0","S:0")</script>' +
    '</body></html>'
  );
}

const options = (base: string) => ({ base, entry: 'notes-XY12.js', preload: ['chunk-AB.js'] });

describe('a notes page becomes a static document (scripts/static-notes.mjs)', () => {
  it.each([
    { where: 'at the domain root', base: '' },
    { where: 'under a sub-path (GitHub Pages project site)', base: '/sts-sim' },
  ])('$where: the Next.js scripts, preloads and payload go; stylesheets, the theme script and other inline scripts stay; the bundle is loaded', ({ base }) => {
    expect(rewriteNotePage(nextPage(base), options(base))).toBe(staticPage(base));
  });

  it('the simulator page loads its own bundle from the directory it is given', () => {
    const out = rewriteNotePage(nextPage('/sts-sim'), { ...options('/sts-sim'), entry: 'simulator-AB12.js', prefetch: ['chunk-CD.js'], dir: STATIC_SIMULATOR_DIR });
    expect(out).toContain(
      `<link rel="modulepreload" href="/sts-sim/_static/simulator/chunk-AB.js"/><script type="module" src="/sts-sim/_static/simulator/simulator-AB12.js" ${STATIC_MARK}=""></script>` +
        '<link rel="prefetch" href="/sts-sim/_static/simulator/chunk-CD.js"/></head>',
    );
    expect(out).not.toContain('/_static/notes/');
    expect(out).not.toMatch(/_next\/static\/chunks\/[^"]*\.js/);
  });

  it('leaves a page it already rewrote as it is (running the step twice is harmless)', () => {
    expect(rewriteNotePage(staticPage(''), options(''))).toBe(staticPage(''));
  });

  it('points a page it already rewrote at the new bundle when a later run wrote other names', () => {
    const again = rewriteNotePage(staticPage('/sts-sim'), { base: '/sts-sim', entry: 'notes-NEW1.js', preload: ['chunk-NEW2.js'] });
    expect(again).toBe(staticPage('/sts-sim').replace('chunk-AB.js', 'chunk-NEW2.js').replace('notes-XY12.js', 'notes-NEW1.js'));
    expect(again).not.toContain('XY12');
  });

  it('reads the base path as next.config.js does', () => {
    expect(['', '/', 'sts-sim', '/sts-sim/', ' /sts-sim '].map(normalizeBase)).toEqual(['', '', '/sts-sim', '/sts-sim', '/sts-sim']);
  });

  // Each of these would ship a broken or half-static page: the build fails instead.
  it.each([
    { name: 'a page without a <head>', html: '<html><body><script src="/_next/static/chunks/a.js"></script></body></html>', error: /one <head>/ },
    { name: 'a page with two <head> elements', html: `${nextPage('')}<head></head>`, error: /one <head>/ },
    { name: 'a page with no Next.js script (the layout changed)', html: '<html><head></head><body><p>hi</p></body></html>', error: /no Next\.js script/ },
    {
      name: 'a chunk referenced from somewhere the rewrite does not look',
      html: nextPage('').replace('<h1>', '<img src="/_next/static/chunks/9zz.js"><h1>'),
      error: /still references \/_next\/static\/chunks\/9zz\.js/,
    },
    { name: 'a page built for another base path than BASE_PATH', html: nextPage('/other'), error: /not from under the base path/ },
  ])('fails on $name', ({ html, error }) => {
    expect(() => rewriteNotePage(html, options(''))).toThrow(StaticNotesError);
    expect(() => rewriteNotePage(html, options(''))).toThrow(error);
  });

  it('fails on a rewritten page that somehow references a Next.js chunk again', () => {
    const html = staticPage('').replace('</body>', '<script src="/_next/static/chunks/a.js"></script></body>');
    expect(() => rewriteNotePage(html, options(''))).toThrow(/already rewritten/);
  });
});
