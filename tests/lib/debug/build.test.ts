import { describe, expect, it } from 'vitest';
import { buildScenario, type Answers } from '@/lib/debug/build';
import { simulate, type CallResult } from '@/lib/engine';
import * as S from './samples';

const lastCall = (scenario: Record<string, unknown>): CallResult => {
  const sim = simulate(scenario);
  if (!sim.ok) throw new Error(JSON.stringify(sim.issues));
  return sim.result.steps.filter((s): s is CallResult => s.kind === 'call').at(-1)!;
};

type Row = { name: string; paste: string; answers?: Answers; call: string; outcome: 'success' | 'error'; code?: string; failing?: string };

// Given what an engineer pasted, when the debugger builds and runs the scenario, then the verdict is AWS's.
const rows: Row[] = [
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String (StringEquals does not expand *)
    name: 'console trust policy with StringEquals repo:org/* and a GitHub JWT',
    paste: `${S.consoleTrustStringEqualsWildcard}\n\n${S.jwt(S.githubClaims)}`,
    call: 'AssumeRoleWithWebIdentity',
    outcome: 'error',
    code: 'AccessDenied',
    failing: 'trust.no-statement-allows',
  },
  {
    name: 'get-role output with an ExternalId, called by an assumed-role session that passes none',
    paste: S.getRoleOutput,
    answers: { caller: 'arn:aws:sts::111111111111:assumed-role/CiRunner/run-1' },
    call: 'AssumeRole',
    outcome: 'error',
    code: 'AccessDenied',
    failing: 'external-id.missing',
  },
  {
    // https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (RoleSessionName: [\w+=,.@-]*)
    name: 'get-role output and a command line whose session name has a space',
    paste: `${S.getRoleOutput}\n${S.assumeRoleCli}`,
    answers: { caller: 'arn:aws:iam::111111111111:role/CiRunner' },
    call: 'AssumeRole',
    outcome: 'error',
    code: 'ValidationError',
  },
  {
    name: 'get-role output and a command line that passes the ExternalId',
    paste: `${S.getRoleOutput}\n${S.assumeRoleCli.replace('"ci run"', 'ci-run')}`,
    answers: { caller: 'arn:aws:iam::111111111111:role/CiRunner' },
    call: 'AssumeRole',
    outcome: 'success',
  },
  { name: 'an AccessDenied message alone', paste: S.assumeRoleError, call: 'AssumeRole', outcome: 'error', code: 'AccessDenied', failing: 'trust.no-statement-allows' },
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
  { name: 'an AccessDenied naming an SCP', paste: S.scpDenyError, call: 'AssumeRole', outcome: 'error', code: 'AccessDenied', failing: 'deny.explicit' },
  { name: 'a CloudTrail AssumeRole failure', paste: S.cloudTrailAssumeRole, call: 'AssumeRole', outcome: 'error', code: 'AccessDenied' },
  { name: 'a SAML response in base64', paste: S.samlBase64, call: 'AssumeRoleWithSAML', outcome: 'success' },
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
  { name: 'no OIDC provider, with the token', paste: `${S.noProviderError}\n${S.jwt(S.githubClaims)}`, call: 'AssumeRoleWithWebIdentity', outcome: 'error', code: 'InvalidIdentityToken', failing: 'oidc.no-provider' },
  {
    name: 'a web identity failure, with the token given as an answer',
    paste: `${S.webIdentityDenied}\n${S.consoleTrustStringEqualsWildcard}`,
    answers: { token: JSON.stringify({ ...S.githubClaims, sub: 'repo:example-org/site:pull_request' }) },
    call: 'AssumeRoleWithWebIdentity',
    outcome: 'error',
    code: 'AccessDenied',
  },
];

describe('buildScenario', () => {
  it.each(rows)('$name', ({ paste, answers, call, outcome, code, failing }) => {
    const b = buildScenario(paste, answers);
    expect(b.call).toBe(call);
    expect(b.questions.filter((q) => q.required)).toEqual([]);
    const r = lastCall(b.scenario!);
    expect(r.outcome, r.error?.message).toBe(outcome);
    if (code) expect(r.error?.code).toBe(code);
    if (failing) expect(r.trace.filter((t) => t.result === 'fail').map((t) => t.code)).toContain(failing);
    // A pasted failure becomes the step's expectation, so a stand-in that does not reproduce it is visible.
    if (code && /AccessDenied|InvalidIdentityToken/.test(paste)) expect(r.expect?.met).toBe(true);
  });

  it('asks who calls when only a command line was pasted, and says why', () => {
    const b = buildScenario(S.assumeRoleCli);
    expect(b.scenario).toBeUndefined();
    expect(b.questions.find((q) => q.id === 'caller')).toMatchObject({ required: true });
    expect(b.questions.find((q) => q.id === 'caller')?.why).toContain('get-caller-identity');
  });

  it('asks for the token when only a web identity error was pasted', () => {
    expect(buildScenario(S.webIdentityDenied).questions.map((q) => q.id)).toContain('token');
  });

  it('says what is wrong with an answer it cannot use', () => {
    const b = buildScenario(S.assumeRoleCli, { caller: 'alice' });
    expect(b.questions.find((q) => q.id === 'caller')?.problem).toContain('not a user, role');
  });

  it('states every stand-in it used', () => {
    const b = buildScenario(S.assumeRoleError);
    expect(b.assumptions.join(' ')).toContain('trust policy was not in the paste');
    expect(b.questions.find((q) => q.id === 'trust-policy')).toMatchObject({ required: false });
  });

  it('shows a mismatch when the stand-in does not reproduce the pasted failure', () => {
    // The event failed, but without the trust policy the stand-in lets the token in: the expectation says so.
    const r = lastCall(buildScenario(S.cloudTrailWebIdentity).scenario!);
    expect(r.outcome).toBe('success');
    expect(r.expect?.met).toBe(false);
  });
});
