/** Request-context helpers shared by conditions and policy variables. */
import { type ContextValue } from './types';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Looks up a condition key in the request context, ignoring case.
 * @param keys the request context keys
 * @param name the key as written in the policy, e.g. `aws:PrincipalTag/team`
 * @returns the value, or undefined when the key is absent
 * @example lookupKey({ 'aws:principaltag/Team': 'x' }, 'aws:PrincipalTag/team') // 'x'
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html (condition key names are not case-sensitive)
export function lookupKey(keys: Record<string, ContextValue>, name: string): ContextValue | undefined {
  if (hasOwn.call(keys, name)) return keys[name];
  const lower = name.toLowerCase();
  for (const k in keys) {
    if (k.length === name.length && k.toLowerCase() === lower && hasOwn.call(keys, k)) return keys[k];
  }
  return undefined;
}
