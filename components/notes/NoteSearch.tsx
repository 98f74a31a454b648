'use client';

import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit } from './search.chunk';

/** Where the search is: nothing asked, looking, results, or the index failed to load. */
type SearchState = { kind: 'empty' } | { kind: 'searching' } | { kind: 'done'; query: string; hits: SearchHit[] } | { kind: 'error'; message: string };

/** The query's words (two letters or more), for highlighting. */
function queryTerms(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}:_-]+/u).filter((t) => t.length >= 2))];
}

/**
 * Text with every occurrence of the query's words (and words they start) marked.
 * @example highlight('Role chaining', ['chain']) // ['Role ', <mark>chain</mark>, 'ing']
 */
export function highlight(text: string, terms: readonly string[]): ReactNode {
  if (!terms.length) return text;
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'giu'));
  return parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <Fragment key={i}>{p}</Fragment>));
}

/** Up and Down move between the search box and the results; Escape goes back to the box. */
function moveFocus(e: KeyboardEvent<HTMLElement>, root: HTMLElement | null, input: HTMLInputElement | null) {
  if (!root) return;
  const links = [...root.querySelectorAll<HTMLAnchorElement>('.note-search__results a')];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  let target: HTMLElement | null | undefined;
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
 * Full-text search over every note. A small island: MiniSearch and the index are fetched
 * only when the reader focuses the box or types. Without JavaScript it is hidden and the
 * learning path lists every note.
 */
export function NoteSearch() {
  const id = useId();
  const [query, setQuery] = useState('');
  const [state, setState] = useState<SearchState>({ kind: 'empty' });
  const latest = useRef('');
  const root = useRef<HTMLElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const q = query.trim();
    latest.current = q;
    if (q.length < 2) {
      setState({ kind: 'empty' });
      return;
    }
    setState((s) => (s.kind === 'done' ? s : { kind: 'searching' }));
    const timer = window.setTimeout(() => {
      import('./search.chunk')
        .then((m) => m.searchNotes(q))
        .then((hits) => latest.current === q && setState({ kind: 'done', query: q, hits }))
        .catch((e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    }, 120);
    return () => window.clearTimeout(timer);
  }, [query]);

  const terms = state.kind === 'done' ? queryTerms(state.query) : [];
  const status =
    state.kind === 'done'
      ? state.hits.length
        ? `${state.hits.length} result${state.hits.length === 1 ? '' : 's'} for “${state.query}”`
        : `No notes match “${state.query}”`
      : state.kind === 'searching'
        ? 'Searching…'
        : state.kind === 'error'
          ? `Search is unavailable (${state.message})`
          : '';

  return (
    <search className="note-search" ref={root} onKeyDown={(e) => moveFocus(e, root.current, input.current)}>
      <label htmlFor={`${id}-q`} className="note-search__label">
        Search the notes
      </label>
      <input
        ref={input}
        id={`${id}-q`}
        aria-describedby={`${id}-hint`}
        className="note-search__input"
        type="search"
        value={query}
        placeholder="ExternalId, role chaining, BoolIfExists…"
        autoComplete="off"
        spellCheck={false}
        onFocus={() => void import('./search.chunk').then((m) => m.warmUp())}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="note-search__status" role="status">
        {status}
      </p>
      <p id={`${id}-hint`} className="visually-hidden">
        Use the Down arrow to move through the results.
      </p>
      {state.kind === 'done' && state.hits.length ? (
        <ul className="note-search__results">
          {state.hits.map((h) => (
            <li key={h.href}>
              <a href={h.href}>
                <span className="note-search__heading">{highlight(h.heading, terms)}</span>
                {h.heading !== h.note ? <span className="note-search__note"> · {h.note}</span> : null}
              </a>
              {h.excerpt ? <p className="note-search__excerpt">{highlight(h.excerpt, terms)}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </search>
  );
}
