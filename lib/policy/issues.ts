/** Validation issue codes for policy documents, and formatting for display. */
import { type PolicyIssue } from './types';

/**
 * Every code parsePolicy can emit, with the IAM User Guide page (under
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/) that explains the rule.
 */
export const policyIssueCodes = {
  'invalid-json': { docs: 'reference_policies_grammar.html' },
  'invalid-document': { docs: 'reference_policies_grammar.html' },
  'unknown-element': { docs: 'reference_policies_elements.html' },
  'invalid-type': { docs: 'reference_policies_grammar.html' },
  'invalid-version': { docs: 'reference_policies_elements_version.html' },
  'missing-statement': { docs: 'reference_policies_elements_statement.html' },
  'empty-statement': { docs: 'reference_policies_elements_statement.html' },
  'invalid-statement': { docs: 'reference_policies_elements_statement.html' },
  'invalid-sid': { docs: 'reference_policies_elements_sid.html' },
  'duplicate-sid': { docs: 'reference_policies_elements_sid.html' },
  'missing-effect': { docs: 'reference_policies_elements_effect.html' },
  'invalid-effect': { docs: 'reference_policies_elements_effect.html' },
  'missing-action': { docs: 'reference_policies_elements_action.html' },
  'invalid-action': { docs: 'reference_policies_elements_action.html' },
  'missing-resource': { docs: 'reference_policies_elements_resource.html' },
  'invalid-resource': { docs: 'reference_policies_elements_resource.html' },
  'missing-principal': { docs: 'reference_policies_elements_principal.html' },
  'invalid-principal': { docs: 'reference_policies_elements_principal.html' },
  'unknown-principal-type': { docs: 'reference_policies_elements_principal.html' },
  'notprincipal-requires-deny': { docs: 'reference_policies_elements_notprincipal.html' },
  'conflicting-elements': { docs: 'reference_policies_grammar.html' },
  'forbidden-element': { docs: 'reference_policies_elements_principal.html' },
  'empty-value': { docs: 'reference_policies_grammar.html' },
  'invalid-condition': { docs: 'reference_policies_elements_condition.html' },
  'unknown-condition-operator': { docs: 'reference_policies_elements_condition_operators.html' },
  'invalid-condition-operator': { docs: 'reference_policies_elements_condition_operators.html' },
  'invalid-condition-value': { docs: 'reference_policies_elements_condition.html' },
} as const;

/** A stable issue code. */
export type PolicyIssueCode = keyof typeof policyIssueCodes;

/** Builds an issue; the only place issues are created, so codes stay typed. */
export function issue(code: PolicyIssueCode, path: string, message: string): PolicyIssue {
  return { code, path, message };
}

/**
 * Formats issues one per line as `path: message [code]`.
 * @param issues issues from parsePolicy
 * @returns a multi-line string (empty when there are no issues)
 * @example formatIssues([{ code: 'missing-effect', path: 'Statement[0]', message: 'Effect is required.' }])
 * // 'Statement[0]: Effect is required. [missing-effect]'
 */
export function formatIssues(issues: readonly PolicyIssue[]): string {
  return issues.map((i) => `${i.path === '' ? '(document)' : i.path}: ${i.message} [${i.code}]`).join('\n');
}
