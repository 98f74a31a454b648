import { describe, expect, it } from 'vitest';
import { evaluateClause } from '@/lib/policy/conditions';
import { createResolver } from '@/lib/policy/variables';
import { type ContextValue } from '@/lib/policy/types';
import { aClause } from './helpers';

const OPS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
const MULTI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html';
const MULTI_EX = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html';
const VARS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';

/** One row: a clause, what the request has for its key (undefined = absent), the expected verdict. */
interface Row {
  name: string;
  source: string;
  operator: string;
  values: (string)[];
  request: ContextValue | undefined;
  expected: boolean;
  key?: string;
  requestKey?: string;
}

function runConditionTable(family: string, rows: Row[]): void {
  describe(family, () => {
    it.each(rows)('$name', (row) => {
      // Given a clause and a request context
      const key = row.key ?? 'test:Key';
      const clause = aClause(row.operator, key, row.values);
      const keys: Record<string, ContextValue> = row.request === undefined ? {} : { [row.requestKey ?? key]: row.request };
      // When the clause is evaluated
      const ev = evaluateClause(clause, keys);
      // Then it holds or not, and the detail names the key
      expect(ev.holds, `${row.name} (${row.source})`).toBe(row.expected);
      expect(ev.detail).toContain(key);
      if (row.request === undefined) expect(ev.requestValue).toBeUndefined();
    });
  });
}

runConditionTable('String operators', [
  { name: 'StringEquals matches exactly', source: `${OPS}#Conditions_String`, operator: 'StringEquals', values: ['abc'], request: 'abc', expected: true },
  { name: 'StringEquals is case-sensitive', source: `${OPS}#Conditions_String`, operator: 'StringEquals', values: ['abc'], request: 'ABC', expected: false },
  { name: 'StringEquals: any policy value (OR)', source: `${OPS}#Conditions_String`, operator: 'StringEquals', values: ['x', 'abc'], request: 'abc', expected: true },
  { name: 'StringEquals: absent key is false', source: OPS, operator: 'StringEquals', values: ['abc'], request: undefined, expected: false },
  { name: 'StringEquals: * is literal', source: `${OPS}#Conditions_String`, operator: 'StringEquals', values: ['a*'], request: 'abc', expected: false },
  { name: 'key names are case-insensitive', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html', operator: 'StringEquals', key: 'aws:PrincipalTag/team', requestKey: 'AWS:principaltag/TEAM', values: ['ops'], request: 'ops', expected: true },
  { name: 'StringNotEquals: absent key is true', source: OPS, operator: 'StringNotEquals', values: ['abc'], request: undefined, expected: true },
  { name: 'StringNotEquals: equal value is false', source: OPS, operator: 'StringNotEquals', values: ['abc'], request: 'abc', expected: false },
  { name: 'StringNotEquals: matches none of several (AND)', source: `${OPS}#Conditions_String`, operator: 'StringNotEquals', values: ['a', 'b'], request: 'c', expected: true },
  { name: 'StringNotEquals: matching one of several is false', source: `${OPS}#Conditions_String`, operator: 'StringNotEquals', values: ['a', 'b'], request: 'b', expected: false },
  { name: 'StringEqualsIgnoreCase ignores case', source: `${OPS}#Conditions_String`, operator: 'StringEqualsIgnoreCase', values: ['Prod'], request: 'PROD', expected: true },
  { name: 'StringNotEqualsIgnoreCase', source: `${OPS}#Conditions_String`, operator: 'StringNotEqualsIgnoreCase', values: ['Prod'], request: 'prod', expected: false },
  { name: 'StringLike with *', source: `${OPS}#Conditions_String-wildcard`, operator: 'StringLike', values: ['home/*'], request: 'home/bob/file', expected: true },
  { name: 'StringLike with ?', source: `${OPS}#Conditions_String-wildcard`, operator: 'StringLike', values: ['v?'], request: 'v1', expected: true },
  { name: 'StringLike ? is exactly one char', source: `${OPS}#Conditions_String-wildcard`, operator: 'StringLike', values: ['v?'], request: 'v12', expected: false },
  { name: 'StringLike is case-sensitive', source: `${OPS}#Conditions_String`, operator: 'StringLike', values: ['Home/*'], request: 'home/x', expected: false },
  { name: 'StringNotLike: absent key is true', source: OPS, operator: 'StringNotLike', values: ['home/*'], request: undefined, expected: true },
  { name: 'StringNotLike: matching value is false', source: OPS, operator: 'StringNotLike', values: ['home/*'], request: 'home/x', expected: false },
]);

runConditionTable('Numeric operators', [
  { name: 'NumericLessThan', source: `${OPS}#Conditions_Numeric`, operator: 'NumericLessThan', values: ['10'], request: '5', expected: true },
  { name: 'NumericLessThan equal is false', source: `${OPS}#Conditions_Numeric`, operator: 'NumericLessThan', values: ['10'], request: '10', expected: false },
  { name: 'NumericLessThanEquals', source: `${OPS}#Conditions_Numeric`, operator: 'NumericLessThanEquals', values: ['10'], request: '10', expected: true },
  { name: 'NumericEquals compares numbers, not text', source: `${OPS}#Conditions_Numeric`, operator: 'NumericEquals', values: ['10'], request: '10.0', expected: true },
  { name: 'NumericGreaterThan', source: `${OPS}#Conditions_Numeric`, operator: 'NumericGreaterThan', values: ['3600'], request: '7200', expected: true },
  { name: 'NumericGreaterThanEquals', source: `${OPS}#Conditions_Numeric`, operator: 'NumericGreaterThanEquals', values: ['3600'], request: '3599', expected: false },
  { name: 'NumericEquals with a non-number never matches', source: `${OPS}#Conditions_Numeric`, operator: 'NumericEquals', values: ['10'], request: 'ten', expected: false },
  { name: 'NumericNotEquals: absent key is true', source: OPS, operator: 'NumericNotEquals', values: ['10'], request: undefined, expected: true },
  { name: 'NumericNotEquals: different value', source: `${OPS}#Conditions_Numeric`, operator: 'NumericNotEquals', values: ['10'], request: '11', expected: true },
]);

runConditionTable('Date operators', [
  { name: 'DateGreaterThan ISO vs ISO', source: `${OPS}#Conditions_Date`, operator: 'DateGreaterThan', values: ['2020-01-01T00:00:00Z'], request: '2024-06-01T12:00:00Z', expected: true },
  { name: 'DateLessThan ISO vs ISO', source: `${OPS}#Conditions_Date`, operator: 'DateLessThan', values: ['2020-01-01T00:00:00Z'], request: '2024-06-01T12:00:00Z', expected: false },
  { name: 'DateEquals epoch seconds vs ISO (same instant)', source: `${OPS}#Conditions_Date`, operator: 'DateEquals', values: ['2020-01-01T00:00:00Z'], request: '1577836800', expected: true },
  { name: 'DateLessThanEquals ISO policy, epoch request', source: `${OPS}#Conditions_Date`, operator: 'DateLessThanEquals', values: ['1577836800'], request: '2020-01-01T00:00:00Z', expected: true },
  { name: 'Date with timezone offset compares instants', source: `${OPS}#Conditions_Date`, operator: 'DateEquals', values: ['2020-01-01T02:00:00+02:00'], request: '2020-01-01T00:00:00Z', expected: true },
  { name: 'DateGreaterThanEquals date-only', source: `${OPS}#Conditions_Date`, operator: 'DateGreaterThanEquals', values: ['2020-01-01'], request: '2020-01-01T00:00:00Z', expected: true },
  { name: 'DateNotEquals: absent key is true', source: OPS, operator: 'DateNotEquals', values: ['2020-01-01'], request: undefined, expected: true },
  { name: 'Date with garbage never matches', source: `${OPS}#Conditions_Date`, operator: 'DateLessThan', values: ['2020-01-01'], request: 'yesterday', expected: false },
]);

runConditionTable('Bool and Binary', [
  { name: 'Bool true', source: `${OPS}#Conditions_Boolean`, operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'], request: 'true', expected: true },
  { name: 'Bool is case-insensitive', source: `${OPS}#Conditions_Boolean`, operator: 'Bool', key: 'aws:SecureTransport', values: ['TRUE'], request: 'true', expected: true },
  { name: 'Bool false vs true', source: `${OPS}#Conditions_Boolean`, operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'], request: 'false', expected: false },
  { name: 'Bool absent is false', source: `${OPS}#Conditions_Boolean`, operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['false'], request: undefined, expected: false },
  { name: 'BoolIfExists absent is true', source: `${OPS}#Conditions_IfExists`, operator: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', values: ['false'], request: undefined, expected: true },
  { name: 'BinaryEquals same base64', source: `${OPS}#Conditions_BinaryEquals`, operator: 'BinaryEquals', values: ['QmluYXJ5VmFsdWVJbkJhc2U2NA=='], request: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', expected: true },
  { name: 'BinaryEquals different base64', source: `${OPS}#Conditions_BinaryEquals`, operator: 'BinaryEquals', values: ['QmluYXJ5'], request: 'QmluYXJy', expected: false },
]);

runConditionTable('IP address operators', [
  { name: 'IpAddress IPv4 CIDR', source: `${OPS}#Conditions_IPAddress`, operator: 'IpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24'], request: '203.0.113.7', expected: true },
  { name: 'IpAddress IPv4 outside CIDR', source: `${OPS}#Conditions_IPAddress`, operator: 'IpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24'], request: '203.0.114.7', expected: false },
  { name: 'IpAddress non-octet prefix /20', source: `${OPS}#Conditions_IPAddress`, operator: 'IpAddress', key: 'aws:SourceIp', values: ['10.0.16.0/20'], request: '10.0.31.255', expected: true },
  { name: 'IpAddress bare address is /32', source: `${OPS}#Conditions_IPAddress`, operator: 'IpAddress', key: 'aws:SourceIp', values: ['192.0.2.1'], request: '192.0.2.1', expected: true },
  { name: 'IpAddress IPv6 CIDR', source: `${OPS}#Conditions_IPAddress`, operator: 'IpAddress', key: 'aws:SourceIp', values: ['2001:DB8:1234:5678::/64'], request: '2001:db8:1234:5678::abcd', expected: true },
  { name: 'IpAddress IPv6 outside CIDR', source: `${OPS}#Conditions_IPAddress`, operator: 'IpAddress', key: 'aws:SourceIp', values: ['2001:DB8:1234:5678::/64'], request: '2001:db8:1234:5679::1', expected: false },
  { name: 'IpAddress IPv4 request vs IPv6 CIDR', source: `${OPS}#Conditions_IPAddress`, operator: 'IpAddress', key: 'aws:SourceIp', values: ['2001:db8::/32'], request: '203.0.113.7', expected: false },
  { name: 'NotIpAddress outside range is true', source: `${OPS}#Conditions_IPAddress`, operator: 'NotIpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24', '2001:db8::/32'], request: '198.51.100.1', expected: true },
  { name: 'NotIpAddress absent key is true', source: OPS, operator: 'NotIpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24'], request: undefined, expected: true },
]);

runConditionTable('ARN operators', [
  { name: 'ArnLike wildcard in account', source: `${OPS}#Conditions_ARN`, operator: 'ArnLike', key: 'aws:PrincipalArn', values: ['arn:aws:iam::*:role/ops-*'], request: 'arn:aws:iam::111122223333:role/ops-admin', expected: true },
  { name: 'ArnEquals behaves like ArnLike', source: `${OPS}#Conditions_ARN`, operator: 'ArnEquals', key: 'aws:SourceArn', values: ['arn:aws:sns:*:111122223333:*'], request: 'arn:aws:sns:us-east-1:111122223333:topic', expected: true },
  { name: 'ArnLike: * in the account does not cross into the resource', source: `${OPS}#Conditions_ARN`, operator: 'ArnLike', key: 'aws:SourceArn', values: ['arn:aws:iam::1*:role/x'], request: 'arn:aws:iam::1:2:role/x', expected: false },
  { name: 'ArnLike: a pattern with fewer than six parts is a plain glob', source: `${OPS}#Conditions_ARN`, operator: 'ArnLike', key: 'aws:SourceArn', values: ['arn:aws:sns:*'], request: 'arn:aws:sns:us-east-1:111122223333:topic', expected: true },
  { name: 'ArnLike resource part keeps colons', source: `${OPS}#Conditions_ARN`, operator: 'ArnLike', key: 'aws:SourceArn', values: ['arn:aws:logs:us-east-1:111122223333:log-group:*'], request: 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:x', expected: true },
  { name: 'ArnNotLike absent key is true', source: OPS, operator: 'ArnNotLike', key: 'aws:SourceArn', values: ['arn:aws:s3:::b'], request: undefined, expected: true },
  { name: 'ArnNotEquals matching value is false', source: `${OPS}#Conditions_ARN`, operator: 'ArnNotEquals', key: 'aws:SourceArn', values: ['arn:aws:s3:::b'], request: 'arn:aws:s3:::b', expected: false },
]);

runConditionTable('Null', [
  { name: 'Null true + absent key', source: `${OPS}#Conditions_Null`, operator: 'Null', key: 'aws:TokenIssueTime', values: ['true'], request: undefined, expected: true },
  { name: 'Null true + present key', source: `${OPS}#Conditions_Null`, operator: 'Null', key: 'aws:TokenIssueTime', values: ['true'], request: '2024-01-01T00:00:00Z', expected: false },
  { name: 'Null false + present key', source: `${OPS}#Conditions_Null`, operator: 'Null', key: 'aws:TokenIssueTime', values: ['false'], request: '2024-01-01T00:00:00Z', expected: true },
  { name: 'Null false + absent key', source: `${OPS}#Conditions_Null`, operator: 'Null', key: 'aws:TokenIssueTime', values: ['false'], request: undefined, expected: false },
  { name: 'Null true + empty multivalued key', source: `${OPS}#Conditions_Null`, operator: 'Null', key: 'aws:TagKeys', values: ['true'], request: [], expected: true },
]);

runConditionTable('IfExists', [
  { name: 'StringEqualsIfExists absent is true', source: `${OPS}#Conditions_IfExists`, operator: 'StringEqualsIfExists', key: 'ec2:InstanceType', values: ['t2.micro'], request: undefined, expected: true },
  { name: 'StringEqualsIfExists present and different is false', source: `${OPS}#Conditions_IfExists`, operator: 'StringEqualsIfExists', key: 'ec2:InstanceType', values: ['t2.micro'], request: 'm5.large', expected: false },
  { name: 'StringNotEqualsIfExists present and equal is false', source: `${OPS}#Conditions_IfExists`, operator: 'StringNotEqualsIfExists', values: ['a'], request: 'a', expected: false },
  { name: 'NumericLessThanIfExists present', source: `${OPS}#Conditions_IfExists`, operator: 'NumericLessThanIfExists', values: ['10'], request: '3', expected: true },
]);

runConditionTable('Set operators on multivalued keys', [
  { name: 'ForAnyValue: one request value matches', source: `${MULTI}#reference_policies_condition-foranyvalue`, operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', values: ['env', 'team'], request: ['cost', 'team'], expected: true },
  { name: 'ForAnyValue: none matches', source: `${MULTI}#reference_policies_condition-foranyvalue`, operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', values: ['env'], request: ['cost', 'team'], expected: false },
  { name: 'ForAnyValue: absent key is false', source: `${MULTI}#reference_policies_condition-foranyvalue`, operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', values: ['env'], request: undefined, expected: false },
  { name: 'ForAnyValue: empty set is false', source: `${MULTI}#reference_policies_condition-foranyvalue`, operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', values: ['env'], request: [], expected: false },
  { name: 'ForAllValues: subset matches', source: `${MULTI}#reference_policies_condition-forallvalues`, operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['env', 'team', 'cost'], request: ['env', 'team'], expected: true },
  { name: 'ForAllValues: one outsider fails', source: `${MULTI}#reference_policies_condition-forallvalues`, operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['env', 'team'], request: ['env', 'secret'], expected: false },
  { name: 'ForAllValues: absent key is true', source: `${MULTI}#reference_policies_condition-forallvalues`, operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['env'], request: undefined, expected: true },
  { name: 'ForAllValues: empty set is true', source: `${MULTI}#reference_policies_condition-forallvalues`, operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['env'], request: [], expected: true },
  { name: 'ForAllValues:StringLike with wildcard', source: `${MULTI}#reference_policies_condition-forallvalues`, operator: 'ForAllValues:StringLike', key: 'aws:TagKeys', values: ['Created*'], request: ['CreatedBy', 'CreatedAt'], expected: true },
  { name: 'ForAllValues:StringNotLike key2:audit (AWS example: match)', source: MULTI_EX, operator: 'ForAllValues:StringNotLike', key: 'aws:TagKeys', values: ['key1*'], request: ['key2:audit'], expected: true },
  { name: 'ForAllValues:StringNotLike key1:legal (AWS example: no match)', source: MULTI_EX, operator: 'ForAllValues:StringNotLike', key: 'aws:TagKeys', values: ['key1*'], request: ['key1:legal'], expected: false },
  { name: 'ForAllValues:StringNotLike absent key (AWS example: match)', source: MULTI_EX, operator: 'ForAllValues:StringNotLike', key: 'aws:TagKeys', values: ['key1*'], request: undefined, expected: true },
  { name: 'ForAnyValue:StringNotEquals: one value outside the list', source: `${MULTI}#reference_policies_condition-foranyvalue`, operator: 'ForAnyValue:StringNotEquals', key: 'aws:TagKeys', values: ['env'], request: ['env', 'other'], expected: true },
  { name: 'ForAnyValue:StringEqualsIfExists absent is true', source: `${OPS}#Conditions_IfExists`, operator: 'ForAnyValue:StringEqualsIfExists', key: 'aws:TagKeys', values: ['env'], request: undefined, expected: true },
  { name: 'Multivalued key, no qualifier, positive: any value matches', source: MULTI, operator: 'StringEquals', key: 'aws:PrincipalServiceNamesList', values: ['ec2.amazonaws.com'], request: ['lambda.amazonaws.com', 'ec2.amazonaws.com'], expected: true },
  { name: 'Multivalued key, no qualifier, negated: a listed value fails it', source: MULTI, operator: 'StringNotEquals', key: 'aws:PrincipalServiceNamesList', values: ['ec2.amazonaws.com'], request: ['lambda.amazonaws.com', 'ec2.amazonaws.com'], expected: false },
  { name: 'Multivalued key, no qualifier, negated: no listed value', source: MULTI, operator: 'StringNotEquals', key: 'aws:PrincipalServiceNamesList', values: ['ec2.amazonaws.com'], request: ['lambda.amazonaws.com'], expected: true },
]);

describe('policy variables in condition values', () => {
  // Given a 2012-10-17 policy comparing a tag to the caller's user name
  const clause = aClause('StringEquals', 'aws:ResourceTag/owner', ['${aws:username}']);
  it('substitutes the variable (source: ' + VARS + ')', () => {
    const keys = { 'aws:username': 'alice', 'aws:ResourceTag/owner': 'alice' };
    expect(evaluateClause(clause, keys, createResolver('2012-10-17', keys)).holds).toBe(true);
  });
  it('an unresolvable variable matches nothing (source: ' + VARS + '#policy-vars-no-value)', () => {
    const keys = { 'aws:ResourceTag/owner': 'alice' };
    expect(evaluateClause(clause, keys, createResolver('2012-10-17', keys)).holds).toBe(false);
  });
  it('an unresolvable variable never satisfies a negated operator (statement invalid; ' + VARS + ')', () => {
    const neg = aClause('StringNotEquals', 'aws:ResourceTag/owner', ['${aws:username}']);
    const keys = { 'aws:ResourceTag/owner': 'alice' };
    expect(evaluateClause(neg, keys, createResolver('2012-10-17', keys)).holds).toBe(false);
  });
  it('a substituted value is literal inside StringLike (source: ' + VARS + '#policy-vars-specialchars)', () => {
    const like = aClause('StringLike', 's3:prefix', ['home/${aws:username}/*']);
    const keys = { 'aws:username': 'a*', 's3:prefix': 'home/abc/x' };
    expect(evaluateClause(like, keys, createResolver('2012-10-17', keys)).holds).toBe(false);
    const keys2 = { 'aws:username': 'a*', 's3:prefix': 'home/a*/x' };
    expect(evaluateClause(like, keys2, createResolver('2012-10-17', keys2)).holds).toBe(true);
  });
  it('numeric operators do not substitute variables (source: ' + OPS + '#Conditions_Numeric)', () => {
    const num = aClause('NumericEquals', 'test:n', ['${test:m}']);
    const keys = { 'test:n': '1', 'test:m': '1' };
    expect(evaluateClause(num, keys, createResolver('2012-10-17', keys)).holds).toBe(false);
  });
});

describe('detail strings', () => {
  it('name the key, the request value and the policy values', () => {
    const ev = evaluateClause(aClause('StringEquals', 'sts:ExternalId', ['abc']), { 'sts:ExternalId': 'xyz' });
    expect(ev).toMatchInlineSnapshot(`
      {
        "detail": "StringEquals sts:ExternalId: request value "xyz" matches none of ["abc"]",
        "holds": false,
        "requestValue": "xyz",
      }
    `);
  });
  it('say when the key is absent', () => {
    const ev = evaluateClause(aClause('StringEquals', 'sts:ExternalId', ['abc']), {});
    expect(ev).toMatchInlineSnapshot(`
      {
        "detail": "StringEquals sts:ExternalId: key is absent; the key must be present to match (policy values ["abc"])",
        "holds": false,
      }
    `);
  });
});
