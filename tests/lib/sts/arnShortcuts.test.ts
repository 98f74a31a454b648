/**
 * The ARN helpers on the hot path read ARNs without splitting them; they must answer as
 * the split-based versions did, malformed ARNs included.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumedRoleUser.html (the session ARN drops the role's path)
 */
import { describe, expect, it } from 'vitest';
import { assumedRoleArn } from '@/lib/arn/arn';
import { arnPartition } from '@/lib/world/world';

describe('arnPartition reads the text between the first two colons, or aws', () => {
  const cases: [string, string][] = [
    ['arn:aws:iam::111111111111:role/R', 'aws'],
    ['arn:aws-cn:iam::111111111111:role/R', 'aws-cn'],
    ['arn:aws-us-gov:sts::111111111111:assumed-role/R/s', 'aws-us-gov'],
    ['arn::iam::111111111111:role/R', 'aws'],
    ['arn:aws-iso', 'aws-iso'],
    ['arn:', 'aws'],
    ['no colons at all', 'aws'],
    ['', 'aws'],
  ];
  it.each(cases)('%s → %s', (arn, want) => {
    expect(arnPartition(arn)).toBe(want);
    expect(arnPartition(arn)).toBe(arn.split(':')[1] || 'aws');
  });
});

describe('assumedRoleArn names the role without its path, asked once or many times', () => {
  const cases: [string, string, string][] = [
    ['arn:aws:iam::222222222222:role/ops/Deploy', 's1', 'arn:aws:sts::222222222222:assumed-role/Deploy/s1'],
    ['arn:aws:iam::222222222222:role/ops/Deploy', 's2', 'arn:aws:sts::222222222222:assumed-role/Deploy/s2'],
    ['arn:aws-cn:iam::111111111111:role/R', 'alice', 'arn:aws-cn:sts::111111111111:assumed-role/R/alice'],
    ['not-an-arn', 'x', 'arn:aws:sts:::assumed-role/not-an-arn/x'],
  ];
  it.each(cases)('%s with session %s', (role, session, want) => {
    expect(assumedRoleArn(role, session)).toBe(want);
    expect(assumedRoleArn(role, session)).toBe(want);
  });
});
