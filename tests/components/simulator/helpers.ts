import { readFileSync, readdirSync } from 'node:fs';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { ScenarioIndexEntry } from '@/lib/content/scenarioIndex';

/** jsdom has no matchMedia: answer "no" to every query (light theme, motion allowed) unless told. */
export function installMatchMedia(matches: (query: string) => boolean = () => false) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string) => ({
      matches: matches(query),
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}

/** The text of a built-in scenario. */
export const scenarioText = (id: string) => readFileSync(`content/scenarios/${id}.json`, 'utf8');

/** A small index of built-in scenarios, as the page builds it. */
export function testIndex(): ScenarioIndexEntry[] {
  return readdirSync('content/scenarios')
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const d = JSON.parse(readFileSync(`content/scenarios/${f}`, 'utf8')) as { id: string; title: string; summary?: string; tags?: string[]; steps: { call?: string }[] };
      return { id: d.id, title: d.title, summary: d.summary ?? '', tags: d.tags ?? [], calls: [...new Set(d.steps.flatMap((s) => (s.call ? [s.call] : [])))], stepCount: d.steps.length };
    });
}

/** Serves /simulator/scenarios/<id>.json from content/scenarios, as the static export does. */
export function installFetch() {
  const fetchMock = vi.fn(async (url: string) => {
    const m = /\/simulator\/scenarios\/([a-z0-9-]+)\.json$/.exec(url);
    try {
      return new Response(scenarioText(m?.[1] ?? ''), { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** jsdom's Range has no layout; CodeMirror measures selections with it. */
export function installRangeRects() {
  const empty = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  const rect = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect;
  Range.prototype.getClientRects ??= empty;
  Range.prototype.getBoundingClientRect ??= rect;
}

/**
 * Sets up and tears down what the whole simulator page needs in jsdom, around every test of the
 * calling describe block: matchMedia, range rects, fetch of built-ins, and empty localStorage.
 */
export function useSimulatorPage() {
  beforeEach(() => {
    installMatchMedia();
    installRangeRects();
    installFetch();
    window.localStorage.clear();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.useRealTimers();
    window.localStorage.clear();
  });
}
