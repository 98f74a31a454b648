'use client';

import { type LabDigest } from '@/lib/lessons/labDigest';
import { InlineText, RichText } from './RichText';

/** A lab's brief, as on the slide and in the handout: the idea, the goal lines and the briefing. */
export function LabBrief({ lab }: { lab: LabDigest }) {
  return (
    <>
      <p className="cr-lab__idea">{lab.idea}</p>
      <h3 className="cr-lab__sub">Goal</h3>
      <ul className="cr-lab__goal">
        {lab.goal.map((g, i) => (
          <li key={i}>
            <InlineText text={g} />
          </li>
        ))}
      </ul>
      <RichText className="cr-lab__briefing" text={lab.briefing} />
    </>
  );
}

/** A lab's solution: the changes to make, then what the lab teaches. */
export function LabSolution({ lab }: { lab: LabDigest }) {
  return (
    <>
      <ul className="cr-lab__changes">
        {lab.solution.map((c, i) => (
          <li key={i}>
            {c.op} <code>{c.path}</code>
            {c.value !== undefined && (
              <>
                : <code>{c.value}</code>
              </>
            )}
          </li>
        ))}
      </ul>
      <RichText text={lab.learned} />
    </>
  );
}
