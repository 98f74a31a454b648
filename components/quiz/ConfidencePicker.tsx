'use client';

import { useId } from 'react';
import { confidenceLabels, confidences, type Confidence } from '@/lib/quiz/grade';

/** "How sure are you?": the learner's confidence, which grades the review card with correctness. */
export function ConfidencePicker({ value, onChange, disabled = false, keys }: { value: Confidence | null; onChange: (c: Confidence) => void; disabled?: boolean; keys?: Record<Confidence, string> }) {
  const id = useId();
  return (
    <fieldset className="quiz-confidence" disabled={disabled}>
      <legend>How sure are you?</legend>
      <div className="quiz-confidence__choices">
        {confidences.map((c) => (
          <label key={c} className="quiz-chip">
            <input type="radio" name={`${id}-conf`} value={c} checked={value === c} onChange={() => onChange(c)} />
            <span>{confidenceLabels[c]}</span>
            {keys && (
              <kbd className="quiz-chip__key" aria-hidden="true">
                {keys[c]}
              </kbd>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
