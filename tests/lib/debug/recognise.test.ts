import { describe, expect, it } from 'vitest';
import { decodeJwt, recognise, type Recognised } from '@/lib/debug/recognise';
import { readSaml, samlXmlOf } from '@/lib/debug/saml';
import { findJsonObjects, shellWords } from '@/lib/debug/text';
import * as S from './samples';

type Row = { name: string; paste: string; kinds: Recognised['kind'][]; check?: (items: Recognised[]) => void };

// Each row is something an engineer copies when a role assumption fails.
const rows: Row[] = [
  { name: 'a trust policy copied from the IAM console', paste: S.consoleTrustStringEqualsWildcard, kinds: ['trust-policy'] },
  {
    name: 'an identity policy (no Principal)',
    paste: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}',
    kinds: ['identity-policy'],
  },
  {
    // https://docs.aws.amazon.com/cli/latest/reference/iam/get-role.html
    name: 'aws iam get-role output',
    paste: S.getRoleOutput,
    kinds: ['trust-policy'],
    check: ([r]) => expect(r?.kind === 'trust-policy' && r.role).toEqual({ arn: 'arn:aws:iam::222222222222:role/Deploy', id: 'AROADEPLOYEXAMPLE0001', maxSessionDuration: 3600 }),
  },
  { name: 'aws iam get-user output', paste: '{"User":{"UserName":"alice","UserId":"AIDAALICEEXAMPLE00001","Arn":"arn:aws:iam::111111111111:user/alice"}}', kinds: ['user'] },
  {
    name: 'aws iam get-role-policy output',
    paste: '{"RoleName":"CiRunner","PolicyName":"assume","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}}',
    kinds: ['identity-policy'],
    check: ([r]) => expect(r?.kind === 'identity-policy' && r.owner).toEqual({ type: 'role', name: 'CiRunner' }),
  },
  { name: 'aws iam get-policy-version output', paste: '{"PolicyVersion":{"Document":{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sts:*","Resource":"*"}]},"VersionId":"v2","IsDefaultVersion":true}}', kinds: ['identity-policy'] },
  {
    name: 'aws iam list-attached-role-policies output',
    paste: '{"AttachedPolicies":[{"PolicyName":"ReadOnlyAccess","PolicyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}]}',
    kinds: ['attached-policies'],
  },
  {
    // https://datatracker.ietf.org/doc/html/rfc7519#section-3 (compact serialization)
    name: 'a GitHub Actions JWT',
    paste: S.jwt(S.githubClaims),
    kinds: ['web-identity-token'],
    check: ([r]) => {
      expect(r?.kind === 'web-identity-token' && r.claims.sub).toBe('repo:example-org/site:ref:refs/heads/main');
      expect(r?.label).toContain('signature is not verified');
    },
  },
  { name: 'token claims as JSON', paste: JSON.stringify(S.githubClaims), kinds: ['web-identity-token'] },
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml_assertions.html
    name: 'a SAML response in base64',
    paste: S.samlBase64,
    kinds: ['saml'],
    check: ([r]) => expect(r?.kind === 'saml' && r.assertion.attributes?.['https://aws.amazon.com/SAML/Attributes/RoleSessionName']).toEqual(['alice@corp.example']),
  },
  { name: 'a SAML response as XML', paste: S.samlXml, kinds: ['saml'] },
  { name: 'a SAML response URL-encoded from a network panel', paste: `SAMLResponse=${encodeURIComponent(S.samlBase64)}`, kinds: ['saml'] },
  {
    name: 'the CLI\'s AccessDenied for AssumeRole',
    paste: S.assumeRoleError,
    kinds: ['error'],
    check: ([r]) => expect(r?.kind === 'error' && [r.caller, r.action, r.resource, r.call]).toEqual(['arn:aws:iam::111111111111:user/alice', 'sts:AssumeRole', 'arn:aws:iam::222222222222:role/Deploy', 'AssumeRole']),
  },
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html#access_denied_error_messages
    name: 'an AccessDenied naming an explicit deny in an SCP',
    paste: S.scpDenyError,
    kinds: ['error'],
    check: ([r]) => expect(r?.kind === 'error' && r.reason).toEqual({ kind: 'explicit-deny', policy: 'service control' }),
  },
  {
    name: 'an AccessDenied saying no identity-based policy allows',
    paste: `${S.assumeRoleError} because no identity-based policy allows the sts:AssumeRole action`,
    kinds: ['error'],
    check: ([r]) => expect(r?.kind === 'error' && r.reason).toEqual({ kind: 'no-allow', policy: 'identity-based' }),
  },
  { name: 'configure-aws-credentials\' web identity failure', paste: S.webIdentityDenied, kinds: ['error'] },
  {
    name: 'InvalidIdentityToken: no OIDC provider',
    paste: S.noProviderError,
    kinds: ['error'],
    check: ([r]) => expect(r?.kind === 'error' && r.detail).toBe('no-provider'),
  },
  { name: 'InvalidIdentityToken: incorrect token audience', paste: 'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: Incorrect token audience', kinds: ['error'], check: ([r]) => expect(r?.kind === 'error' && r.detail).toBe('wrong-audience') },
  {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
    name: 'a CloudTrail AssumeRoleWithWebIdentity event',
    paste: S.cloudTrailWebIdentity,
    kinds: ['cloudtrail'],
    check: ([r]) => expect(r?.kind === 'cloudtrail' && r.webIdentity).toEqual({ provider: 'token.actions.githubusercontent.com', sub: 'repo:example-org/site:pull_request', aud: 'sts.amazonaws.com' }),
  },
  { name: 'a CloudTrail AssumeRole event', paste: S.cloudTrailAssumeRole, kinds: ['cloudtrail'], check: ([r]) => expect(r?.kind === 'cloudtrail' && r.caller).toBe('arn:aws:iam::111111111111:user/alice') },
  { name: 'CloudTrail lookup-events output', paste: JSON.stringify({ Events: [{ EventName: 'AssumeRole', CloudTrailEvent: S.cloudTrailAssumeRole }] }), kinds: ['cloudtrail'] },
  {
    // https://docs.aws.amazon.com/cli/latest/reference/sts/assume-role.html
    name: 'an aws sts assume-role command with continuations',
    paste: S.assumeRoleCli,
    kinds: ['cli'],
    check: ([r]) => expect(r?.kind === 'cli' && [r.params, r.profile]).toEqual([{ RoleArn: 'arn:aws:iam::222222222222:role/Deploy', RoleSessionName: 'ci run', ExternalId: 'ci-7f3a' }, 'ci']),
  },
  { name: 'a trust policy and a JWT in one paste', paste: `${S.consoleTrustStringEqualsWildcard}\n\n${S.jwt(S.githubClaims)}`, kinds: ['trust-policy', 'web-identity-token'] },
  { name: 'an error line, then get-role output', paste: `${S.assumeRoleError}\n\n${S.getRoleOutput}`, kinds: ['error', 'trust-policy'] },
];

describe('recognise', () => {
  it.each(rows)('recognises $name', ({ paste, kinds, check }) => {
    const r = recognise(paste);
    expect(r.items.map((i) => i.kind)).toEqual(kinds);
    expect(r.unrecognised).toEqual([]);
    check?.(r.items);
  });

  it('reports what it did not recognise instead of dropping it', () => {
    const r = recognise(`hello there\n\n${S.assumeRoleError}`);
    expect(r.items.map((i) => i.kind)).toEqual(['error']);
    expect(r.unrecognised).toEqual(['hello there']);
  });

  it.each(['', '{', 'eyJhbGciOi.x', '{"Version":"2012-10-17"', 'null', '<xml/>', '   '])('never throws on %j', (paste) => {
    expect(() => recognise(paste)).not.toThrow();
  });
});

describe('helpers', () => {
  it('decodes a JWT without verifying it', () => {
    expect(decodeJwt(S.jwt({ iss: 'https://x', sub: 'y' }))?.claims).toEqual({ iss: 'https://x', sub: 'y' });
    expect(decodeJwt('not.a.jwt')).toBeUndefined();
  });

  it('reads the SAML fields STS checks', () => {
    const r = readSaml(samlXmlOf(S.samlBase64)!);
    expect(r.assertion).toMatchObject({
      issuer: 'https://idp.corp.example/saml',
      recipient: 'https://signin.aws.amazon.com/saml',
      nameId: 'alice-guid',
      issueInstant: '2026-01-01T00:00:00Z',
      notOnOrAfter: '2026-01-01T00:05:00Z',
      sessionNotOnOrAfter: '2026-01-01T08:00:00Z',
    });
    expect([r.signed, r.encrypted, r.audience]).toEqual([true, false, 'urn:amazon:webservices']);
  });

  it('finds JSON objects around free text, ignoring braces in strings', () => {
    expect(findJsonObjects('a {"x":"}"} b {"y":1}').map((c) => c.value)).toEqual([{ x: '}' }, { y: 1 }]);
  });

  it('splits shell words with quotes and continuations', () => {
    expect(shellWords(`aws sts x --a 'b c' \\\n --d "e\\"f"`)).toEqual(['aws', 'sts', 'x', '--a', 'b c', '--d', 'e"f']);
  });
});
