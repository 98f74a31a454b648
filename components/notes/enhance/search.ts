import { highlightParts, queryTerms, searchQuery, searchStatus, type HitText, type SearchState } from './highlight';

/** Appends `text` to `parent`, the query's words wrapped in `<mark>`. */
function appendHighlighted(parent: HTMLElement, text: string, terms: readonly string[]): void {
  for (const part of highlightParts(text, terms)) {
    if (!part.marked) {
      parent.append(part.text);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = part.text;
    parent.append(mark);
  }
}

/** One result: the section heading (and the note, when it differs) as a link, then the snippet. */
function resultItem(hit: HitText, terms: readonly string[]): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = hit.href;
  const heading = document.createElement('span');
  heading.className = 'note-search__heading';
  appendHighlighted(heading, hit.heading, terms);
  a.append(heading);
  if (hit.heading !== hit.note) {
    const note = document.createElement('span');
    note.className = 'note-search__note';
    note.textContent = ` · ${hit.note}`;
    a.append(note);
  }
  li.append(a);
  if (hit.excerpt) {
    const p = document.createElement('p');
    p.className = 'note-search__excerpt';
    appendHighlighted(p, hit.excerpt, terms);
    li.append(p);
  }
  return li;
}

/** Up and Down move between the search box and the results; Home, End; Escape goes back to the box. */
function moveFocus(e: KeyboardEvent, root: HTMLElement, input: HTMLInputElement): void {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('.note-search__results a')];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  let target: HTMLElement | undefined;
  if (e.key === 'ArrowDown') target = links[at < 0 ? 0 : Math.min(at + 1, links.length - 1)];
  else if (e.key === 'ArrowUp') target = at <= 0 ? input : links[at - 1];
  else if (e.key === 'Escape' && at >= 0) target = input;
  else if (e.key === 'Home' && at >= 0) target = links[0];
  else if (e.key === 'End' && at >= 0) target = links[links.length - 1];
  if (!target) return;
  e.preventDefault();
  target.focus();
}

/**
 * Full-text search over every note, on a server-rendered box (components/notes/NoteSearch.tsx
 * renders the markup): plain DOM code, used by that component and by the static note pages,
 * which run no React. MiniSearch and the index (search.chunk) are fetched only when the reader
 * focuses the box or types; a query waits 120 ms for more typing. What the reader typed before
 * this ran is searched at once.
 * @param root the `.note-search` element
 * @returns a function that stops listening (a pending search is dropped)
 */
export function enhanceNoteSearch(root: HTMLElement): () => void {
  const input = root.querySelector<HTMLInputElement>('.note-search__input');
  const status = root.querySelector<HTMLElement>('.note-search__status');
  const list = root.querySelector<HTMLElement>('.note-search__results');
  if (!input || !status || !list) return () => undefined;
  let state: SearchState = { kind: 'empty' };
  let latest = '';
  let timer: number | undefined;
  let disposed = false;

  const show = (next: SearchState) => {
    state = next;
    status.textContent = searchStatus(next);
    if (next.kind === 'done' && next.hits.length) {
      const terms = queryTerms(next.query);
      list.replaceChildren(...next.hits.map((h) => resultItem(h, terms)));
      list.hidden = false;
    } else {
      list.replaceChildren();
      list.hidden = true;
    }
  };

  const search = () => {
    const q = searchQuery(input.value);
    latest = q;
    window.clearTimeout(timer);
    if (q.length < 2) {
      if (state.kind !== 'empty') show({ kind: 'empty' });
      return;
    }
    // Results already on screen stay there until the new ones arrive.
    if (state.kind !== 'done') show({ kind: 'searching' });
    timer = window.setTimeout(() => {
      import('../search.chunk')
        .then((m) => m.searchNotes(q))
        .then((hits) => !disposed && latest === q && show({ kind: 'done', query: q, hits }))
        .catch((e: unknown) => !disposed && latest === q && show({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    }, 120);
  };

  const warmUp = () => void import('../search.chunk').then((m) => m.warmUp());
  const onKeyDown = (e: KeyboardEvent) => moveFocus(e, root, input);
  input.addEventListener('input', search);
  input.addEventListener('focus', warmUp);
  root.addEventListener('keydown', onKeyDown);
  if (document.activeElement === input) warmUp();
  if (input.value) search();

  return () => {
    disposed = true;
    window.clearTimeout(timer);
    input.removeEventListener('input', search);
    input.removeEventListener('focus', warmUp);
    root.removeEventListener('keydown', onKeyDown);
  };
}
