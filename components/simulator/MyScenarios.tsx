'use client';

import { useState } from 'react';
import { withBase } from '@/lib/content/basePath';
import type { MyScenario, Origin } from '@/lib/stores/drafts';

/**
 * Where one of My scenarios came from, in words.
 * @example originText({ kind: 'builtin', id: 'mfa-protected-role' }) // 'edited from the built-in mfa-protected-role'
 */
export function originText(origin: Origin | undefined): string {
  if (!origin) return 'yours';
  switch (origin.kind) {
    case 'builtin':
      return `edited from the built-in ${origin.id}`;
    case 'shared':
      return 'opened from a link';
    case 'file':
      return `imported from ${origin.name}`;
    case 'template':
      return 'started from a template';
    case 'copy':
      return 'a copy';
  }
}

interface Props {
  items: readonly MyScenario[];
  currentId?: string;
  onOpen: (id: string) => void;
  onRename: (id: string, name: string) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string) => void;
}

function Row({ item, current, onOpen, onRename, onDuplicate, onDelete }: { item: MyScenario; current: boolean } & Omit<Props, 'items' | 'currentId'>) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(item.name);
  const finish = (save: boolean) => {
    if (save && name.trim()) onRename(item.id, name);
    else setName(item.name);
    setEditing(false);
  };
  return (
    <li className={`library__item my__item${current ? ' is-current' : ''}`}>
      {editing ? (
        <form
          className="my__rename"
          onSubmit={(e) => {
            e.preventDefault();
            finish(true);
          }}
        >
          <label className="control">
            <span>New name</span>
            <input value={name} maxLength={120} autoFocus onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && finish(false)} />
          </label>
          <button type="submit" className="btn btn--small">
            Save name
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => finish(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <a
          href={withBase(`/simulator/?mine=${encodeURIComponent(item.id)}`)}
          aria-current={current ? 'true' : undefined}
          onClick={(ev) => {
            if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
            ev.preventDefault();
            onOpen(item.id);
          }}
        >
          {item.name}
        </a>
      )}
      <p className="library__meta">
        {originText(item.origin)}
        {item.text !== item.original ? ' · edited' : ''}
        {item.held !== undefined ? ' · has text set aside after a failure' : ''}
      </p>
      <div className="my__actions">
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setEditing(true)} aria-label={`Rename ${item.name}`}>
          Rename
        </button>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => onDuplicate(item.id)} aria-label={`Duplicate ${item.name}`}>
          Duplicate
        </button>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => onDelete(item.id)} aria-label={`Delete ${item.name}`}>
          Delete
        </button>
      </div>
    </li>
  );
}

/** "My scenarios": the user's own scenarios (edits of built-ins, imports, links, templates). */
export function MyScenarios({ items, currentId, ...actions }: Props) {
  return (
    <div className="my">
      <h3 className="library__templates-title">My scenarios</h3>
      {items.length === 0 ? (
        <p className="muted small">None yet. Edit a built-in scenario, import a file or start from a template, and it is kept here (in this browser only).</p>
      ) : (
        <ul className="library__list">
          {items.map((item) => (
            <Row key={item.id} item={item} current={item.id === currentId} {...actions} />
          ))}
        </ul>
      )}
    </div>
  );
}
