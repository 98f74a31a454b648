'use client';

import { useEffect, useId, useRef } from 'react';
import { enhanceNoteSearch } from './enhance/search';
import { MAX_QUERY_CHARS } from './enhance/highlight';

/**
 * Full-text search over every note. The markup is static; enhanceNoteSearch (shared with the
 * static note pages, which run no React) does the searching: MiniSearch and the index are
 * fetched only when the reader focuses the box or types. Without JavaScript it is hidden and
 * the learning path lists every note.
 */
export function NoteSearch() {
  const id = useId();
  const root = useRef<HTMLElement>(null);
  useEffect(() => (root.current ? enhanceNoteSearch(root.current) : undefined), []);

  return (
    <search className="note-search" ref={root}>
      <label htmlFor={`${id}-q`} className="note-search__label">
        Search the notes
      </label>
      <input
        id={`${id}-q`}
        aria-describedby={`${id}-hint`}
        className="note-search__input"
        type="search"
        maxLength={MAX_QUERY_CHARS}
        placeholder="ExternalId, role chaining, BoolIfExists…"
        autoComplete="off"
        spellCheck={false}
      />
      <p className="note-search__status" role="status" />
      <p id={`${id}-hint`} className="visually-hidden">
        Use the Down arrow to move through the results.
      </p>
      <ul className="note-search__results" hidden />
    </search>
  );
}
