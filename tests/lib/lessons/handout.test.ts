import { describe, expect, it } from 'vitest';
import { type DigestMap } from '@/lib/lessons/deck';
import { type DigestStep } from '@/lib/lessons/digest';
import { compactJson, handoutStepKey, repeatedPolicies, repeatedReasons } from '@/lib/lessons/handout';
import { LESSON_FORMAT, type Lesson } from '@/lib/lessons/schema';

// Issue #16: a handout of at most four A4 pages a lesson. What is printed once is not printed again.
const policy = '{\n  "Version": "2012-10-17"\n}';
const step = (id: string, role: string | undefined, reasons: string[] = ['signed', 'trusted']): DigestStep => ({
  id,
  index: 0,
  kind: 'call',
  label: 'AssumeRole',
  caller: 'User a',
  input: [],
  ...(role ? { trustPolicy: { role, document: policy } } : {}),
  outcome: 'success',
  response: [],
  trace: reasons.map((reason) => ({ gate: 'trust-policy' as const, result: 'info' as const, code: 'c', reason, learn: 'x#y' })),
});
const digests: DigestMap = {
  one: { format: 'classroom-scenario/v1', id: 'one', title: 'One', steps: [step('a', 'Vendor'), step('b', 'Vendor', ['signed', 'denied']), step('c', 'Other')] },
  two: { format: 'classroom-scenario/v1', id: 'two', title: 'Two', steps: [step('x', 'Vendor'), step('y', undefined)] },
};
const lesson: Lesson = {
  format: LESSON_FORMAT,
  id: 'l',
  title: 'L',
  summary: 'S',
  slides: [
    { kind: 'note', title: 'Intro', text: 'x' },
    { kind: 'scenario', scenario: 'one', steps: ['a', 'b', 'c'] },
    { kind: 'scenario', scenario: 'two', steps: ['x', 'y'] },
  ],
};

describe('repeatedPolicies', () => {
  it('refers to the first printing of the same role and document, across slides, and prints every other policy', () => {
    const repeated = repeatedPolicies(lesson, digests);
    expect(Object.fromEntries(repeated)).toEqual({ [handoutStepKey(1, 'b')]: 'slide 2, step 1', [handoutStepKey(2, 'x')]: 'slide 2, step 1' });
  });

  it('prints a policy again when the document differs, even for the same role', () => {
    const changed: DigestMap = { ...digests, two: { ...digests.two!, steps: [{ ...step('x', 'Vendor'), trustPolicy: { role: 'Vendor', document: '{}' } }] } };
    expect(repeatedPolicies(lesson, changed).has(handoutStepKey(2, 'x'))).toBe(false);
  });
});

describe('repeatedReasons', () => {
  it('leaves out, within one slide, the reasons an earlier step printed word for word', () => {
    const reasons = repeatedReasons(lesson, digests);
    expect([...(reasons.get(handoutStepKey(1, 'b')) ?? [])]).toEqual(['signed']);
    expect([...(reasons.get(handoutStepKey(1, 'c')) ?? [])]).toEqual(['signed', 'trusted']);
    // A new slide prints its reasons again
    expect(reasons.has(handoutStepKey(2, 'x'))).toBe(false);
  });
});

describe('compactJson', () => {
  it.each([
    {
      name: 'a trust policy: one statement member a line, Principal and Condition each on one line',
      text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'Cust-7f3a9c21' } } }] }, null, 2),
      want: [
        '{',
        '  "Version": "2012-10-17",',
        '  "Statement": [',
        '    {',
        '      "Effect": "Allow",',
        '      "Principal": {"AWS": "arn:aws:iam::111111111111:root"},',
        '      "Action": "sts:AssumeRole",',
        '      "Condition": {"StringEquals": {"sts:ExternalId": "Cust-7f3a9c21"}}',
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    },
    { name: 'text that is not JSON stays as written', text: '{"Version": ', want: '{"Version": ' },
    { name: 'empty objects and arrays', text: '{"a": {}, "b": []}', want: '{\n  "a": {},\n  "b": []\n}' },
  ])('$name', ({ text, want }) => {
    expect(compactJson(text)).toBe(want);
  });

  it('keeps the document: parsing the compact text gives the same value', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { Null: { 'aws:MultiFactorAuthAge': 'true' } } }] };
    expect(JSON.parse(compactJson(JSON.stringify(doc)))).toEqual(doc);
  });
});
