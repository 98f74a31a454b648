'use client';

import { type CSSProperties, type ReactNode, type RefObject } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { type PresenterStore } from '@/lib/stores/presenterStore';
import { SlideView, type SlideMode } from './SlideView';

/**
 * The projected area: the current slide at the chosen type scale and contrast, and the
 * blank screen over it. Goes full screen as a whole (with its overlays inside).
 */
export function Deck({
  store,
  missing,
  mode,
  deckRef,
  children,
  choice,
  onChoose,
}: {
  store: StoreApi<PresenterStore>;
  missing: readonly string[];
  mode: SlideMode;
  deckRef: RefObject<HTMLDivElement | null>;
  children?: ReactNode;
  choice?: number;
  onChoose?: (i: number) => void;
}) {
  const lesson = useStore(store, (s) => s.lesson);
  const position = useStore(store, (s) => s.position);
  const digests = useStore(store, (s) => s.digests);
  const blank = useStore(store, (s) => s.blank);
  const contrast = useStore(store, (s) => s.contrast);
  const scale = useStore(store, (s) => s.scale);
  const slide = lesson.slides[position.slide];
  return (
    <div ref={deckRef} className={`cr-deck cr-deck--${mode}`} data-contrast={contrast ? 'high' : undefined} style={{ '--cr-scale': scale } as CSSProperties}>
      <div className="cr-stage">
        {slide && (
          <SlideView
            key={position.slide}
            slide={slide}
            index={position.slide}
            count={lesson.slides.length}
            lesson={lesson}
            reveal={position.reveal}
            digests={digests}
            missing={missing}
            mode={mode}
            choice={choice}
            onChoose={onChoose}
          />
        )}
      </div>
      {blank && (
        <div className="cr-blank" data-testid="blank-screen">
          {mode === 'present' ? <p>Screen blanked. Press B to show the slide.</p> : <p className="visually-hidden">The screen is blank for now.</p>}
        </div>
      )}
      {children}
    </div>
  );
}
