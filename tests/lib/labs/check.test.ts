import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attemptFrom, checkLab, countChanges, isInside, lockedChanges, parseLab, verifyLab } from '@/lib/labs/check';
import { type Lab } from '@/lib/labs/schema';

const load = (file: string): Lab => {
  const r = parseLab(readFileSync(`content/labs/${file}`, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.issues)}`);
  return r.lab;
};
const first = load('basics-same-account-delegation.json');
const clone = (l: Lab): Lab => structuredClone(l);

describe('lab files (docs/lab-format.md)', () => {
  it.each(readdirSync('content/labs').filter((f) => f.endsWith('.json')))('%s parses and its id matches the file name', (f) => {
    expect(load(f).id).toBe(f.replace(/\.json$/, ''));
  });

  it('rejects an unknown field with its path', () => {
    const r = parseLab({ ...first, hint: 'typo' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toContain('');
  });

  it('needs at least two hints', () => {
    const r = parseLab({ ...first, hints: ['only one'] });
    expect(!r.ok && r.issues[0]?.path).toBe('hints');
  });
});

describe('verifyLab', () => {
  it('accepts a lab whose start fails and whose solution meets the goal', () => {
    expect(verifyLab(first)).toEqual([]);
  });

  it('refuses a lab whose start already meets the goal', () => {
    // Given a goal that the starting scenario already meets (Hank is refused from the start)
    const lab = clone(first);
    lab.goal = lab.goal.filter((g) => g.kind === 'step' && g.step === 'hank');
    // Then there is nothing to solve
    expect(verifyLab(lab).map((i) => i.message)).toContain('the starting scenario already meets the goal: there is nothing to solve');
  });

  it('refuses a solution that changes a locked part', () => {
    // Given a solution that opens the trust policy instead of editing Gina's policies
    const lab = clone(first);
    lab.solution = [{ op: 'replace', path: '/world/roles/0/trustPolicy/Statement/0/Principal', value: { AWS: 'arn:aws:iam::111111111111:user/gina' } }];
    const messages = verifyLab(lab).map((i) => i.message);
    expect(messages.some((m) => m.includes('is locked'))).toBe(true);
    expect(messages.some((m) => m.includes('the solution changes locked parts: /world/roles/0/trustPolicy/Statement/0/Principal'))).toBe(true);
  });

  it('refuses a solution that does not meet the goal', () => {
    const lab = clone(first);
    lab.solution = [{ op: 'add', path: '/world/users/0/policies/-', value: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } }];
    expect(verifyLab(lab).map((i) => i.message)).toContain('goal "Gina\'s AssumeRole succeeds" is not met: gina: expected outcome "success", got "error"');
  });

  it('refuses note links that do not resolve', () => {
    const lab = clone(first);
    lab.hints = [...lab.hints, 'See [the note](/notes/assume-role/#no-such-heading).'];
    const issues = verifyLab(lab, { resolveLearn: (ref) => ref !== 'assume-role#no-such-heading' });
    expect(issues).toContainEqual({ path: 'hints[3]', message: 'the link to /notes/assume-role/#no-such-heading does not resolve' });
  });

  it('reports an invalid starting scenario with its path', () => {
    const lab = clone(first);
    (lab.scenario as { steps: { params: Record<string, unknown> }[] }).steps[0]!.params.DurationSeconds = 'long';
    expect(verifyLab(lab)[0]?.path).toBe('scenario.steps[0].params.DurationSeconds');
  });
});

describe('checkLab', () => {
  it('says which goal lines hold for an attempt', () => {
    // When the learner gives Gina a policy for the wrong role
    const attempt = attemptFrom(first, { '/world/users/0/policies': [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111111111111:role/Other' }] }] });
    const r = checkLab(first, attempt);
    // Then Gina's line fails and Hank's line holds
    expect(r.ok && r.goals.map((g) => g.met)).toEqual([false, true]);
    expect(r.ok && r.met).toBe(false);
  });

  it('counts changes and enforces max-changes', () => {
    const lab = clone(first);
    lab.goal.push({ kind: 'max-changes', text: 'one change at most', max: 1 });
    const attempt = attemptFrom(lab, { '/world/users/0/policies': [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111111111111:role/Reports' }] }] });
    const r = checkLab(lab, attempt);
    expect(r.ok && r.changes).toBe(1);
    expect(r.ok && r.met).toBe(true);
  });

  it('turns invalid attempts into located issues, never a throw', () => {
    const r = checkLab(first, attemptFrom(first, { '/world/users/0/policies': 'not a list' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]?.path).toBe('world.users[0].policies');
  });

  it('checks trust-policy findings through the injected linter', () => {
    const lab = clone(first);
    lab.goal.push({ kind: 'no-findings', text: 'no high finding', severity: 'high' });
    const solved = attemptFrom(lab, { '/world/users/0/policies': [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111111111111:role/Reports' }] }] });
    const r = checkLab(lab, solved, { findings: () => [{ severity: 'high', message: 'Principal "*" without a condition' }] });
    expect(r.ok && r.goals.at(-1)).toMatchObject({ met: false, detail: 'high: Principal "*" without a condition' });
  });
});

describe('helpers', () => {
  it.each([
    ['/steps/1', '/steps/1', true],
    ['/steps/1/params', '/steps/1', true],
    ['/steps/10', '/steps/1', false],
    ['/world', '/world/roles', false],
  ])('isInside(%s, %s) is %s', (path, base, want) => expect(isInside(path, base)).toBe(want));

  it.each([
    [{ a: 1 }, { a: 1 }, 0],
    [{ a: 1 }, { a: 2 }, 1],
    [{ a: [1, 2] }, { a: [1, 2, 3] }, 1],
    [{ a: { b: 1 } }, {}, 1],
    [[], {}, 1],
  ])('countChanges(%j, %j) = %i', (a, b, n) => expect(countChanges(a, b)).toBe(n));

  it('countChanges stays bounded on deep input', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(countChanges(deep, [])).toBeGreaterThanOrEqual(0);
  });

  it('lockedChanges ignores the editable parts', () => {
    const attempt = attemptFrom(first, { '/world/users/0/policies': [{}] });
    expect(lockedChanges(first, attempt)).toEqual([]);
  });
});
