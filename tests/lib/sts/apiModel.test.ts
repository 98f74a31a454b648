/**
 * Request validation against AWS's own STS service model (tests/fixtures/sts-model.json,
 * extracted by scripts/sts-model.mjs from the model the AWS SDKs are generated from).
 * For every member of every modelled operation, this derives the boundary values of its
 * length, range and pattern, and checks that the engine accepts the ones inside and refuses
 * the ones outside with AWS's ValidationError message.
 * https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html (ValidationError)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALICE, allow, baseWorld, lastCall } from '../../helpers/world';

interface Shape {
  shape: string;
  type: 'string' | 'integer' | 'list' | 'structure' | 'timestamp' | 'boolean';
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
  member?: Shape;
  members?: Record<string, Shape>;
  required?: string[];
}
const model = JSON.parse(readFileSync(new URL('../../fixtures/sts-model.json', import.meta.url), 'utf8')) as { operations: Record<string, Shape> };

/** The model's pattern as a JS regular expression (astral ranges become \u{…}). */
const toRegExp = (p: string) => new RegExp(`^(?:${p.replace(/\\u([0-9A-Fa-f]{5,6})/g, '\\u{$1}')})$`, 'u');

// A valid value for every member, so that only the member under test can break a rule.
const ROLE = 'arn:aws:iam::111111111111:role/Target';
const valid: Record<string, unknown> = {
  RoleArn: ROLE, RoleSessionName: 'session', PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
  Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
  DurationSeconds: 900, Tags: [{ Key: 'team', Value: 'blue' }], TransitiveTagKeys: ['team'], ExternalId: 'ext-1234',
  SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456', SourceIdentity: 'alice',
  ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'assertion' }],
  PrincipalArn: 'arn:aws:iam::111111111111:saml-provider/Corp', SAMLAssertion: 'PHNhbWw+', WebIdentityToken: 'eyJ0b2tlbg',
  ProviderId: 'www.amazon.com', TargetPrincipal: '222222222222', TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' },
  EncodedMessage: 'SIMv1.e30=', AccessKeyId: 'AKIAALICEEXAMPLE0001', Name: 'fed', Audience: ['https://api.example.com'], SigningAlgorithm: 'RS256',
};
const durationFor: Record<string, number> = { AssumeRoot: 900, GetWebIdentityToken: 300, GetSessionToken: 900, GetFederationToken: 900 };

/** Calls the scenario format does not model (F-16.9), and members it does not take yet. */
const skipOps = new Set(['GetDelegatedAccessToken', 'GetCallerIdentity']);

interface Case {
  op: string;
  /** Where the value goes: a top-level member, or [member, index, field] inside a list or structure. */
  at: (string | number)[];
  value: unknown;
  /** The AWS member name the message uses, ending the path (case-insensitive). */
  leaf: string;
  /** The constraint text the engine must report, or undefined when the value is inside the rules. */
  breaks?: string;
  sensitive?: boolean;
}

const pad = (n: number, c = 'a') => c.repeat(Math.max(0, n));
/** A character the pattern refuses: a control character first, as in `arn:aws:iam::…\u0001`. */
function offending(pattern: string): string | undefined {
  const re = toRegExp(pattern);
  return ['\u0001', '\u0100', ' ', '!', '#', '*'].find((c) => !re.test(`ab${c}`) && re.test('ab'));
}

function stringCases(op: string, at: (string | number)[], leaf: string, s: Shape, base: string): Case[] {
  const out: Case[] = [];
  const fill = (n: number) => (base.length >= n ? base.slice(0, n) : base + pad(n - base.length, base.endsWith('=') ? 'A' : 'a'));
  if (s.min !== undefined && s.min > 0) {
    out.push({ op, at, leaf, value: fill(s.min - 1), breaks: `Member must have length greater than or equal to ${s.min}`, sensitive: s.sensitive });
  }
  if (s.max !== undefined && s.max <= 25000) out.push({ op, at, leaf, value: fill(s.max + 1), breaks: `Member must have length less than or equal to ${s.max}`, sensitive: s.sensitive });
  if (s.pattern) {
    const bad = offending(s.pattern);
    if (bad !== undefined) out.push({ op, at, leaf, value: base.slice(0, Math.max(0, base.length - 1)) + bad, breaks: 'Member must satisfy regular expression pattern', sensitive: s.sensitive });
    // An empty value breaks both the minimum length and a pattern that needs one character.
    if (s.min && s.min > 1 && !toRegExp(s.pattern).test('')) out.push({ op, at, leaf, value: '', breaks: 'Member must satisfy regular expression pattern' });
  }
  return out;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [op, input] of Object.entries(model.operations)) {
    if (skipOps.has(op)) continue;
    for (const [name, s] of Object.entries(input.members ?? {})) {
      if (s.type === 'string') out.push(...stringCases(op, [name], name, s, String(valid[name])));
      if (s.type === 'integer') {
        if (s.min !== undefined && s.min > 0) out.push({ op, at: [name], leaf: name, value: s.min - 1, breaks: `Member must have value greater than or equal to ${s.min}` });
        if (s.max !== undefined) out.push({ op, at: [name], leaf: name, value: s.max + 1, breaks: `Member must have value less than or equal to ${s.max}` });
        if (s.min !== undefined) out.push({ op, at: [name], leaf: name, value: Math.max(s.min, durationFor[op] ?? s.min) });
      }
      if (s.type === 'list') {
        const item = (valid[name] as unknown[])[0];
        if (s.max !== undefined) out.push({ op, at: [name], leaf: name, value: Array.from({ length: s.max + 1 }, () => item), breaks: `Member must have length less than or equal to ${s.max}` });
        if (s.min !== undefined && s.min > 0) out.push({ op, at: [name], leaf: name, value: [], breaks: `Member must have length greater than or equal to ${s.min}` });
        const m = s.member!;
        if (m.type === 'string') out.push(...stringCases(op, [name, 0], name, m, String(item)));
        for (const [field, fs] of Object.entries(m.members ?? {})) {
          if (fs.type === 'string') out.push(...stringCases(op, [name, 0, field], field, fs, String((item as Record<string, unknown>)[field])));
        }
      }
      if (s.type === 'structure') {
        for (const [field, fs] of Object.entries(s.members ?? {})) {
          if (fs.type === 'string') out.push(...stringCases(op, [name, field], field, fs, String((valid[name] as Record<string, unknown>)[field])));
        }
      }
    }
  }
  return out;
}

function paramsFor(c: Case): Record<string, unknown> {
  const input = model.operations[c.op]!;
  const params: Record<string, unknown> = {};
  for (const r of input.required ?? []) params[r] = structuredClone(valid[r]);
  const top = String(c.at[0]);
  if (c.at.length === 1) params[top] = c.value;
  else {
    const container = structuredClone(valid[top]) as Record<string | number, unknown>;
    if (c.at.length === 2) container[c.at[1]!] = c.value;
    else (container[c.at[1]!] as Record<string, unknown>)[String(c.at[2])] = c.value;
    params[top] = container;
  }
  return params;
}

const world = baseWorld({
  accounts: [{ id: '111111111111', outboundWebIdentityFederation: true }, { id: '222222222222' }],
  users: [{ arn: ALICE, id: 'AIDAALICEEXAMPLE00001', accessKeys: ['AKIAALICEEXAMPLE0001'], policies: [allow('*', '*')] }],
});
const label = (c: Case) => `${c.op} ${c.at.join('.')} = ${typeof c.value === 'string' ? JSON.stringify(c.value.length > 24 ? `${c.value.slice(0, 12)}…(${c.value.length})` : c.value) : Array.isArray(c.value) ? `[${c.value.length} items]` : String(c.value)}`;

describe('request validation follows the STS service model (tests/fixtures/sts-model.json)', () => {
  const all = cases();
  it('derives boundary cases for every constrained member of every modelled call', () => {
    // Given the model's operations, when the cases are derived, then each call with members has some.
    const ops = new Set(all.map((c) => c.op));
    for (const op of Object.keys(model.operations)) if (!skipOps.has(op) && Object.keys(model.operations[op]!.members ?? {}).length) expect(ops.has(op), op).toBe(true);
    expect(all.length).toBeGreaterThan(100);
  });
  it.each(all.filter((c) => c.breaks).map((c) => [label(c), c] as const))('%s → ValidationError', (_l, c) => {
    // When the value breaks the model's rule, then STS answers ValidationError naming the member and the rule.
    const r = lastCall(world, [{ as: { user: ALICE }, call: c.op, params: paramsFor(c) }]);
    expect(r.error?.code, JSON.stringify(r.error)).toBe('ValidationError');
    expect(r.error!.message).toMatch(new RegExp(`at '[^']*${c.leaf}(\\.\\d+\\.member)?' failed to satisfy constraint: ${c.breaks!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i'));
    // And a sensitive member's value is never echoed.
    if (c.sensitive) expect(r.error!.message).not.toContain(`'${String(c.value)}'`);
  });
  it.each(all.filter((c) => !c.breaks).map((c) => [label(c), c] as const))('%s is inside the rules', (_l, c) => {
    const r = lastCall(world, [{ as: { user: ALICE }, call: c.op, params: paramsFor(c) }]);
    expect(r.error?.code === 'ValidationError' && /failed to satisfy constraint/.test(r.error.message), r.error?.message).toBe(false);
  });
});
