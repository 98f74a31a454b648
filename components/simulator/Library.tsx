'use client';

import { useId, useMemo, useState } from 'react';
import type { ScenarioIndexEntry } from '@/lib/content/scenarioIndex';
import { templates, type ScenarioTemplate } from '@/lib/simulator/templates';
import { InlineMarkdown, plainMarkdown } from './InlineMarkdown';
import { withBase } from '@/lib/content/basePath';

interface Props {
  index: readonly ScenarioIndexEntry[];
  currentId?: string;
  onOpen: (id: string) => void;
  onTemplate: (t: ScenarioTemplate) => void;
}

/** Lower-case words of a query. */
const terms = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * Filters the index by a search query (every word must appear in the title, summary, id, tags
 * or calls) and a tag.
 * @example filterScenarios(index, 'mfa chain', '')
 */
export function filterScenarios(index: readonly ScenarioIndexEntry[], query: string, tag: string): ScenarioIndexEntry[] {
  const words = terms(query);
  return index.filter((e) => {
    if (tag && !e.tags.includes(tag)) return false;
    const hay = `${e.title} ${e.summary} ${e.id} ${e.tags.join(' ')} ${e.calls.join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** The scenario library: search, tag filter, the built-in scenarios, and templates. */
export function Library({ index, currentId, onOpen, onTemplate }: Props) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const id = useId();
  const tags = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of index) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [index]);
  const found = filterScenarios(index, query, tag);
  return (
    <div className="library">
      <div className="library__filters" role="search">
        <label className="control">
          <span>Search scenarios</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="mfa, chaining, AccessDenied…" />
        </label>
        <label className="control">
          <span>Tag</span>
          <select value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {tags.map(([t, n]) => (
              <option key={t} value={t}>
                {t} ({n})
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="library__count" role="status" id={`${id}-count`}>
        {found.length === index.length ? `${index.length} scenarios` : `${found.length} of ${index.length} scenarios`}
      </p>
      <ul className="library__list" aria-describedby={`${id}-count`}>
        {found.map((e) => (
          <li key={e.id} className={`library__item${e.id === currentId ? ' is-current' : ''}`}>
            <a
              href={withBase(`/simulator/?scenario=${e.id}`)}
              aria-current={e.id === currentId ? 'true' : undefined}
              onClick={(ev) => {
                if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
                ev.preventDefault();
                onOpen(e.id);
              }}
            >
              <InlineMarkdown text={e.title} />
            </a>
            {e.summary && <p className="library__summary">{plainMarkdown(e.summary)}</p>}
            <p className="library__meta">
              {e.stepCount} steps · {e.calls.join(', ') || 'requests only'}
            </p>
            {e.tags.length > 0 && (
              <ul className="tags" aria-label="Tags">
                {e.tags.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {found.length === 0 && <p className="muted">No scenario matches. Try fewer words or another tag.</p>}
      <h3 className="library__templates-title">Start from a template</h3>
      <ul className="library__templates">
        {templates.map((t) => (
          <li key={t.id}>
            <button type="button" className="btn" onClick={() => onTemplate(t)}>
              {t.title}
            </button>
            <p>{t.description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
