'use client';

import { useState } from 'react';
import { emptyDraft } from '@/lib/lessons/draft';
import { type Lesson } from '@/lib/lessons/schema';
import { Field } from './SlideEditor';
import { StatusRow } from './StatusRow';
import { type LessonDraftApi } from './useLessonDraft';

/** The lesson's title, link name and summary; starting from a ready lesson or afresh, asking before unsaved work is replaced. */
export function LessonPanel({ api, lessons }: { api: LessonDraftApi; lessons: readonly Lesson[] }) {
  const { draft, edit, replaceOrAsk, pending, keepRef, closeConfirm } = api;
  const [start, setStart] = useState(lessons[0]?.id ?? '');
  return (
    <section className="cr-panel" aria-labelledby="lesson-h">
      <h2 id="lesson-h">Lesson</h2>
      <div className="cr-grid">
        <Field id="lesson-title" label="Lesson title" value={draft.title ?? ''} onChange={(title) => edit({ ...draft, title })} />
        <Field
          id="lesson-id"
          label="Short name for links (lowercase-with-dashes)"
          hint="For example trust-basics; the exported file is then trust-basics.lesson.json."
          value={draft.id ?? ''}
          onChange={(id) => edit({ ...draft, id })}
        />
      </div>
      <Field id="lesson-summary" label="Lesson summary" value={draft.summary ?? ''} onChange={(summary) => edit({ ...draft, summary })} multiline rows={2} />
      <div className="cr-row">
        <label htmlFor="start-from">Start from a ready lesson</label>
        <select id="start-from" value={start} onChange={(e) => setStart(e.target.value)}>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
        <button
          id="copy-lesson"
          type="button"
          className="btn"
          onClick={() => {
            const l = lessons.find((x) => x.id === start);
            if (l) replaceOrAsk({ ...l, id: `${l.id}-copy` }, `Copied “${l.title}” into the draft.`, `Copy “${l.title}” into the draft`, 'copy-lesson');
          }}
        >
          Copy into the draft
        </button>
        <button id="new-lesson" type="button" className="btn" onClick={() => replaceOrAsk(emptyDraft(), 'Started a new lesson.', 'Start a new empty lesson', 'new-lesson')}>
          New empty lesson
        </button>
      </div>
      {pending && (
        <div
          className="cr-confirm"
          role="alertdialog"
          aria-labelledby="confirm-h"
          aria-describedby="confirm-d"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              closeConfirm(false);
            }
          }}
        >
          <p id="confirm-h" className="cr-confirm__title">
            Replace your draft?
          </p>
          <p id="confirm-d">
            {pending.action}: this replaces “{draft.title || 'Untitled lesson'}” ({draft.slides.length} {draft.slides.length === 1 ? 'slide' : 'slides'}), which has changes you have not exported.
          </p>
          <div className="cr-row">
            <button ref={keepRef} type="button" className="btn" onClick={() => closeConfirm(false)}>
              Keep my draft
            </button>
            <button type="button" className="btn btn--danger" onClick={() => closeConfirm(true)}>
              Replace the draft
            </button>
          </div>
        </div>
      )}
      <StatusRow where="lesson" api={api} />
    </section>
  );
}
