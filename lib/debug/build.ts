/**
 * Builds a complete, runnable `sts-scenario/v1` file from what a paste held: accounts, the
 * role, the identity provider, the caller and the failing call. It asks only for what it
 * cannot derive (who calls: an ARN, a token or a SAML response) and lists every assumption
 * it had to make, so a verdict is never passed off as being about configuration it did not see.
 * Pure; never throws for user input.
 */
import { type DebugCall, type Recognised, recognise } from './recognise';
import { isObject } from './text';

/** What the page may ask the user for. */
export type QuestionId = 'caller' | 'token' | 'saml' | 'trust-policy';

/** A question the builder needs answered (required) or would like answered (optional). */
export interface Question {
  id: QuestionId;
  /** What to enter. */
  prompt: string;
  /** Why it is needed, and where to find it. */
  why: string;
  /** Without an answer there is no scenario to run. */
  required: boolean;
  /** Set when the user's answer could not be used. */
  problem?: string;
}

/** The user's answers to the questions. */
export interface Answers {
  /** The caller's ARN: a user, a role, an assumed-role session or an account root. */
  caller?: string;
  /** A web identity token: a compact JWT or its claims as JSON. */
  token?: string;
  /** A SAML response: base64 or XML. */
  saml?: string;
}

/** What the builder made of a paste. */
export interface Built {
  /** The call the scenario makes. */
  call: DebugCall;
  /** The scenario file, when nothing required is missing. */
  scenario?: Record<string, unknown>;
  /** What is missing or would make the verdict about the user's real configuration. */
  questions: Question[];
  /** Every value the builder had to assume, in plain words. */
  assumptions: string[];
}

const DEFAULT_ROLE_ACCOUNT = '222222222222';
const SIGNIN = 'https://signin.aws.amazon.com/saml';

const acct = (arn: string | undefined) => (arn ? /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1] : undefined);
const nameOf = (arn: string) => arn.split('/').pop() ?? arn;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const statements = (p: Record<string, unknown> | undefined): Record<string, unknown>[] => (p ? asArray(p.Statement).filter(isObject) : []);
const policyDoc = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The principals of a given type that a trust policy names. */
function principalsOf(trust: Record<string, unknown> | undefined, type: 'AWS' | 'Federated'): string[] {
  return statements(trust).flatMap((s) => (isObject(s.Principal) ? asArray(s.Principal[type]).filter((x): x is string => typeof x === 'string') : []));
}

/** The values of a condition key (any operator), as written in a trust policy. */
function conditionValues(trust: Record<string, unknown> | undefined, key: string): string[] {
  const out: string[] = [];
  for (const s of statements(trust))
    if (isObject(s.Condition))
      for (const block of Object.values(s.Condition))
        if (isObject(block)) for (const [k, v] of Object.entries(block)) if (k.toLowerCase() === key.toLowerCase()) out.push(...asArray(v).filter((x): x is string => typeof x === 'string'));
  return out;
}

/** Which call the paste is about: from a command, an event or an error, else from the trust policy or the tokens. */
function whichCall(items: Recognised[]): DebugCall {
  const known = (c: unknown): c is DebugCall => c === 'AssumeRole' || c === 'AssumeRoleWithWebIdentity' || c === 'AssumeRoleWithSAML';
  for (const it of items) if ((it.kind === 'cli' || it.kind === 'cloudtrail' || it.kind === 'error') && known(it.call)) return it.call;
  if (items.some((i) => i.kind === 'web-identity-token')) return 'AssumeRoleWithWebIdentity';
  if (items.some((i) => i.kind === 'saml')) return 'AssumeRoleWithSAML';
  const trust = items.find((i) => i.kind === 'trust-policy');
  const fed = trust?.kind === 'trust-policy' ? principalsOf(trust.policy, 'Federated') : [];
  if (fed.some((f) => f.includes(':saml-provider/'))) return 'AssumeRoleWithSAML';
  if (fed.length) return 'AssumeRoleWithWebIdentity';
  return 'AssumeRole';
}

/** The caller ARN, checked. */
function parseCaller(arn: string): { kind: 'user' | 'role' | 'assumed-role' | 'root'; account: string; name: string; session?: string } | undefined {
  const a = arn.trim();
  let m = /^arn:aws[\w-]*:iam::(\d{12}):user\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(a);
  if (m) return { kind: 'user', account: m[1]!, name: m[2]! };
  m = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(a);
  if (m) return { kind: 'role', account: m[1]!, name: m[2]! };
  m = /^arn:aws[\w-]*:sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{2,64})$/.exec(a);
  if (m) return { kind: 'assumed-role', account: m[1]!, name: m[2]!, session: m[3]! };
  m = /^arn:aws[\w-]*:iam::(\d{12}):root$/.exec(a);
  if (m) return { kind: 'root', account: m[1]!, name: 'root' };
  return undefined;
}

/**
 * Builds the scenario.
 * @param input the recognised items (or the paste's text)
 * @param answers what the user entered in answer to earlier questions
 * @example buildScenario(recognise(paste).items, { caller: 'arn:aws:iam::111111111111:user/alice' }).scenario
 */
export function buildScenario(input: Recognised[] | string, answers: Answers = {}): Built {
  const items = typeof input === 'string' ? recognise(input).items : [...input];
  const questions: Question[] = [];
  const assumptions: string[] = [];
  // Answers join the paste: a token or SAML response typed into its own field counts as pasted.
  for (const [key, value] of [['token', answers.token], ['saml', answers.saml]] as const) {
    if (!value?.trim()) continue;
    const found = recognise(value).items.filter((i) => (key === 'token' ? i.kind === 'web-identity-token' : i.kind === 'saml'));
    if (found.length) items.push(...found);
    else questions.push({ id: key, prompt: '', why: '', required: true, problem: key === 'token' ? 'not a compact JWT (xxx.yyy.zzz) or a JSON object of claims with "iss"' : 'not a SAML response (base64 or XML)' });
  }
  const call = whichCall(items);
  const first = <K extends Recognised['kind']>(kind: K) => items.find((i): i is Extract<Recognised, { kind: K }> => i.kind === kind);
  const trustItem = first('trust-policy');
  const error = first('error');
  const event = items.find((i): i is Extract<Recognised, { kind: 'cloudtrail' }> => i.kind === 'cloudtrail' && i.call === call) ?? first('cloudtrail');
  const cli = items.find((i): i is Extract<Recognised, { kind: 'cli' }> => i.kind === 'cli' && i.call === call);
  const token = first('web-identity-token');
  const saml = first('saml');
  const identityPolicies = items.filter((i): i is Extract<Recognised, { kind: 'identity-policy' }> => i.kind === 'identity-policy');

  // The role: named by get-role, the command, the event, the error or the SAML Role attribute.
  const samlPairs = (saml?.assertion.attributes?.['https://aws.amazon.com/SAML/Attributes/Role'] ?? []).map((v) => v.split(',').map((x) => x.trim()));
  const samlPair = samlPairs.find((p) => p.some((x) => x.includes(':role/')));
  const cliRole = typeof cli?.params.RoleArn === 'string' ? cli.params.RoleArn : undefined;
  const errorRole = error?.resource && /:role\//.test(error.resource) ? error.resource : undefined;
  let roleArn = trustItem?.role?.arn ?? cliRole ?? event?.roleArn ?? errorRole ?? samlPair?.find((x) => x.includes(':role/'));
  if (!roleArn || !/^arn:aws[\w-]*:iam::\d{12}:role\//.test(roleArn)) {
    const fedAccount = acct(principalsOf(trustItem?.policy, 'Federated')[0]);
    roleArn = `arn:aws:iam::${fedAccount ?? DEFAULT_ROLE_ACCOUNT}:role/PastedRole`;
    assumptions.push(`The role's ARN was not in the paste: it is called ${roleArn}.`);
  }
  const roleAccount = acct(roleArn)!;
  const accounts = new Set<string>([roleAccount]);

  // The trust policy: as pasted, or a stand-in that is stated as such.
  let trustPolicy = trustItem?.policy;
  const fedProvider = (kind: 'oidc' | 'saml') => principalsOf(trustPolicy, 'Federated').find((f) => f.includes(kind === 'oidc' ? ':oidc-provider/' : ':saml-provider/'));

  const world: Record<string, unknown> = {};
  const steps: Record<string, unknown>[] = [];
  const params: Record<string, unknown> = { RoleArn: roleArn };
  let start: string | undefined = event?.eventTime && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(event.eventTime) ? event.eventTime : undefined;
  const sessionName = (typeof cli?.params.RoleSessionName === 'string' ? cli.params.RoleSessionName : undefined) ?? event?.sessionName ?? 'debug-session';
  for (const k of ['DurationSeconds', 'ExternalId', 'SourceIdentity', 'Tags'] as const) {
    const v = cli?.params[k] ?? event?.params[k];
    if (v !== undefined) params[k] = v;
  }

  if (call === 'AssumeRole') {
    const callerArn = answers.caller?.trim() || error?.caller || (event?.call === 'AssumeRole' ? event.caller : undefined);
    const caller = callerArn ? parseCaller(callerArn) : undefined;
    if (!caller) {
      questions.push({
        id: 'caller',
        prompt: 'Who calls AssumeRole? Enter the caller\'s ARN (a user, a role, an assumed-role session or an account root).',
        why: 'STS decides with both the caller\'s identity policies and the role\'s trust policy; run "aws sts get-caller-identity" with the failing credentials to get it.',
        required: true,
        ...(callerArn ? { problem: `"${callerArn}" is not a user, role, assumed-role or root ARN` } : {}),
      });
    }
    if (!trustPolicy) {
      trustPolicy = policyDoc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${roleAccount}:root` }, Action: 'sts:AssumeRole' });
      assumptions.push(`The role's trust policy was not in the paste: it is taken to trust only its own account (${roleAccount}), as the console's default does.`);
      questions.push({ id: 'trust-policy', prompt: `Paste the role's trust policy (aws iam get-role --role-name ${nameOf(roleArn)}) for a verdict on your real configuration.`, why: 'Without it the verdict is about a stand-in trust policy.', required: false });
    }
    if (caller) {
      accounts.add(caller.account);
      const reason = error?.reason;
      const target = roleArn;
      let policies: Record<string, unknown>[] = identityPolicies.map((p) => p.policy);
      if (!identityPolicies.length) {
        const sameAccount = caller.account === roleAccount;
        const trustNamesCaller = principalsOf(trustPolicy, 'AWS').some((p) => p === callerArn || (caller.kind === 'assumed-role' && p.endsWith(`:role/${caller.name}`)));
        const noIdentityAllow = (reason?.kind === 'no-allow' && reason.policy === 'identity-based') || (!!error && !reason && sameAccount && !trustNamesCaller);
        if (noIdentityAllow) {
          policies = [];
          assumptions.push(`The caller is given no identity-based policy that allows sts:AssumeRole${reason ? ', as the error message says' : ': in one account, that is the only way the error arises with a trust policy that names the account'}.`);
        } else {
          policies = [policyDoc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: target })];
          assumptions.push(`The caller's identity policies were not in the paste: it is given one that allows sts:AssumeRole on ${nameOf(target)}.`);
        }
        if (reason?.kind === 'explicit-deny' && reason.policy === 'identity-based') {
          policies.push(policyDoc({ Sid: 'DenyFromErrorMessage', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: target }));
          assumptions.push('The error names an explicit deny in an identity-based policy: the caller is given a Deny statement for sts:AssumeRole on the role. Paste the real policy (aws iam get-role-policy / get-policy-version) to find the statement.');
        }
      }
      if (error?.reason?.kind === 'explicit-deny' && error.reason.policy === 'service control') {
        const name = error.reason.policyArn ? nameOf(error.reason.policyArn) : 'DenyAssumeRole';
        world.organizations = [{ id: 'o-debug0000', management: '999999999999', accounts: [...new Set([caller.account, roleAccount])].filter((a) => a !== '999999999999'), scps: [{ name, targets: [caller.account], document: policyDoc({ Sid: 'FromErrorMessage', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }) }] }];
        assumptions.push(`The error names an explicit deny in a service control policy${error.reason.policyArn ? ` (${error.reason.policyArn})` : ''}: the caller's account is placed in an organization whose SCP ${name} denies sts:AssumeRole.`);
      }
      if (caller.kind === 'user') {
        world.users = [{ arn: callerArn!.trim(), policies }];
        steps.push({ id: 'debug', as: { user: callerArn!.trim() }, call: 'AssumeRole', params: { ...params, RoleSessionName: sessionName } });
      } else if (caller.kind === 'root') {
        steps.push({ id: 'debug', as: { root: caller.account }, call: 'AssumeRole', params: { ...params, RoleSessionName: sessionName } });
      } else {
        // A role's session signs the call: a sign-in user assumes the caller role first.
        const sourceRole = `arn:aws:iam::${caller.account}:role/${caller.name}`;
        const signin = `arn:aws:iam::${caller.account}:user/signin`;
        world.users = [{ arn: signin, policies: [policyDoc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: sourceRole })] }];
        const roles = [{ arn: sourceRole, trustPolicy: policyDoc({ Effect: 'Allow', Principal: { AWS: signin }, Action: 'sts:AssumeRole' }), policies }];
        world.roles = roles;
        steps.push({ id: 'signin', as: { user: signin }, call: 'AssumeRole', params: { RoleArn: sourceRole, RoleSessionName: caller.session ?? 'signin' } });
        steps.push({ id: 'debug', as: { session: 'signin' }, call: 'AssumeRole', params: { ...params, RoleSessionName: sessionName } });
        assumptions.push(`The caller is a session of ${caller.name}: a user "signin" assumes it first, so that the session can make the call.`);
      }
    }
  }

  if (call === 'AssumeRoleWithWebIdentity') {
    let claims: Record<string, unknown> | undefined = token ? { ...token.claims } : undefined;
    let compact = token?.compact;
    if (!claims && event?.webIdentity?.sub) {
      const host = (event.webIdentity.provider ?? fedProvider('oidc')?.split('oidc-provider/')[1] ?? 'token.actions.githubusercontent.com').replace(/^https:\/\//, '');
      claims = { iss: `https://${host}`, sub: event.webIdentity.sub, ...(event.webIdentity.aud ? { aud: event.webIdentity.aud } : {}) };
      assumptions.push('The token is rebuilt from the CloudTrail event (issuer, sub and aud); its other claims are unknown.');
    }
    if (!claims) {
      questions.push({ id: 'token', prompt: 'Paste the web identity token (a compact JWT) or its claims as JSON.', why: 'The trust policy\'s conditions are tested against the token\'s claims (sub, aud, …). In GitHub Actions, print the claims of a token from the ACTIONS_ID_TOKEN_REQUEST_URL endpoint, never the token itself in a public log.', required: true });
    } else {
      const iss = typeof claims.iss === 'string' ? claims.iss.replace(/\/$/, '') : '';
      const host = iss.replace(/^https:\/\//, '');
      const aud = asArray(claims.aud).filter((x): x is string => typeof x === 'string');
      if (!trustPolicy) {
        const provider = `arn:aws:iam::${roleAccount}:oidc-provider/${host || 'token.example.com'}`;
        trustPolicy = policyDoc({ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${host}:aud`]: aud[0] ?? 'sts.amazonaws.com' } } });
        assumptions.push('The role\'s trust policy was not in the paste: it is taken to trust the token\'s provider and check only aud.');
        questions.push({ id: 'trust-policy', prompt: `Paste the role's trust policy (aws iam get-role --role-name ${nameOf(roleArn)}) for a verdict on your real configuration.`, why: 'Without it the verdict is about a stand-in trust policy.', required: false });
      }
      if (error?.detail === 'no-provider') {
        assumptions.push(`The error says there is no OIDC provider for ${iss} in account ${roleAccount}: none is created.`);
      } else if (host) {
        const trustAud = conditionValues(trustPolicy, `${host}:aud`).filter((v) => !/[*?]/.test(v));
        let clientIds = trustAud.length ? trustAud : aud.length ? [aud[0]!] : ['sts.amazonaws.com'];
        if (error?.detail === 'wrong-audience') {
          clientIds = clientIds.filter((c) => !aud.includes(c));
          if (!clientIds.length) clientIds = [aud.includes('sts.amazonaws.com') ? 'your-client-id' : 'sts.amazonaws.com'];
          assumptions.push(`The error says the token's audience is wrong: the provider's client IDs are taken to be ${clientIds.join(', ')}.`);
        } else assumptions.push(`The IAM OIDC provider for ${iss} exists in account ${roleAccount} with client ID${clientIds.length > 1 ? 's' : ''} ${clientIds.join(', ')}${trustAud.length ? ' (the trust policy\'s aud)' : ' (the token\'s aud)'}.`);
        world.oidcProviders = [{ arn: `arn:aws:iam::${roleAccount}:oidc-provider/${host}`, url: `https://${host}`, clientIds }];
      }
      // The clock: just after the token was issued, so it is valid unless it cannot be.
      const iat = typeof claims.iat === 'number' ? claims.iat : undefined;
      const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
      if (error?.detail === 'expired' && exp !== undefined) start = iso((exp + 60) * 1000);
      else if (iat !== undefined) start = iso((iat + 30) * 1000);
      else if (exp !== undefined) start = iso((exp - 60) * 1000);
      if (!compact || (error?.detail !== 'expired' && exp !== undefined && iat === undefined)) compact = undefined;
      params.RoleSessionName = sessionName;
      params.WebIdentityToken = compact ?? { ...claims, signature: 'valid' };
      steps.push({ id: 'debug', call: 'AssumeRoleWithWebIdentity', params });
    }
  }

  if (call === 'AssumeRoleWithSAML') {
    if (!saml) {
      questions.push({ id: 'saml', prompt: 'Paste the SAML response (the base64 SAMLResponse value, or its XML).', why: 'STS checks the assertion\'s issuer, audience, Role attribute and times. Capture it with the browser\'s network panel: the POST to https://signin.aws.amazon.com/saml carries it.', required: true });
    } else {
      const principalArn = (typeof cli?.params.PrincipalArn === 'string' ? cli.params.PrincipalArn : undefined) ?? (typeof event?.params.PrincipalArn === 'string' ? event.params.PrincipalArn : undefined) ?? samlPair?.find((x) => x.includes(':saml-provider/')) ?? fedProvider('saml') ?? `arn:aws:iam::${roleAccount}:saml-provider/PastedIdP`;
      if (!trustPolicy) {
        trustPolicy = policyDoc({ Effect: 'Allow', Principal: { Federated: principalArn }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': SIGNIN } } });
        assumptions.push('The role\'s trust policy was not in the paste: it is taken to be the console\'s default for SAML (the provider, with SAML:aud the AWS sign-in endpoint).');
        questions.push({ id: 'trust-policy', prompt: `Paste the role's trust policy (aws iam get-role --role-name ${nameOf(roleArn)}) for a verdict on your real configuration.`, why: 'Without it the verdict is about a stand-in trust policy.', required: false });
      }
      world.samlProviders = [{ arn: principalArn, issuer: saml.assertion.issuer }];
      assumptions.push(`The IAM SAML provider ${nameOf(principalArn)} exists and its metadata names the issuer ${saml.assertion.issuer}; the assertion's signature is taken as valid (it is not verified here).`);
      accounts.add(acct(principalArn) ?? roleAccount);
      const issued = saml.assertion.issueInstant ? Date.parse(saml.assertion.issueInstant) : NaN;
      if (!Number.isNaN(issued)) start = iso(issued + 30_000);
      const { DurationSeconds } = params;
      steps.push({ id: 'debug', call: 'AssumeRoleWithSAML', params: { RoleArn: roleArn, PrincipalArn: principalArn, SAMLAssertion: saml.assertion, ...(DurationSeconds !== undefined ? { DurationSeconds } : {}) } });
    }
  }

  const role: Record<string, unknown> = { arn: roleArn, trustPolicy };
  if (trustItem?.role?.id) role.id = trustItem.role.id;
  if (trustItem?.role?.maxSessionDuration) role.maxSessionDuration = trustItem.role.maxSessionDuration;
  const rolePolicies = identityPolicies.filter((p) => p.owner?.type === 'role' && p.owner.name === nameOf(roleArn));
  if (rolePolicies.length) role.policies = rolePolicies.map((p) => p.policy);
  world.roles = [...((world.roles as unknown[] | undefined) ?? []), role];
  if (error?.detail === 'above-max' && !trustItem?.role?.maxSessionDuration) assumptions.push('The role\'s MaxSessionDuration was not in the paste: it is taken as the default 3600 seconds.');
  world.accounts = [...accounts].map((id) => ({ id }));
  if (!world.users && call === 'AssumeRole') delete world.users;

  // What the paste says happened becomes the step's expectation, so a stand-in that does not reproduce it shows up.
  const seenCode = error?.code ?? (event?.call === call ? event.errorCode : undefined);
  const main = steps.find((s) => s.id === 'debug');
  if (main && seenCode) main.expect = { outcome: 'error', code: seenCode };

  const required = questions.filter((q) => q.required);
  if (required.length) return { call, questions: fillPrompts(questions), assumptions };
  const scenario: Record<string, unknown> = {
    format: 'sts-scenario/v1',
    id: 'debug-paste',
    title: `Why does ${call} on ${nameOf(roleArn)} fail?`,
    summary: `Built from a paste: ${items.map((i) => i.label).join('; ')}.${assumptions.length ? ` Assumed: ${assumptions.join(' ')}` : ''}`,
    ...(start ? { start } : {}),
    world: orderWorld(world),
    steps,
  };
  return { call, scenario, questions: fillPrompts(questions), assumptions };
}

/** Answer-problem entries (made before the call was known) get their prompt from the real question. */
function fillPrompts(qs: Question[]): Question[] {
  const out: Question[] = [];
  for (const q of qs) {
    const same = out.find((o) => o.id === q.id);
    if (same) {
      if (q.problem) same.problem = q.problem;
      if (q.prompt) Object.assign(same, { prompt: q.prompt, why: q.why, required: q.required });
    } else out.push({ ...q });
  }
  return out.filter((q) => q.prompt);
}

function orderWorld(w: Record<string, unknown>): Record<string, unknown> {
  const order = ['accounts', 'organizations', 'users', 'roles', 'samlProviders', 'oidcProviders'];
  return Object.fromEntries(order.filter((k) => w[k] !== undefined).map((k) => [k, w[k]]));
}

