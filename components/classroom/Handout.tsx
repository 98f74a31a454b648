'use client';

import { Link } from '@/components/layout/Link';
import { useEffect, useState } from 'react';
import { slideSteps, slideTitle } from '@/lib/lessons/deck';
import { type ScenarioDigest } from '@/lib/lessons/digest';
import { labHref, type LabDigest } from '@/lib/lessons/labDigest';
import { noteHref } from '@/lib/lessons/notes';
import { type Lesson } from '@/lib/lessons/schema';
import { StepPanel } from './GateStepper';
import { LessonProblem, NoLesson } from './LessonStates';
import { useLessonFromUrl } from './lessonSource';
import { InlineText, RichText } from './RichText';
import { LabBrief, LabSolution } from './LabParts';
import { handoutStepKey, repeatedPolicies, repeatedReasons } from '@/lib/lessons/handout';
import { letter } from './SlideView';
import { loadLessonDigests, missingLab } from './useDigests';
import { withBase } from '@/lib/content/basePath';

/** A site path as the full URL a reader of the printed page can type (the handout renders in the browser only). */
const absoluteUrl = (path: string) => (typeof window === 'undefined' ? withBase(path) : new URL(withBase(path), window.location.origin).href);

/** A printable handout: every slide in full, every check of every scenario step, answers at the end. */
export function HandoutApp({ lessons }: { lessons: readonly Lesson[] }) {
  const source = useLessonFromUrl(lessons);
  if (source.kind === 'loading')
    return (
      <div className="container cr-page">
        <h1>Handout</h1>
        <p className="cr-loading">Loading the lesson…</p>
      </div>
    );
  if (source.kind === 'none') return <NoLesson title="Print a handout" lessons={lessons} view="handout" />;
  if (source.kind === 'error') return <LessonProblem issues={source.issues} />;
  return <Handout lesson={source.lesson} />;
}

function Handout({ lesson }: { lesson: Lesson }) {
  const [digests, setDigests] = useState<Record<string, ScenarioDigest>>({});
  const [labs, setLabs] = useState<Record<string, LabDigest>>({});
  const [missing, setMissing] = useState<string[]>([]);
  useEffect(
    () =>
      loadLessonDigests(lesson, {
        scenario: (d, id) => setDigests((m) => ({ ...m, [id]: d })),
        lab: (l, id) => setLabs((m) => ({ ...m, [id]: l })),
        missing: (id) => setMissing((m) => (m.includes(id) ? m : [...m, id])),
      }),
    [lesson],
  );
  // A trust policy already printed is referred to, not printed again (a lesson fits on about four pages).
  const repeated = repeatedPolicies(lesson, digests);
  // So are check reasons an earlier step of the same slide printed word for word.
  const reasons = repeatedReasons(lesson, digests);
  const questions = lesson.slides.flatMap((s, i) => (s.kind === 'question' ? [{ s, i }] : []));
  const labSlides = lesson.slides.flatMap((s, i) => (s.kind === 'lab' && labs[s.lab] ? [{ lab: labs[s.lab]!, i }] : []));
  return (
    <article className="container cr-page cr-handout">
      <p className="eyebrow">Handout</p>
      <h1>{lesson.title}</h1>
      <p className="lede">{lesson.summary}</p>
      <p className="cr-handout__actions">
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          Print
        </button>
        <Link href="/classroom/">Back to the classroom</Link>
      </p>
      <ol className="cr-handout__slides">
        {lesson.slides.map((slide, i) => (
          <li key={i} className={`cr-handout__slide cr-handout__slide--${slide.kind}`}>
            <h2>
              {i + 1}. {slideTitle(slide, digests, lesson, labs)}
            </h2>
            {slide.kind === 'note' && (
              <>
                <RichText text={slide.text} />
                {slide.note && (
                  <p className="cr-source">
                    Study note: <a href={withBase(noteHref(slide.note.slug, slide.note.section))}>{absoluteUrl(noteHref(slide.note.slug, slide.note.section))}</a>
                  </p>
                )}
              </>
            )}
            {slide.kind === 'scenario' && (
              <>
                {slide.prompt && <p className="cr-prompt">{slide.prompt}</p>}
                {missing.includes(slide.scenario) && <p className="cr-problem">The scenario “{slide.scenario}” could not be loaded.</p>}
                {!digests[slide.scenario] && !missing.includes(slide.scenario) && <p className="cr-loading">Loading the scenario…</p>}
                {slideSteps(slide, digests[slide.scenario]).map((step, n, all) => (
                  <StepPanel key={step.id} step={step} index={n} count={all.length} gates={step.trace.length} outcome full policyPrinted={repeated.get(handoutStepKey(i, step.id))} printedReasons={reasons.get(handoutStepKey(i, step.id))} />
                ))}
              </>
            )}
            {slide.kind === 'question' && (
              <>
                <p className="cr-question__stem">
                  <InlineText text={slide.stem} />
                </p>
                <ol className="cr-handout__options" type="A">
                  {slide.options.map((o, n) => (
                    <li key={n}>
                      <InlineText text={o.text} />
                    </li>
                  ))}
                </ol>
                <p className="muted">Answer at the end of the handout.</p>
              </>
            )}
            {slide.kind === 'lab' && (
              <>
                {missing.includes(missingLab(slide.lab)) && <p className="cr-problem">The lab “{slide.lab}” could not be loaded.</p>}
                {!labs[slide.lab] && !missing.includes(missingLab(slide.lab)) && <p className="cr-loading">Loading the lab…</p>}
                {labs[slide.lab] && (
                  <>
                    <LabBrief lab={labs[slide.lab]!} />
                    <p className="cr-source">
                      Solve it at <a href={withBase(labHref(slide.lab))}>{absoluteUrl(labHref(slide.lab))}</a>
                    </p>
                    <p className="muted">Hints and a solution at the end of the handout.</p>
                  </>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {questions.length > 0 && (
        <section className="cr-handout__answers" aria-labelledby="answers">
          <h2 id="answers">Answers</h2>
          <ol>
            {questions.map(({ s, i }) => (
              <li key={i}>
                <p>
                  <strong>
                    Slide {i + 1}: {letter(s.answer)}. <InlineText text={s.options[s.answer]?.text ?? ''} />
                  </strong>
                </p>
                <RichText text={s.explanation} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {labSlides.length > 0 && (
        <section className="cr-handout__answers" aria-labelledby="lab-hints">
          <h2 id="lab-hints">Lab hints and solutions</h2>
          <ol>
            {labSlides.map(({ lab, i }) => (
              <li key={i}>
                <p>
                  <strong>
                    Slide {i + 1}: {lab.title}
                  </strong>
                </p>
                <ol>
                  {lab.hints.map((h, n) => (
                    <li key={n}>
                      Hint: <InlineText text={h} />
                    </li>
                  ))}
                </ol>
                <p>Solution:</p>
                <LabSolution lab={lab} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
