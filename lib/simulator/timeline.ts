/**
 * Every session's lifetime on the simulated clock, and which session made which (role
 * chaining), for the timeline view. Pure: built from the scenario and its result.
 */
import type { StsResult } from '../scenario/run';
import type { Scenario } from '../scenario/schema';
import { credentialsOf, principalArnOf, stepLabel } from './outcome';

/** One session's bar. */
export interface SessionSpan {
  /** The step that issued it. */
  stepIndex: number;
  /** That step's label. */
  label: string;
  /** The API that issued it. */
  call: string;
  /** The session's principal ARN, when the response names one. */
  arn?: string;
  /** Epoch ms. */
  issuedAt: number;
  /** Epoch ms. */
  expiresAt: number;
  /** The step whose session signed the call that made this one (role chaining). */
  parentStep?: number;
}

/** The timeline of a run. */
export interface Timeline {
  /** Epoch ms of the scenario's first step. */
  start: number;
  /** Epoch ms of the axis end (the latest expiry or step time). */
  end: number;
  sessions: SessionSpan[];
  /** Each step's time (epoch ms), by step index. */
  stepTimes: number[];
}

/**
 * Builds the timeline.
 * @example sessionTimeline(scenario, result).sessions.map((s) => s.label)
 */
export function sessionTimeline(scenario: Pick<Scenario, 'steps'>, result: StsResult): Timeline {
  const stepTimes = result.steps.map((s) => Date.parse(s.at));
  const sessions: SessionSpan[] = [];
  const byId = new Map<string, number>();
  result.steps.forEach((r, i) => {
    const step = scenario.steps[i];
    if (r.kind !== 'call') return;
    if (r.id) byId.set(r.id, i);
    const creds = credentialsOf(r);
    if (!creds) return;
    const as = step && 'call' in step ? step.as : undefined;
    const parent = as && 'session' in as ? byId.get(as.session) : undefined;
    sessions.push({
      stepIndex: i,
      label: stepLabel(r, i),
      call: r.call,
      arn: principalArnOf(r),
      issuedAt: Date.parse(r.at),
      expiresAt: Date.parse(creds.Expiration),
      ...(parent !== undefined ? { parentStep: parent } : {}),
    });
  });
  const times = [...stepTimes, ...sessions.map((s) => s.expiresAt)].filter((t) => !Number.isNaN(t));
  const start = times.length ? Math.min(...times) : 0;
  const end = times.length ? Math.max(...times, start + 1000) : 1000;
  return { start, end, sessions, stepTimes };
}

/**
 * "59 min 30 s" style duration.
 * @example formatDuration(3_600_000) // '1 h'
 */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const sign = total < 0 ? '-' : '';
  let s = Math.abs(total);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''].filter(Boolean);
  return sign + parts.join(' ');
}
