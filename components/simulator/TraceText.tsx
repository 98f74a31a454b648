import type { TraceEntry } from '@/lib/engine';
import { noteHref, noteLabel } from '@/lib/simulator/notes';
import { withBase } from '@/lib/content/basePath';

const words: Record<TraceEntry['result'], string> = { pass: 'passed', fail: 'failed', skip: 'skipped', info: 'note' };

interface Props {
  /** Heading-like line naming the step, announced first. */
  intro: string;
  trace: readonly TraceEntry[];
  revealed: number | 'all';
  /** The step's result in words, announced when the step completes. */
  outcome: string;
}

/** The step's trace as text in a polite live region: what the pictures show, for everyone. */
export function TraceText({ intro, trace, revealed, outcome }: Props) {
  const lit = revealed === 'all' ? trace.length : revealed;
  return (
    <div className="trace" aria-live="polite">
      <p className="trace__intro visually-hidden">{intro}</p>
      <ol className="trace__list">
        {trace.slice(0, lit).map((t, i) => (
          <li key={i} className={`trace__item trace__item--${t.result}`}>
            <span className={`trace__badge trace__badge--${t.result}`}>{words[t.result]}</span>{' '}
            <strong className="trace__gate">{t.gate}</strong>: {t.reason}
            {t.uncertain && <em className="trace__uncertain"> (AWS does not document this; the model takes the likeliest reading.)</em>}{' '}
            <a className="trace__learn" href={withBase(noteHref(t.learn))}>
              Learn: {noteLabel(t.learn)}
            </a>
          </li>
        ))}
      </ol>
      {revealed === 'all' && <p className="trace__outcome">Result: {outcome}</p>}
    </div>
  );
}
