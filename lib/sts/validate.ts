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
}

/** A constraint on a string member. */
export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** The pattern as AWS prints it. */
  patternText?: string;
}

/** The string shapes of the STS model (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html and siblings). */
export const rules = {
  arn: { min: 20, max: 2048 },
  roleSessionName: { min: limits.roleSessionNameMin, max: limits.roleSessionNameMax, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' },
  externalId: { min: limits.externalIdMin, max: limits.externalIdMax, pattern: /^[\w+=,.@:/-]*$/, patternText: '[\\w+=,.@:\\/-]*' },
  serialNumber: { min: 9, max: 256, pattern: /^[\w+=/:,.@-]*$/, patternText: '[\\w+=/:,.@-]*' },
  tokenCode: { min: limits.tokenCodeLength, max: limits.tokenCodeLength, pattern: /^\d*$/, patternText: '[\\d]*' },
  sourceIdentity: { min: limits.sourceIdentityMin, max: limits.sourceIdentityMax, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' },
  federatedName: { min: limits.federatedNameMin, max: limits.federatedNameMax, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' },
  tagKey: { min: 1, max: limits.tagKeyMaxChars, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u, patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' },
  tagValue: { min: 0, max: limits.tagValueMaxChars, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, patternText: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' },
  policy: { min: 1, pattern: /^[\u0009\u000A\u000D\u0020-\u00FF]+$/, patternText: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' },
  samlAssertion: { min: 4, max: 100000 },
  webIdentityToken: { min: 4, max: 20000 },
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
    if (rule.pattern && value.length > 0 && !rule.pattern.test(value))
      this.violations.push({ member, value, constraint: `Member must satisfy regular expression pattern: ${rule.patternText}` });
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
    const parts = this.violations.map((v) => `Value ${v.value === null ? 'null' : `'${typeof v.value === 'string' ? v.value : String(v.value)}'`} at '${v.member}' failed to satisfy constraint: ${v.constraint}`);
    return awsError('ValidationError', `${n} validation error${n > 1 ? 's' : ''} detected: ${parts.join('; ')}`);
  }
}
