'use client';

import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { type CatalogEntry } from '@/lib/lessons/digest';
import { addSlide, DRAFT_ASIDE_KEY, DRAFT_KEY, draftKey, emptyDraft, exportFileName, loadDraft, moveSlide, newSlide, placeholders, removeSlide, starterText, updateSlide, type LessonDraft } from '@/lib/lessons/draft';
import { downloadText } from '@/components/simulator/SimFailed';
import { encodeLesson } from '@/lib/lessons/link';
import { classroomHref } from '@/lib/lessons/location';
import { noteSections } from '@/lib/lessons/notes';
import { lessonLimits, parseLesson, slideKinds, type Lesson, type LessonIssue, type LabSlide, type QuestionSlide, type ScenarioSlide, type Slide } from '@/lib/lessons/schema';
import { letter } from './SlideView';
import { withBase } from '@/lib/content/basePath';

const kindLabel: Record<Slide['kind'], string> = { note: 'Note', scenario: 'Scenario', question: 'Question', lab: 'Lab' };

/** A lab the builder offers. */
export interface LabChoice {
  id: string;
  title: string;
}

function issueText(i: LessonIssue): string {
  return `${i.path}${i.line ? ` (line ${i.line}${i.column ? `, column ${i.column}` : ''})` : ''}: ${i.message}`;
}

/** Text field with a visible label. */
function Field({ id, label, value, onChange, multiline, rows = 3, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; multiline?: boolean; rows?: number; hint?: string }) {
  return (
    <div className="cr-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="cr-field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      ) : (
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      )}
    </div>
  );
}

function NoteEditor({ slide, id, onChange }: { slide: Extract<Slide, { kind: 'note' }>; id: string; onChange: (s: Slide) => void }) {
  const ref = slide.note ? `${slide.note.slug}#${slide.note.section ?? ''}` : '';
  return (
    <>
      <Field id={`${id}-title`} label="Slide title" value={slide.title ?? ''} onChange={(title) => onChange({ ...slide, title })} />
      <Field id={`${id}-text`} label="Text" hint="Blank lines between paragraphs; “- ” starts a list item; **bold**, *italic*, `code`." value={slide.text ?? ''} onChange={(text) => onChange({ ...slide, text })} multiline rows={6} />
      <div className="cr-field">
        <label htmlFor={`${id}-note`}>Study note it comes from</label>
        <select
          id={`${id}-note`}
          value={ref}
          onChange={(e) => {
            const [slug = '', section] = e.target.value.split('#');
            const { note: _omit, ...rest } = slide;
            onChange(slug ? { ...rest, note: section ? { slug, section } : { slug } } : rest);
          }}
        >
          <option value="">None</option>
          {noteSections.map((n) => (
            <option key={`${n.slug}#${n.section}`} value={`${n.slug}#${n.section}`}>
              {n.slug} › {n.section}
            </option>
          ))}
          {slide.note && !noteSections.some((n) => `${n.slug}#${n.section}` === ref) && <option value={ref}>{ref}</option>}
        </select>
      </div>
    </>
  );
}

function ScenarioEditor({ slide, id, catalog, onChange }: { slide: ScenarioSlide; id: string; catalog: readonly CatalogEntry[]; onChange: (s: Slide) => void }) {
  const entry = catalog.find((c) => c.id === slide.scenario);
  const steps = slide.steps ?? [];
  return (
    <>
      <div className="cr-field">
        <label htmlFor={`${id}-scenario`}>Scenario</label>
        <select id={`${id}-scenario`} value={slide.scenario} onChange={(e) => onChange({ ...slide, scenario: e.target.value, steps: catalog.find((c) => c.id === e.target.value)?.steps.slice(0, 1).map((s) => s.id) ?? [] })}>
          {!entry && <option value={slide.scenario}>{slide.scenario} (unknown)</option>}
          {catalog.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="cr-field cr-steps">
        <legend>Steps to walk through, gate by gate (up to {lessonLimits.steps})</legend>
        {entry?.steps.map((st) => (
          <label key={st.id} className="cr-check">
            <input
              type="checkbox"
              checked={steps.includes(st.id)}
              onChange={(e) => {
                const chosen = e.target.checked ? [...steps, st.id] : steps.filter((x) => x !== st.id);
                onChange({ ...slide, steps: entry.steps.map((x) => x.id).filter((x) => chosen.includes(x)) });
              }}
            />
            <code>{st.id}</code> {st.label} → {st.outcome}
          </label>
        ))}
      </fieldset>
      <Field
        id={`${id}-title`}
        label="Slide title (optional; otherwise the scenario’s)"
        value={slide.title ?? ''}
        onChange={(title) => {
          const { title: _t, ...rest } = slide;
          onChange(title ? { ...rest, title } : rest);
        }}
      />
      <Field
        id={`${id}-prompt`}
        label="Question to the room before the first check (optional)"
        value={slide.prompt ?? ''}
        onChange={(prompt) => {
          const { prompt: _p, ...rest } = slide;
          onChange(prompt ? { ...rest, prompt } : rest);
        }}
        multiline
        rows={2}
      />
    </>
  );
}

function LabEditor({ slide, id, labs, onChange }: { slide: LabSlide; id: string; labs: readonly LabChoice[]; onChange: (s: Slide) => void }) {
  return (
    <div className="cr-field">
      <label htmlFor={`${id}-lab`}>Lab</label>
      <span className="cr-field__hint" id={`${id}-lab-hint`}>
        The slide shows its idea, goal and briefing with a link for the room; R reveals its hints, then its solution.
      </span>
      <select id={`${id}-lab`} value={slide.lab} aria-describedby={`${id}-lab-hint`} onChange={(e) => onChange({ ...slide, lab: e.target.value })}>
        {!labs.some((l) => l.id === slide.lab) && <option value={slide.lab}>{slide.lab} (unknown)</option>}
        {labs.map((l) => (
          <option key={l.id} value={l.id}>
            {l.title}
          </option>
        ))}
      </select>
    </div>
  );
}

function QuestionEditor({ slide, id, onChange }: { slide: QuestionSlide; id: string; onChange: (s: Slide) => void }) {
  const options = slide.options ?? [];
  return (
    <>
      <Field id={`${id}-stem`} label="Question" value={slide.stem ?? ''} onChange={(stem) => onChange({ ...slide, stem })} multiline rows={2} />
      <fieldset className="cr-field cr-opts">
        <legend>Options (choose the right one)</legend>
        {options.map((o, n) => (
          <div key={n} className="cr-opt">
            <input type="radio" id={`${id}-right-${n}`} name={`${id}-right`} checked={slide.answer === n} onChange={() => onChange({ ...slide, answer: n })} />
            <label htmlFor={`${id}-right-${n}`} className="cr-opt__letter">
              {letter(n)}
              <span className="visually-hidden"> is the right answer</span>
            </label>
            <label htmlFor={`${id}-opt-${n}`} className="visually-hidden">
              Option {letter(n)}
            </label>
            <input id={`${id}-opt-${n}`} value={o.text ?? ''} onChange={(e) => onChange({ ...slide, options: options.map((x, k) => (k === n ? { ...x, text: e.target.value } : x)) })} />
            <button
              type="button"
              className="btn btn--small"
              aria-label={`Remove option ${letter(n)}`}
              disabled={options.length <= 2}
              onClick={() => onChange({ ...slide, options: options.filter((_, k) => k !== n), answer: slide.answer > n ? slide.answer - 1 : slide.answer === n ? 0 : slide.answer })}
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="btn btn--small" disabled={options.length >= lessonLimits.options} onClick={() => onChange({ ...slide, options: [...options, { text: starterText.option }] })}>
          Add an option
        </button>
      </fieldset>
      <Field id={`${id}-explanation`} label="Explanation, shown with the answer" value={slide.explanation ?? ''} onChange={(explanation) => onChange({ ...slide, explanation })} multiline rows={3} />
      {slide.proof && (
        <p className="cr-field__hint">
          Proved by scenario <code>{slide.proof.scenario}</code>, step <code>{slide.proof.step}</code> (kept from the imported file).
        </p>
      )}
    </>
  );
}

function SlideEditor({ slide, index, catalog, labs, onChange }: { slide: Slide; index: number; catalog: readonly CatalogEntry[]; labs: readonly LabChoice[]; onChange: (s: Slide) => void }) {
  const id = `slide-${index}`;
  return (
    <div className="cr-editor">
      {slide.kind === 'note' && <NoteEditor slide={slide} id={id} onChange={onChange} />}
      {slide.kind === 'scenario' && <ScenarioEditor slide={slide} id={id} catalog={catalog} onChange={onChange} />}
      {slide.kind === 'question' && <QuestionEditor slide={slide} id={id} onChange={onChange} />}
      {slide.kind === 'lab' && <LabEditor slide={slide} id={id} labs={labs} onChange={onChange} />}
      <Field
        id={`${id}-notes`}
        label="Presenter notes (only you see these)"
        value={slide.notes ?? ''}
        onChange={(notes) => {
          const { notes: _n, ...rest } = slide;
          onChange((notes ? { ...rest, notes } : rest) as Slide);
        }}
        multiline
        rows={2}
      />
    </div>
  );
}

function slideLabel(s: Slide): string {
  if (s.kind === 'note') return s.title || 'Untitled note';
  if (s.kind === 'scenario') return s.title || s.scenario;
  if (s.kind === 'lab') return s.lab;
  return s.stem || 'Untitled question';
}

/** The lesson builder: edit, reorder, validate, export, import and share a lesson. */
export function Builder({ catalog, lessons, labs = [] }: { catalog: readonly CatalogEntry[]; lessons: readonly Lesson[]; labs?: readonly LabChoice[] }) {
  const [draft, setDraft] = useState<LessonDraft>(emptyDraft);
  const [loaded, setLoaded] = useState(false);
  const [importIssues, setImportIssues] = useState<LessonIssue[] | null>(null);
  const [status, setStatus] = useState('');
  const [share, setShare] = useState('');
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [start, setStart] = useState(lessons[0]?.id ?? '');
  // The last exported or imported draft: replacing it loses nothing.
  const [savedKey, setSavedKey] = useState<string | null>(null);
  // A replacement waiting for the teacher's go-ahead, and the draft an Undo brings back.
  const [pending, setPending] = useState<{ next: LessonDraft; message: string; action: string; from: string } | null>(null);
  const [undo, setUndo] = useState<{ draft: LessonDraft; message: string; from: string } | null>(null);
  const [notice, setNotice] = useState<{ text: string; from: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const check = useMemo(() => parseLesson(draft), [draft]);
  const encoded = useMemo(() => (check.ok ? encodeLesson(check.value) : ''), [check]);
  const handoutHref = encoded ? classroomHref('handout', { encoded }) : '';
  const presentHref = encoded ? classroomHref('present', { encoded }) : '';
  const starter = useMemo(() => placeholders(draft), [draft]);
  // Unsaved work: the draft is neither a fresh one, an untouched copy of a ready lesson, nor what was last exported or imported.
  const unsaved = useMemo(() => {
    const key = draftKey(draft);
    if (key === savedKey || key === draftKey(emptyDraft())) return false;
    return !lessons.some((l) => key === draftKey({ ...l, id: `${l.id}-copy` }));
  }, [draft, savedKey, lessons]);

  // Restore the draft once, then keep it in localStorage. A draft that cannot be opened (newer
  // format, fields of the wrong types) is copied aside untouched before a fresh one replaces it.
  const [aside, setAside] = useState<{ reason: string; text: string } | null>(null);
  useEffect(() => {
    let raw: string | null = null;
    try {
      raw = window.localStorage.getItem(DRAFT_KEY);
    } catch {
      // Storage blocked: start fresh.
    }
    const stored = loadDraft(raw);
    if (stored.kind === 'ok') setDraft(stored.draft);
    if (stored.kind === 'aside' && raw !== null) {
      try {
        const prev = window.localStorage.getItem(DRAFT_ASIDE_KEY);
        // Never overwrite an earlier set-aside draft with a different one.
        window.localStorage.setItem(prev === null || prev === raw ? DRAFT_ASIDE_KEY : `${DRAFT_ASIDE_KEY}:${Date.now()}`, raw);
      } catch {
        // Storage full: the text is still offered for download below.
      }
      setAside({ reason: stored.reason, text: raw });
    }
    setLoaded(true);
  }, []);
  useEffect(() => {
    if (!loaded) return;
    try {
      window.localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // Storage full or blocked: the draft lives until the tab closes.
    }
  }, [draft, loaded]);

  const edit = (next: LessonDraft, message = '') => {
    setDraft(next);
    setShare('');
    setUndo(null);
    setNotice(null);
    if (message) setStatus(message);
  };
  /** Replaces the whole draft, keeping the old one for Undo (offered next to the button used). */
  const replace = (next: LessonDraft, message: string, from: string) => {
    const before = draft;
    edit(next);
    setUndo({ draft: before, message, from });
  };
  const onUndo = () => {
    if (!undo) return;
    const from = undo.from;
    edit(undo.draft);
    setNotice({ text: 'Undone: your earlier draft is back.', from });
    requestAnimationFrame(() => document.getElementById(from)?.focus());
  };
  // Where a replacement is reported, with its Undo: next to the button that made it. The live
  // regions are always in the page, so screen readers hear the message when it appears.
  const placeOf = (from: string) => (from === 'import-button' ? 'out' : 'lesson');
  const undoNotice = (where: 'lesson' | 'out', extra = '') => {
    const mine = undo && placeOf(undo.from) === where ? undo : null;
    const text = mine ? mine.message : notice && placeOf(notice.from) === where ? notice.text : extra;
    return (
      <div className="cr-status-row">
        <p role="status" className="cr-status" data-testid={`status-${where}`}>
          {text}
        </p>
        {mine && (
          <button type="button" className="btn btn--small" onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
    );
  };
  /** Replaces the draft at once when nothing would be lost; otherwise asks first (in the page). */
  const replaceOrAsk = (next: LessonDraft, message: string, action: string, from: string) => {
    if (!unsaved) {
      replace(next, message, from);
      return;
    }
    setPending({ next, message, action, from });
    requestAnimationFrame(() => keepRef.current?.focus());
  };
  const closeConfirm = (go: boolean) => {
    if (!pending) return;
    if (go) replace(pending.next, pending.message, pending.from);
    else setNotice({ text: 'Your draft is unchanged.', from: pending.from });
    const from = pending.from;
    setPending(null);
    requestAnimationFrame(() => document.getElementById(from)?.focus());
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= draft.slides.length) return;
    edit(moveSlide(draft, from, to), `Slide ${from + 1} moved to position ${to + 1}.`);
    // Keep keyboard focus on the moved slide's same button.
    requestAnimationFrame(() => document.getElementById(`move-${to}-${to < from ? 'up' : 'down'}`)?.focus());
  };

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const r = parseLesson(await file.text());
    if (r.ok) {
      setImportIssues(null);
      replace(r.value, `Imported “${r.value.title}” (${r.value.slides.length} slides).`, 'import-button');
      setSavedKey(draftKey(r.value));
    } else {
      setImportIssues(r.error);
      setStatus('');
    }
  };

  const onExport = () => {
    if (!check.ok) return;
    const blob = new Blob([`${JSON.stringify(check.value, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(check.value);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setUndo(null);
    setStatus(`Exported ${a.download}.`);
    setSavedKey(draftKey(draft));
  };

  const onShare = () => {
    if (!check.ok) return;
    setShare(new URL(withBase(classroomHref('present', { encoded: encodeLesson(check.value) })), window.location.origin).href);
    setUndo(null);
    setStatus('Share link ready.');
  };

  return (
    <div className="container cr-page cr-builder">
      <p className="eyebrow">Classroom</p>
      <h1>Build a lesson</h1>
      <p className="lede">Put notes, scenarios and questions in the order you will present them. Your draft is kept in this browser.</p>
      {aside && (
        <div className="notice notice--error" role="alert">
          <p>
            Your saved draft could not be opened ({aside.reason}), so a fresh one was started. The saved draft is kept aside, unchanged, in this browser (under “{DRAFT_ASIDE_KEY}”).
          </p>
          <div className="notice__actions">
            <button type="button" className="btn btn--small" onClick={() => downloadText(aside.text, 'lesson-draft-kept-aside.json')}>
              Download the saved draft
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => setAside(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}

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
        {undoNotice('lesson')}
      </section>

      <section className="cr-panel" aria-labelledby="slides-h">
        <h2 id="slides-h">Slides ({draft.slides.length})</h2>
        <ol className="cr-slide-list">
          {draft.slides.map((slide, i) => (
            <li
              key={i}
              className={`cr-slide-item${dragFrom === i ? ' cr-slide-item--dragging' : ''}`}
              aria-label={`Slide ${i + 1}, ${kindLabel[slide.kind]}: ${slideLabel(slide)}`}
              onDragOver={(e) => {
                if (dragFrom !== null) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragFrom !== null) move(dragFrom, i);
                setDragFrom(null);
              }}
            >
              <div className="cr-slide-item__head">
                <span
                  className="cr-drag"
                  draggable
                  data-testid={`drag-${i}`}
                  title="Drag to reorder (or use Move up / Move down)"
                  onDragStart={(e) => {
                    setDragFrom(i);
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', String(i));
                  }}
                  onDragEnd={() => setDragFrom(null)}
                  aria-hidden="true"
                >
                  ⠿
                </span>
                <h3>
                  {i + 1}. {kindLabel[slide.kind]}: {slideLabel(slide)}
                </h3>
                <div className="cr-slide-item__tools">
                  <button id={`move-${i}-up`} type="button" className="btn btn--small" onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={`Move slide ${i + 1} up`}>
                    ↑ Up
                  </button>
                  <button id={`move-${i}-down`} type="button" className="btn btn--small" onClick={() => move(i, i + 1)} disabled={i === draft.slides.length - 1} aria-label={`Move slide ${i + 1} down`}>
                    ↓ Down
                  </button>
                  <button type="button" className="btn btn--small btn--danger" onClick={() => edit(removeSlide(draft, i), `Slide ${i + 1} deleted.`)} disabled={draft.slides.length <= 1} aria-label={`Delete slide ${i + 1}`}>
                    Delete
                  </button>
                </div>
              </div>
              <SlideEditor slide={slide} index={i} catalog={catalog} labs={labs} onChange={(s) => edit(updateSlide(draft, i, s))} />
            </li>
          ))}
        </ol>
        <div className="cr-row" role="group" aria-label="Add a slide">
          {slideKinds.map((k) => (
            <button key={k} type="button" className="btn" disabled={draft.slides.length >= lessonLimits.slides} onClick={() => edit(addSlide(draft, newSlide(k, catalog, labs)), `${kindLabel[k]} slide added as slide ${draft.slides.length + 1}.`)}>
              Add {kindLabel[k].toLowerCase()}
            </button>
          ))}
        </div>
      </section>

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
          <input ref={fileRef} id="import-file" type="file" accept=".json,application/json" className="visually-hidden" tabIndex={-1} aria-label="Lesson file to import" onChange={(e) => void onImport(e)} />
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
        {undoNotice('out', status)}
      </section>
    </div>
  );
}
