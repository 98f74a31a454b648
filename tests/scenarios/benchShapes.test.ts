/**
 * The bench's eight request shapes are valid scenarios that decide as the bench expects, so
 * `npm run bench` measures the decisions it names (bench/shapes.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { describe, expect, it } from 'vitest';
import { shapes } from '../../bench/shapes';
import { simulate } from '@/lib/engine';

describe('bench request shapes', () => {
  it('are eight', () => expect(shapes).toHaveLength(8));
  it.each(shapes.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const sim = simulate({ format: 'sts-scenario/v1', id: 'bench-shape', title: shape.name, ...shape.scenario }, { fixes: false });
    if (!sim.ok) throw new Error(JSON.stringify(sim.issues));
    const steps = sim.result.steps;
    const last = steps.at(-1)!;
    if (last.kind === 'clock') throw new Error('the last step must decide something');
    for (const s of steps.slice(0, -1)) expect(s.kind !== 'clock' && s.outcome).toBe('success');
    expect(last.kind === 'request' ? last.decision : last.outcome).toBe(shape.expected);
  });
});
