/** Builders shared by the policy tests. */
import { parseConditionOperator } from '@/lib/policy/parse';
import { type ConditionClause, type RequestPrincipal } from '@/lib/policy/types';

/** A clause as parsePolicy would produce it. */
export function aClause(operator: string, key: string, values: string[]): ConditionClause {
  const op = parseConditionOperator(operator);
  if (!op) throw new Error(`test bug: bad operator ${operator}`);
  const c: ConditionClause = { operator, base: op.base, ifExists: op.ifExists, key, values, path: `Statement[0].Condition.${operator}.${key}` };
  if (op.set) c.set = op.set;
  return c;
}

/** An IAM user in account 111122223333. */
export const alice: RequestPrincipal = {
  kind: 'aws',
  account: '111122223333',
  arns: ['arn:aws:iam::111122223333:user/alice'],
  ids: ['AIDAEXAMPLEALICE00001'],
};

/** A role session in account 111122223333. */
export const opsSession: RequestPrincipal = {
  kind: 'aws',
  account: '111122223333',
  arns: ['arn:aws:sts::111122223333:assumed-role/Ops/bob', 'arn:aws:iam::111122223333:role/team/Ops'],
  ids: ['AROAEXAMPLEOPS0000001:bob'],
};

/** A GitHub OIDC web-identity caller. */
export const githubOidc: RequestPrincipal = {
  kind: 'federated',
  arns: [],
  ids: [],
  federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
};

/** The EC2 service. */
export const ec2: RequestPrincipal = { kind: 'service', arns: [], ids: [], service: 'ec2.amazonaws.com' };

/** Nobody signed the request. */
export const anonymous: RequestPrincipal = { kind: 'anonymous', arns: [], ids: [] };
