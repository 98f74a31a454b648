/**
 * zod schema for question bank files (content/questions/*.json, format `sts-quiz-bank/v1`).
 * Objects are strict: an unknown field is an error, so a typo never silently drops data.
 */
import { z } from 'zod';
import type { Gate } from '../sts/types';
import { difficulties, domains, isKnownNote, topics } from './topics';

// No JIT: zod would probe `new Function` for it, which a Content-Security-Policy without
// 'unsafe-eval' (the one README recommends) reports as a violation. https://zod.dev/packages/core#jitless
z.config({ jitless: true });

const gates = [
  'authenticate', 'caller-type', 'region', 'validate', 'token', 'mfa', 'caller-permissions', 'trust-policy',
  'external-id', 'duration', 'session-tags', 'source-identity', 'session-policy', 'rcp', 'scp', 'resource-policy',
  'boundary', 'identity-policy', 'decision', 'issue', 'none',
] as const satisfies readonly (Gate | 'none')[];

const ClaimShape = {
  outcome: z.enum(['success', 'error']).optional(),
  code: z.string().min(1).optional(),
  decision: z.enum(['Allow', 'ExplicitDeny', 'ImplicitDeny']).optional(),
  durationSeconds: z.number().int().positive().optional(),
  arn: z.string().startsWith('arn:').optional(),
  sourceIdentity: z.string().optional(),
  gate: z.enum(gates).optional(),
};

const ProofCheckSchema = z
  .strictObject({ step: z.string().min(1), option: z.string().regex(/^[a-f]$/).optional(), ...ClaimShape })
  .refine((c) => Object.keys(ClaimShape).some((k) => (c as Record<string, unknown>)[k] !== undefined), {
    message: 'a check must claim at least one of outcome, code, decision, durationSeconds, arn, sourceIdentity, gate',
  });

const ProofSchema = z.strictObject({
  scenario: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a scenario id'),
  // The step "Run it in the simulator" opens at (lib/quiz/proofStep.ts picks one when absent).
  step: z.string().min(1).optional(),
  checks: z.array(ProofCheckSchema).min(1),
});

const ExhibitSchema = z
  .strictObject({ title: z.string().min(1), json: z.unknown().optional(), text: z.string().min(1).optional() })
  .refine((e) => (e.json === undefined) !== (e.text === undefined), { message: 'an exhibit has either json or text' });

const OptionSchema = z.strictObject({
  text: z.string().min(1),
  correct: z.boolean().optional(),
  explanation: z.string().min(20, 'every option needs an explanation of why it is right or wrong'),
});

const countWords = ['', '', 'TWO', 'THREE', 'FOUR'] as const;

/** One question as written in a bank file (option ids come from their position). */
export const BankQuestionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    kind: z.enum(['single', 'multiple']),
    stem: z.string().min(20),
    exhibits: z.array(ExhibitSchema).optional(),
    options: z.array(OptionSchema).min(3).max(6),
    topic: z.enum(topics),
    note: z.string().refine(isKnownNote, 'expected a note slug or slug#heading from lib/explain/learn.ts'),
    domain: z.enum(domains),
    difficulty: z.union(difficulties.map((d) => z.literal(d)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]),
    proof: ProofSchema.optional(),
    source: z.url({ protocol: /^https$/, hostname: /(^|\.)(aws\.amazon\.com|amazonaws\.com|repost\.aws)$/ }).optional(),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (q.kind === 'single' && correct !== 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a single-response question needs exactly one correct option (has ${correct})` });
    }
    if (q.kind === 'multiple') {
      if (correct < 2 || correct >= q.options.length) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: `a multiple-response question needs 2..${q.options.length - 1} correct options (has ${correct})` });
      } else if (!q.stem.includes(`(Select ${countWords[correct]}.)`)) {
        ctx.addIssue({ code: 'custom', path: ['stem'], message: `a multiple-response stem must say "(Select ${countWords[correct]}.)"` });
      }
    }
    const texts = q.options.map((o) => o.text.trim().toLowerCase());
    if (new Set(texts).size !== texts.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must differ' });
    q.proof?.checks.forEach((c, i) => {
      if (c.option !== undefined && c.option.charCodeAt(0) - 97 >= q.options.length) {
        ctx.addIssue({ code: 'custom', path: ['proof', 'checks', i, 'option'], message: `there is no option "${c.option}"` });
      }
    });
  });

/** A bank file. */
export const BankFileSchema = z.strictObject({
  format: z.literal('sts-quiz-bank/v1', { error: 'expected "sts-quiz-bank/v1"' }),
  title: z.string().min(1),
  questions: z.array(BankQuestionSchema).min(1),
});

/** A question as written in a bank file. */
export type BankQuestion = z.infer<typeof BankQuestionSchema>;
/** A bank file as written. */
export type BankFile = z.infer<typeof BankFileSchema>;
