import type { Scenario, StsResult } from '@/lib/engine';
import { formatDuration, sessionTimeline } from '@/lib/simulator/timeline';

interface Props {
  scenario: Scenario;
  result: StsResult;
  current: number;
}

const hms = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/**
 * Every session's lifetime on the simulated clock, with the current step's time marked and
 * chained sessions shown under the session that made them.
 */
export function Timeline({ scenario, result, current }: Props) {
  const t = sessionTimeline(scenario, result);
  if (!t.sessions.length) return <p className="muted">No step issued credentials, so there are no sessions to show.</p>;
  const span = t.end - t.start || 1;
  const pct = (ms: number) => `${(((ms - t.start) / span) * 100).toFixed(2)}%`;
  const now = t.stepTimes[current] ?? t.start;
  const label = (i: number) => t.sessions.find((s) => s.stepIndex === i)?.label ?? `step ${i + 1}`;
  return (
    <div className="timeline">
      <div className="timeline__axis" aria-hidden="true">
        <span className="timeline__axis-ticks">
          <span>{hms(t.start)}Z</span>
          <span>{hms(t.start + span / 2)}Z</span>
          <span>{hms(t.end)}Z</span>
        </span>
      </div>
      <ul className="timeline__rows">
        {t.sessions.map((s) => {
          const left = Math.max(0, now - s.expiresAt);
          const state = now < s.issuedAt ? 'future' : now >= s.expiresAt ? 'expired' : 'live';
          return (
            <li key={s.stepIndex} className={`timeline__row timeline__row--${state}${s.stepIndex === current ? ' is-current' : ''}`}>
              <span className="timeline__label">
                <strong>{s.label}</strong> <span className="muted">{s.call}</span>
                {s.parentStep !== undefined && <span className="timeline__chain"> ↳ chained from {label(s.parentStep)}</span>}
              </span>
              <span className="timeline__track" aria-hidden="true">
                <span className="timeline__bar" style={{ left: pct(s.issuedAt), width: `calc(${pct(s.expiresAt)} - ${pct(s.issuedAt)})` }} />
                <span className="timeline__now" style={{ left: pct(now) }} />
              </span>
              <span className="timeline__text">
                {hms(s.issuedAt)}Z to {hms(s.expiresAt)}Z ({formatDuration(s.expiresAt - s.issuedAt)}).{' '}
                {state === 'live' && <>At step {current + 1}: {formatDuration(s.expiresAt - now)} left.</>}
                {state === 'expired' && <>At step {current + 1}: expired {formatDuration(left)} ago.</>}
                {state === 'future' && <>Not issued yet at step {current + 1}.</>}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
