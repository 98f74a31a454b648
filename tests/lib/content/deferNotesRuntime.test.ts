import { describe, expect, it } from 'vitest';
import { DEFERRED_SCRIPT_TYPE as parkedBy, deferPage } from '../../../scripts/defer-notes-runtime.mjs';
import { DEFERRED_SCRIPT_TYPE, deferredRuntimeScript } from '@/components/notes/deferredRuntime';

const loader = `<script>${deferredRuntimeScript}</script>`;
const head =
  '<link rel="preload" as="script" fetchPriority="low" href="/sts-sim/_next/static/chunks/a1.js"/>' +
  '<script src="/sts-sim/_next/static/chunks/b2.js" async=""></script>' +
  '<script src="/sts-sim/_next/static/chunks/c3.js" noModule=""></script>';
const body = '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script src="/sts-sim/_next/static/chunks/d4.js" async=""></script>';

describe('parking the Next.js scripts of the notes pages (scripts/defer-notes-runtime.mjs)', () => {
  it('uses the type the inline loader looks for', () => {
    expect(parkedBy).toBe(DEFERRED_SCRIPT_TYPE);
    expect(deferredRuntimeScript).toContain(`script[type="${DEFERRED_SCRIPT_TYPE}"]`);
  });

  it('parks every async chunk script under any base path, drops script preloads, keeps the rest', () => {
    // Given a notes page with the loader
    const out = deferPage(`<html><head>${head}</head><body>${loader}${body}</body></html>`);
    if (out === undefined) throw new Error('nothing was parked');
    // Then no script tag the browser would fetch at once is left, apart from the noModule fallback
    expect(out).not.toMatch(/<script src="[^"]+" async=""/);
    expect(out).toContain(`<script type="${DEFERRED_SCRIPT_TYPE}" data-src="/sts-sim/_next/static/chunks/b2.js"></script>`);
    expect(out).toContain(`<script type="${DEFERRED_SCRIPT_TYPE}" data-src="/sts-sim/_next/static/chunks/d4.js"></script>`);
    expect(out).not.toContain('rel="preload" as="script"');
    expect(out).toContain('<script src="/sts-sim/_next/static/chunks/c3.js" noModule=""></script>');
    expect(out).toContain('self.__next_f');
  });

  it('leaves a page without the loader (any page outside the notes layout) alone', () => {
    expect(deferPage(`<html><head>${head}</head><body>${body}</body></html>`)).toBeUndefined();
  });
});
