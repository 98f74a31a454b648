import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enhanceNoteSearch } from '@/components/notes/enhance/search';

// The search engine is the lazy chunk; here it answers from a fixed list.
const searched: string[] = [];
vi.mock('@/components/notes/search.chunk', () => ({
  warmUp: vi.fn(),
  searchNotes: async (q: string) => {
    searched.push(q);
    if (q === 'broken') throw new Error('search index: HTTP 404');
    if (q === 'zzq') return [];
    return [
      { href: '/notes/session-duration/#role-chaining', note: 'Session duration and role chaining', heading: 'Role chaining', excerpt: 'A chained session lasts one hour.' },
      { href: '/notes/session-duration/', note: 'Session duration and role chaining', heading: 'Session duration and role chaining', excerpt: '' },
    ];
  },
}));

// The box as NoteSearch renders it on the server.
function staticBox(typed = ''): HTMLElement {
  document.body.innerHTML =
    '<search class="note-search"><label for="q">Search the notes</label>' +
    `<input id="q" class="note-search__input" type="search" value="${typed}"/>` +
    '<p class="note-search__status" role="status"></p><ul class="note-search__results" hidden></ul></search>';
  return document.querySelector<HTMLElement>('.note-search')!;
}

const input = () => document.querySelector<HTMLInputElement>('.note-search__input')!;
const status = () => document.querySelector('.note-search__status')!.textContent;
const links = () => [...document.querySelectorAll<HTMLAnchorElement>('.note-search__results a')];
const type = (text: string) => {
  input().value = text;
  input().dispatchEvent(new Event('input', { bubbles: true }));
};
const key = (k: string) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

describe('the notes search box without React (enhanceNoteSearch)', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    searched.length = 0;
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('searches only the first 200 characters of a huge pasted text', async () => {
    stop = enhanceNoteSearch(staticBox());
    type(`chain ${'x'.repeat(5_000_000)}`);
    await vi.advanceTimersByTimeAsync(150);
    expect(searched).toHaveLength(1);
    expect(searched[0]).toBe(`chain ${'x'.repeat(194)}`);
  });

  it('waits for the reader to pause, then lists the hits with the query words marked', async () => {
    stop = enhanceNoteSearch(staticBox());
    type('ch');
    type('chain');
    expect(status()).toBe('Searching…');
    await vi.advanceTimersByTimeAsync(150);
    expect(searched).toEqual(['chain']);
    expect(status()).toBe('2 results for “chain”');
    expect(document.querySelector('.note-search__results')!.hasAttribute('hidden')).toBe(false);
    expect(links().map((a) => a.getAttribute('href'))).toEqual(['/notes/session-duration/#role-chaining', '/notes/session-duration/']);
    expect(links()[0]!.innerHTML).toBe('<span class="note-search__heading">Role <mark>chain</mark>ing</span><span class="note-search__note"> · Session duration and role chaining</span>');
    expect(document.querySelector('.note-search__excerpt')!.innerHTML).toBe('A <mark>chain</mark>ed session lasts one hour.');
    // A hit on the note itself does not repeat the note's title, and has no empty snippet
    expect(links()[1]!.querySelector('.note-search__note')).toBeNull();
    expect(document.querySelectorAll('.note-search__excerpt')).toHaveLength(1);
  });

  it('searches what the reader typed before it ran', async () => {
    stop = enhanceNoteSearch(staticBox('chaining'));
    await vi.advanceTimersByTimeAsync(150);
    expect(searched).toEqual(['chaining']);
    expect(links()).toHaveLength(2);
  });

  it('says when nothing matches or the index cannot load, and clears when the box is emptied', async () => {
    stop = enhanceNoteSearch(staticBox());
    type('zzq');
    await vi.advanceTimersByTimeAsync(150);
    expect(status()).toBe('No notes match “zzq”');
    expect(links()).toHaveLength(0);
    type('broken');
    await vi.advanceTimersByTimeAsync(150);
    expect(status()).toBe('Search is unavailable (search index: HTTP 404)');
    type('');
    expect(status()).toBe('');
  });

  it('moves with Down, Up, End, Home and Escape between the box and the results', async () => {
    stop = enhanceNoteSearch(staticBox());
    input().focus();
    type('chain');
    await vi.advanceTimersByTimeAsync(150);
    key('ArrowDown');
    expect(document.activeElement).toBe(links()[0]);
    key('End');
    expect(document.activeElement).toBe(links()[1]);
    key('Home');
    expect(document.activeElement).toBe(links()[0]);
    key('ArrowUp');
    expect(document.activeElement).toBe(input());
    key('ArrowDown');
    key('Escape');
    expect(document.activeElement).toBe(input());
  });
});
