'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { SearchHit } from './search.chunk';

/** Where the search is: nothing asked, looking, results, or the index failed to load. */
type SearchState = { kind: 'empty' } | { kind: 'searching' } | { kind: 'done'; query: string; hits: SearchHit[] } | { kind: 'error'; message: string };

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
    <search className="note-search">
      <label htmlFor={`${id}-q`} className="note-search__label">
        Search the notes
      </label>
      <input
        id={`${id}-q`}
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
      {state.kind === 'done' && state.hits.length ? (
        <ul className="note-search__results">
          {state.hits.map((h) => (
            <li key={h.href}>
              <a href={h.href}>
                <span className="note-search__heading">{h.heading}</span>
                {h.heading !== h.note ? <span className="note-search__note"> · {h.note}</span> : null}
              </a>
              {h.excerpt ? <p className="note-search__excerpt">{h.excerpt}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </search>
  );
}
