import { describe, expect, it } from 'vitest';
import { createResolver, resolveVariables } from '@/lib/policy/variables';
import { type ContextValue, type Policy } from '@/lib/policy/types';

const VARS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';
const VERSION = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html';
const MULTI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html';

const keys: Record<string, ContextValue> = {
  'aws:username': 'alice',
  'aws:PrincipalTag/team': 'ops',
  'aws:TagKeys': ['a', 'b'],
  'aws:userid': 'AIDA*?',
};

describe('resolveVariables', () => {
  const rows: { name: string; value: string; version: Policy['version']; expected: string | null; source: string }[] = [
    { name: 'substitutes a key', value: 'home/${aws:username}/*', version: '2012-10-17', expected: 'home/alice/*', source: VARS },
    { name: 'key lookup ignores case', value: '${AWS:UserName}', version: '2012-10-17', expected: 'alice', source: VARS },
    { name: 'several variables', value: '${aws:PrincipalTag/team}-${aws:username}', version: '2012-10-17', expected: 'ops-alice', source: VARS },
    { name: 'default used when key absent', value: "${aws:PrincipalTag/cost, 'none'}", version: '2012-10-17', expected: 'none', source: `${VARS}#policy-vars-default-values` },
    { name: 'default ignored when key present', value: "${aws:PrincipalTag/team, 'none'}", version: '2012-10-17', expected: 'ops', source: `${VARS}#policy-vars-default-values` },
    { name: 'absent key without default is unresolvable', value: 'home/${aws:PrincipalTag/cost}', version: '2012-10-17', expected: null, source: `${VARS}#policy-vars-no-value` },
    { name: 'multivalued key is unresolvable', value: '${aws:TagKeys}', version: '2012-10-17', expected: null, source: MULTI },
    { name: '${*} ${?} ${$} are literal characters', value: 'a${*}b${?}c${$}', version: '2012-10-17', expected: 'a*b?c$', source: `${VARS}#policy-vars-specialchars` },
    { name: 'no Version: variables are literal text', value: 'home/${aws:username}', version: undefined, expected: 'home/${aws:username}', source: VERSION },
    { name: '2008-10-17: variables are literal text', value: 'home/${aws:username}', version: '2008-10-17', expected: 'home/${aws:username}', source: VERSION },
    { name: 'unterminated ${ is literal', value: 'home/${aws:username', version: '2012-10-17', expected: 'home/${aws:username', source: VARS },
  ];
  it.each(rows)('$name', ({ value, version, expected, source }) => {
    expect(resolveVariables(value, keys, version), source).toBe(expected);
  });
});

describe('createResolver', () => {
  it('escapes wildcards in substituted values so they stay literal (' + VARS + ')', () => {
    // Given a user id containing * and ?
    const resolve = createResolver('2012-10-17', keys);
    // Then the resolved glob escapes them, while the policy's own * stays a wildcard
    expect(resolve('x/${aws:userid}/*')).toBe('x/AIDA\\*\\?/*');
  });
  it('returns plain text for values without variables', () => {
    expect(createResolver('2012-10-17', keys)('arn:aws:s3:::b/*')).toBe('arn:aws:s3:::b/*');
  });
});
