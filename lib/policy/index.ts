/** Public API of the IAM policy language. */
export * from './types';
export { parsePolicy, parseConditionOperator, type ParsePolicyResult, type ParsedOperator } from './parse';
export { formatIssues, policyIssueCodes, type PolicyIssueCode } from './issues';
export { matchAction, matchResource, matchPrincipal, type PrincipalMatch } from './match';
export { evaluateClause, negatedOperators, isNegated, parseCidr, parseDate, parseNumber, type ClauseEvaluation } from './conditions';
export { createResolver, resolveVariables, literalResolver, type VariableResolver } from './variables';
export { evaluatePolicy, checkStatement } from './evaluate';
export { lookupKey } from './context';
