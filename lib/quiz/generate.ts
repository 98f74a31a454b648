/**
 * Generated questions: templates build a fresh scenario from a seed (callers, principals,
 * conditions, durations, chaining, MFA, ExternalId, tags, session policies), run it through
 * the engine, and let the engine's result pick the right answer. Each template also states
 * what it expects from the rules it encodes (its oracle), so tests can check that the
 * template's idea of AWS and the engine agree for many seeds.
 *
 * Deterministic: the same template and seed always give the same question.
 */
import { simulate } from '../engine';
import { limits } from '../sts/limits';
import { gateLabels } from './gates';
import { createRng, type Rng } from './rng';
import { sharedScenarioHref } from './share';
import type { Difficulty, Domain, Topic } from './topics';
import type { Exhibit, Question } from './types';
import { decidingEntry, decidingGate, durationOf, isAction, type ActionResult } from './verdict';

type Json = Record<string, unknown>;

/** One answer a template offers; the engine's result decides which one is right. */
export interface Choice {
  /** Stable key, e.g. `success-3600` or `error-AccessDenied-trust`. */
  key: string;
  /** Option text. */
  text: string;
  /** Whether the engine's result for the asked step is this answer. */
  matches: (step: ActionResult) => boolean;
  /** When this answer would be right ("the trust policy did not name the caller"). */
  when: string;
}

/** What a template builds from a seed. */
export interface Built {
  scenario: Json;
  stem: string;
  exhibits: Exhibit[];
  choices: Choice[];
  /** The key of the choice the template's own rules predict (checked against the engine in tests). */
  expected: string;
  /** The rule the question teaches, in a sentence or two. */
  rule: string;
}

/** A question template. */
export interface Template {
  id: string;
  /** What the template varies, for the UI. */
  title: string;
  topic: Topic;
  note: string;
  domain: Domain;
  difficulty: Difficulty;
  build(rng: Rng): Built;
}

/** A generated question with the scenario behind it. */
export interface Generated {
  question: Question;
  scenario: Json;
  /** The step the question asks about. */
  stepId: string;
  /** The engine's result for that step. */
  step: ActionResult;
  /** The choice key the template's rules predicted. */
  expected: string;
  /** The choice key the engine's result matched (undefined if none did: a template bug). */
  actual: string | undefined;
  /** Opens the scenario in the simulator. */
  href: string;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

const START = '2026-01-01T00:00:00Z';
const people = ['alice', 'bala', 'chen', 'dana', 'emeka', 'farah', 'goran', 'hana', 'ivan', 'jules', 'kofi', 'lena', 'mateo', 'nia', 'omar', 'priya'] as const;
const roleNames = ['Deployer', 'AuditReader', 'BillingViewer', 'DataLoader', 'OpsAdmin', 'ReportRunner', 'LogShipper', 'CiRelease', 'Analytics', 'Support'] as const;
const accountPairs = [
  ['111111111111', '222222222222'],
  ['123456789012', '210987654321'],
  ['444455556666', '777788889999'],
  ['135791357913', '246802468024'],
] as const;
const buckets = ['reports', 'audit-logs', 'ml-datasets', 'invoices', 'build-artifacts', 'media-assets'] as const;

const doc = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[], Condition?: Json): Json => ({ Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) });
const deny = (Action: string | string[], Resource: string | string[], Condition?: Json): Json => ({ Effect: 'Deny', Action, Resource, ...(Condition ? { Condition } : {}) });
const trust = (principal: Json, Action: string | string[] = 'sts:AssumeRole', Condition?: Json): Json => ({ Effect: 'Allow', Principal: principal, Action, ...(Condition ? { Condition } : {}) });

const userArn = (account: string, name: string) => `arn:aws:iam::${account}:user/${name}`;
const roleArn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

/** "2 hours", "90 minutes", "1 hour". */
export function humanSeconds(s: number): string {
  if (s % 3600 === 0) return `${s / 3600} hour${s === 3600 ? '' : 's'}`;
  if (s % 60 === 0) return `${s / 60} minutes`;
  return `${s} seconds`;
}

/** An AWS CLI command line for an exhibit. */
function cli(command: string, args: Record<string, string | number | undefined>): string {
  const parts = [`aws sts ${command}`];
  for (const [k, v] of Object.entries(args)) if (v !== undefined) parts.push(`  --${k} ${typeof v === 'string' && /[\s"{]/.test(v) ? `'${v}'` : v}`);
  return parts.join(' \\\n');
}

function scenario(id: string, title: string, world: Json, steps: Json[]): Json {
  return { format: 'sts-scenario/v1', id, title, start: START, world, steps };
}

const succeeds = (seconds?: number): Choice['matches'] => (s) => s.kind === 'call' && s.outcome === 'success' && (seconds === undefined || durationOf(s) === seconds);
const fails = (code: string, gate?: string): Choice['matches'] => (s) => s.kind === 'call' && s.outcome === 'error' && s.error?.code === code && (gate === undefined || decidingGate(s) === gate);
const failsAt = (code: string, traceCode: string): Choice['matches'] => (s) => s.kind === 'call' && s.outcome === 'error' && s.error?.code === code && decidingEntry(s)?.code === traceCode;
const decides = (decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny', gate?: string): Choice['matches'] => (s) => s.kind === 'request' && s.decision === decision && (gate === undefined || decidingGate(s) === gate);

function successChoice(seconds: number, extra = ''): Choice {
  return { key: `success-${seconds}`, text: `The call succeeds and the credentials last ${humanSeconds(seconds)}${extra}.`, matches: succeeds(seconds), when: `the requested (or default) duration were ${seconds} seconds and within every limit` };
}

// ---------------------------------------------------------------------------------------------
// Templates

/** AssumeRole DurationSeconds against the role's MaxSessionDuration, the API range and the chaining cap. */
const durationTemplate: Template = {
  id: 'duration',
  title: 'AssumeRole duration limits',
  topic: 'session-duration',
  note: 'session-duration#every-duration-rule',
  domain: 'saa-secure-architectures',
  difficulty: 2,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const who = rng.pick(people);
    const role = rng.pick(roleNames);
    const max = rng.pick([3600, 7200, 14400, 28800, 43200]);
    const via = rng.pick(['keys', 'keys', 'keys', 'role', 'gst'] as const);
    const ds = rng.chance(0.2) ? rng.pick([undefined, 600, 50000]) : rng.pick([900, 1800, 3600, 5400, 7200, 14400, 28800, 43200].filter((d) => d <= (via === 'keys' ? max : 3600) || rng.chance(0.4)));
    const target = roleArn(a, role);
    const jump = roleArn(a, 'Jump');
    const user = userArn(a, who);
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user, policies: [doc(allow('sts:AssumeRole', [target, jump]))] }],
      roles: [
        { arn: target, trustPolicy: doc(trust({ AWS: [user, jump] })), maxSessionDuration: max, policies: [doc(allow('s3:ListAllMyBuckets', '*'))] },
        ...(via === 'role' ? [{ arn: jump, trustPolicy: doc(trust({ AWS: user })), maxSessionDuration: 43200, policies: [doc(allow('sts:AssumeRole', target))] }] : []),
      ],
    };
    const steps: Json[] = [];
    if (via === 'role') steps.push({ id: 'first', as: { user }, call: 'AssumeRole', params: { RoleArn: jump, RoleSessionName: who, DurationSeconds: 43200 } });
    if (via === 'gst') steps.push({ id: 'first', as: { user }, call: 'GetSessionToken', params: {} });
    steps.push({ id: 'ask', as: via === 'keys' ? { user } : { session: 'first' }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: `${who}-${role.toLowerCase()}`, ...(ds === undefined ? {} : { DurationSeconds: ds }) } });

    // The rules: 900..43200 (model), then the 1-hour chaining cap or the role's maximum; default 3600.
    const chained = via !== 'keys';
    const outOfRange = ds !== undefined && (ds < limits.assumeRoleMinSeconds || ds > limits.assumeRoleMaxSeconds);
    const tooLong = ds !== undefined && ds > (chained ? limits.chainingCapSeconds : max);
    const expected = outOfRange || tooLong ? 'error-ValidationError' : `success-${ds ?? limits.assumeRoleDefaultSeconds}`;

    const callerText = {
      keys: `${who} signs the call with their IAM user's long-term access keys.`,
      role: `${who} first assumes the role \`Jump\` for 12 hours, then uses that role session's credentials to make the call.`,
      gst: `${who} first calls GetSessionToken (default duration) and uses those temporary credentials to make the call.`,
    }[via];
    const durations = [...new Set([ds ?? 3600, 3600, max, Math.min(max, 3600)].filter((d) => d >= 900 && d <= 43200))];
    const choices: Choice[] = [
      ...durations.map((d) => successChoice(d)),
      { key: 'error-ValidationError', text: 'The call fails with `ValidationError`.', matches: fails('ValidationError'), when: 'DurationSeconds were outside 900–43200, above the role’s MaxSessionDuration, or above 3600 on a chained call' },
      { key: 'error-AccessDenied', text: 'The call fails with `AccessDenied`.', matches: fails('AccessDenied'), when: 'the trust policy or the caller’s permissions did not allow the call' },
      { key: 'clamped', text: `The call succeeds, with the duration silently reduced to the allowed maximum.`, matches: () => false, when: 'STS clamped AssumeRole durations, which it never does (only root’s GetSessionToken and GetFederationToken are clamped)' },
    ];
    return {
      scenario: scenario('gen-duration', 'Generated: AssumeRole duration', world, steps),
      stem: `${callerText} The call to AssumeRole on \`${role}\` ${ds === undefined ? 'does not pass DurationSeconds' : `passes DurationSeconds ${ds} (${humanSeconds(ds)})`}. The role's MaxSessionDuration is ${max} seconds (${humanSeconds(max)}), its trust policy trusts the caller and the caller's permissions allow the call.\n\nWhat happens?`,
      exhibits: [{ title: 'The call', text: cli('assume-role', { 'role-arn': target, 'role-session-name': `${who}-${role.toLowerCase()}`, 'duration-seconds': ds }) }],
      choices,
      expected,
      rule: 'AssumeRole defaults to one hour whatever the role allows; DurationSeconds must be 900–43200 and at most the role’s MaxSessionDuration, and a call signed with a role session (role chaining, a role assuming a role) is capped at one hour, as is one signed with GetSessionToken credentials according to AWS’s Knowledge Center. Too long is an error, never clamped.',
    };
  },
};

/** Who may assume a role: trust policy principal forms, identity policies, same vs cross account, root. */
const trustTemplate: Template = {
  id: 'trust-access',
  title: 'Trust policy and identity policy: who may assume a role',
  topic: 'assume-role',
  note: 'assume-role#cross-account',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const [a, b] = rng.pick(accountPairs);
    const cross = rng.chance(0.5);
    const roleAccount = cross ? b : a;
    const who = rng.pick(people);
    const other = rng.pick(people.filter((p) => p !== who));
    const role = rng.pick(roleNames);
    const target = roleArn(roleAccount, role);
    const user = userArn(a, who);
    // One reason at most per question: an untrusted caller gets an allowing identity policy, a
    // denying identity policy gets a trusting trust policy, and root is trusted and allowed.
    const asRoot = rng.chance(0.12);
    let principal = asRoot ? 'account-arn' : rng.pick(['user', 'account-arn', 'account-id', 'other-user'] as const);
    let identity = asRoot ? 'allow-role' : rng.pick(['allow-role', 'allow-any', 'none', 'deny'] as const);
    if (principal === 'other-user') identity = rng.pick(['allow-role', 'allow-any'] as const);
    if (identity === 'deny' && principal === 'other-user') principal = 'user';
    const principalValue = { user, 'account-arn': `arn:aws:iam::${a}:root`, 'account-id': a, 'other-user': userArn(a, other) }[principal];
    const policies: Json[] = {
      'allow-role': [doc(allow('sts:AssumeRole', target))],
      'allow-any': [doc(allow('sts:AssumeRole', '*'))],
      none: [doc(allow('s3:ListAllMyBuckets', '*'))],
      deny: [doc(allow('sts:AssumeRole', '*')), doc(deny('sts:AssumeRole', target))],
    }[identity];
    const world: Json = {
      accounts: cross ? [{ id: a }, { id: b }] : [{ id: a }],
      users: [{ arn: user, policies }, { arn: userArn(a, other) }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: principalValue })), policies: [doc(allow('s3:ListAllMyBuckets', '*'))] }],
    };
    const steps: Json[] = [{ id: 'ask', as: asRoot ? { root: a } : { user }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: asRoot ? 'root-session' : who } }];

    // The rules (F-1.2, F-2.2, F-2.3, F-2.7).
    const trusted = principal !== 'other-user';
    const namesUser = principal === 'user';
    const identityAllows = identity === 'allow-role' || identity === 'allow-any';
    let expected: string;
    if (asRoot) expected = 'error-root';
    else if (identity === 'deny') expected = 'error-caller';
    else if (!trusted) expected = 'error-trust';
    else if (!cross && namesUser) expected = 'success';
    else expected = identityAllows ? 'success' : 'error-caller';

    const identityText = {
      'allow-role': `allow \`sts:AssumeRole\` on \`${role}\``,
      'allow-any': 'allow `sts:AssumeRole` on every resource (`"Resource": "*"`)',
      none: 'allow only `s3:ListAllMyBuckets`',
      deny: `allow \`sts:AssumeRole\` on \`*\` in one policy and deny \`sts:AssumeRole\` on \`${role}\` in another`,
    }[identity];
    return {
      scenario: scenario('gen-trust-access', 'Generated: who may assume a role', world, steps),
      stem: `The role \`${role}\` is in account ${roleAccount}; the IAM user \`${who}\` is in account ${a}${cross ? ' (a different account)' : ' (the same account)'}. ${who}'s identity-based policies ${identityText}. ${asRoot ? `The **root user** of account ${a} calls AssumeRole on the role.` : `${who} calls AssumeRole on the role with long-term access keys.`}\n\nWhat is the result?`,
      exhibits: [{ title: `Trust policy of ${role}`, json: (world.roles as Json[])[0]!.trustPolicy }],
      choices: [
        { key: 'success', text: 'STS returns temporary credentials for the role.', matches: succeeds(), when: 'the trust policy allowed the caller and, unless it named the user directly in the same account, the caller’s identity policy allowed sts:AssumeRole too' },
        { key: 'error-trust', text: '`AccessDenied`: the role’s trust policy does not allow this caller.', matches: fails('AccessDenied', 'trust-policy'), when: 'the trust policy named neither the caller nor the caller’s account' },
        { key: 'error-caller', text: '`AccessDenied`: the caller’s own identity-based policies do not permit `sts:AssumeRole` on the role.', matches: fails('AccessDenied', 'caller-permissions'), when: 'the trust policy delegated to the account (or the call were cross-account) and no identity policy allowed sts:AssumeRole, or an identity policy explicitly denied it' },
        { key: 'error-root', text: '`AccessDenied`: the root user cannot assume roles.', matches: fails('AccessDenied', 'caller-type'), when: 'the root user made the call' },
      ],
      expected,
      rule: 'A trust policy must allow the caller explicitly. In the same account, naming the user’s ARN is enough on its own; trusting the account (`arn:aws:iam::ACCOUNT:root` or the bare account ID) delegates to that account’s identity policies, which must then allow sts:AssumeRole. Cross-account calls always need both sides. An explicit Deny anywhere wins, and the root user cannot assume roles at all.',
    };
  },
};

/** ExternalId: checked only when the trust policy tests sts:ExternalId; invalid characters fail validation. */
const externalIdTemplate: Template = {
  id: 'external-id',
  title: 'ExternalId in a vendor trust policy',
  topic: 'external-id',
  note: 'external-id#how-sts-checks-it',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const [vendor, customer] = rng.pick(accountPairs);
    const role = rng.pick(['VendorAudit', 'PartnerRead', 'SaaSConnector', 'CostReporter']);
    const target = roleArn(customer, role);
    const scanner = userArn(vendor, rng.pick(['scanner', 'connector', 'sync-bot']));
    const value = `Cust-${rng.int(1000, 9999)}-${rng.pick(['a7', 'k3', 'x9', 'q2'])}`;
    const checks = rng.chance(0.75);
    const sent = rng.pick(['none', 'right', 'right', 'wrong', 'invalid'] as const);
    const sentValue = { none: undefined, right: value, wrong: `Cust-${rng.int(1000, 9999)}-zz`, invalid: `Cust ${value.slice(5)}` }[sent];
    const world: Json = {
      accounts: [{ id: vendor, alias: 'vendor' }, { id: customer, alias: 'customer' }],
      users: [{ arn: scanner, policies: [doc(allow('sts:AssumeRole', target))] }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: `arn:aws:iam::${vendor}:root` }, 'sts:AssumeRole', checks ? { StringEquals: { 'sts:ExternalId': value } } : undefined)), policies: [doc(allow('s3:GetObject', 'arn:aws:s3:::customer-data/*'))] }],
    };
    const steps: Json[] = [{ id: 'ask', as: { user: scanner }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: 'vendor-sync', ...(sentValue === undefined ? {} : { ExternalId: sentValue }) } }];
    // F-5.1, F-5.2: the format is validated first; the value only matters when the trust policy tests it.
    const expected = sent === 'invalid' ? 'error-validation' : !checks || sent === 'right' ? 'success' : 'error-external-id';
    return {
      scenario: scenario('gen-external-id', 'Generated: ExternalId', world, steps),
      stem: `A SaaS vendor (account ${vendor}) reads data in a customer account (${customer}) through the role \`${role}\`. The vendor's IAM user is allowed to call \`sts:AssumeRole\` on the role. The call ${sentValue === undefined ? 'passes **no** ExternalId' : `passes \`--external-id ${sentValue}\``}.\n\nWhat happens?`,
      exhibits: [{ title: `Trust policy of ${role}`, json: (world.roles as Json[])[0]!.trustPolicy }],
      choices: [
        { key: 'success', text: 'STS returns credentials for the role.', matches: succeeds(), when: 'the trust policy did not test sts:ExternalId, or the call passed exactly the expected value' },
        { key: 'error-external-id', text: '`AccessDenied`, because the ExternalId condition in the trust policy is not met.', matches: fails('AccessDenied', 'external-id'), when: 'the trust policy tested sts:ExternalId and the call passed no value or a different one' },
        { key: 'error-validation', text: '`ValidationError`, because the ExternalId value is not well formed.', matches: fails('ValidationError', 'validate'), when: 'the ExternalId had characters outside letters, digits and + = , . @ : / - (a space, say) or were shorter than 2 characters' },
        { key: 'error-trust', text: '`AccessDenied`, because trusting the vendor account’s `:root` only lets its root user in.', matches: fails('AccessDenied', 'trust-policy'), when: 'the principal did not match; but `:root` means the whole account, delegating to its IAM policies' },
      ],
      expected,
      rule: 'STS checks an ExternalId only when the trust policy tests `sts:ExternalId`: then a missing or different value is AccessDenied. A role without that condition ignores any ExternalId passed. The value must be 2–1224 characters of letters, digits and `+=,.@:/-`, or the call fails validation first.',
    };
  },
};

/** MFA required by a trust policy: long-term keys with and without a code, a console session and its age. */
const mfaRoleTemplate: Template = {
  id: 'mfa-role',
  title: 'A role that requires MFA',
  topic: 'mfa',
  note: 'mfa-and-get-session-token#mfa-in-sts-calls',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const who = rng.pick(people);
    const user = userArn(a, who);
    const serial = `arn:aws:iam::${a}:mfa/${who}`;
    const code = String(rng.int(100000, 999999));
    const role = rng.pick(['BreakGlass', 'ProdAdmin', 'KeyAdmin', 'IncidentResponder']);
    const target = roleArn(a, role);
    const ageLimit = rng.chance(0.5) ? rng.pick([900, 3600]) : undefined;
    const way = rng.pick(['keys', 'keys-code', 'keys-wrong', 'console'] as const);
    const consoleAge = rng.pick([120, 600, 1800, 7200]);
    const condition: Json = { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, ...(ageLimit ? { NumericLessThan: { 'aws:MultiFactorAuthAge': String(ageLimit) } } : {}) };
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user, policies: [doc(allow('sts:AssumeRole', target))], mfaDevices: [{ serial, code }] }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: `arn:aws:iam::${a}:root` }, 'sts:AssumeRole', condition)), policies: [doc(allow('ec2:*', '*'))] }],
    };
    const wrong = String((Number(code) + 111111) % 900000 + 100000);
    const params: Json = { RoleArn: target, RoleSessionName: who };
    if (way === 'keys-code') Object.assign(params, { SerialNumber: serial, TokenCode: code });
    if (way === 'keys-wrong') Object.assign(params, { SerialNumber: serial, TokenCode: wrong });
    const steps: Json[] = [{ id: 'ask', as: way === 'console' ? { user, mfaAgeSeconds: consoleAge } : { user }, call: 'AssumeRole', params }];
    // F-4.2, F-4.3, F-4.4, F-4.6.
    let expected: string;
    if (way === 'keys') expected = 'error-no-mfa';
    else if (way === 'keys-wrong') expected = 'error-bad-code';
    else if (way === 'keys-code') expected = 'success';
    else expected = ageLimit !== undefined && consoleAge >= ageLimit ? 'error-trust' : 'success';
    const howText = {
      keys: 'with long-term access keys and no MFA parameters',
      'keys-code': `with long-term access keys, passing \`--serial-number ${serial}\` and the current code from the device`,
      'keys-wrong': `with long-term access keys, passing \`--serial-number ${serial}\` and a code that is not the device's current code`,
      console: `from a session in which ${who} signed in with MFA ${humanSeconds(consoleAge)} ago`,
    }[way];
    return {
      scenario: scenario('gen-mfa-role', 'Generated: a role that requires MFA', world, steps),
      stem: `\`${who}\`'s identity policy allows \`sts:AssumeRole\` on \`${role}\`, and ${who} has a virtual MFA device. ${who} calls AssumeRole ${howText}.\n\nWhat is the result?`,
      exhibits: [{ title: `Trust policy of ${role}`, json: (world.roles as Json[])[0]!.trustPolicy }],
      choices: [
        { key: 'success', text: 'STS returns credentials for the role.', matches: succeeds(), when: 'the request carried MFA (a valid SerialNumber and TokenCode, or an MFA-authenticated session) recent enough for any age condition' },
        { key: 'error-no-mfa', text: '`AccessDenied`: the request carries no MFA context, so the trust policy condition is not met.', matches: failsAt('AccessDenied', 'mfa.absent'), when: 'the call used long-term keys without SerialNumber and TokenCode' },
        { key: 'error-bad-code', text: '`AccessDenied`: MultiFactorAuthentication failed with an invalid one-time code.', matches: failsAt('AccessDenied', 'mfa.wrong-code'), when: 'the TokenCode were not the device’s current code' },
        { key: 'error-trust', text: '`AccessDenied`: MFA was used, but too long ago for the trust policy’s `aws:MultiFactorAuthAge` condition.', matches: failsAt('AccessDenied', 'mfa.condition-failed'), when: 'the MFA authentication were older than the NumericLessThan limit on aws:MultiFactorAuthAge' },
        { key: 'error-validation', text: '`ValidationError`: SerialNumber must be the device’s hardware serial, not an ARN.', matches: fails('ValidationError'), when: 'SerialNumber broke the 9–256 character pattern; a virtual MFA device ARN is exactly what it expects' },
      ],
      expected,
      rule: 'With long-term keys, MFA reaches STS only through SerialNumber and TokenCode on the AssumeRole call; without them aws:MultiFactorAuthPresent is absent and a `Bool … true` condition fails. A wrong code is AccessDenied. aws:MultiFactorAuthAge counts seconds since the MFA sign-in.',
    };
  },
};

/** Session policies intersect with the role's permissions; a Deny in either wins. */
const sessionPolicyTemplate: Template = {
  id: 'session-policy',
  title: 'Session policies narrow a role session',
  topic: 'session-policies',
  note: 'session-policies#how-they-limit-a-session',
  domain: 'saa-secure-architectures',
  difficulty: 2,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const who = rng.pick(people);
    const user = userArn(a, who);
    const bucket = `${rng.pick(buckets)}-${a.slice(-4)}`;
    const role = rng.pick(roleNames);
    const target = roleArn(a, role);
    const roleActions = rng.pick([['s3:GetObject', 's3:PutObject'], ['s3:GetObject'], ['s3:*']]);
    const action = rng.pick(['s3:GetObject', 's3:PutObject', 's3:DeleteObject']);
    const key = rng.pick(['shared/summary.csv', 'private/payroll.csv']);
    const roleAllows = roleActions.includes('s3:*') || roleActions.includes(action);
    // When the role lacks the action, the session policy allows it, so one reason decides.
    const kind = roleAllows ? rng.pick(['none', 'read', 'prefix', 'deny-put', 'star'] as const) : rng.pick(['none', 'star'] as const);
    const sessionPolicy: Json | undefined = {
      none: undefined,
      read: doc(allow('s3:GetObject', `arn:aws:s3:::${bucket}/*`)),
      prefix: doc(allow('s3:*', `arn:aws:s3:::${bucket}/shared/*`)),
      'deny-put': doc(allow('s3:*', '*'), deny('s3:PutObject', '*')),
      star: doc(allow('*', '*')),
    }[kind];
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: user })), policies: [doc(allow(roleActions, `arn:aws:s3:::${bucket}/*`))] }],
      resources: [{ arn: `arn:aws:s3:::${bucket}`, account: a }],
    };
    const steps: Json[] = [
      { id: 'assume', as: { user }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: who, ...(sessionPolicy ? { Policy: sessionPolicy } : {}) } },
      { id: 'ask', as: { session: 'assume' }, request: { action, resource: `arn:aws:s3:::${bucket}/${key}` } },
    ];
    // F-6.2, F-6.5: effective = role ∩ session; explicit Deny wins.
    const sessionDenies = kind === 'deny-put' && action === 's3:PutObject';
    const sessionAllows = kind === 'none' || kind === 'star' || kind === 'deny-put' || (kind === 'read' && action === 's3:GetObject') || (kind === 'prefix' && key.startsWith('shared/'));
    const expected = sessionDenies ? 'explicit' : !roleAllows ? 'implicit-role' : sessionAllows ? 'allow' : 'implicit-session';
    return {
      scenario: scenario('gen-session-policy', 'Generated: session policy', world, steps),
      stem: `\`${who}\` assumes \`${role}\` ${sessionPolicy ? 'and passes the inline session policy shown' : 'without passing a session policy'}. The role's permissions policy allows ${roleActions.map((x) => `\`${x}\``).join(' and ')} on \`arn:aws:s3:::${bucket}/*\`. There is no bucket policy. With the session's credentials, ${who} calls \`${action}\` on \`s3://${bucket}/${key}\`.\n\nWhat is the authorization decision?`,
      exhibits: sessionPolicy ? [{ title: 'Session policy passed with AssumeRole', json: sessionPolicy }] : [],
      choices: [
        { key: 'allow', text: 'Allowed.', matches: decides('Allow'), when: 'both the role’s permissions and the session policy (if any) allowed the action and nothing denied it' },
        { key: 'implicit-role', text: 'Implicitly denied: the role’s permissions policy does not allow the action.', matches: decides('ImplicitDeny', 'identity-policy'), when: 'the role’s own policy did not allow the action; a session policy cannot add to it' },
        ...(sessionPolicy
          ? [
              { key: 'implicit-session', text: 'Implicitly denied: the session policy does not allow the action.', matches: decides('ImplicitDeny', 'session-policy'), when: 'the role allowed the action but the session policy did not' },
              { key: 'explicit', text: 'Explicitly denied by the session policy.', matches: decides('ExplicitDeny'), when: 'a Deny statement in the session policy matched the action' },
              { key: 'session-wins', text: 'Allowed if the session policy allows it, whatever the role’s policy says.', matches: () => false, when: 'session policies could grant permissions; they can only narrow the role’s' },
            ]
          : [{ key: 'no-session-policy', text: 'Implicitly denied: a role session without a session policy has no permissions.', matches: () => false, when: 'this were GetFederationToken, where no session policy means no permissions; a role session without one simply has the role’s permissions' }]),
      ],
      expected,
      rule: 'A session policy can only narrow a session: the effective permissions are the intersection of the role’s identity-based policies and the session policy, and an explicit Deny in either wins. Without a session policy, the session has the role’s permissions.',
    };
  },
};

/** Session tags: sts:TagSession in the trust policy, then ${aws:PrincipalTag} in the role policy. */
const sessionTagsTemplate: Template = {
  id: 'session-tags',
  title: 'Session tags and attribute-based access control',
  topic: 'session-tags',
  note: 'session-tags#passing-tags',
  domain: 'scs-iam',
  difficulty: 3,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const who = rng.pick(people);
    const user = userArn(a, who);
    const projects = rng.shuffle(['apollo', 'borealis', 'cygnus', 'draco']);
    const project = projects[0]!;
    const asked = rng.chance(0.5) ? project : projects[1]!;
    const tagSession = rng.chance(0.7);
    const duplicate = rng.chance(0.15);
    const target = roleArn(a, 'ProjectWorker');
    const bucket = `projects-${a.slice(-4)}`;
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: user }, tagSession ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole')), policies: [doc(allow('s3:GetObject', `arn:aws:s3:::${bucket}/\${aws:PrincipalTag/project}/*`))] }],
      resources: [{ arn: `arn:aws:s3:::${bucket}`, account: a }],
    };
    const tags = duplicate ? [{ Key: 'project', Value: project }, { Key: 'Project', Value: projects[2]! }] : [{ Key: 'project', Value: project }];
    const steps: Json[] = [
      { id: 'assume', as: { user }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: who, Tags: tags } },
      { id: 'ask', as: { session: 'assume' }, request: { action: 's3:GetObject', resource: `arn:aws:s3:::${bucket}/${asked}/plan.pdf` } },
    ];
    // F-7.3, F-7.4; then the policy variable resolves to the session tag.
    const expected = duplicate ? 'error-duplicate' : !tagSession ? 'error-tag-session' : asked === project ? 'allow' : 'implicit';
    return {
      scenario: scenario('gen-session-tags', 'Generated: session tags', world, steps),
      stem: `\`${who}\` assumes \`ProjectWorker\` and passes the session tag${tags.length > 1 ? 's' : ''} ${tags.map((t) => `\`${t.Key}=${t.Value}\``).join(' and ')}. The role's permissions policy allows \`s3:GetObject\` on \`arn:aws:s3:::${bucket}/\${aws:PrincipalTag/project}/*\`. ${who} then tries to read \`s3://${bucket}/${asked}/plan.pdf\` with the session's credentials.\n\nWhat happens?`,
      exhibits: [{ title: 'Trust policy of ProjectWorker', json: (world.roles as Json[])[0]!.trustPolicy }],
      choices: [
        { key: 'allow', text: 'AssumeRole succeeds and the read is allowed.', matches: decides('Allow'), when: 'the trust policy allowed sts:TagSession and the object were under the tagged project’s prefix' },
        { key: 'implicit', text: 'AssumeRole succeeds, but the read is implicitly denied.', matches: decides('ImplicitDeny'), when: 'the object were under another project’s prefix than the session tag' },
        { key: 'error-tag-session', text: 'AssumeRole fails with `AccessDenied`, because the trust policy does not allow `sts:TagSession`.', matches: fails('AccessDenied', 'session-tags'), when: 'tags were passed to a role whose trust policy lacks sts:TagSession' },
        { key: 'error-duplicate', text: 'AssumeRole fails with `InvalidParameterValue`, because tag keys are case-insensitive and two keys collide.', matches: fails('InvalidParameterValue'), when: 'two session tag keys differed only by case' },
      ],
      expected,
      rule: 'Passing session tags needs `sts:TagSession` in the role’s trust policy (besides sts:AssumeRole). Tag keys are case-insensitive, so `project` and `Project` collide. Once issued, session tags appear as `aws:PrincipalTag/<key>` and can drive policy variables for attribute-based access control.',
    };
  },
};

/** GetSessionToken durations: IAM users up to 36 h (default 12 h), root clamped to 1 h. */
const gstTemplate: Template = {
  id: 'get-session-token',
  title: 'GetSessionToken durations for users and root',
  topic: 'get-session-token',
  note: 'mfa-and-get-session-token#getsessiontoken',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const who = rng.pick(people);
    const user = userArn(a, who);
    const root = rng.chance(0.35);
    const ds = rng.pick([undefined, 600, 900, 3600, 7200, 43200, 86400, 129600, 129601]);
    const world: Json = { accounts: [{ id: a }], users: [{ arn: user }] };
    const steps: Json[] = [{ id: 'ask', as: root ? { root: a } : { user }, call: 'GetSessionToken', params: ds === undefined ? {} : { DurationSeconds: ds } }];
    // F-10.3, F-10.4.
    const invalid = ds !== undefined && (ds < limits.userTokenMinSeconds || ds > limits.userTokenMaxSeconds);
    const seconds = root ? Math.min(ds ?? limits.rootTokenMaxSeconds, limits.rootTokenMaxSeconds) : ds ?? limits.userTokenDefaultSeconds;
    const expected = invalid ? 'error-ValidationError' : `success-${seconds}`;
    const durations = [...new Set([seconds, 3600, 43200, ...(ds !== undefined && ds >= 900 && ds <= 129600 ? [ds] : [])])];
    return {
      scenario: scenario('gen-get-session-token', 'Generated: GetSessionToken duration', world, steps),
      stem: `${root ? `The root user of account ${a}` : `The IAM user \`${who}\``} calls GetSessionToken with long-term credentials ${ds === undefined ? 'and no DurationSeconds' : `and DurationSeconds ${ds} (${humanSeconds(ds)})`}.\n\nWhat happens?`,
      exhibits: [{ title: 'The call', text: cli('get-session-token', { 'duration-seconds': ds }) }],
      choices: [
        ...durations.map((d) => successChoice(d)),
        { key: 'error-ValidationError', text: 'The call fails with `ValidationError`.', matches: fails('ValidationError'), when: 'DurationSeconds were below 900 or above 129600 (36 hours)' },
        { key: 'error-AccessDenied', text: 'The call fails with `AccessDenied`: GetSessionToken needs an identity policy that allows it.', matches: fails('AccessDenied'), when: 'the caller used temporary credentials; GetSessionToken itself needs no permission' },
      ],
      expected,
      rule: 'GetSessionToken needs no permission. For IAM users DurationSeconds is 900–129600 (default 43200, 12 hours). For the root user the session is at most one hour: longer requests are silently reduced to 3600, not rejected. Values outside 900–129600 fail validation for everyone.',
    };
  },
};

/** Role chaining: a call signed with a role session is capped at one hour, whatever the target allows. */
const chainingTemplate: Template = {
  id: 'role-chaining',
  title: 'Role chaining and the one-hour cap',
  topic: 'role-chaining',
  note: 'session-duration#role-chaining',
  domain: 'saa-secure-architectures',
  difficulty: 3,
  build(rng) {
    const [a, b] = rng.pick(accountPairs);
    const who = rng.pick(people);
    const user = userArn(a, who);
    const first = rng.pick(['user-role', 'web-identity'] as const);
    const hub = roleArn(a, first === 'web-identity' ? 'CiRunner' : 'Hub');
    const target = roleArn(b, rng.pick(roleNames));
    const targetMax = rng.pick([3600, 14400, 43200]);
    const firstDs = rng.pick([21600, 43200]);
    const ds = rng.pick([undefined, 900, 3600, 3601, 7200, 14400]);
    const issuer = 'https://token.actions.githubusercontent.com';
    const world: Json = {
      accounts: [{ id: a }, { id: b }],
      users: first === 'user-role' ? [{ arn: user }] : [],
      oidcProviders: first === 'web-identity' ? [{ arn: `arn:aws:iam::${a}:oidc-provider/token.actions.githubusercontent.com`, url: issuer, clientIds: ['sts.amazonaws.com'] }] : [],
      roles: [
        {
          arn: hub,
          trustPolicy: first === 'user-role' ? doc(trust({ AWS: user })) : doc(trust({ Federated: `arn:aws:iam::${a}:oidc-provider/token.actions.githubusercontent.com` }, 'sts:AssumeRoleWithWebIdentity', { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } })),
          maxSessionDuration: 43200,
          policies: [doc(allow('sts:AssumeRole', target))],
        },
        { arn: target, trustPolicy: doc(trust({ AWS: hub })), maxSessionDuration: targetMax, policies: [doc(allow('s3:ListAllMyBuckets', '*'))] },
      ],
    };
    const token = { iss: issuer, sub: 'repo:example/app:ref:refs/heads/main', aud: 'sts.amazonaws.com', iat: 1767225570, exp: 1767225900, signature: 'valid' };
    const steps: Json[] = [
      first === 'user-role'
        ? { id: 'first', as: { user }, call: 'AssumeRole', params: { RoleArn: hub, RoleSessionName: who, DurationSeconds: firstDs } }
        : { id: 'first', call: 'AssumeRoleWithWebIdentity', params: { RoleArn: hub, RoleSessionName: 'ci-run', WebIdentityToken: token, DurationSeconds: firstDs } },
      { id: 'ask', as: { session: 'first' }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: 'next-hop', ...(ds === undefined ? {} : { DurationSeconds: ds }) } },
    ];
    // F-3.1, F-3.2, F-3.4, F-3.5, F-3.6.
    const expected = ds !== undefined && ds > limits.chainingCapSeconds ? 'error-ValidationError' : `success-${ds ?? 3600}`;
    const durations = [...new Set([ds ?? 3600, 3600, firstDs, targetMax].filter((d) => d >= 900 && d <= 43200))];
    return {
      scenario: scenario('gen-role-chaining', 'Generated: role chaining', world, steps),
      stem: `${first === 'user-role' ? `\`${who}\` assumes \`Hub\` with long-term keys` : 'A GitHub Actions job calls AssumeRoleWithWebIdentity for `CiRunner`'} with DurationSeconds ${firstDs} (${humanSeconds(firstDs)}), which succeeds. With those credentials it calls AssumeRole on a role in account ${b} whose MaxSessionDuration is ${targetMax} seconds (${humanSeconds(targetMax)}), ${ds === undefined ? 'without DurationSeconds' : `with DurationSeconds ${ds}`}. Both trust policies allow the calls.\n\nWhat happens to the second call?`,
      exhibits: [],
      choices: [
        ...durations.map((d) => successChoice(d)),
        { key: 'error-ValidationError', text: 'It fails with `ValidationError`.', matches: fails('ValidationError'), when: 'a chained call asked for more than 3600 seconds' },
        { key: 'capped-parent', text: 'It succeeds, but the new session ends when the first session ends.', matches: () => false, when: 'chained sessions were capped at the parent’s expiry; they are not: each lasts its own duration' },
      ],
      expected,
      rule: 'Using role credentials to assume another role is role chaining: the new session is limited to one hour, and asking for more is a ValidationError, whatever the target role’s MaxSessionDuration. AssumeRoleWithWebIdentity and AssumeRoleWithSAML themselves are not chaining and may last up to the role’s maximum.',
    };
  },
};

/** The Bool vs BoolIfExists MFA deny, with long-term keys, GetSessionToken with and without MFA. */
const mfaDenyTemplate: Template = {
  id: 'mfa-deny',
  title: 'Deny unless MFA: Bool or BoolIfExists',
  topic: 'mfa',
  note: 'mfa-and-get-session-token#multifactorauthpresent-and-age',
  domain: 'scs-iam',
  difficulty: 3,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const who = rng.pick(people);
    const user = userArn(a, who);
    const serial = `arn:aws:iam::${a}:mfa/${who}`;
    const code = String(rng.int(100000, 999999));
    const op = rng.pick(['Bool', 'BoolIfExists'] as const);
    const how = rng.pick(['keys', 'gst', 'gst-mfa', 'console'] as const);
    const action = rng.pick(['ec2:TerminateInstances', 'ec2:StopInstances', 'rds:DeleteDBInstance']);
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user, mfaDevices: [{ serial, code }], policies: [doc(allow(action, '*'), deny(action, '*', { [op]: { 'aws:MultiFactorAuthPresent': 'false' } }))] }],
    };
    const steps: Json[] = [];
    if (how === 'gst') steps.push({ id: 'session', as: { user }, call: 'GetSessionToken', params: {} });
    if (how === 'gst-mfa') steps.push({ id: 'session', as: { user }, call: 'GetSessionToken', params: { SerialNumber: serial, TokenCode: code } });
    const as = how === 'keys' ? { user } : how === 'console' ? { user, mfaAgeSeconds: 300 } : { session: 'session' };
    steps.push({ id: 'ask', as, request: { action, resource: `arn:aws:ec2:us-east-1:${a}:instance/i-0abc123def4567890` } });
    // F-4.3: the key is absent for long-term keys, false for temporary credentials without MFA.
    const present = how === 'keys' ? undefined : how === 'gst' ? false : true;
    const denied = present === false || (present === undefined && op === 'BoolIfExists');
    const expected = denied ? 'explicit' : 'allow';
    const howText = {
      keys: 'with their long-term access keys',
      gst: 'with credentials from GetSessionToken called **without** MFA',
      'gst-mfa': 'with credentials from GetSessionToken called **with** a valid MFA code',
      console: 'from the console, signed in with MFA five minutes ago',
    }[how];
    return {
      scenario: scenario('gen-mfa-deny', 'Generated: deny unless MFA', world, steps),
      stem: `To require MFA, an administrator attached the policy shown to \`${who}\`. ${who} calls \`${action}\` ${howText}.\n\nWhat is the authorization decision?`,
      exhibits: [{ title: `Identity policy of ${who}`, json: ((world.users as Json[])[0]!.policies as Json[])[0] }],
      choices: [
        { key: 'allow', text: 'Allowed.', matches: decides('Allow'), when: 'the Deny’s condition did not match: MFA present, or the key absent under a plain Bool' },
        { key: 'explicit', text: 'Explicitly denied by the MFA statement.', matches: decides('ExplicitDeny'), when: 'aws:MultiFactorAuthPresent were false, or absent under BoolIfExists' },
        { key: 'implicit', text: 'Implicitly denied: no statement allows the action without MFA.', matches: decides('ImplicitDeny'), when: 'no Allow matched; here the Allow statement matches every caller' },
      ],
      expected,
      rule: 'aws:MultiFactorAuthPresent is absent from requests signed with long-term access keys, and false in temporary credentials obtained without MFA. `Bool … false` therefore misses long-term keys; `BoolIfExists … false` treats a missing key as a match and denies them too.',
    };
  },
};

/** GetFederationToken: no session policy means no permissions; session credentials cannot call it. */
const federationTemplate: Template = {
  id: 'federation-token',
  title: 'GetFederationToken and its session policy',
  topic: 'get-federation-token',
  note: 'get-federation-token#how-it-works',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const broker = rng.pick(['token-broker', 'kiosk-backend', 'partner-gateway']);
    const user = userArn(a, broker);
    const bucket = `${rng.pick(buckets)}-${a.slice(-4)}`;
    const policyKind = rng.pick(['none', 'read', 'all'] as const);
    const fromSession = rng.chance(0.15);
    const userActions = rng.pick([['s3:GetObject'], ['s3:GetObject', 's3:PutObject']]);
    // With no session policy (or from a session) the user has the action, so one reason decides.
    const action = policyKind === 'none' || fromSession ? rng.pick(userActions) : rng.pick(['s3:GetObject', 's3:PutObject']);
    const sessionPolicy = { none: undefined, read: doc(allow('s3:GetObject', `arn:aws:s3:::${bucket}/*`)), all: doc(allow('s3:*', '*')) }[policyKind];
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user, policies: [doc(allow('sts:GetFederationToken', '*'), allow(userActions, `arn:aws:s3:::${bucket}/*`))] }],
      resources: [{ arn: `arn:aws:s3:::${bucket}`, account: a }],
    };
    const steps: Json[] = [];
    if (fromSession) steps.push({ id: 'session', as: { user }, call: 'GetSessionToken', params: {} });
    steps.push({ id: 'federate', as: fromSession ? { session: 'session' } : { user }, call: 'GetFederationToken', params: { Name: 'guest-7', ...(sessionPolicy ? { Policy: sessionPolicy } : {}) } });
    steps.push({ id: 'ask', as: { session: 'federate' }, request: { action, resource: `arn:aws:s3:::${bucket}/shared/menu.pdf` } });
    // F-11.1, F-6.6, F-11.5.
    const userAllows = userActions.includes(action);
    const sessionAllows = policyKind === 'all' || (policyKind === 'read' && action === 's3:GetObject');
    const expected = fromSession ? 'error-session' : policyKind === 'none' ? 'implicit-none' : !userAllows ? 'implicit-user' : sessionAllows ? 'allow' : 'implicit-session';
    return {
      scenario: scenario('gen-federation-token', 'Generated: GetFederationToken', world, steps),
      stem: `The IAM user \`${broker}\` may call \`sts:GetFederationToken\` and has ${userActions.map((x) => `\`${x}\``).join(' and ')} on \`arn:aws:s3:::${bucket}/*\`. It calls GetFederationToken for the name \`guest-7\` ${fromSession ? 'using temporary credentials it got from GetSessionToken' : 'with its long-term access keys'}, ${sessionPolicy ? 'passing the session policy shown' : 'passing no session policy'}. The federated user then calls \`${action}\` on an object in the bucket.\n\nWhat happens?`,
      exhibits: sessionPolicy ? [{ title: 'Session policy passed with GetFederationToken', json: sessionPolicy }] : [],
      choices: [
        { key: 'allow', text: 'The request is allowed.', matches: decides('Allow'), when: 'both the user’s policies and the session policy allowed the action' },
        policyKind === 'none'
          ? { key: 'implicit-none', text: 'Implicitly denied: with no session policy the federated user has no permissions.', matches: decides('ImplicitDeny', 'session-policy'), when: 'GetFederationToken were called without a session policy' }
          : { key: 'implicit-session', text: 'Implicitly denied: the session policy does not allow the action.', matches: decides('ImplicitDeny', 'session-policy'), when: 'the session policy did not cover the action' },
        ...(policyKind === 'none' ? [{ key: 'inherits', text: 'Allowed: without a session policy the federated user inherits the IAM user’s permissions.', matches: () => false, when: 'GetFederationToken worked like AssumeRole without a session policy; it does not: no session policy, no permissions' }] : []),
        { key: 'implicit-user', text: 'Implicitly denied: the IAM user’s own policies do not allow the action.', matches: (s) => s.kind === 'request' && s.decision === 'ImplicitDeny' && decidingGate(s) === 'identity-policy', when: 'the calling user lacked the action; the session policy cannot add it' },
        { key: 'error-session', text: 'GetFederationToken fails with `AccessDenied`: it cannot be called with session credentials.', matches: fails('AccessDenied', 'caller-type'), when: 'the call were signed with temporary credentials' },
      ],
      expected,
      rule: 'GetFederationToken must be called with an IAM user’s long-term credentials. The federated user gets the intersection of that user’s policies and the session policy passed, so with no session policy it gets no permissions at all (except what resource policies grant to the federated-user ARN).',
    };
  },
};

/** Every template, in the order the UI cycles through them. */
/** Organization guardrails: an SCP tree on the caller's side and an RCP on the role's side. */
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
const orgGuardrailsTemplate: Template = {
  id: 'org-guardrails',
  title: 'SCPs and RCPs around AssumeRole',
  topic: 'organizations',
  note: 'resource-control-policies#guarding-role-assumption',
  domain: 'scs-governance',
  difficulty: 3,
  build(rng) {
    const mgmt = '999999999999';
    const workloads = '111111111111';
    const sandbox = '333333333333';
    const outsider = '444444444444';
    const caller = rng.pick([
      { account: workloads, where: 'an account in the Workloads OU' },
      { account: sandbox, where: 'an account in the Sandbox OU' },
      { account: outsider, where: 'a partner account that belongs to no organization' },
    ] as const);
    const roleAccount = rng.pick(['222222222222', mgmt] as const);
    const withScp = rng.pick([true, false] as const);
    const withRcp = rng.pick([true, false] as const);
    const who = rng.pick(people);
    const user = userArn(caller.account, who);
    const target = roleArn(roleAccount, rng.pick(roleNames));
    const org: Json = {
      id: 'o-acme1111',
      management: mgmt,
      accounts: [workloads, '222222222222', sandbox],
      root: 'r-acme',
      ous: [
        { id: 'ou-acme-11111111', name: 'Workloads', parent: 'r-acme', accounts: [workloads, '222222222222'] },
        { id: 'ou-acme-33333333', name: 'Sandbox', parent: 'r-acme', accounts: [sandbox] },
      ],
      scps: withScp ? [{ name: 'NoSandboxAssumeRole', targets: ['ou-acme-33333333'], document: doc(deny('sts:AssumeRole', '*')) }] : [],
      rcps: withRcp
        ? [{ name: 'OrgOnlyRoleAssumption', targets: ['r-acme'], document: doc({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-acme1111' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }) }]
        : [],
    };
    const world: Json = {
      accounts: [{ id: mgmt }, { id: workloads }, { id: '222222222222' }, { id: sandbox }, { id: outsider }],
      organizations: [org],
      users: [{ arn: user, policies: [doc(allow('sts:AssumeRole', target))] }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: `arn:aws:iam::${caller.account}:root` })), policies: [doc(allow('s3:ListAllMyBuckets', '*'))] }],
    };
    const steps: Json[] = [{ id: 'ask', as: { user }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: who } }];
    // F-21.1, F-21.3: RCPs cap member-account resources for any caller, not the management account's.
    // F-21.5, F-21.6: an SCP Deny on the caller's path denies; SCPs do not apply outside the organization.
    const rcpDenies = withRcp && caller.account === outsider && roleAccount !== mgmt;
    const scpDenies = withScp && caller.account === sandbox;
    const expected = scpDenies ? 'error-scp' : rcpDenies ? 'error-rcp' : 'success';
    return {
      scenario: scenario('gen-org-guardrails', 'Generated: SCPs and RCPs around AssumeRole', world, steps),
      stem: `\`${who}\`, a user in ${caller.where}, calls AssumeRole on a role in ${roleAccount === mgmt ? 'the organization’s **management** account' : 'a member account of the Workloads OU'}. The role trusts the user's account and the user's identity policy allows the call. ${withScp ? 'An SCP attached to the Sandbox OU denies `sts:AssumeRole`.' : 'No SCP beyond `FullAWSAccess` is attached.'} ${withRcp ? 'An RCP attached at the root denies `sts:AssumeRole` when `aws:PrincipalOrgID` is not the organization’s (AWS services excepted).' : 'No RCP beyond `RCPFullAWSAccess` is attached.'}\n\nWhat happens?`,
      exhibits: [],
      choices: [
        { key: 'success', text: 'The call succeeds.', matches: succeeds(), when: 'no SCP on the caller’s path and no RCP on the role’s account denied it' },
        { key: 'error-scp', text: '`AccessDenied`, because of the SCP.', matches: fails('AccessDenied', 'scp'), when: 'an SCP on the caller’s path denied sts:AssumeRole' },
        { key: 'error-rcp', text: '`AccessDenied`, because of the RCP.', matches: fails('AccessDenied', 'rcp'), when: 'the RCP denied a caller outside the organization on a member-account role' },
        { key: 'error-trust', text: '`AccessDenied`, because the trust policy does not allow callers from that account.', matches: fails('AccessDenied', 'trust-policy'), when: 'the trust policy did not name the caller’s account' },
      ],
      expected,
      rule: 'SCPs cap the principals of member accounts (never the management account, never outsiders); RCPs cap the resources of member accounts for every caller, including outsiders, but not resources in the management account. Both only take away.',
    };
  },
};

/** GitHub Actions provider claim keys and immutable subjects in a trust policy. */
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif
const githubClaimsTemplate: Template = {
  id: 'github-claims',
  title: 'GitHub Actions: claim keys and immutable subjects',
  topic: 'github-actions',
  note: 'github-actions-to-aws#pin-repository-and-environment',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const [a] = rng.pick(accountPairs);
    const provider = `arn:aws:iam::${a}:oidc-provider/token.actions.githubusercontent.com`;
    const target = roleArn(a, rng.pick(roleNames));
    const style = rng.pick(['sub-name', 'sub-wildcard', 'repository-id', 'environment'] as const);
    const immutable = rng.pick([true, false] as const);
    const env = rng.pick([undefined, 'production', 'staging'] as const);
    const sameRepo = rng.pick([true, false] as const);
    const repoId = sameRepo ? '700100200' : '900900900';
    const ref = env ? `environment:${env}` : 'ref:refs/heads/main';
    const sub = immutable ? `repo:example-org@41000001/site@${repoId}:${ref}` : `repo:example-org/${sameRepo ? 'site' : 'site-old'}:${ref}`;
    const key = (k: string) => `token.actions.githubusercontent.com:${k}`;
    const conditions: Record<typeof style, Json> = {
      'sub-name': { StringEquals: { [key('aud')]: 'sts.amazonaws.com', [key('sub')]: `repo:example-org/site:${ref}` } },
      'sub-wildcard': { StringEquals: { [key('aud')]: 'sts.amazonaws.com' }, StringLike: { [key('sub')]: 'repo:example-org/*' } },
      'repository-id': { StringEquals: { [key('aud')]: 'sts.amazonaws.com', [key('repository_id')]: '700100200' } },
      environment: { StringEquals: { [key('aud')]: 'sts.amazonaws.com', [key('repository_id')]: '700100200', [key('environment')]: 'production' } },
    };
    const world: Json = {
      accounts: [{ id: a }],
      oidcProviders: [{ arn: provider, url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] }],
      roles: [{ arn: target, trustPolicy: doc(trust({ Federated: provider }, 'sts:AssumeRoleWithWebIdentity', conditions[style])), policies: [doc(allow('s3:ListAllMyBuckets', '*'))] }],
    };
    const token: Json = {
      iss: 'https://token.actions.githubusercontent.com', sub, aud: 'sts.amazonaws.com', iat: 1785715170, exp: 1785715500, signature: 'valid',
      repository: sameRepo ? 'example-org/site' : 'example-org/site-old', repository_id: repoId, repository_owner_id: '41000001', ref: 'refs/heads/main', ...(env ? { environment: env } : {}),
    };
    const steps: Json[] = [{ id: 'ask', call: 'AssumeRoleWithWebIdentity', params: { RoleArn: target, RoleSessionName: 'gha-run', WebIdentityToken: token } }];
    // F-9.9 claim keys; F-9.10 immutable subjects do not match name-based sub conditions.
    const matches: Record<typeof style, boolean> = {
      'sub-name': !immutable && sameRepo,
      'sub-wildcard': !immutable,
      'repository-id': sameRepo,
      environment: sameRepo && env === 'production',
    };
    const condText: Record<typeof style, string> = {
      'sub-name': `\`StringEquals\` on \`sub\` = \`repo:example-org/site:${ref}\``,
      'sub-wildcard': '`StringLike` on `sub` = `repo:example-org/*`',
      'repository-id': '`StringEquals` on `token.actions.githubusercontent.com:repository_id` = `700100200`',
      environment: '`StringEquals` on `repository_id` = `700100200` and `environment` = `production`',
    };
    return {
      scenario: scenario('gen-github-claims', 'Generated: GitHub claim keys and immutable subjects', world, steps),
      stem: `A role trusts GitHub's OIDC provider with the audience pinned and ${condText[style]}. A workflow presents a valid token with \`sub\` = \`${sub}\`, \`repository_id\` = \`${repoId}\`${env ? ` and \`environment\` = \`${env}\`` : ' and no environment'}.\n\nWhat happens?`,
      exhibits: [],
      choices: [
        { key: 'success', text: 'The workflow gets credentials.', matches: succeeds(), when: 'every condition of the trust policy matched the token' },
        { key: 'error-trust', text: '`AccessDenied` from the trust policy.', matches: fails('AccessDenied', 'trust-policy'), when: 'a condition did not match: an immutable subject against a name-based one, another repository ID, or another environment' },
        { key: 'error-token', text: '`InvalidIdentityToken`: the subject format is not recognised.', matches: fails('InvalidIdentityToken'), when: 'the token itself was invalid, which it is not here' },
      ],
      expected: matches[style] ? 'success' : 'error-trust',
      rule: 'Repositories created, renamed or transferred after 15 July 2026 get immutable subjects (`repo:owner@id/repo@id:…`), which name-based `sub` conditions and `repo:org/*` do not match. Provider claim keys such as `repository_id` and `environment` work whichever subject form the token uses.',
    };
  },
};

export const templates: readonly Template[] = [
  orgGuardrailsTemplate,
  githubClaimsTemplate,
  durationTemplate,
  trustTemplate,
  externalIdTemplate,
  mfaRoleTemplate,
  sessionPolicyTemplate,
  sessionTagsTemplate,
  gstTemplate,
  chainingTemplate,
  mfaDenyTemplate,
  federationTemplate,
];

/** Looks a template up by id. */
export function templateById(id: string): Template | undefined {
  return templates.find((t) => t.id === id);
}

// ---------------------------------------------------------------------------------------------
// Running a template

/** The step a generated question asks about: the first failed call, else the last action step. */
function focusStep(steps: ActionResult[]): ActionResult | undefined {
  return steps.find((s) => s.kind === 'call' && s.outcome === 'error') ?? steps[steps.length - 1];
}

/** One sentence of what the engine did for a step, with its reason. */
export function summarize(step: ActionResult): string {
  const failed = decidingEntry(step);
  if (step.kind === 'call') {
    if (step.outcome === 'error') {
      return `STS rejects the call with \`${step.error?.code}\` at the check “${gateLabels[failed?.gate ?? 'none']}”: ${failed?.reason ?? step.error?.message ?? ''}`;
    }
    const issued = step.trace.find((t) => t.gate === 'issue');
    return `Every check passes. ${issued?.reason ?? 'STS issues credentials.'}`;
  }
  const word = { Allow: 'allowed', ExplicitDeny: 'explicitly denied', ImplicitDeny: 'implicitly denied' }[step.decision];
  if (failed && failed.gate !== 'decision') return `The request is ${word}. ${gateLabels[failed.gate]}: ${failed.reason}`;
  const passes = step.trace.filter((t) => t.result === 'pass' && t.gate !== 'authenticate' && t.gate !== 'decision').map((t) => t.reason);
  return `The request is ${word}. ${passes.join(' ')}`.trim();
}

/**
 * Builds and runs a template for a seed, and turns the engine's result into a question.
 * @param templateId a template id (see `templates`)
 * @param seed any 32-bit integer; the same seed always gives the same question
 * @returns the question with its scenario and the engine's step result, or undefined for an unknown template
 * @example generateQuestion('duration', 7)?.question.options
 */
export function generateQuestion(templateId: string, seed: number): Generated | undefined {
  const template = templateById(templateId);
  if (!template) return undefined;
  const rng = createRng(seed);
  const built = template.build(rng);
  const scenarioJson: Json = { ...built.scenario, id: `gen-${template.id}-${seed >>> 0}` };
  const sim = simulate(scenarioJson, { fixes: false });
  if (!sim.ok) throw new Error(`Invariant failed: template ${template.id} built an invalid scenario: ${sim.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const actions = sim.result.steps.filter(isAction);
  const step = focusStep(actions);
  if (!step?.id) throw new Error(`Invariant failed: template ${template.id} built a scenario without steps`);

  // Every step the question is not about gets an expect of what happened, so the shared
  // scenario checks out in the simulator; the asked step gets the engine's answer too.
  const withExpect = structuredClone(scenarioJson) as { steps: Json[] };
  for (const s of withExpect.steps) {
    const r = actions.find((x) => x.id === s.id);
    if (!r) continue;
    s.expect = r.kind === 'request' ? { decision: r.decision } : r.outcome === 'success' ? { outcome: 'success', ...(durationOf(r) ? { durationSeconds: durationOf(r) } : {}) } : { outcome: 'error', code: r.error?.code };
  }

  const matching = built.choices.filter((c) => c.matches(step));
  const right = matching[0];
  const summary = summarize(step);
  const correct: Choice = right ?? { key: 'engine', text: `Something else: ${summary}`, matches: () => true, when: '' };
  const distractors = rng.shuffle(built.choices.filter((c) => c !== correct && !c.matches(step))).slice(0, 3);
  const ordered = rng.shuffle([correct, ...distractors]);
  const question: Question = {
    id: `gen:${template.id}:${seed >>> 0}`,
    kind: 'single',
    stem: built.stem,
    exhibits: built.exhibits,
    options: ordered.map((c, i) => ({
      id: String.fromCharCode(97 + i),
      text: c.text,
      correct: c === correct,
      // The engine's account of what happened goes with the right answer; each wrong one says
      // when it would have been right, which is what a learner needs to tell them apart.
      explanation: c === correct ? `${summary} ${built.rule}` : `This would be the answer if ${c.when}.`,
    })),
    topic: template.topic,
    note: template.note,
    domain: template.domain,
    difficulty: template.difficulty,
    origin: { kind: 'generated', template: template.id, seed: seed >>> 0, scenario: withExpect },
  };
  return { question, scenario: withExpect as unknown as Json, stepId: step.id, step, expected: built.expected, actual: right?.key, href: sharedScenarioHref(withExpect, step.id) };
}
