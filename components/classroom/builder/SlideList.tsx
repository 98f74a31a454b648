'use client';

import { useState } from 'react';
import { type CatalogEntry } from '@/lib/lessons/digest';
import { addSlide, newSlide, removeSlide, updateSlide } from '@/lib/lessons/draft';
import { lessonLimits, slideKinds } from '@/lib/lessons/schema';
import { kindLabel, SlideEditor, slideLabel, type LabChoice } from './SlideEditor';
import { type LessonDraftApi } from './useLessonDraft';

/** The slides in order, each with its form; reordered by buttons or by dragging; new slides of each kind. */
export function SlideList({ api, catalog, labs }: { api: LessonDraftApi; catalog: readonly CatalogEntry[]; labs: readonly LabChoice[] }) {
  const { draft, edit, move } = api;
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  return (
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
  );
}
