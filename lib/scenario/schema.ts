/**
 * zod schemas for `sts-scenario/v1` files (../shared/scenario-format.md).
 * Every object is strict: an unknown field is an error, so a typo is never ignored.
 */
import { z } from 'zod';
import { isDerivedKey } from '../sts/context';
import { type SamlAssertion } from '../sts/types';
import { caps } from './caps';
import { isCalendarInstant, parseInstant } from '../util/time';

// No JIT: zod would probe `new Function` for it, which a Content-Security-Policy without
// 'unsafe-eval' (the one README recommends) reports as a violation. https://zod.dev/packages/core#jitless
z.config({ jitless: true });

export { stsCalls, unmodelledCalls, callParams, type StsCall } from './calls';
import { stsCalls, unmodelledCalls } from './calls';

const json: z.ZodType<unknown> = z.unknown();
const policyDoc = z.union([z.record(z.string(), json), z.string()], {
  error: 'expected a policy document (a JSON object, or a string holding one)',
});
const accountId = z.string().regex(/^\d{12}$/, 'expected a 12-digit account id');
const tagMap = z.record(z.string(), z.string());
const isoInstant = z.string().refine((s) => isCalendarInstant(s) && parseInstant(s) !== undefined, {
  message: 'expected an ISO 8601 instant such as 2026-01-01T00:00:00Z (a real calendar date and time)',
});

const AccountSchema = z.strictObject({
  id: accountId,
  alias: z.string().optional(),
  stsDisabledRegions: z.array(z.string()).optional(),
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_SetSecurityTokenServicePreferences.html
  globalEndpointTokenVersion: z.enum(['v1Token', 'v2Token'], { error: 'expected "v1Token" or "v2Token"' }).optional(),
  outboundWebIdentityFederation: z.boolean().optional(),
});

const ScpSchema = z.strictObject({
  name: z.string(),
  targets: z.array(z.string()),
  document: policyDoc,
});

// https://docs.aws.amazon.com/organizations/latest/APIReference/API_OrganizationalUnit.html (ou-, 4 to 32, -, 8 to 32)
const OuSchema = z.strictObject({
  id: z.string().regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, 'expected an OU id such as ou-aaaa-11111111'),
  name: z.string().min(1),
  parent: z.string(),
  accounts: z.array(accountId).optional(),
});

const OrganizationSchema = z.strictObject({
  id: z.string().regex(/^o-[a-z0-9]{4,32}$/, 'expected an organization id such as o-aaaa1111'),
  management: accountId,
  accounts: z.array(accountId).optional(),
  centralizedRootAccess: z.boolean().optional(),
  scps: z.array(ScpSchema).optional(),
  // https://docs.aws.amazon.com/organizations/latest/APIReference/API_Root.html (root ids: r- then 4 to 32 characters)
  root: z.string().regex(/^r-[0-9a-z]{4,32}$/, 'expected a root id such as r-aaaa').optional(),
  ous: z.array(OuSchema).optional(),
  rcps: z.array(ScpSchema).optional(),
  detachFullAWSAccess: z.array(z.string()).optional(),
});

const MfaDeviceSchema = z.strictObject({ serial: z.string(), code: z.string() });

const UserSchema = z.strictObject({
  arn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:user\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/, 'expected an IAM user ARN such as arn:aws:iam::111111111111:user/alice'),
  id: z.string().regex(/^AIDA[A-Z0-9]{12,}$/, 'expected a user id starting AIDA').optional(),
  accessKeys: z.array(z.string().regex(/^AKIA[A-Z0-9]{12,124}$/, 'expected a long-term access key id starting AKIA')).optional(),
  policies: z.array(policyDoc).optional(),
  managedPolicyArns: z.array(z.string()).optional(),
  boundary: policyDoc.optional(),
  tags: tagMap.optional(),
  mfaDevices: z.array(MfaDeviceSchema).optional(),
});

const RoleSchema = z.strictObject({
  arn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/, 'expected an IAM role ARN such as arn:aws:iam::222222222222:role/RoleX'),
  id: z.string().regex(/^AROA[A-Z0-9]{12,}$/, 'expected a role id starting AROA').optional(),
  trustPolicy: policyDoc,
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (MaxSessionDuration 3600..43200)
  maxSessionDuration: z.number().int('expected an integer').min(3600, 'IAM accepts a MaxSessionDuration of 3600 to 43200 seconds').max(43200, 'IAM accepts a MaxSessionDuration of 3600 to 43200 seconds').optional(),
  policies: z.array(policyDoc).optional(),
  managedPolicyArns: z.array(z.string()).optional(),
  boundary: policyDoc.optional(),
  tags: tagMap.optional(),
});

const ManagedPolicySchema = z.strictObject({
  arn: z.string().regex(/^arn:aws[\w-]*:iam::(\d{12}|aws):policy\/.+$/, 'expected a managed policy ARN'),
  document: policyDoc,
});

const SamlProviderSchema = z.strictObject({
  arn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:saml-provider\/[\w.-]+$/, 'expected a SAML provider ARN'),
  issuer: z.string(),
});

const OidcProviderSchema = z.strictObject({
  arn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:oidc-provider\/.+$/, 'expected an OIDC provider ARN'),
  url: z.string().regex(/^https:\/\/.+/, 'expected an https:// URL'),
  clientIds: z.array(z.string()).optional(),
  reachable: z.boolean().optional(),
});

const ResourceSchema = z.strictObject({
  arn: z.string().regex(/^arn:/, 'expected an ARN'),
  policy: policyDoc.optional(),
  account: accountId.optional(),
});

/** The simulated AWS world. */
export const WorldSchema = z.strictObject({
  accounts: z.array(AccountSchema).optional(),
  organizations: z.array(OrganizationSchema).optional(),
  users: z.array(UserSchema).optional(),
  roles: z.array(RoleSchema).optional(),
  managedPolicies: z.array(ManagedPolicySchema).optional(),
  samlProviders: z.array(SamlProviderSchema).optional(),
  oidcProviders: z.array(OidcProviderSchema).optional(),
  resources: z.array(ResourceSchema).optional(),
});

const FromStepSchema = z.strictObject({ fromStep: z.string(), path: z.string() });
const orRef = <T extends z.ZodType>(s: T) => z.union([FromStepSchema, s]);

const PolicyArnSchema = z.strictObject({ arn: z.string() });
const TagSchema = z.strictObject({ Key: z.string(), Value: z.string() });
const SamlAssertionSchema = z.strictObject({
  issuer: z.string(),
  recipient: z.string().optional(),
  nameId: z.string().optional(),
  nameIdFormat: z.string().optional(),
  issueInstant: isoInstant.optional(),
  notOnOrAfter: isoInstant.optional(),
  sessionNotOnOrAfter: isoInstant.optional(),
  attributes: z.record(z.string(), z.array(z.string())).optional(),
  signature: z.enum(['valid', 'invalid']).optional(),
});
const claimValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.record(z.string(), json)]);
const WebIdentityClaimsSchema = z
  .looseObject({ signature: z.enum(['valid', 'invalid']).optional() })
  .pipe(z.record(z.string(), claimValue));

/** Parameter shapes, by the API's member names. Values STS would refuse are still valid here. */
export const ParamSchemas = {
  RoleArn: z.string(),
  RoleSessionName: z.string(),
  DurationSeconds: z.number({ error: 'expected an integer' }).int('expected an integer'),
  ExternalId: z.string(),
  SerialNumber: z.string(),
  TokenCode: z.string({ error: 'expected a string of six digits, such as "123456"' }),
  Policy: policyDoc,
  PolicyArns: z.array(PolicyArnSchema),
  Tags: z.array(TagSchema),
  TransitiveTagKeys: z.array(z.string()),
  SourceIdentity: z.string(),
  PrincipalArn: z.string(),
  SAMLAssertion: z.union([SamlAssertionSchema, z.string()]),
  WebIdentityToken: z.union([z.string(), WebIdentityClaimsSchema]),
  ProviderId: z.string(),
  Name: z.string(),
  TargetPrincipal: z.string(),
  TaskPolicyArn: PolicyArnSchema,
  EncodedMessage: z.string(),
  AccessKeyId: z.string(),
  ProvidedContexts: z.array(z.strictObject({ ProviderArn: z.string().optional(), ContextAssertion: z.string().optional() })),
  Audience: z.array(z.string(), { error: 'expected a list of strings, such as ["https://api.example.com"]' }),
  SigningAlgorithm: z.string(),
  MinimumSessionTokenSize: z.number({ error: 'expected an integer' }).int('expected an integer'),
} as const;
/** A parameter name. */
export type ParamName = keyof typeof ParamSchemas;

/** "a string", "an object", … for messages about a value's type. */
function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/**
 * Checks a value taken from an earlier step (`{ fromStep, path }`) against the parameter's own
 * schema, the one a literal value meets when the file is loaded.
 * @returns the value as the schema reads it, or a message such as `is a string; expected an integer`
 * @example checkParamValue('DurationSeconds', '2026-01-01T00:00:00Z') // { ok: false, message: 'is a string; expected an integer' }
 */
export function checkParamValue(name: string, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const schema = Object.hasOwn(ParamSchemas, name) ? ParamSchemas[name as ParamName] : undefined;
  if (!schema) return { ok: false, message: `${name} is not a parameter` };
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const first = r.error.issues[0];
  const raw = first?.message ?? 'not a valid value';
  // zod says "Invalid input: expected string, received object"; keep the expectation, in our words.
  const expected = /expected (\w+)/.exec(raw)?.[1];
  const want = /^Invalid input/.test(raw) && expected ? `expected ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}` : raw;
  const where = first && first.path.length ? ` (at ${first.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '')})` : '';
  return { ok: false, message: `is ${describeType(value)}; ${want}${where}` };
}

const ParamsSchema = z.strictObject(
  Object.fromEntries(Object.entries(ParamSchemas).map(([k, s]) => [k, orRef(s).optional()])) as {
    [K in ParamName]: z.ZodOptional<z.ZodUnion<[typeof FromStepSchema, (typeof ParamSchemas)[K]]>>;
  },
);

const AsSchema = z.union(
  [
    z.strictObject({ user: z.string(), mfaAgeSeconds: z.number().int().min(0).optional() }),
    z.strictObject({ root: accountId }),
    z.strictObject({ session: z.string() }),
    z.strictObject({ accessKeyId: z.string() }),
  ],
  { error: 'expected { "user": ARN }, { "root": ACCOUNT }, { "session": STEP_ID } or { "accessKeyId": KEY }' },
);

const stepKeyValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);
/** Request keys a step may carry: any the engine does not derive itself (lib/sts/context.ts). */
const StepKeysSchema = z.record(z.string(), stepKeyValue).superRefine((keys, ctx) => {
  for (const k of Object.keys(keys)) {
    if (!/^[\w.-]+:[\w/.:-]+$/.test(k)) ctx.addIssue({ code: 'custom', path: [k], message: 'expected a condition key such as aws:SourceVpce' });
    else if (isDerivedKey(k)) ctx.addIssue({ code: 'custom', path: [k], message: `the simulator derives ${k} from the world and the step; it cannot be set here` });
  }
});

const ContextSchema = z.strictObject({
  sourceIp: z.string().optional(),
  region: z.string().optional(),
  endpoint: z.enum(['regional', 'global']).optional(),
  keys: StepKeysSchema.optional(),
});

const ExpectSchema = z.strictObject({
  outcome: z.enum(['success', 'error']).optional(),
  code: z.string().optional(),
  durationSeconds: z.number().int().optional(),
  expiration: isoInstant.optional(),
  arn: z.string().optional(),
  assumedRoleId: z.string().optional(),
  sourceIdentity: z.string().optional(),
  decision: z.enum(['Allow', 'ExplicitDeny', 'ImplicitDeny']).optional(),
  /** GetWebIdentityToken: these claims of the decoded token, each by JSON equality. */
  claims: z.record(z.string(), json).optional(),
});

const contextValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()])).max(caps.contextValues, `a context key may have at most ${caps.contextValues} values`)]);

const CallStepSchema = z.strictObject({
  id: z.string().optional(),
  as: AsSchema.optional(),
  call: z.enum(stsCalls, { error: `expected one of ${stsCalls.join(', ')}` }),
  params: ParamsSchema.optional(),
  context: ContextSchema.optional(),
  expect: ExpectSchema.optional(),
});

const RequestStepSchema = z.strictObject({
  id: z.string().optional(),
  as: AsSchema.optional(),
  request: z.strictObject({
    action: z.string().regex(/^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/, 'expected an action such as s3:GetObject'),
    resource: z.string(),
    context: z.record(z.string(), contextValue).optional(),
  }),
  context: ContextSchema.optional(),
  expect: ExpectSchema.optional(),
});

const AdvanceStepSchema = z.strictObject({
  advance: z.number().int('expected an integer number of seconds').min(0, 'expected a number of seconds, 0 or more').max(caps.advanceSeconds, `one step may advance the clock by at most ${caps.advanceSeconds} seconds (100 years)`),
});
const AdvanceToStepSchema = z.strictObject({ advanceTo: isoInstant });

/** Picks the step schema from the keys present, so errors are about the step the user meant. */
export const StepSchema = z.unknown().transform((v, ctx) => {
  const o = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const schema = !o
    ? undefined
    : 'call' in o
      ? CallStepSchema
      : 'request' in o
        ? RequestStepSchema
        : 'advance' in o
          ? AdvanceStepSchema
          : 'advanceTo' in o
            ? AdvanceToStepSchema
            : undefined;
  if (!schema) {
    ctx.addIssue({ code: 'custom', message: 'expected a step with "call", "request", "advance" or "advanceTo"' });
    return z.NEVER;
  }
  const unmodelled = o && typeof o.call === 'string' && Object.hasOwn(unmodelledCalls, o.call) ? unmodelledCalls[o.call] : undefined;
  if (unmodelled) {
    ctx.addIssue({ code: 'custom', path: ['call'], message: unmodelled });
    return z.NEVER;
  }
  const r = schema.safeParse(v);
  if (!r.success) {
    for (const i of r.error.issues) ctx.addIssue({ ...i } as never);
    return z.NEVER;
  }
  return r.data as CallStep | RequestStep | AdvanceStep | AdvanceToStep;
});

/** A whole scenario file. */
export const ScenarioSchema = z.strictObject({
  format: z.literal('sts-scenario/v1', { error: 'expected "sts-scenario/v1"' }),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as cross-account-mfa'),
  title: z.string().min(1),
  summary: z.string().optional(),
  tags: z.array(z.string()).optional(),
  start: isoInstant.optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected a Region such as us-east-1').optional(),
  world: WorldSchema,
  steps: z.array(StepSchema).max(caps.steps, `a scenario may have at most ${caps.steps} steps`),
});

/** A parameter value taken from an earlier step's result. */
export type FromStep = z.infer<typeof FromStepSchema>;
/** A call step. */
export type CallStep = z.infer<typeof CallStepSchema>;
/** A request step. */
export type RequestStep = z.infer<typeof RequestStepSchema>;
/** Advances the clock by seconds. */
export type AdvanceStep = z.infer<typeof AdvanceStepSchema>;
/** Moves the clock to an instant. */
export type AdvanceToStep = z.infer<typeof AdvanceToStepSchema>;
/** Any step. */
export type Step = CallStep | RequestStep | AdvanceStep | AdvanceToStep;
/** Who signs a step. */
export type StepAs = z.infer<typeof AsSchema>;
/** A step's expectations. */
export type StepExpect = z.infer<typeof ExpectSchema>;
/** The world as written. */
export type WorldInput = z.infer<typeof WorldSchema>;
/** A user as written. */
export type UserInput = z.infer<typeof UserSchema>;
/** A role as written. */
export type RoleInput = z.infer<typeof RoleSchema>;
/** A SAML assertion object (the engine's own type; the schema must produce exactly it). */
export type { SamlAssertion } from '../sts/types';
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const samlShapeMatches: Same<z.infer<typeof SamlAssertionSchema>, SamlAssertion> = true;
void samlShapeMatches;
/** A parsed scenario file. */
export type Scenario = Omit<z.infer<typeof ScenarioSchema>, 'steps'> & { steps: Step[] };

/** A step's `expect` object, also used by lab goals (lib/labs). */
export { ExpectSchema as StepExpectSchema };
