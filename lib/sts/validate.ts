/**
 * Parameter validation as the STS service model declares it, with AWS's message format:
 * `1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`.
 */
import { awsError } from './errors';
import { type AwsError } from './types';
import { limits } from './limits';

/** One model constraint violation. */
export interface Violation {
  /** The member name as AWS reports it, e.g. `roleSessionName`, `tags.1.member.key`. */
  member: string;
  value: unknown;
  constraint: string;
  /** Set for sensitive members: the message names the member but not the value. */
  sensitive?: boolean;
}

/** A constraint on a string member. */
export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** The pattern as AWS prints it. */
  patternText?: string;
  /** A sensitive member (token, assertion, secret): AWS never echoes its value in messages. */
  sensitive?: boolean;
}

// The STS model's arnType pattern: any character but the C0/C1 controls (tab, LF and CR are allowed).
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (RoleArn: Pattern)
const ARN_PATTERN = /^[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u;
const ARN_PATTERN_TEXT = '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+';

/** The string shapes of the STS model (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html and siblings). */
export const rules = {
  arn: { min: 20, max: 2048, pattern: ARN_PATTERN, patternText: ARN_PATTERN_TEXT },
  roleSessionName: { min: limits.roleSessionNameMin, max: limits.roleSessionNameMax, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' },
  externalId: { min: limits.externalIdMin, max: limits.externalIdMax, pattern: /^[\w+=,.@:/-]*$/, patternText: '[\\w+=,.@:\\/-]*' },
  serialNumber: { min: 9, max: 256, pattern: /^[\w+=/:,.@-]*$/, patternText: '[\\w+=/:,.@-]*' },
  tokenCode: { min: limits.tokenCodeLength, max: limits.tokenCodeLength, pattern: /^\d*$/, patternText: '[\\d]*' },
  sourceIdentity: { min: limits.sourceIdentityMin, max: limits.sourceIdentityMax, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' },
  federatedName: { min: limits.federatedNameMin, max: limits.federatedNameMax, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' },
  tagKey: { min: 1, max: limits.tagKeyMaxChars, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' },
  tagValue: { min: 0, max: limits.tagValueMaxChars, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' },
  policy: { min: 1, pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/, patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' },
  samlAssertion: { min: 4, max: 100000, sensitive: true },
  webIdentityToken: { min: 4, max: 20000, sensitive: true },
  /** ProvidedContexts[].ContextAssertion. https://docs.aws.amazon.com/STS/latest/APIReference/API_ProvidedContext.html */
  contextAssertion: { min: 4, max: 2048 },
  /** GetWebIdentityToken Audience items. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html */
  audience: { min: 1, max: 1000 },
  /** GetWebIdentityToken SigningAlgorithm: the model's jwtAlgorithmType is 5 characters. */
  signingAlgorithm: { min: 5, max: 5 },
  providerId: { min: 4, max: 2048 },
  accessKeyId: { min: 16, max: 128, pattern: /^\w*$/, patternText: '[\\w]*' },
  encodedMessage: { min: 1, max: 10240 },
  targetPrincipal: { min: 12, max: 2048 },
} satisfies Record<string, StringRule>;

/** Collects violations in member order, as the service does. */
export class Validator {
  readonly violations: Violation[] = [];

  /** A required member that is absent. */
  required(member: string, value: unknown): boolean {
    if (value === undefined || value === null) {
      this.violations.push({ member, value: null, constraint: 'Member must not be null' });
      return false;
    }
    return true;
  }

  /** A string member's length and pattern. */
  string(member: string, value: string | undefined, rule: StringRule): void {
    if (value === undefined) return;
    if (rule.min !== undefined && value.length < rule.min)
      this.violations.push({ member, value, constraint: `Member must have length greater than or equal to ${rule.min}` });
    if (rule.max !== undefined && value.length > rule.max)
      this.violations.push({ member, value, constraint: `Member must have length less than or equal to ${rule.max}` });
    // An empty value breaks a `+` pattern as well as the minimum length: AWS reports both.
    if (rule.pattern && !rule.pattern.test(value))
      this.violations.push({ member, value, constraint: `Member must satisfy regular expression pattern: ${rule.patternText}` });
    if (rule.sensitive) for (const x of this.violations) if (x.member === member) x.sensitive = true;
  }

  /** A list member's item count. */
  listLength(member: string, list: unknown[] | undefined, min: number, max: number): void {
    if (!list) return;
    if (list.length < min) this.violations.push({ member, value: `[${list.length} items]`, constraint: `Member must have length greater than or equal to ${min}` });
    if (list.length > max) this.violations.push({ member, value: `[${list.length} items]`, constraint: `Member must have length less than or equal to ${max}` });
  }

  /** An enum member. */
  oneOf(member: string, value: string | undefined, allowed: readonly string[]): void {
    if (value !== undefined && !allowed.includes(value)) this.violations.push({ member, value, constraint: `Member must satisfy enum value set: [${allowed.join(', ')}]` });
  }

  /** An integer member's range. */
  range(member: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined) return;
    if (value < min) this.violations.push({ member, value, constraint: `Member must have value greater than or equal to ${min}` });
    else if (value > max) this.violations.push({ member, value, constraint: `Member must have value less than or equal to ${max}` });
  }

  /** A list member's length. */
  listMax(member: string, list: unknown[] | undefined, max: number): void {
    if (list && list.length > max) this.violations.push({ member, value: `[${list.length} items]`, constraint: `Member must have length less than or equal to ${max}` });
  }

  /** The ValidationError for everything collected, or undefined. */
  error(): AwsError | undefined {
    const n = this.violations.length;
    if (!n) return undefined;
    // Sensitive values are left out: `Value at 'webIdentityToken' failed to satisfy constraint: …`.
    const parts = this.violations.map((v) => `Value${v.sensitive ? '' : ` ${v.value === null ? 'null' : `'${typeof v.value === 'string' ? v.value : String(v.value)}'`}`} at '${v.member}' failed to satisfy constraint: ${v.constraint}`);
    return awsError('ValidationError', `${n} validation error${n > 1 ? 's' : ''} detected: ${parts.join('; ')}`);
  }
}
