'use client';

import { type CatalogEntry } from '@/lib/lessons/digest';
import { DRAFT_ASIDE_KEY } from '@/lib/lessons/draft';
import { type Lesson } from '@/lib/lessons/schema';
import { downloadText } from '@/components/simulator/SimFailed';
import { LessonPanel } from './builder/LessonPanel';
import { OutputPanel } from './builder/OutputPanel';
import { SlideList } from './builder/SlideList';
import { type LabChoice } from './builder/SlideEditor';
import { useLessonDraft } from './builder/useLessonDraft';

export type { LabChoice } from './builder/SlideEditor';

/**
 * The lesson builder: edit, reorder, validate, export, import and share a lesson. The draft's
 * state and effects are in builder/useLessonDraft.ts; each panel is its own component.
 */
export function Builder({ catalog, lessons, labs = [] }: { catalog: readonly CatalogEntry[]; lessons: readonly Lesson[]; labs?: readonly LabChoice[] }) {
  const api = useLessonDraft(lessons);
  const { aside, setAside } = api;
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

      <LessonPanel api={api} lessons={lessons} />
      <SlideList api={api} catalog={catalog} labs={labs} />
      <OutputPanel api={api} />
    </div>
  );
}
