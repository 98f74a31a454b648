'use client';

import { useEffect, useRef } from 'react';
import { labFrame, slideTitle, type DigestMap, type LabMap } from '@/lib/lessons/deck';
import { labHref, type LabDigest } from '@/lib/lessons/labDigest';
import { noteHref } from '@/lib/lessons/notes';
import { type Lesson, type QuestionSlide, type Slide } from '@/lib/lessons/schema';
import { QrCode } from './QrCode';
import { missingLab } from './useDigests';
import { GateStepper } from './GateStepper';
import { InlineText, RichText } from './RichText';
import { LabBrief, LabSolution } from './LabParts';
import { withBase } from '@/lib/content/basePath';

/** Option letter: A, B, C… */
export const letter = (i: number) => String.fromCharCode(65 + i);

/**
 * A question: the stem and options; on reveal the right option is marked and explained.
 * In student mode each person picks an option first (`choice`, `onChoose`).
 */
export function QuestionView({ slide, revealed, choice, onChoose, name }: { slide: QuestionSlide; revealed: boolean; choice?: number; onChoose?: (i: number) => void; name?: string }) {
  return (
    <div className="cr-question">
      <p className="cr-question__stem">
        <InlineText text={slide.stem} />
      </p>
      {onChoose ? (
        <fieldset className="cr-options cr-options--choose">
          <legend className="visually-hidden">Your prediction</legend>
          {slide.options.map((o, i) => (
            <label key={i} className={`cr-option${revealed && i === slide.answer ? ' cr-option--right' : ''}${revealed && i === choice && i !== slide.answer ? ' cr-option--wrong' : ''}`}>
              <input type="radio" name={name ?? 'prediction'} checked={choice === i} onChange={() => onChoose(i)} disabled={revealed} />
              <span className="cr-option__letter" aria-hidden="true">
                {letter(i)}
              </span>
              <span>
                <InlineText text={o.text} />
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <ol className="cr-options" type="A">
          {slide.options.map((o, i) => (
            <li key={i} className={`cr-option${revealed ? (i === slide.answer ? ' cr-option--right' : ' cr-option--dim') : ''}`}>
              <span className="cr-option__letter" aria-hidden="true">
                {letter(i)}
              </span>
              <span>
                <InlineText text={o.text} />
                {revealed && i === slide.answer && <span className="cr-option__tag"> — the answer</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {revealed ? (
        <div className="cr-explanation">
          {choice !== undefined && <p className="cr-explanation__verdict">{choice === slide.answer ? 'Right.' : `Not quite: the answer is ${letter(slide.answer)}.`}</p>}
          <RichText text={slide.explanation} />
          {slide.proof && (
            <p className="cr-proof">
              Checked by the simulator: scenario <code>{slide.proof.scenario}</code>, step <code>{slide.proof.step}</code>.
            </p>
          )}
        </div>
      ) : (
        !onChoose && <p className="cr-hold">Predict, then reveal (R).</p>
      )}
    </div>
  );
}

/**
 * A lab for the room: title, idea, goal lines and briefing, a link (and QR code) to solve it at
 * /labs/<id>/; each reveal shows the next hint, the last one the solution.
 */
export function LabView({ lab, reveal, missing, mode }: { lab: LabDigest | undefined; reveal: number; missing: boolean; mode: SlideMode }) {
  // What was just revealed sits under the briefing: bring it into view (no smooth scroll, so reduced motion holds).
  const newest = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (reveal > 0) newest.current?.scrollIntoView?.({ block: 'nearest' });
  }, [reveal]);
  if (!lab) return missing ? <p className="cr-problem">This lab could not be loaded.</p> : <p className="cr-loading">Loading the lab…</p>;
  const f = labFrame(lab, reveal);
  const href = withBase(labHref(lab.id));
  const absolute = typeof window === 'undefined' ? href : new URL(href, window.location.origin).href;
  return (
    <div className="cr-lab">
      <div className="cr-lab__main">
        <LabBrief lab={lab} />
        {f.hints > 0 && (
          <ol className="cr-lab__hints" aria-label="Hints">
            {lab.hints.slice(0, f.hints).map((h, i) => (
              <li key={i} ref={!f.solution && i === f.hints - 1 ? (el) => void (newest.current = el) : undefined}>
                <InlineText text={h} />
              </li>
            ))}
          </ol>
        )}
        {f.solution ? (
          <div className="cr-explanation cr-lab__solution" ref={(el) => void (newest.current = el)}>
            <h3 className="cr-lab__sub">Solution</h3>
            <LabSolution lab={lab} />
          </div>
        ) : (
          mode !== 'student' && <p className="cr-hold">Solve it, then reveal a hint (R): {lab.hints.length - f.hints} hint{lab.hints.length - f.hints === 1 ? '' : 's'} left before the solution.</p>
        )}
      </div>
      <aside className="cr-lab__link" aria-label="Solve this lab">
        <p>
          Solve it at <a href={href}>{absolute}</a>
        </p>
        {mode !== 'student' && <QrCode text={absolute} label={`QR code of the link to the lab ${lab.title}`} testId="lab-qr" />}
      </aside>
    </div>
  );
}

/** Which page renders the slide: the presenter, the projector window, a student, or print. */
export type SlideMode = 'present' | 'audience' | 'student';

/** One slide at a reveal value. Presenter notes are never rendered here. */
export function SlideView({
  slide,
  index,
  count,
  lesson,
  reveal,
  digests,
  labs = {},
  missing,
  mode,
  choice,
  onChoose,
}: {
  slide: Slide;
  index: number;
  count: number;
  /** The whole lesson, so a question slide is titled "Question 2 of 3". */
  lesson?: Pick<Lesson, 'slides'>;
  reveal: number;
  digests: DigestMap;
  /** Loaded lab digests, for a lab slide. */
  labs?: LabMap;
  missing: readonly string[];
  mode: SlideMode;
  choice?: number;
  onChoose?: (i: number) => void;
}) {
  return (
    <section className={`cr-slide cr-slide--${slide.kind}`} aria-roledescription="slide" aria-label={`Slide ${index + 1} of ${count}`}>
      <p className="cr-slide__kicker">
        {index + 1} / {count} · {slide.kind === 'note' ? 'Note' : slide.kind === 'scenario' ? 'Scenario' : slide.kind === 'lab' ? 'Lab' : 'Question'}
      </p>
      <h2 className="cr-slide__title">{slideTitle(slide, digests, lesson, labs)}</h2>
      {slide.kind === 'note' && (
        <>
          <RichText className="cr-note" text={slide.text} />
          {slide.note && (
            <p className="cr-source">
              Read more: <a href={withBase(noteHref(slide.note.slug, slide.note.section))}>{withBase(noteHref(slide.note.slug, slide.note.section))}</a>
            </p>
          )}
        </>
      )}
      {slide.kind === 'scenario' && (
        <>
          {slide.prompt && <p className="cr-prompt">{slide.prompt}</p>}
          <GateStepper slide={slide} digest={digests[slide.scenario]} missing={missing.includes(slide.scenario)} reveal={reveal} />
        </>
      )}
      {slide.kind === 'lab' && <LabView lab={labs[slide.lab]} reveal={reveal} missing={missing.includes(missingLab(slide.lab))} mode={mode} />}
      {slide.kind === 'question' && <QuestionView slide={slide} revealed={reveal > 0} choice={choice} onChoose={onChoose} name={`q-${index}`} />}
    </section>
  );
}
