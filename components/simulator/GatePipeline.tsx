import type { TraceEntry } from '@/lib/engine';

const icons: Record<TraceEntry['result'], string> = { pass: '✓', fail: '✗', skip: '–', info: 'i' };

interface Props {
  trace: readonly TraceEntry[];
  /** How many entries are lit; 'all' when the step is complete. */
  revealed: number | 'all';
  /** Final node text (the outcome), shown once complete. */
  outcome: string;
  ok: boolean;
}

/**
 * The checks of one step as a pipeline of gates that light up pass/fail as the step plays.
 * A picture only (aria-hidden): the live text trace beside it says the same.
 */
export function GatePipeline({ trace, revealed, outcome, ok }: Props) {
  const lit = revealed === 'all' ? trace.length : revealed;
  return (
    <ol className="pipeline" aria-hidden="true">
      {trace.map((t, i) => {
        const state = i < lit ? t.result : 'pending';
        return (
          <li key={i} className={`gate gate--${state}${i === lit - 1 && revealed !== 'all' ? ' gate--current' : ''}`} title={i < lit ? t.reason : undefined}>
            <span className="gate__icon">{i < lit ? icons[t.result] : '·'}</span>
            <span className="gate__name">{t.level ? `${t.gate} · ${t.level}` : t.gate}</span>
          </li>
        );
      })}
      <li className={`gate gate--end ${revealed === 'all' ? (ok ? 'gate--pass' : 'gate--fail') : 'gate--pending'}`}>
        <span className="gate__icon">{revealed === 'all' ? (ok ? '✓' : '✗') : '…'}</span>
        <span className="gate__name">{revealed === 'all' ? outcome : 'outcome'}</span>
      </li>
    </ol>
  );
}
