import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assumedRoleArn, formatArn, parseArn, principalArnKind } from '@/lib/arn/arn';

fc.configureGlobal({ seed: 20260101, numRuns: 300 });
const seg = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const resource = fc.stringMatching(/^[A-Za-z0-9_+=,.@/:-]{1,40}$/);

describe('ARNs', () => {
  it('formatArn(parseArn(x)) === x for generated ARNs', () => {
    fc.assert(
      fc.property(seg, seg, fc.oneof(fc.constant(''), seg), fc.oneof(fc.constant(''), fc.stringMatching(/^\d{12}$/)), resource, (partition, service, region, account, res) => {
        const s = `arn:${partition}:${service}:${region}:${account}:${res}`;
        const p = parseArn(s);
        expect(p.ok).toBe(true);
        if (p.ok) expect(formatArn(p.value)).toBe(s);
      }),
    );
  });
  it('never throws on arbitrary strings', () => fc.assert(fc.property(fc.string(), (s) => void parseArn(s))));
  it('drops the role path in the assumed-role ARN', () => {
    expect(assumedRoleArn('arn:aws:iam::222222222222:role/ops/team/Deploy', 's1')).toBe('arn:aws:sts::222222222222:assumed-role/Deploy/s1');
    expect(assumedRoleArn('arn:aws-cn:iam::222222222222:role/R', 's')).toBe('arn:aws-cn:sts::222222222222:assumed-role/R/s');
  });
  it.each([
    ['arn:aws:iam::111111111111:root', 'root'],
    ['arn:aws:iam::111111111111:user/alice', 'user'],
    ['arn:aws:iam::111111111111:role/a/b', 'role'],
    ['arn:aws:sts::111111111111:assumed-role/R/s', 'assumed-role'],
    ['arn:aws:sts::111111111111:federated-user/Bob', 'federated-user'],
    ['arn:aws:s3:::bucket', undefined],
  ])('%s is a %s principal', (arn, kind) => expect(principalArnKind(arn)).toBe(kind));
});
