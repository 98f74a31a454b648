/**
 * The fidelity audit, as an independent suite would run the engine: the sts-result/v1 shape
 * of every audit scenario against the STS API reference's response elements and error
 * statuses, the format's edges (scenario-format.md), and hostile files through the CLI.
 * The audit scenarios themselves (tests/scenarios/files/audit-*.json) state AWS's documented
 * outcomes in their `expect` blocks and run with `npm run -s test:scenarios`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine';
import { loadScenario } from '@/lib/scenario/load';
import { type StepResult } from '@/lib/scenario/run';

const auditDir = 'tests/scenarios/files';
const audits = readdirSync(auditDir).filter((f) => f.startsWith('audit-') && f.endsWith('.json')).sort();
const results = audits.map((f) => {
  const sim = simulate(readFileSync(join(auditDir, f), 'utf8'));
  if (!sim.ok) throw new Error(`${f} is invalid: ${JSON.stringify(sim.issues)}`);
  return { file: f, steps: sim.result.steps as StepResult[] };
});
const calls = results.flatMap((r) => r.steps.flatMap((s) => (s.kind === 'call' ? [{ file: r.file, step: s }] : [])));

// Response elements of each operation, from the STS API Reference "Response Elements" sections:
// https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html
const responseElements: Record<string, { always: string[]; may: string[] }> = {
  AssumeRole: { always: ['Credentials', 'AssumedRoleUser'], may: ['PackedPolicySize', 'SourceIdentity'] },
  AssumeRoleWithSAML: { always: ['Credentials', 'AssumedRoleUser', 'Subject', 'SubjectType', 'Issuer', 'Audience', 'NameQualifier'], may: ['PackedPolicySize', 'SourceIdentity'] },
  AssumeRoleWithWebIdentity: { always: ['Credentials', 'AssumedRoleUser', 'SubjectFromWebIdentityToken', 'Provider', 'Audience'], may: ['PackedPolicySize', 'SourceIdentity'] },
  AssumeRoot: { always: ['Credentials'], may: ['SourceIdentity'] },
  GetSessionToken: { always: ['Credentials'], may: [] },
  GetFederationToken: { always: ['Credentials', 'FederatedUser'], may: ['PackedPolicySize'] },
  GetCallerIdentity: { always: ['UserId', 'Account', 'Arn'], may: [] },
  GetAccessKeyInfo: { always: ['Account'], may: [] },
  DecodeAuthorizationMessage: { always: ['DecodedMessage'], may: [] },
  GetWebIdentityToken: { always: ['WebIdentityToken', 'Expiration'], may: [] },
};

// HTTP status of each error code (sts-facts §0.5; STS model error shapes; GetWebIdentityToken F-16.1).
const httpStatus: Record<string, number> = {
  AccessDenied: 403, ValidationError: 400, MalformedPolicyDocument: 400, PackedPolicyTooLarge: 400,
  RegionDisabledException: 403, ExpiredTokenException: 400, ExpiredToken: 403, InvalidClientTokenId: 403,
  IDPRejectedClaim: 403, InvalidIdentityToken: 400, IDPCommunicationError: 400, InvalidAuthorizationMessageException: 400,
  InvalidParameterValue: 400, OutboundWebIdentityFederationDisabledException: 403, SessionDurationEscalationException: 403,
  JWTPayloadSizeExceededException: 400, MissingAuthenticationToken: 403, InvalidAction: 400,
};

describe('every audit call answers with the elements and statuses AWS documents', () => {
  it('the audit files cover every modelled call', () => {
    expect(new Set(calls.map((c) => c.step.call))).toEqual(new Set(Object.keys(responseElements)));
  });
  it.each(calls.filter((c) => c.step.outcome === 'success').map((c) => [`${c.file}#${c.step.id}`, c.step] as const))('%s: response elements', (_, step) => {
    // Given a successful call, when its response is read, then it holds the documented elements and no others
    const spec = responseElements[step.call]!;
    const keys = Object.keys(step.response ?? {});
    for (const k of spec.always) expect(keys, `${step.call} always returns ${k}`).toContain(k);
    for (const k of keys) expect([...spec.always, ...spec.may], `${step.call} does not return ${k}`).toContain(k);
    const creds = step.response?.Credentials as Record<string, unknown> | undefined;
    if (creds) {
      // https://docs.aws.amazon.com/STS/latest/APIReference/API_Credentials.html ; ASIA = temporary key (API_GetAccessKeyInfo.html)
      expect(Object.keys(creds).sort()).toEqual(['AccessKeyId', 'Expiration', 'SecretAccessKey', 'SessionToken']);
      expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{12,}$/);
      expect(creds.Expiration).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });
  it.each(calls.filter((c) => c.step.error).map((c) => [`${c.file}#${c.step.id}`, c.step] as const))('%s: error code and status', (_, step) => {
    expect(Object.keys(step.error!).sort()).toEqual(['code', 'httpStatus', 'message']);
    expect(httpStatus[step.error!.code], `a known code: ${step.error!.code}`).toBeDefined();
    expect(step.error!.httpStatus).toBe(httpStatus[step.error!.code]);
    expect(step.error!.message.length).toBeGreaterThan(0);
  });
  it('expired signing credentials: STS ExpiredToken 403, S3 ExpiredToken 400, DynamoDB ExpiredTokenException 400 (sts-facts F-0.15)', () => {
    const steps = results.find((r) => r.file === 'audit-expired-credentials.json')!.steps;
    const err = (id: string) => {
      const s = steps.find((x) => x.kind !== 'clock' && x.id === id);
      return s && s.kind !== 'clock' ? s.error : undefined;
    };
    expect(err('stsAfter')).toEqual({ code: 'ExpiredToken', httpStatus: 403, message: 'The security token included in the request is expired' });
    expect(err('s3After')).toEqual({ code: 'ExpiredToken', httpStatus: 400, message: 'The provided token has expired.' });
    expect(err('ddbAfter')).toEqual({ code: 'ExpiredTokenException', httpStatus: 400, message: 'The security token included in the request is expired' });
  });
  it('AWS\'s own messages for the errors the facts quote', () => {
    const msg = (file: string, id: string) => {
      const s = results.find((r) => r.file === file)!.steps.find((x) => x.kind !== 'clock' && x.id === id);
      return s && s.kind !== 'clock' ? s.error?.message : undefined;
    };
    // Observed in public issues (sts-facts F-1.2, F-1.5, F-3.2, F-4.2, F-7.4, F-7.5, F-8.4, F-9.3, F-10.1, F-11.1, F-13.3).
    expect(msg('audit-assume-role-shapes.json', 'root')).toBe('Roles may not be assumed by root accounts.');
    expect(msg('audit-assume-role-shapes.json', 'aboveMax')).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    expect(msg('audit-assume-role-shapes.json', 'd899')).toBe("1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
    expect(msg('audit-role-chaining.json', 'hop2at3601')).toBe('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    expect(msg('audit-mfa.json', 'wrongCode')).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code.');
    expect(msg('audit-session-tags.json', 'dupCase')).toBe('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    expect(msg('audit-session-tags.json', 'resetTransitive')).toBe("One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.");
    expect(msg('audit-session-tags.json', 'noTagSession')).toBe('User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:TagSession on resource: arn:aws:iam::222222222222:role/NoTagRole');
    expect(msg('audit-saml.json', 'noSessionName')).toBe('RoleSessionName is required in AuthnResponse');
    expect(msg('audit-saml.json', 'badSignature')).toBe('Response signature invalid');
    expect(msg('audit-web-identity.json', 'wrongAudience')).toBe('Incorrect token audience');
    expect(msg('audit-web-identity.json', 'noProvider')).toBe('No OpenIDConnect provider found in your account for https://gitlab.com');
    expect(msg('audit-session-and-federation-tokens.json', 'gstFromRole')).toBe('Cannot call GetSessionToken with session credentials');
    expect(msg('audit-session-and-federation-tokens.json', 'gftFromRole')).toBe('Cannot call GetFederationToken with session credentials');
    expect(msg('audit-session-and-federation-tokens.json', 'gciExpired')).toBe('The security token included in the request is expired');
  });
});

describe('a RoleArn that is no ARN at all', () => {
  // Observed: a malformed role ARN is answered like an unassumable role, AccessDenied (github.com/99designs/aws-vault/issues/668).
  it('is AccessDenied, and the trace never names an empty account', () => {
    const sim = simulate({ format: 'sts-scenario/v1', id: 'bad-arn', title: 't', world: { users: [{ arn: 'arn:aws:iam::111111111111:user/alice', policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }] }] }, steps: [{ id: 'a', as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'AssumeRole', params: { RoleArn: 'not-an-arn-at-all-xxxxxxx', RoleSessionName: 'ab' } }] });
    expect(sim.ok).toBe(true);
    const step = sim.ok ? sim.result.steps[0] : undefined;
    expect(step && step.kind === 'call' ? step.error?.code : undefined).toBe('AccessDenied');
    expect(step && step.kind === 'call' ? step.trace.map((t) => t.reason).join('\n') : '').not.toMatch(/account \./);
  });
});

const base = { format: 'sts-scenario/v1', id: 'edge', title: 't', world: {}, steps: [] as unknown[] };
const gst = { id: 'g', as: { root: '111111111111' }, call: 'GetSessionToken' };
const issuesOf = (input: unknown) => {
  const r = loadScenario(input);
  return r.ok ? [] : r.issues;
};

describe('the format\'s edges (scenario-format.md)', () => {
  it('every optional member may be left out, and members may come in any order', () => {
    expect(issuesOf(base)).toEqual([]);
    expect(issuesOf('{"steps":[],"world":{},"title":"t","id":"odd","format":"sts-scenario/v1"}')).toEqual([]);
  });
  it('a leading byte order mark is ignored (RFC 8259 §8.1)', () => {
    const sim = simulate('\uFEFF' + JSON.stringify({ ...base, steps: [gst] }));
    expect(sim.ok).toBe(true);
  });
  // An instant must be a real calendar time: Date.parse would roll 2026-02-30 over to 2026-03-02.
  it.each([
    ['2026-02-30T00:00:00Z', false], ['2026-02-29T00:00:00Z', false], ['2028-02-29T00:00:00Z', true], ['2026-04-31T00:00:00Z', false],
    ['2026-13-01T00:00:00Z', false], ['2026-00-10T00:00:00Z', false], ['2026-01-01T24:00:00Z', false], ['2026-01-01T23:60:00Z', false],
    ['2026-01-01T23:59:60Z', false], ['2026-01-01T01:00:00+24:00', false], ['2026-12-31T23:59:59.999+05:30', true], ['2026-01-01', false],
    ['2400-02-29T00:00:00Z', true], ['2100-02-29T00:00:00Z', false], ['2032-02-29T00:00:00Z', true], ['2026-06-31T00:00:00Z', false], ['2026-01-31T00:00:00Z', true], ['2026-12-31T00:00:00Z', true],
  ])('advanceTo %s is %s', (instant, valid) => {
    const issues = issuesOf({ ...base, steps: [{ advanceTo: instant }] });
    if (valid) expect(issues).toEqual([]);
    else expect(issues).toEqual([{ path: 'steps[0].advanceTo', message: expect.stringMatching(/^expected an ISO 8601 instant/) }]);
  });
  it('start and SAML instants are checked the same way', () => {
    expect(issuesOf({ ...base, start: '2026-02-30T00:00:00Z' }).map((i) => i.path)).toEqual(['start']);
  });
  it('the clock only moves forward: advanceTo an earlier instant is a located error, the same instant is not', () => {
    expect(issuesOf({ ...base, steps: [{ advance: 60 }, { advanceTo: '2026-01-01T00:00:59Z' }] })).toEqual([
      { path: 'steps[1].advanceTo', message: "2026-01-01T00:00:59Z is before the clock's time at this step (2026-01-01T00:01:00Z); the clock only moves forward" },
    ]);
    expect(issuesOf({ ...base, steps: [{ advance: 60 }, { advanceTo: '2026-01-01T00:01:00Z' }] })).toEqual([]);
  });
  it('unknown members are rejected at every level, by path', () => {
    const paths = issuesOf({ ...base, extra: 1, world: { accounts: [{ id: '111111111111', aliass: 'x' }] }, steps: [{ ...gst, expect: { outcom: 'success' }, foo: 1 }, { advance: 1, id: 'c' }] }).map((i) => i.path);
    expect(paths.sort()).toEqual(['extra', 'steps[0].expect.outcom', 'steps[0].foo', 'steps[1].id', 'world.accounts[0].aliass']);
  });
  // https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html ; https://docs.aws.amazon.com/cognito/latest/developerguide/identity-pools-security-best-practices.html
  const cognitoRole = (condition?: object) => ({ arn: 'arn:aws:iam::222222222222:role/Pool', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) }] } });
  it.each([
    ['no condition', undefined, false],
    ['only amr', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }, false],
    ['the pool named by aud', { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' } }, true],
  ])('IAM refuses a Cognito identity-pool trust that does not name the pool: %s', (_, condition, valid) => {
    const issues = issuesOf({ ...base, world: { roles: [cognitoRole(condition)] } });
    if (valid) expect(issues).toEqual([]);
    else expect(issues).toEqual([{ path: 'world.roles[0].trustPolicy.Statement[0].Condition', message: expect.stringMatching(/^IAM refuses this trust policy: .*cognito-identity\.amazonaws\.com:aud/) }]);
  });
  it('a negative advance says what it expects', () => {
    expect(issuesOf({ ...base, steps: [{ advance: -1 }] })).toEqual([{ path: 'steps[0].advance', message: 'expected a number of seconds, 0 or more' }]);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'sim-audit-'));
const put = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const nest = (n: number, open: string, close: string, inner: string) => open.repeat(n) + inner + close.repeat(n);
const hostile = {
  steps1000: put('steps1000.json', { ...base, world: { users: [{ arn: 'arn:aws:iam::111111111111:user/alice' }], roles: [{ arn: 'arn:aws:iam::222222222222:role/R', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '333333333333' }, Action: 'sts:AssumeRole' }] } }] }, steps: Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, as: { user: 'arn:aws:iam::111111111111:user/alice' }, call: 'AssumeRole', params: { RoleArn: 'arn:aws:iam::222222222222:role/R', RoleSessionName: `s${i}` } })) }),
  steps1001: put('steps1001.json', { ...base, steps: Array.from({ length: 1001 }, () => ({ advance: 1 })) }),
  deepArray: put('deep-array.json', `{"format":"sts-scenario/v1","id":"d","title":"t","world":{},"steps":[],"summary":${nest(100_000, '[', ']', '1')}}`),
  deepPolicy: put('deep-policy.json', `{"format":"sts-scenario/v1","id":"d","title":"t","world":{"roles":[{"arn":"arn:aws:iam::111111111111:role/R","trustPolicy":${nest(20_000, '{"a":', '}', '{}')}}]},"steps":[]}`),
  hugeNumbers: put('huge-numbers.json', `{"format":"sts-scenario/v1","id":"h","title":"t","world":{},"steps":[{"as":{"root":"111111111111"},"call":"GetSessionToken","params":{"DurationSeconds":1e999}},{"advance":1e20},{"as":{"root":"111111111111"},"call":"GetSessionToken","params":{"DurationSeconds":9007199254740993}}]}`),
  wrongTypes: put('wrong-types.json', { format: 1, id: [], title: null, world: { accounts: 'x', users: [1], roles: [{ arn: 5, trustPolicy: 6 }] }, steps: [1, 'a', null, [], { call: 5 }, { request: 'x' }, { advance: 'x' }, { advanceTo: 5 }, { call: 'AssumeRole', params: { RoleArn: 1, Tags: 'x', PolicyArns: [1] }, as: 'me', expect: [] }] }),
  mib: put('mib.json', { ...base, summary: 'x'.repeat(1_048_576 - 200) }),
  overMib: put('over-mib.json', { ...base, summary: 'x'.repeat(1_048_577) }),
  notJson: put('not-json.json', '{"format": "sts-scenario/v1", '),
  empty: put('empty.json', ''),
};
const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/sim.ts', ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });

describe('hostile files through the CLI: a result or located errors, exit 2 when invalid, no stack trace, in seconds', { timeout: 180_000 }, () => {
  it('every hostile file in one run', () => {
    const t0 = performance.now();
    const r = cli(['run', ...Object.values(hostile), '--json']);
    const elapsed = performance.now() - t0;
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|internal error|RangeError|TypeError/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; invalid?: { path: string; message: string }[]; steps?: StepResult[] });
    const byFile = new Map(lines.map((l) => [l.file, l]));
    expect(byFile.size).toBe(Object.keys(hostile).length);
    // Valid ones give results: 1,000 denied steps (fixes for the first ones only) and a file just under 1 MiB.
    expect(byFile.get(hostile.steps1000)!.steps).toHaveLength(1000);
    expect(byFile.get(hostile.steps1000)!.steps!.every((s) => s.kind === 'call' && s.error?.code === 'AccessDenied')).toBe(true);
    expect(byFile.get(hostile.mib)!.steps).toEqual([]);
    // Invalid ones give located problems.
    const invalid = (f: string) => byFile.get(f)!.invalid!;
    expect(invalid(hostile.steps1001)).toEqual([{ path: 'steps', message: 'a scenario may have at most 1000 steps' }]);
    expect(invalid(hostile.deepArray).map((i) => i.path)).toEqual(['summary']);
    expect(invalid(hostile.deepPolicy).every((i) => i.path.startsWith('world.roles[0].trustPolicy'))).toBe(true);
    expect(invalid(hostile.hugeNumbers).map((i) => i.path)).toEqual(['steps[0].params.DurationSeconds', 'steps[1].advance', 'steps[1].advance', 'steps[2].params.DurationSeconds']);
    expect(invalid(hostile.wrongTypes).map((i) => i.path)).toEqual(expect.arrayContaining(['format', 'id', 'title', 'world.accounts', 'world.users[0]', 'world.roles[0].arn', 'steps[0]', 'steps[4].call', 'steps[8].as', 'steps[8].params.RoleArn']));
    expect(invalid(hostile.overMib)[0]!.message).toMatch(/at most 1048576/);
    expect(invalid(hostile.notJson)[0]!.message).toMatch(/^not valid JSON at line 1, column \d+/);
    expect(invalid(hostile.empty)[0]!.message).toMatch(/^not valid JSON/);
    // One process for all of them, tsx start-up included, on a shared 2-core machine.
    expect(elapsed).toBeLessThan(60_000);
  });
  it('run exits 0 for a valid file whatever the STS outcome; check exits 1 on an unmet expectation; both exit 2 for an invalid file', () => {
    expect(cli(['run', hostile.steps1000]).status).toBe(0);
    const unmet = put('unmet.json', { ...base, steps: [{ ...gst, expect: { outcome: 'error' } }] });
    const r = cli(['check', unmet, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'sts-result/v1', scenario: 'edge', steps: [{ id: 'g', kind: 'call', outcome: 'success', expect: { met: false, mismatches: [{ field: 'outcome', expected: 'error', actual: 'success' }] } }] });
    const bad = cli(['check', hostile.steps1001]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('steps: a scenario may have at most 1000 steps');
  });
});

describe('engine fixes the audit found, each explained in the trace', () => {
  const stepOf = (file: string, id: string) => {
    const s = results.find((r) => r.file === file)!.steps.find((x) => x.kind !== 'clock' && x.id === id);
    if (!s || s.kind === 'clock') throw new Error(`${file}#${id} missing`);
    return s;
  };
  const failCodes = (file: string, id: string) => stepOf(file, id).trace.filter((t) => t.result === 'fail').map((t) => t.code);
  it('a chained AssumeRole that sets SourceIdentity needs sts:SetSourceIdentity in the assuming role\'s own policy (IAM UG, source identity permissions)', () => {
    // Given a same-account trust that names the assuming role and allows sts:SetSourceIdentity
    // When the role's own policies do not allow it, then the call is AccessDenied for sts:SetSourceIdentity
    expect(failCodes('audit-source-identity-chain.json', 'chainWithoutOwnPermission')).toEqual(['source-identity.chain-needs-identity']);
    expect(stepOf('audit-source-identity-chain.json', 'chainWithoutOwnPermission').error?.message).toBe('User: arn:aws:sts::222222222222:assumed-role/NoSet/h1 is not authorized to perform: sts:SetSourceIdentity on resource: arn:aws:iam::222222222222:role/Target');
    // And when they do, it succeeds
    expect(stepOf('audit-source-identity-chain.json', 'chainWithOwnPermission').outcome).toBe('success');
  });
  it.each(['HS256', 'none', 'PS256'])('a web identity token signed with %s fails validation (API_AssumeRoleWithWebIdentity: RSA or ECDSA only)', (alg) => {
    expect(failCodes('audit-web-identity-algorithms.json', `alg${alg}`)).toEqual(['oidc.bad-algorithm']);
  });
  it('expired credentials on an S3 request name the service\'s own error in the trace', () => {
    expect(stepOf('audit-expired-credentials.json', 's3After').trace.map((t) => t.code)).toEqual(['auth.expired', 'auth.expired-service-error']);
  });
});
