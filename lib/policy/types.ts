/**
 * Typed IAM policy documents and the request context they are evaluated against.
 * This file is the contract between the policy language (lib/policy) and STS (lib/sts).
 */

/** Where a policy document is used; decides which elements are required or forbidden. */
export const policyKinds = ['identity', 'trust', 'resource', 'session', 'boundary', 'scp'] as const;
/** Where a policy document is used. */
export type PolicyKind = (typeof policyKinds)[number];

/** One problem in a policy document, located by path (`Statement[1].Condition.StringEquals`). */
export interface PolicyIssue {
  /** Stable machine code, e.g. `missing-principal`, `invalid-json`, `unknown-element`. */
  code: string;
  /** Path inside the document, `Statement[0].Principal.AWS`; empty string for the whole document. */
  path: string;
  /** One plain-English sentence. */
  message: string;
}

/** The Principal (or NotPrincipal) element, normalised. */
export type PrincipalSpec =
  /** `"Principal": "*"` */
  | { kind: 'any' }
  | {
      kind: 'map';
      /** `AWS` entries as written: account ids, ARNs, unique ids, or `*`. */
      aws: string[];
      /** `Service` entries, e.g. `ec2.amazonaws.com`. */
      service: string[];
      /** `Federated` entries: SAML/OIDC provider ARNs or names like `cognito-identity.amazonaws.com`. */
      federated: string[];
      /** `CanonicalUser` entries (S3). */
      canonicalUser: string[];
    };

/** Condition operator families. */
export const conditionBases = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress',
  'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
] as const;
/** A condition operator without its `ForAnyValue:`/`ForAllValues:` prefix or `IfExists` suffix. */
export type ConditionBase = (typeof conditionBases)[number];

/** One key test inside a Condition block: `"StringEquals": { "sts:ExternalId": ["a", "b"] }`. */
export interface ConditionClause {
  /** The operator exactly as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** The operator family. */
  base: ConditionBase;
  /** The set qualifier, when given. */
  set?: 'ForAnyValue' | 'ForAllValues';
  /** Whether the operator ends in `IfExists`. */
  ifExists: boolean;
  /** The condition key as written, e.g. `aws:PrincipalTag/team`. */
  key: string;
  /** The policy's values, as strings (booleans and numbers are stringified). */
  values: string[];
  /** Path of this clause, `Statement[0].Condition.StringEquals.sts:ExternalId`. */
  path: string;
}

/** One statement, normalised: single strings become arrays. */
export interface Statement {
  /** Position in the Statement array (0 for a lone statement object). */
  index: number;
  /** The Sid, when given. */
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: PrincipalSpec;
  notPrincipal?: PrincipalSpec;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  /** Condition clauses; all must hold. */
  conditions: ConditionClause[];
}

/** A parsed, validated policy document. */
export interface Policy {
  version?: '2012-10-17' | '2008-10-17';
  id?: string;
  statements: Statement[];
  /** Length of the document's JSON with insignificant whitespace removed (for size limits). */
  packedChars: number;
}

/** A request-context value: single-valued keys hold a string, multivalued keys an array. */
export type ContextValue = string | string[];

/**
 * Who is making the request, in the forms a Principal element can name.
 * `kind` decides which Principal map entry can match: `aws` entries match `aws`
 * principals, `Federated` entries match `federated`, `Service` entries match `service`.
 */
export interface RequestPrincipal {
  kind: 'aws' | 'federated' | 'service' | 'anonymous';
  /** Account of the principal (aws kind). An `AWS` entry naming this account (`"111111111111"` or `arn:aws:iam::111111111111:root`) matches. */
  account?: string;
  /**
   * ARNs an `AWS` entry may name to match this caller exactly: a user ARN; for a role
   * session both the session ARN (`arn:aws:sts::A:assumed-role/R/s`) and the role ARN
   * (`arn:aws:iam::A:role/path/R`); a federated-user ARN; `arn:aws:iam::A:root` for the root user.
   */
  arns: string[];
  /** Unique ids an `AWS` entry may name (AIDA…, AROA…). */
  ids: string[];
  /** For kind `federated`: the provider ARN or name (`cognito-identity.amazonaws.com`). */
  federated?: string;
  /** For kind `service`: the service principal. */
  service?: string;
  /** Whether a permissions boundary applies to the caller (a NotPrincipal Deny then always applies). */
  hasBoundary?: boolean;
}

/** Everything a policy is evaluated against. */
export interface RequestContext {
  /** The action, `service:Name`, e.g. `sts:AssumeRole`. */
  action: string;
  /** The resource ARN, or `*`. */
  resource: string;
  /** Needed only for policies with Principal/NotPrincipal (trust, resource). */
  principal?: RequestPrincipal;
  /**
   * Condition keys present in the request. Keys are matched case-insensitively
   * (`aws:principaltag/Team` finds `aws:PrincipalTag/team`). Absent keys are simply missing.
   * Also the source of policy-variable values (`${aws:username}`).
   */
  keys: Record<string, ContextValue>;
}

/** Why a statement did not apply. */
export interface StatementMismatch {
  /** The element that did not match. */
  element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal' | 'Condition';
  /** Plain-English detail naming the value, e.g. `sts:AssumeRole is not in ["s3:*"]`. */
  detail: string;
  /** For a condition: the clause that failed and what the request had (undefined when the key was absent). */
  clause?: ConditionClause;
  requestValue?: ContextValue;
}

/** The evaluation of one statement. */
export interface StatementResult {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** True when every element matched: the statement applies to this request. */
  applies: boolean;
  /** When it does not apply: the first element that did not match. */
  mismatch?: StatementMismatch;
}

/** The result of evaluating one policy document against one request. */
export interface PolicyEvaluation {
  /** `Deny` if any Deny statement applies, else `Allow` if any Allow applies, else `NotApplicable`. */
  result: 'Allow' | 'Deny' | 'NotApplicable';
  /** One entry per statement, in order. */
  statements: StatementResult[];
  /** Index of the statement that decided `result` (the first applying Deny, else the first applying Allow). */
  decidingIndex?: number;
}
