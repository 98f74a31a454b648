'use client';

import { type CSSProperties, type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { type PresenterStore } from '@/lib/stores/presenterStore';
import { SlideView, type SlideMode } from './SlideView';

/** The blank screen as the room sees it: black over the whole window. */
function AudienceBlank() {
  return (
    <div className="cr-blank" data-testid="blank-screen">
      <p className="visually-hidden">The screen is blank for now.</p>
    </div>
  );
}

/**
 * The presenter's blank screen: black over the whole window (it may be mirrored to the
 * projector), with one button to bring the slide back. Focus moves to that button, so it is
 * never left on a control hidden under the black layer, and returns afterwards.
 */
function PresenterBlank({ onShow }: { onShow: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    button.current?.focus();
    return () => {
      if (before?.isConnected && (document.activeElement === document.body || document.activeElement === null || !document.activeElement.isConnected)) before.focus();
    };
  }, []);
  return (
    <div className="cr-blank" data-testid="blank-screen">
      <p>Screen blanked.</p>
      <button ref={button} type="button" className="btn cr-blank__show" onClick={onShow}>
        Show the slide (B)
      </button>
    </div>
  );
}

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
  const labs = useStore(store, (s) => s.labs);
  const blank = useStore(store, (s) => s.blank);
  const contrast = useStore(store, (s) => s.contrast);
  const scale = useStore(store, (s) => s.scale);
  const slide = lesson.slides[position.slide];
  // Each slide opens at its top: its title must not start hidden under the presenter's bar.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
    const stage = deckRef.current?.querySelector('.cr-stage');
    if (stage) stage.scrollTop = 0;
  }, [position.slide, deckRef]);
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
            labs={labs}
            missing={missing}
            mode={mode}
            choice={choice}
            onChoose={onChoose}
          />
        )}
      </div>
      {blank && (mode === 'present' ? <PresenterBlank onShow={() => store.getState().toggleBlank()} /> : <AudienceBlank />)}
      {children}
    </div>
  );
}
