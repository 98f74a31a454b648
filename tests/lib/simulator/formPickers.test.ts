import { describe, expect, it } from 'vitest';
import { conditionKeySuggestions, keyHint, operatorHint, webIdentityKeys, wildcardHint } from '@/lib/simulator/conditionKeys';
import {
  callerOptions, readConditions, readMaxSession, readParam, readPrincipal, readStatementHead, readTags, targetRoleIndex, trustStatements, writeActions,
  writeCaller, writeConditions, writeParam, writePrincipal, writeTags,
} from '@/lib/simulator/knobs';
import { claimSuggestions, jwtClaims, readAttributes, readClaims, readSamlField, tokenShape, writeAttributes, writeClaims, type ClaimRow } from '@/lib/simulator/tokens';
import { principalSuggestions, worldArns } from '@/lib/simulator/worldPicks';

describe('condition operator "did you mean"', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
  const rows: [typed: string, hint: string | undefined][] = [
    ['StringEquals', undefined],
    ['StringEqual', 'StringEquals'],
    ['stringlike', 'StringLike'],
    ['ForAnyValue:StringEqual', 'ForAnyValue:StringEquals'],
    ['StringEqualIfExists', 'StringEqualsIfExists'],
    ['BoolIfExists', undefined],
    ['ArnLik', 'ArnLike'],
    ['Whatever', undefined],
  ];
  for (const [typed, hint] of rows) it(`${typed} → ${hint ?? 'no hint'}`, () => expect(operatorHint(typed)).toBe(hint));
});

describe('condition key suggestions follow the call', () => {
  const gha = {
    world: { oidcProviders: [{ arn: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com', url: 'https://token.actions.githubusercontent.com' }] },
    steps: [
      { call: 'AssumeRoleWithWebIdentity', params: { WebIdentityToken: { iss: 'https://token.actions.githubusercontent.com' } } },
      { call: 'AssumeRoleWithSAML' },
      { as: { user: 'u' }, call: 'AssumeRole', params: { Tags: [{ Key: 'project', Value: 'x' }] } },
    ],
    // a user with tags, for aws:PrincipalTag/…
  };
  const doc = { ...gha, world: { ...gha.world, users: [{ arn: 'u', tags: { team: 'blue' } }] } };
  const rows: [step: number, includes: string[], excludes: string[]][] = [
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
    [0, ['token.actions.githubusercontent.com:sub', 'token.actions.githubusercontent.com:aud', 'token.actions.githubusercontent.com:repository', 'token.actions.githubusercontent.com:job_workflow_ref', 'sts:RoleSessionName'], ['sts:ExternalId', 'SAML:aud']],
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-saml
    [1, ['SAML:aud', 'SAML:sub', 'SAML:namequalifier'], ['sts:ExternalId']],
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html#awssecuritytokenservice-policy-keys
    [2, ['sts:ExternalId', 'aws:MultiFactorAuthPresent', 'aws:PrincipalOrgID', 'aws:RequestTag/project', 'aws:PrincipalTag/team', 'sts:SourceIdentity'], ['SAML:aud']],
  ];
  for (const [step, includes, excludes] of rows)
    it(`step ${step + 1}`, () => {
      const keys = conditionKeySuggestions(doc, step);
      for (const k of includes) expect(keys, k).toContain(k);
      for (const k of excludes) expect(keys, k).not.toContain(k);
    });

  it('built-in providers use their own key names', () => {
    expect(webIdentityKeys('accounts.google.com')).toEqual(['accounts.google.com:aud', 'accounts.google.com:oaud', 'accounts.google.com:sub', 'accounts.google.com:google/organization_number']);
    expect(webIdentityKeys('graph.facebook.com')).toEqual(['graph.facebook.com:app_id', 'graph.facebook.com:id']);
  });

  const keyRows: [typed: string, hint: string | undefined][] = [
    ['sts:ExternalId', undefined],
    ['sts:externalid', undefined],
    ['sts:ExternalIds', 'sts:ExternalId'],
    ['aws:PrincipleTag/team', 'aws:PrincipalTag/team'],
    ['aws:RequestTag/anything', undefined],
    ['token.actions.githubusercontent.com:sbu', 'token.actions.githubusercontent.com:sub'],
    ['my:custom', undefined],
  ];
  for (const [typed, hint] of keyRows) it(`key ${typed} → ${hint ?? 'no hint'}`, () => expect(keyHint(typed, conditionKeySuggestions(doc, typed.startsWith('token') ? 0 : 2))).toBe(hint));

  it('warns that StringEquals reads * literally, and only then', () => {
    expect(wildcardHint('StringEquals', ['repo:org/*'])).toBe('StringEquals compares * and ? literally: use StringLike for a pattern.');
    expect(wildcardHint('ForAnyValue:StringNotEqualsIfExists', ['a?'])).toBe('StringNotEquals compares * and ? literally: use ForAnyValue:StringNotLikeIfExists for a pattern.');
    expect(wildcardHint('StringLike', ['repo:org/*'])).toBeUndefined();
    expect(wildcardHint('StringEquals', ['repo:org/site:ref:refs/heads/main'])).toBeUndefined();
  });
});

describe('token claims as typed rows', () => {
  const doc = { steps: [{ call: 'AssumeRoleWithWebIdentity', params: { WebIdentityToken: { iss: 'https://gitlab.com', sub: 's', aud: ['a', 'b'], iat: 10, ref_protected: 'true', email_verified: true, google: { organization_number: 1 }, signature: 'invalid' } } }] };

  it('reads each claim with its type, and writes the same token back', () => {
    const rows = readClaims(doc, 0);
    expect(rows.map((r) => `${r.key}:${r.type}`)).toEqual(['iss:text', 'sub:text', 'aud:list', 'iat:number', 'ref_protected:text', 'email_verified:boolean', 'google:json']);
    expect(writeClaims(doc, 0, rows)).toEqual(doc);
  });

  const values: [ClaimRow, unknown][] = [
    [{ key: 'exp', type: 'number', text: '1767225900' }, 1767225900],
    [{ key: 'exp', type: 'number', text: 'soon' }, 'soon'],
    [{ key: 'amr', type: 'list', text: 'authenticated\n graphql \n' }, ['authenticated', 'graphql']],
    [{ key: 'ok', type: 'boolean', text: 'false' }, false],
    [{ key: 'x', type: 'json', text: '{"a":1}' }, { a: 1 }],
    [{ key: 'x', type: 'json', text: '{oops' }, '{oops'],
  ];
  for (const [row, want] of values)
    it(`${row.type} "${row.text.replace(/\n/g, '\\n')}" is written as ${JSON.stringify(want)}`, () => {
      const out = writeClaims({ steps: [{}] }, 0, [row]) as { steps: { params: { WebIdentityToken: Record<string, unknown> } }[] };
      expect(out.steps[0]!.params.WebIdentityToken[row.key]).toEqual(want);
      expect(out.steps[0]!.params.WebIdentityToken.signature).toBe('valid');
    });

  it('rows without a name are not written', () => {
    const out = writeClaims({ steps: [{}] }, 0, [{ key: ' ', type: 'text', text: 'x' }]) as { steps: { params: { WebIdentityToken: Record<string, unknown> } }[] };
    expect(out.steps[0]!.params.WebIdentityToken).toEqual({ signature: 'valid' });
  });

  it('suggests the standard claims and this provider’s key claims first', () => {
    const s = claimSuggestions('https://token.actions.githubusercontent.com');
    expect(s.slice(0, 5)).toEqual(['iss', 'sub', 'aud', 'amr', 'azp']);
    expect(s.indexOf('repository')).toBeLessThan(s.indexOf('project_id'));
  });

  it('decodes a compact JWT payload; junk is not a JWT', () => {
    const payload = Buffer.from(JSON.stringify({ iss: 'https://x', sub: 'y' })).toString('base64url');
    expect(jwtClaims(`e30.${payload}.sig`)).toEqual({ iss: 'https://x', sub: 'y' });
    for (const junk of ['', 'abc', 'a.!!!.c', `a.${Buffer.from('[1]').toString('base64url')}.c`]) expect(jwtClaims(junk), junk).toBeUndefined();
    expect(tokenShape({ steps: [{ params: { WebIdentityToken: 'a.b.c' } }] }, 0)).toBe('jwt');
    expect(tokenShape({ steps: [{ params: { WebIdentityToken: { fromStep: 'x', path: 'y' } } }] }, 0)).toBe('other');
  });

  it('SAML attributes round-trip as rows', () => {
    const saml = { steps: [{ params: { SAMLAssertion: { issuer: 'i', attributes: { 'https://aws.amazon.com/SAML/Attributes/Role': ['r,p'], odd: 'x' } } } }] };
    expect(readAttributes(saml, 0)).toEqual([{ name: 'https://aws.amazon.com/SAML/Attributes/Role', values: ['r,p'] }, { name: 'odd', values: ['x'] }]);
    expect(readSamlField(saml, 0, 'issuer')).toBe('i');
    expect(readSamlField(saml, 0, 'recipient')).toBe('');
    const cleared = writeAttributes(saml, 0, []) as { steps: { params: { SAMLAssertion: Record<string, unknown> } }[] };
    expect(cleared.steps[0]!.params.SAMLAssertion).toEqual({ issuer: 'i' });
  });
});

describe('knobs and pickers on hostile documents', () => {
  const hostile: [string, unknown][] = [
    ['null', null],
    ['a string', 'scenario'],
    ['world is a list', { world: [], steps: [{}] }],
    ['wrong member types', { world: { roles: 'r', users: [1, { arn: 5 }], oidcProviders: [{ url: 7 }] }, steps: [{ as: { user: 3 }, call: 5, params: { Tags: 'x', RoleArn: ['a'] } }] }],
    ['a trust policy as text', { world: { roles: [{ arn: 'r', trustPolicy: '{"Statement": []}' }] }, steps: [{ call: 'AssumeRole', params: { RoleArn: 'r' } }] }],
  ];
  for (const [name, doc] of hostile)
    it(`${name}: readers answer, writers do not throw`, () => {
      expect(() => callerOptions(doc, 0)).not.toThrow();
      expect(readTags(doc, 0)).toEqual([]);
      expect(() => readParam(doc, 0, 'RoleArn')).not.toThrow();
      expect(() => targetRoleIndex(doc, 0)).not.toThrow();
      expect(() => conditionKeySuggestions(doc, 0)).not.toThrow();
      expect(() => principalSuggestions(doc, 'AWS')).not.toThrow();
      expect(() => worldArns(doc, 'roles')).not.toThrow();
      expect(() => readClaims(doc, 0)).not.toThrow();
      expect(() => writeParam(doc, 0, 'RoleSessionName', 's')).not.toThrow();
      expect(() => writeTags(doc, 0, [{ key: 'k', value: 'v', transitive: true }])).not.toThrow();
      expect(() => writeCaller(doc, 0, { kind: 'root', account: '111111111111' })).not.toThrow();
      expect(() => writeClaims(doc, 0, [])).not.toThrow();
      const roles = trustStatements(doc, 0);
      if (roles) {
        expect(() => readPrincipal(doc, 0, 0)).not.toThrow();
        expect(() => readConditions(doc, 0, 0)).not.toThrow();
        expect(() => readStatementHead(doc, 0, 0)).not.toThrow();
        expect(() => writeConditions(doc, 0, 0, [])).not.toThrow();
        expect(() => writePrincipal(doc, 0, 0, { type: '*', values: [] })).not.toThrow();
        expect(() => writeActions(doc, 0, 0, ['sts:AssumeRole'])).not.toThrow();
      }
      expect(() => readMaxSession(doc, 0)).not.toThrow();
    });

  it('a trust policy given as text is not offered for editing', () => {
    expect(trustStatements(hostile[4]![1], 0)).toBeUndefined();
  });
});
