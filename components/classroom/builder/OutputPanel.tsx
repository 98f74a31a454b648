'use client';

import { useRef } from 'react';
import { type LessonIssue } from '@/lib/lessons/schema';
import { withBase } from '@/lib/content/basePath';
import { HiddenFileInput } from '@/components/layout/HiddenFileInput';
import { StatusRow } from './StatusRow';
import { type LessonDraftApi } from './useLessonDraft';

function issueText(i: LessonIssue): string {
  return `${i.path}${i.line ? ` (line ${i.line}${i.column ? `, column ${i.column}` : ''})` : ''}: ${i.message}`;
}

/** What is left to fix, then present, export, import, share and print the lesson. */
export function OutputPanel({ api }: { api: LessonDraftApi }) {
  const { check, starter, presentHref, handoutHref, onExport, onImport, onShare, importIssues, share, setStatus } = api;
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <section className="cr-panel" aria-labelledby="out-h">
      <h2 id="out-h">Check, export and share</h2>
      {check.ok && !starter.length ? (
        <p className="cr-ok">Ready to present: {check.value.slides.length} {check.value.slides.length === 1 ? 'slide' : 'slides'}.</p>
      ) : check.ok ? (
        <div className="cr-issues-box" data-testid="starter-text">
          <p>Valid, but this is still the builder’s starting text; write your own before the room sees it:</p>
          <ul className="cr-issues">
            {starter.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="cr-issues-box">
          <p>Fix these before exporting or sharing:</p>
          <ul className="cr-issues">
            {check.error.map((i, n) => (
              <li key={n}>
                <code>{i.path}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="cr-row">
        {presentHref && (
          <a className="btn btn--primary" href={withBase(presentHref)}>
            Present this lesson
          </a>
        )}
        <button type="button" className="btn btn--primary" onClick={onExport} disabled={!check.ok}>
          Export JSON file
        </button>
        <button id="import-button" type="button" className="btn" onClick={() => fileRef.current?.click()}>
          Import JSON file…
        </button>
        <HiddenFileInput inputRef={fileRef} id="import-file" accept=".json,application/json" label="Lesson file to import" onFile={(file) => void onImport(file)} />
        <button type="button" className="btn" onClick={onShare} disabled={!check.ok}>
          Make a share link
        </button>
        {handoutHref && (
          <a className="btn" href={withBase(handoutHref)}>
            Handout
          </a>
        )}
      </div>
      {importIssues && (
        <div className="cr-issues-box cr-issues-box--error" role="alert">
          <p>
            <strong>Not imported: the file is not a valid lesson.</strong> Your draft is unchanged.
          </p>
          <ul className="cr-issues" data-testid="import-issues">
            {importIssues.map((i, n) => (
              <li key={n}>{issueText(i)}</li>
            ))}
          </ul>
        </div>
      )}
      {share && (
        <div className="cr-share cr-share--builder">
          <label htmlFor="share-link">Share link (the whole lesson travels in the link)</label>
          <div className="cr-share__row">
            <input id="share-link" readOnly value={share} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn" onClick={() => void navigator.clipboard?.writeText(share).then(() => setStatus('Link copied.'), () => undefined)}>
              Copy
            </button>
            <a className="btn btn--primary" href={share}>
              Present from the link
            </a>
          </div>
        </div>
      )}
      <StatusRow where="out" api={api} />
    </section>
  );
}
