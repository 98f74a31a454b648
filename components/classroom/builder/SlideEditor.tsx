'use client';

import { type CatalogEntry } from '@/lib/lessons/digest';
import { noteSections } from '@/lib/lessons/notes';
import { lessonLimits, type LabSlide, type QuestionSlide, type ScenarioSlide, type Slide } from '@/lib/lessons/schema';
import { starterText } from '@/lib/lessons/draft';
import { letter } from '../SlideView';

/** What each kind of slide is called in the builder. */
export const kindLabel: Record<Slide['kind'], string> = { note: 'Note', scenario: 'Scenario', question: 'Question', lab: 'Lab' };

/** A lab the builder offers. */
export interface LabChoice {
  id: string;
  title: string;
}

/** Text field with a visible label. */
export function Field({ id, label, value, onChange, multiline, rows = 3, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; multiline?: boolean; rows?: number; hint?: string }) {
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

/** The form for one slide: its kind's fields, then the presenter notes. */
export function SlideEditor({ slide, index, catalog, labs, onChange }: { slide: Slide; index: number; catalog: readonly CatalogEntry[]; labs: readonly LabChoice[]; onChange: (s: Slide) => void }) {
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

/** A slide's name in the list: its title, scenario, lab or question. */
export function slideLabel(s: Slide): string {
  if (s.kind === 'note') return s.title || 'Untitled note';
  if (s.kind === 'scenario') return s.title || s.scenario;
  if (s.kind === 'lab') return s.lab;
  return s.stem || 'Untitled question';
}
