'use client';

import { useId, type Ref } from 'react';
import { displayOptions } from '@/lib/quiz/display';
import { difficultyLabels, topicLabels } from '@/lib/quiz/topics';
import type { Exhibit, Question } from '@/lib/quiz/types';
import { InlineText as Inline, RichText } from '@/components/classroom/RichText';

const countWords = ['', 'one', 'two', 'three', 'four', 'five'];

/** A policy or CLI exhibit. */
export function ExhibitView({ exhibit }: { exhibit: Exhibit }) {
  return (
    <figure className="quiz-exhibit">
      <figcaption>{exhibit.title}</figcaption>
      <pre tabIndex={0} aria-label={exhibit.title}>
        <code>{exhibit.text ?? JSON.stringify(exhibit.json, null, 2)}</code>
      </pre>
    </figure>
  );
}

/** The key shown next to option `index` (A, B, C…). */
export function optionKey(index: number): string {
  return String.fromCharCode(65 + index);
}

/**
 * One question: stem, exhibits and options as native radios (single response) or checkboxes
 * (multiple response). With `reveal`, shows which options are right and why.
 */
export function QuestionCard({
  question,
  label,
  selected,
  onChange,
  reveal = false,
  headingRef,
  showMeta = true,
}: {
  question: Question;
  /** Heading text, e.g. "Question 3 of 10". */
  label: string;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  reveal?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  showMeta?: boolean;
}) {
  const id = useId();
  const multiple = question.kind === 'multiple';
  const want = question.options.filter((o) => o.correct).length;
  const toggle = (optionId: string, checked: boolean) => {
    if (reveal) return;
    if (!multiple) onChange([optionId]);
    else onChange(checked ? [...selected, optionId] : selected.filter((s) => s !== optionId));
  };
  return (
    <article className="quiz-question" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="quiz-question__heading" tabIndex={-1} ref={headingRef}>
        {label}
      </h2>
      {showMeta && (
        <p className="quiz-question__meta">
          <span>{topicLabels[question.topic]}</span>
          <span aria-hidden="true"> · </span>
          <span>{difficultyLabels[question.difficulty]}</span>
          {question.origin.kind === 'generated' && (
            <>
              <span aria-hidden="true"> · </span>
              <span>Generated</span>
            </>
          )}
        </p>
      )}
      <RichText text={question.stem} className="quiz-question__stem" />
      {question.exhibits.map((e, i) => (
        <ExhibitView key={i} exhibit={e} />
      ))}
      <fieldset className="quiz-options" aria-describedby={`${id}-h`}>
        <legend className="quiz-options__legend">{multiple ? `Choose ${countWords[want] ?? want} answers` : 'Choose one answer'}</legend>
        <ul>
          {displayOptions(question).map((o, i) => {
            const checked = selected.includes(o.id);
            const state = reveal ? (o.correct ? 'correct' : checked ? 'wrong' : 'other') : checked ? 'checked' : 'idle';
            return (
              <li key={o.id} className={`quiz-option quiz-option--${state}`}>
                <label className="quiz-option__label">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`${id}-opt`}
                    value={o.id}
                    checked={checked}
                    disabled={reveal}
                    onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                  />
                  <span className="quiz-option__key" aria-hidden="true">
                    {optionKey(i)}
                  </span>
                  <span className="quiz-option__text">
                    <Inline text={o.text} />
                  </span>
                </label>
                {reveal && (
                  <p className="quiz-option__why">
                    <strong>{o.correct ? (checked ? 'Correct, and you chose it. ' : 'Correct answer. ') : checked ? 'Your choice, not correct. ' : 'Not correct. '}</strong>
                    <Inline text={o.explanation} />
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
    </article>
  );
}
