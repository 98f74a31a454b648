import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { brokenReferences, describeBroken, duplicateStep, freshStepId, insertStep, moveStep, removeStep, renameStep } from '@/lib/simulator/steps';

// Step references are by id and must point to an earlier step: the loader reports
// `no earlier step has id "…"` (scenario-format.md, "steps": `as.session` and `fromStep`).
const load = (f: string) => JSON.parse(readFileSync(`content/scenarios/${f}.json`, 'utf8')) as { steps: Record<string, unknown>[] };
const ids = (doc: unknown) => (doc as { steps: { id?: string }[] }).steps.map((s) => s.id);
const loaderIssues = (doc: unknown) => {
  const sim = simulate(doc);
  return sim.ok ? [] : sim.issues.map((i) => `${i.path}: ${i.message}`);
};

// A chain: alice's session, a read with it, a key lookup that takes the session's key.
const chain = {
  format: 'sts-scenario/v1',
  id: 'chain',
  title: 'Chain',
  world: {
    accounts: [{ id: '111111111111' }],
    users: [{ arn: 'arn:aws:iam::111111111111:user/alice', policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }] }],
    roles: [{ arn: 'arn:aws:iam::111111111111:role/R', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }] } }],
  },
  steps: [
    { id: 'assume', as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'AssumeRole', params: { RoleArn: 'arn:aws:iam::111111111111:role/R', RoleSessionName: 's' } },
    { id: 'read', as: { session: 'assume' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' } },
    { id: 'key', as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'GetAccessKeyInfo', params: { AccessKeyId: { fromStep: 'assume', path: 'response.Credentials.AccessKeyId' } } },
  ],
};

describe('step list changes keep references honest', () => {
  it('the chain is valid to start with', () => {
    expect(loaderIssues(chain)).toEqual([]);
    expect(brokenReferences(chain)).toEqual([]);
  });

  const moves: { name: string; from: number; to: number; order: string[]; broken: string[] }[] = [
    { name: 'moving the read to the end keeps it after the session', from: 1, to: 2, order: ['assume', 'key', 'read'], broken: [] },
    { name: 'moving the session below its read makes the read point forward', from: 0, to: 1, order: ['read', 'assume', 'key'], broken: ['0:as.session:assume:later'] },
    { name: 'moving the key lookup first breaks its fromStep', from: 2, to: 0, order: ['key', 'assume', 'read'], broken: ['0:params.AccessKeyId.fromStep:assume:later'] },
    { name: 'a move past the end is clamped', from: 0, to: 99, order: ['read', 'key', 'assume'], broken: ['0:as.session:assume:later', '1:params.AccessKeyId.fromStep:assume:later'] },
    { name: 'a move to the same place changes nothing', from: 1, to: 1, order: ['assume', 'read', 'key'], broken: [] },
  ];
  for (const m of moves)
    it(m.name, () => {
      // When step m.from moves to m.to
      const r = moveStep(chain, m.from, m.to);
      // Then the order follows, and the references it broke are reported, as the loader sees them
      expect(ids(r.doc), 'order').toEqual(m.order);
      expect(r.broken.map((b) => `${b.from}:${b.where}:${b.target}:${b.problem}`), 'broken').toEqual(m.broken);
      expect(loaderIssues(r.doc).length, 'loader issues').toBe(m.broken.length);
      // And the input is untouched
      expect(ids(chain)).toEqual(['assume', 'read', 'key']);
    });

  it('deleting the session step reports both steps that used it, and says so in words', () => {
    const r = removeStep(chain, 0);
    expect(ids(r.doc)).toEqual(['read', 'key']);
    expect(r.broken.map((b) => `${b.from}:${b.where}:${b.problem}`)).toEqual(['0:as.session:missing', '1:params.AccessKeyId.fromStep:missing']);
    expect(describeBroken(r.doc, r.broken[0]!)).toBe('Step 1 signs with the credentials of step "assume", which no longer exists.');
    expect(describeBroken(r.doc, r.broken[1]!)).toBe('Step 2 takes AccessKeyId from step "assume", which no longer exists.');
  });

  it('deleting a step nobody uses breaks nothing, and references already broken are not blamed on it', () => {
    const already = removeStep(chain, 0).doc;
    expect(removeStep(chain, 2).broken).toEqual([]);
    expect(removeStep(already, 1).broken).toEqual([]);
    expect(brokenReferences(removeStep(already, 1).doc)).toHaveLength(1);
  });

  it('duplicating gives the copy a fresh id right after the original, and the copy still points back', () => {
    const r = duplicateStep(chain, 0);
    expect(r.index).toBe(1);
    expect(ids(r.doc)).toEqual(['assume', 'assume-2', 'read', 'key']);
    expect(loaderIssues(r.doc)).toEqual([]);
    const again = duplicateStep(r.doc, 1);
    expect(ids(again.doc)).toEqual(['assume', 'assume-2', 'assume-3', 'read', 'key']);
    const read = duplicateStep(chain, 1);
    expect((read.doc as typeof chain).steps[2]!.as).toEqual({ session: 'assume' });
  });

  it('renaming a step renames every reference to it; a taken id is refused', () => {
    const r = renameStep(chain, 0, 'alice-session');
    expect(r.ok).toBe(true);
    const doc = (r as { doc: typeof chain }).doc;
    expect(doc.steps[1]!.as).toEqual({ session: 'alice-session' });
    expect((doc.steps[2]!.params as { AccessKeyId: unknown }).AccessKeyId).toEqual({ fromStep: 'alice-session', path: 'response.Credentials.AccessKeyId' });
    expect(loaderIssues(doc)).toEqual([]);
    expect(renameStep(chain, 0, 'read')).toEqual({ ok: false, message: 'step 2 already has the id "read"' });
    // Removing the id leaves the references, which are then reported
    const bare = renameStep(chain, 0, '');
    expect(bare.ok && brokenReferences(bare.doc).map((b) => b.problem)).toEqual(['missing', 'missing']);
  });

  it('freshStepId counts up from a numbered stem', () => {
    const rows: [string[], string, string][] = [
      [[], 'assume', 'assume'],
      [['assume'], 'assume', 'assume-2'],
      [['assume', 'assume-2'], 'assume-2', 'assume-3'],
      [['step'], '', 'step-2'],
    ];
    for (const [have, base, want] of rows) expect(freshStepId({ steps: have.map((id) => ({ id })) }, base), `${have.join(',')} + ${base}`).toBe(want);
  });

  it('works on a built-in scenario: every step moved to the top and back leaves it as it was', () => {
    const doc = load('web-identity-then-chain');
    for (let i = 0; i < doc.steps.length; i++) {
      const up = moveStep(doc, i, 0);
      expect(moveStep(up.doc, 0, i).doc, `step ${i}`).toEqual(doc);
    }
  });
});

describe('hostile documents', () => {
  const hostile: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['an array', []],
    ['steps is a string', { steps: 'oops' }],
    ['steps holds junk', { steps: [1, null, 'x', [], { as: 'me' }, { as: { session: 7 } }, { params: { A: { fromStep: 3 } } }] }],
    ['no steps at all', { world: {} }],
  ];
  for (const [name, doc] of hostile)
    it(`${name}: nothing throws, and junk is not a reference`, () => {
      expect(() => brokenReferences(doc)).not.toThrow();
      expect(brokenReferences(doc)).toEqual([]);
      expect(() => removeStep(doc, 0)).not.toThrow();
      expect(() => moveStep(doc, 0, 1)).not.toThrow();
      expect(() => duplicateStep(doc, 0)).not.toThrow();
      expect(() => renameStep(doc, 0, 'x')).not.toThrow();
      expect(() => insertStep(doc, 5, { advance: 1 })).not.toThrow();
    });

  it('out-of-range and non-integer indexes change nothing', () => {
    for (const bad of [-1, 3, 1.5, Number.NaN]) {
      expect(removeStep(chain, bad).doc, `remove ${bad}`).toBe(chain);
      expect(moveStep(chain, bad, 0).doc, `move ${bad}`).toBe(chain);
      expect(duplicateStep(chain, bad).doc, `duplicate ${bad}`).toBe(chain);
    }
  });

  it('inserting into a document without steps creates the list', () => {
    expect(insertStep({ world: {} }, 3, { advance: 60 })).toEqual({ doc: { world: {}, steps: [{ advance: 60 }] }, index: 0 });
  });

  it('1,000 steps: moves, copies and deletions stay quick and exact', () => {
    // Given 1,000 steps, each signing with the previous one's credentials
    const steps = Array.from({ length: 1000 }, (_, i) => (i === 0 ? { id: 's0', call: 'GetCallerIdentity' } : { id: `s${i}`, as: { session: `s${i - 1}` }, call: 'GetCallerIdentity' }));
    const doc = { steps };
    const t0 = performance.now();
    // When the last step moves to the top, the middle one is copied, and step 500 is deleted
    const moved = moveStep(doc, 999, 0);
    const copied = duplicateStep(doc, 500);
    const removed = removeStep(doc, 500);
    const elapsed = performance.now() - t0;
    // Then exactly the references each change broke are reported
    expect(moved.broken.map((b) => `${b.from}:${b.target}`)).toEqual(['0:s998']);
    expect(brokenReferences(copied.doc)).toEqual([]);
    expect(ids(copied.doc)[501]).toBe('s500-2');
    expect(removed.broken.map((b) => `${b.from}:${b.target}:${b.problem}`)).toEqual(['500:s500:missing']);
    expect(elapsed, 'milliseconds').toBeLessThan(2000);
  });
});
