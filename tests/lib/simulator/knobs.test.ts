import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import {
  callerOptions, decodeCaller, encodeCaller, readCaller, readConditions, readMaxSession, readPrincipal, readTags, setAt,
  targetRoleIndex, writeCaller, writeConditions, writeMaxSession, writeMfaAge, writeParam, writePrincipal, writeTags,
} from '@/lib/simulator/knobs';

const load = (f: string) => JSON.parse(readFileSync(`content/scenarios/${f}.json`, 'utf8')) as Record<string, unknown>;
const outcomes = (doc: unknown) => {
  const sim = simulate(doc);
  if (!sim.ok) throw new Error(JSON.stringify(sim.issues));
  return sim.result.steps.map((s) => (s.kind === 'clock' ? 'clock' : s.outcome === 'success' ? 'ok' : s.error?.code));
};

describe('knobs', () => {
  it('passing the ExternalId makes the first call succeed; removing it fails again', () => {
    // Given the ExternalId scenario
    const doc = load('cross-account-external-id');
    expect(outcomes(doc)[0]).toBe('AccessDenied');
    // When the form sets ExternalId on step 1
    const fixed = writeParam(doc, 0, 'ExternalId', 'Cust-7f3a9c21');
    // Then it succeeds, and the input document is unchanged
    expect(outcomes(fixed)[0]).toBe('ok');
    expect(outcomes(doc)[0]).toBe('AccessDenied');
    // And clearing the field removes the parameter again
    expect(outcomes(writeParam(fixed, 0, 'ExternalId', undefined))[0]).toBe('AccessDenied');
  });

  it('DurationSeconds above the role maximum is a ValidationError until MaxSessionDuration grows', () => {
    const doc = writeParam(load('cross-account-external-id'), 2, 'DurationSeconds', 7200);
    expect(outcomes(doc)[2]).toBe('ValidationError');
    const role = targetRoleIndex(doc, 2)!;
    expect(role).toBe(0);
    expect(readMaxSession(doc, role)).toBeUndefined();
    const longer = writeMaxSession(doc, role, 7200);
    expect(readMaxSession(longer, role)).toBe(7200);
    expect(outcomes(longer)[2]).toBe('ok');
  });

  it('edits the trust policy principal and conditions as rows', () => {
    const doc = load('cross-account-external-id');
    expect(readPrincipal(doc, 0, 0)).toEqual({ type: 'AWS', values: ['arn:aws:iam::111111111111:root'], others: {} });
    expect(readConditions(doc, 0, 0)).toEqual([{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['Cust-7f3a9c21'] }]);
    // Dropping the condition lets the call without ExternalId through
    const open = writeConditions(doc, 0, 0, []);
    expect(readConditions(open, 0, 0)).toEqual([]);
    expect(outcomes(open)[0]).toBe('ok');
    // Naming another account denies everything
    const other = writePrincipal(doc, 0, 0, { type: 'AWS', values: ['arn:aws:iam::999999999999:root'] });
    expect(outcomes(other).slice(0, 3)).toEqual(['AccessDenied', 'AccessDenied', 'AccessDenied']);
    expect(readPrincipal(writePrincipal(doc, 0, 0, { type: '*', values: [] }), 0, 0).type).toBe('*');
  });

  it('chooses the caller and MFA age', () => {
    const doc = load('mfa-protected-role');
    const opts = callerOptions(doc, 1).map((o) => o.value);
    expect(opts).toContain('none');
    expect(opts.some((o) => o.startsWith('user:'))).toBe(true);
    const user = opts.find((o) => o.startsWith('user:'))!;
    const withUser = writeCaller(doc, 0, decodeCaller(user));
    expect(encodeCaller(readCaller(withUser, 0))).toBe(user);
    const mfa = writeMfaAge(withUser, 0, 300);
    expect((mfa as { steps: { as: unknown }[] }).steps[0]!.as).toEqual({ user: user.slice(5), mfaAgeSeconds: 300 });
    expect((writeMfaAge(mfa, 0, undefined) as { steps: { as: unknown }[] }).steps[0]!.as).toEqual({ user: user.slice(5) });
    expect(readCaller(writeCaller(doc, 0, { kind: 'none' }), 0)).toEqual({ kind: 'none' });
  });

  it('writes session tags with their transitive keys', () => {
    const doc = load('cross-account-external-id');
    const tagged = writeTags(doc, 2, [{ key: 'team', value: 'blue', transitive: true }, { key: 'env', value: 'dev', transitive: false }]);
    expect(readTags(tagged, 2)).toEqual([{ key: 'team', value: 'blue', transitive: true }, { key: 'env', value: 'dev', transitive: false }]);
    const params = (tagged as { steps: { params: Record<string, unknown> }[] }).steps[2]!.params;
    expect(params.Tags).toEqual([{ Key: 'team', Value: 'blue' }, { Key: 'env', Value: 'dev' }]);
    expect(params.TransitiveTagKeys).toEqual(['team']);
    const cleared = (writeTags(tagged, 2, []) as { steps: { params: Record<string, unknown> }[] }).steps[2]!.params;
    expect(cleared.Tags).toBeUndefined();
    expect(cleared.TransitiveTagKeys).toBeUndefined();
  });

  it('setAt creates containers and removes array items', () => {
    expect(setAt({}, ['a', 0, 'b'], 1)).toEqual({ a: [{ b: 1 }] });
    expect(setAt({ a: [1, 2, 3] }, ['a', 1], undefined)).toEqual({ a: [1, 3] });
  });
});
