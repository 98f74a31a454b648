/**
 * Evaluates one parsed policy document against one request.
 * Assumes the policy has been validated by parsePolicy.
 */
import { evaluateClause } from './conditions';
import { glob } from './glob';
import { list, matchPrincipal, matchResourceEscaped } from './match';
import {
  type Policy,
  type PolicyEvaluation,
  type RequestContext,
  type RequestPrincipal,
  type Statement,
  type StatementMismatch,
  type StatementResult,
} from './types';
import { createResolver, type VariableResolver } from './variables';

const ANONYMOUS: RequestPrincipal = { kind: 'anonymous', arns: [], ids: [] };

/** Element order in which a statement is checked; the first failure is reported. */
export const statementCheckOrder = ['Principal', 'Action', 'Resource', 'Condition'] as const;

/**
 * Checks one statement. Elements are checked in the order Principal/NotPrincipal,
 * Action/NotAction, Resource/NotResource, Condition; the first failing one is returned.
 * @param st the statement
 * @param ctx the request
 * @param resolve the policy-variable resolver for this policy and request
 * @returns undefined when the statement applies, else why not
 * @example checkStatement(policy.statements[0], ctx, createResolver(policy.version, ctx.keys))
 */
export function checkStatement(st: Statement, ctx: RequestContext, resolve: VariableResolver): StatementMismatch | undefined {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
  if (st.principal) {
    const m = matchPrincipal(st.principal, ctx.principal ?? ANONYMOUS);
    if (!m.matches) return { element: 'Principal', detail: m.detail };
  } else if (st.notPrincipal) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
    const m = matchPrincipal(st.notPrincipal, ctx.principal ?? ANONYMOUS, true);
    // A Deny with NotPrincipal always denies principals that have a permissions boundary.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
    if (m.matches && st.effect === 'Deny' && ctx.principal?.hasBoundary) {
      // falls through: the statement applies
    } else if (m.matches) return { element: 'NotPrincipal', detail: `excluded by NotPrincipal: ${m.detail}` };
  }

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
  if (st.action) {
    if (!anyAction(st.action, ctx.action)) return { element: 'Action', detail: `${ctx.action} is not in ${list(st.action)}` };
  } else if (st.notAction) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
    if (anyAction(st.notAction, ctx.action)) return { element: 'NotAction', detail: `${ctx.action} is excluded by NotAction ${list(st.notAction)}` };
  }

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
  if (st.resource) {
    const r = anyResource(st.resource, ctx.resource, resolve);
    if (r !== 'match') {
      const extra = r === 'unresolved' ? ' (a policy variable could not be resolved)' : '';
      return { element: 'Resource', detail: `${ctx.resource} is not in ${list(st.resource)}${extra}` };
    }
  } else if (st.notResource) {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
    const r = anyResource(st.notResource, ctx.resource, resolve);
    if (r === 'match') return { element: 'NotResource', detail: `${ctx.resource} is excluded by NotResource ${list(st.notResource)}` };
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value (an unresolvable variable can make the statement invalid)
    if (r === 'unresolved') return { element: 'NotResource', detail: `a policy variable in NotResource ${list(st.notResource)} could not be resolved` };
  }

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multiple-conditions.html (clauses AND, values OR)
  for (const clause of st.conditions) {
    const ev = evaluateClause(clause, ctx.keys, resolve);
    if (!ev.holds) {
      const mm: StatementMismatch = { element: 'Condition', detail: ev.detail, clause };
      if (ev.requestValue !== undefined) mm.requestValue = ev.requestValue;
      return mm;
    }
  }
  return undefined;
}

const loweredPatterns = new WeakMap<readonly string[], string[]>();

/** Whether any Action pattern covers the action; the same test as matchAction, with the parsed patterns lowercased once. */
function anyAction(patterns: readonly string[], action: string): boolean {
  let lowered = loweredPatterns.get(patterns);
  if (!lowered) loweredPatterns.set(patterns, (lowered = patterns.map((p) => p.toLowerCase())));
  const a = action.toLowerCase();
  for (const p of lowered) if (p === '*' || glob(p, a)) return true;
  return false;
}

function anyResource(patterns: readonly string[], resource: string, resolve: VariableResolver): 'match' | 'none' | 'unresolved' {
  let unresolved = false;
  for (const p of patterns) {
    const r = resolve(p);
    if (r === null) unresolved = true;
    else if (matchResourceEscaped(r, resource)) return 'match';
  }
  return unresolved ? 'unresolved' : 'none';
}

/**
 * Evaluates a policy: `Deny` when any Deny statement applies, else `Allow` when any
 * Allow applies, else `NotApplicable`.
 * @param policy a policy from parsePolicy
 * @param ctx the request
 * @returns the result, one entry per statement, and the deciding statement's index
 * @example evaluatePolicy(policy, { action: 'sts:AssumeRole', resource: '*', keys: {} }).result
 */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (an explicit deny overrides any allow)
export function evaluatePolicy(policy: Policy, ctx: RequestContext): PolicyEvaluation {
  const resolve = createResolver(policy.version, ctx.keys);
  const statements: StatementResult[] = new Array<StatementResult>(policy.statements.length);
  let firstDeny: number | undefined;
  let firstAllow: number | undefined;
  for (let i = 0; i < policy.statements.length; i++) {
    const st = policy.statements[i] as Statement;
    const mismatch = checkStatement(st, ctx, resolve);
    const res: StatementResult = { index: st.index, effect: st.effect, applies: mismatch === undefined };
    if (st.sid !== undefined) res.sid = st.sid;
    if (mismatch) res.mismatch = mismatch;
    else if (st.effect === 'Deny') firstDeny ??= st.index;
    else firstAllow ??= st.index;
    statements[i] = res;
  }
  if (firstDeny !== undefined) return { result: 'Deny', statements, decidingIndex: firstDeny };
  if (firstAllow !== undefined) return { result: 'Allow', statements, decidingIndex: firstAllow };
  return { result: 'NotApplicable', statements };
}
