import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { closest } from '@/lib/util/suggest';

const trustWith = (statement: Record<string, unknown>) => ({
  format: 'sts-scenario/v1',
  id: 'typo',
  title: 'typo',
  world: { roles: [{ arn: 'arn:aws:iam::222222222222:role/R', trustPolicy: { Version: '2012-10-17', Statement: [statement] } }] },
  steps: [],
});
const issues = (input: unknown) => {
  const sim = simulate(input, { fixes: false });
  return sim.ok ? [] : sim.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
};

describe('did you mean', () => {
  it.each([
    ['Principle', ['Principal', 'Action'], 'Principal'],
    ['RoleArm', ['RoleArn', 'RoleSessionName'], 'RoleArn'],
    ['StringEqual', ['StringEquals', 'StringLike'], 'StringEquals'],
    ['Banana', ['Principal', 'Action'], undefined],
  ] as const)('%s → %s', (typed, known, want) => expect(closest(typed, known)).toBe(want));

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
  it('suggests Principal for Principle in a trust policy', () => {
    expect(issues(trustWith({ Effect: 'Allow', Principle: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }))).toContain('Did you mean "Principal"?');
  });
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
  it('suggests StringEquals for StringEqual, keeping the set qualifier', () => {
    const st = { Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole', Condition: { 'ForAnyValue:StringEqual': { 'aws:TagKeys': 'a' } } };
    expect(issues(trustWith(st))).toContain('Did you mean "ForAnyValue:StringEquals"?');
  });
  it('suggests RoleArn for RoleArm in a step', () => {
    const doc = { ...trustWith({ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'sts:AssumeRole' }), steps: [{ call: 'AssumeRole', as: { root: '111111111111' }, params: { RoleArm: 'x', RoleSessionName: 's' } }] };
    expect(issues(doc)).toContain('did you mean "RoleArn"?');
  });
});
