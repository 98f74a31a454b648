/**
 * Counterfactuals: for each failed step, the smallest changes to the scenario file that
 * make it succeed. Candidates come from the trace; each is verified by applying its patch
 * and running the scenario again, so a fix that is offered always works.
 */
import { matchAction } from '../policy/match';
import { applyPatch, type PatchOp } from '../util/jsonPatch';
import { caps } from './caps';
import { loadScenario } from './load';
import { runScenario, type Fix, type StepResult } from './run';
import { type CallStep, type RequestStep, type Scenario } from './schema';
import { arnAccount, type Role, type World } from '../world/world';

type Raw = { world?: Record<string, unknown>; steps?: Record<string, unknown>[] } & Record<string, unknown>;

const doc = (statement: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [statement] });

/** Patch ops that add a statement to a policy document found at `path` in the raw file. */
function addStatement(raw: Raw, path: string, statement: Record<string, unknown>): PatchOp[] | undefined {
  const parts = path.split('/').slice(1);
  let cur: unknown = raw;
  for (const p of parts) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  if (!cur || typeof cur !== 'object') return undefined;
  const st = (cur as Record<string, unknown>).Statement;
  if (Array.isArray(st)) return [{ op: 'add', path: `${path}/Statement/-`, value: statement }];
  if (st && typeof st === 'object') return [{ op: 'replace', path: `${path}/Statement`, value: [st, statement] }];
  return undefined;
}

/** Patch ops that give an IAM user or role one more inline policy. */
function addIdentityPolicy(raw: Raw, kind: 'users' | 'roles', index: number, statement: Record<string, unknown>): PatchOp[] {
  const list = (raw.world?.[kind] as Record<string, unknown>[] | undefined)?.[index];
  const base = `/world/${kind}/${index}/policies`;
  return Array.isArray(list?.policies) ? [{ op: 'add', path: `${base}/-`, value: doc(statement) }] : [{ op: 'add', path: base, value: [doc(statement)] }];
}

interface Ctx {
  raw: Raw;
  scenario: Scenario;
  world: World;
  results: StepResult[];
}

/** The principal that signs a step, as a policy would name it, and where its policies live. */
function signer(ctx: Ctx, step: CallStep | RequestStep): { principal?: string; owner?: { kind: 'users' | 'roles'; index: number }; issuedBy?: number } {
  const as = step.as;
  if (!as) return {};
  if ('user' in as) {
    const u = ctx.world.users.get(as.user);
    return u ? { principal: u.arn, owner: { kind: 'users', index: u.index } } : {};
  }
  if ('session' in as) {
    const idx = ctx.scenario.steps.findIndex((s) => 'id' in s && s.id === as.session);
    const src = ctx.scenario.steps[idx];
    if (!src || !('call' in src)) return {};
    const roleArn = typeof src.params?.RoleArn === 'string' ? src.params.RoleArn : undefined;
    const role = roleArn ? ctx.world.roles.get(roleArn) : undefined;
    if (role && src.call.startsWith('AssumeRole')) return { principal: role.arn, owner: { kind: 'roles', index: role.index }, issuedBy: idx };
    if (src.as && 'user' in src.as) {
      const u = ctx.world.users.get(src.as.user);
      return u ? { principal: u.arn, owner: { kind: 'users', index: u.index }, issuedBy: idx } : {};
    }
  }
  return {};
}

/**
 * The condition keys of the trust statements that already allow `action`. A new statement without
 * them lets its principal in without meeting them (MFA, ExternalId, source IP, …).
 */
function guardKeys(role: Role, action: string): string[] {
  const keys = role.trust.policy.statements
    .filter((s) => s.effect === 'Allow' && s.conditions.length && (s.action ?? []).some((a) => matchAction(a, action)))
    .flatMap((s) => s.conditions.map((c) => c.key));
  return [...new Set(keys)];
}

/** What a fix that adds an unconditioned trust statement gives up, if anything. */
function weakensTrust(role: Role, action: string): string | undefined {
  const keys = guardKeys(role, action);
  if (!keys.length) return undefined;
  return `The new statement has no Condition, so it skips what ${role.name}'s trust policy checks for everyone else (${keys.join(', ')}). Prefer a fix that meets the condition.`;
}

const withWeakens = (weakens: string | undefined): Pick<Fix, 'weakens'> => (weakens ? { weakens } : {});

/** Candidate fixes for one failed step, from its trace. */
function candidates(ctx: Ctx, i: number): Fix[] {
  const step = ctx.scenario.steps[i] as CallStep | RequestStep;
  const r = ctx.results[i];
  if (!r || r.kind === 'clock') return [];
  const codes = new Set(r.trace.filter((t) => t.result === 'fail').map((t) => t.code));
  const out: Fix[] = [];
  const sp = `/steps/${i}`;
  const params = 'call' in step ? (step.params ?? {}) : {};
  const roleArn = typeof params.RoleArn === 'string' ? params.RoleArn : undefined;
  const role = roleArn ? ctx.world.roles.get(roleArn) : undefined;
  const who = signer(ctx, step);
  const setParam = (name: string, value: unknown): PatchOp => ({ op: name in params ? 'replace' : 'add', path: `${sp}/params${'params' in step ? '' : ''}/${name}`, value });
  const ensureParams: PatchOp[] = 'call' in step && !step.params ? [{ op: 'add', path: `${sp}/params`, value: {} }] : [];

  if (role && (codes.has('external-id.missing') || codes.has('external-id.mismatch'))) {
    for (const st of role.trust.policy.statements)
      for (const c of st.conditions)
        if (c.key.toLowerCase() === 'sts:externalid' && c.values[0] && !/[*?$]/.test(c.values[0]))
          out.push({ summary: `Pass the ExternalId the trust policy expects ("${c.values[0]}")`, patch: [...ensureParams, setParam('ExternalId', c.values[0])] });
  }
  if (codes.has('mfa.absent') || codes.has('mfa.condition-failed') || codes.has('mfa.wrong-code') || codes.has('mfa.missing-code')) {
    const user = step.as && 'user' in step.as ? ctx.world.users.get(step.as.user) : undefined;
    const dev = user?.mfaDevices[0];
    if (dev && 'call' in step && (step.call === 'AssumeRole' || step.call === 'GetSessionToken'))
      out.push({ summary: `Sign the call with MFA: pass SerialNumber ${dev.serial} and its current TokenCode`, patch: [...ensureParams, setParam('SerialNumber', dev.serial), setParam('TokenCode', dev.code)] });
  }
  if ((codes.has('mfa.absent') || codes.has('mfa.condition-failed') || codes.has('caller.session-token-iam-without-mfa')) && who.issuedBy !== undefined) {
    // The session came from GetSessionToken without MFA: add MFA there.
    const src = ctx.scenario.steps[who.issuedBy] as CallStep;
    const user = src.as && 'user' in src.as ? ctx.world.users.get(src.as.user) : undefined;
    const dev = user?.mfaDevices[0];
    if (dev && src.call === 'GetSessionToken') {
      const base = `/steps/${who.issuedBy}/params`;
      const has = src.params !== undefined;
      const ops: PatchOp[] = has
        ? [{ op: 'add', path: `${base}/SerialNumber`, value: dev.serial }, { op: 'add', path: `${base}/TokenCode`, value: dev.code }]
        : [{ op: 'add', path: base, value: { SerialNumber: dev.serial, TokenCode: dev.code } }];
      out.push({ summary: `Call GetSessionToken in step "${src.id ?? who.issuedBy}" with MFA (SerialNumber ${dev.serial} and its TokenCode)`, patch: ops });
    }
  }
  if (codes.has('duration.chaining-cap')) out.push({ summary: 'Ask for at most one hour: a chained role session cannot be longer', patch: [setParam('DurationSeconds', 3600)] });
  if (role && codes.has('duration.above-max-session-duration')) {
    out.push({ summary: `Ask for no more than ${role.name}'s MaxSessionDuration (${role.maxSessionDuration} seconds)`, patch: [setParam('DurationSeconds', role.maxSessionDuration)] });
    const d = typeof params.DurationSeconds === 'number' ? params.DurationSeconds : 0;
    if (d <= 43200) out.push({ summary: `Raise ${role.name}'s MaxSessionDuration to ${d} seconds`, patch: [{ op: 'add', path: `/world/roles/${role.index}/maxSessionDuration`, value: d }] });
  }
  if (codes.has('validate.params') && r.error?.message.includes("'durationSeconds'")) {
    const d = typeof params.DurationSeconds === 'number' ? params.DurationSeconds : 0;
    out.push({ summary: d < 900 ? 'Ask for at least 900 seconds' : 'Ask for a shorter session', patch: [setParam('DurationSeconds', d < 900 ? 900 : 'call' in step && (step.call === 'GetSessionToken' || step.call === 'GetFederationToken') ? 129600 : 'call' in step && step.call === 'AssumeRoot' ? 900 : 3600)] });
  }
  if (codes.has('validate.params') && r.error?.message.includes("'roleSessionName'") && typeof params.RoleSessionName === 'string') {
    const fixed = params.RoleSessionName.replace(/[^\w+=,.@-]/g, '-').slice(0, 64).padEnd(2, '0');
    out.push({ summary: `Use a valid RoleSessionName ("${fixed}")`, patch: [setParam('RoleSessionName', fixed)] });
  }
  const stsAction = 'call' in step ? `sts:${step.call}` : undefined;
  if (role && who.principal && codes.has('trust.no-statement-allows') && stsAction === 'sts:AssumeRole') {
    const p = addStatement(ctx.raw, `/world/roles/${role.index}/trustPolicy`, { Effect: 'Allow', Principal: { AWS: who.principal }, Action: 'sts:AssumeRole' });
    if (p) out.push({ summary: `Add ${who.principal} to ${role.name}'s trust policy`, patch: p, ...withWeakens(weakensTrust(role, 'sts:AssumeRole')) });
  }
  if (role && who.principal && (codes.has('tags.tagsession-denied') || codes.has('source-identity.denied'))) {
    const action = codes.has('tags.tagsession-denied') ? 'sts:TagSession' : 'sts:SetSourceIdentity';
    const p = addStatement(ctx.raw, `/world/roles/${role.index}/trustPolicy`, { Effect: 'Allow', Principal: { AWS: who.principal }, Action: action });
    if (p) out.push({ summary: `Allow ${action} for ${who.principal} in ${role.name}'s trust policy`, patch: p, ...withWeakens(weakensTrust(role, action)) });
  }
  if (who.owner && codes.has('identity.no-allow')) {
    const action = 'request' in step ? step.request.action : stsAction;
    const resource = 'request' in step ? step.request.resource : role?.arn ?? (stsAction === 'sts:GetFederationToken' ? '*' : '*');
    if (action) out.push({ summary: `Give ${who.principal?.split(':').pop()} an identity-based policy that allows ${action} on ${resource}`, patch: addIdentityPolicy(ctx.raw, who.owner.kind, who.owner.index, { Effect: 'Allow', Action: action, Resource: resource }) });
  }
  if (codes.has('session.no-allow') && who.issuedBy !== undefined) {
    const src = ctx.scenario.steps[who.issuedBy] as CallStep;
    const ops: PatchOp[] = [];
    if (src.params?.Policy !== undefined) ops.push({ op: 'remove', path: `/steps/${who.issuedBy}/params/Policy` });
    if (src.params?.PolicyArns !== undefined) ops.push({ op: 'remove', path: `/steps/${who.issuedBy}/params/PolicyArns` });
    if (ops.length) out.push({ summary: `Drop the session policy from step "${src.id ?? who.issuedBy}" (it limits this session)`, patch: ops });
  }
  if ('request' in step && codes.has('resource.cross-account-no-policy') && who.principal) {
    const res = ctx.world.resources.find((x) => step.request.resource === x.arn || step.request.resource.startsWith(x.arn + '/'));
    const idx = res ? ctx.world.resources.indexOf(res) : -1;
    if (idx >= 0 && !res?.policy)
      out.push({ summary: `Give ${res!.arn} a resource-based policy that allows ${who.principal}`, patch: [{ op: 'add', path: `/world/resources/${idx}/policy`, value: doc({ Effect: 'Allow', Principal: { AWS: who.principal }, Action: step.request.action, Resource: step.request.resource }) }] });
  }
  if (codes.has('oidc.wrong-audience') && 'call' in step && typeof params.WebIdentityToken === 'object' && params.WebIdentityToken) {
    const aud = (params.WebIdentityToken as Record<string, unknown>).aud;
    const iss = String((params.WebIdentityToken as Record<string, unknown>).iss ?? '');
    const j = ((ctx.raw.world?.oidcProviders as { url: string; clientIds?: string[] }[] | undefined) ?? []).findIndex((o) => o.url.replace(/\/$/, '') === iss.replace(/\/$/, '') && arnAccount(roleArn ?? '') !== undefined);
    if (j >= 0 && typeof aud === 'string') {
      const has = Array.isArray((ctx.raw.world?.oidcProviders as { clientIds?: string[] }[])[j]?.clientIds);
      out.push({ summary: `Add "${aud}" to the OIDC provider's client IDs`, patch: [{ op: 'add', path: has ? `/world/oidcProviders/${j}/clientIds/-` : `/world/oidcProviders/${j}/clientIds`, value: has ? aud : [aud] }] });
    }
  }
  out.push(...federationFixes(ctx, i), ...denyFixes(ctx, i), ...missingActionFixes(ctx, i));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Candidate kinds for federation, explicit denies and missing trust actions (issue #13). Each
// returns unverified candidates; computeFixes keeps only those that make the step succeed.
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const ptr = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const get = (raw: unknown, path: string): unknown => path.split('/').slice(1).reduce<unknown>((cur, p) => (cur && typeof cur === 'object' ? (cur as Json)[p.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), raw);

/** The raw statements of a policy document at `path`, with the pointer to each. */
function rawStatements(raw: Raw, path: string): { st: Json; at: string }[] {
  const doc = get(raw, path);
  if (!isObj(doc)) return [];
  if (Array.isArray(doc.Statement)) return doc.Statement.flatMap((st, n) => (isObj(st) ? [{ st, at: `${path}/Statement/${n}` }] : []));
  return isObj(doc.Statement) ? [{ st: doc.Statement, at: `${path}/Statement` }] : [];
}

/** The token's claims, from an object or a compact JWT (decoded, not verified). */
function tokenClaims(token: unknown): Json | undefined {
  if (isObj(token)) return token;
  if (typeof token !== 'string') return undefined;
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const text = new TextDecoder().decode(Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(text);
    return isObj(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** Why admitting this GitHub subject is risky, if it is. */
function subjectRisk(claim: string, value: string, existing: string[]): string | undefined {
  if (claim !== 'sub' || !value.startsWith('repo:')) return undefined;
  const owner = (v: string) => /^repo:([^/@:]+)/.exec(v)?.[1]?.toLowerCase();
  const owners = new Set(existing.map(owner).filter(Boolean));
  if (owners.size && !owners.has(owner(value))) return `The token comes from a repository of another owner (${owner(value)}): admitting it lets that owner's workflows use this role. Only do this if you trust them.`;
  if (/:pull_request$/.test(value)) return 'A pull_request subject admits the workflow of every pull request to the repository, including changes nobody has reviewed.';
  return undefined;
}

/** A compact JWT with one claim changed (the signature part is kept; the simulator does not verify it). */
function withClaim(token: string, claim: string, value: unknown): string {
  const [h = '', , sig = ''] = token.split('.');
  const claims = { ...(tokenClaims(token) ?? {}), [claim]: value };
  const bytes = new TextEncoder().encode(JSON.stringify(claims));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `${h}.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.${sig}`;
}

const wideSubject = (v: string) => v === '*' || /^repo:\*/.test(v) || /^repo:[^/:]+\/\*/.test(v);

/**
 * Web identity and SAML: a missing provider, a client ID, the trust policy's claim conditions
 * (a wildcard under StringEquals, a value the token does not carry), SAML:aud and the issuer.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_saml.html
 */
function federationFixes(ctx: Ctx, i: number): Fix[] {
  const step = ctx.scenario.steps[i];
  const r = ctx.results[i];
  if (!step || !('call' in step) || !r || r.kind === 'clock') return [];
  const codes = new Set(r.trace.filter((t) => t.result === 'fail').map((t) => t.code));
  const params = (step.params ?? {}) as Json;
  const roleArn = typeof params.RoleArn === 'string' ? params.RoleArn : undefined;
  const role = roleArn ? ctx.world.roles.get(roleArn) : undefined;
  const out: Fix[] = [];
  const world = (ctx.raw.world ?? {}) as Json;

  if (step.call === 'AssumeRoleWithWebIdentity') {
    const claims = tokenClaims(params.WebIdentityToken);
    const iss = typeof claims?.iss === 'string' ? claims.iss.replace(/\/$/, '') : '';
    const host = iss.replace(/^https:\/\//, '');
    const aud = list(claims?.aud).filter((x): x is string => typeof x === 'string');
    const roleAccount = roleArn ? arnAccount(roleArn) : undefined;
    if (codes.has('oidc.no-provider') && host && roleAccount) {
      const provider = { arn: `arn:aws:iam::${roleAccount}:oidc-provider/${host}`, url: `https://${host}`, clientIds: aud.length ? [aud[0]] : ['sts.amazonaws.com'] };
      const has = Array.isArray(world.oidcProviders);
      out.push({ summary: `Create the IAM OIDC provider for ${iss} in account ${roleAccount}, with client ID ${provider.clientIds[0]}`, patch: [has ? { op: 'add', path: '/world/oidcProviders/-', value: provider } : { op: 'add', path: '/world/oidcProviders', value: [provider] }] });
    }
    if (codes.has('oidc.wrong-audience') && typeof params.WebIdentityToken === 'string' && aud[0]) {
      const j = list(world.oidcProviders).findIndex((o) => isObj(o) && typeof o.url === 'string' && o.url.replace(/\/$/, '') === iss);
      const p = list(world.oidcProviders)[j];
      if (j >= 0 && isObj(p)) out.push({ summary: `Add "${aud[0]}" to the OIDC provider's client IDs (the token's aud)`, patch: [Array.isArray(p.clientIds) ? { op: 'add', path: `/world/oidcProviders/${j}/clientIds/-`, value: aud[0] } : { op: 'add', path: `/world/oidcProviders/${j}/clientIds`, value: [aud[0]] }] });
    }
    // The caller's side: ask the identity provider for a token with the audience AWS expects.
    if (claims && host && (codes.has('oidc.wrong-audience') || codes.has('trust.no-statement-allows'))) {
      const provider = list(world.oidcProviders).find((o) => isObj(o) && typeof o.url === 'string' && o.url.replace(/\/$/, '') === iss);
      const wanted = isObj(provider) ? list(provider.clientIds).filter((x): x is string => typeof x === 'string') : [];
      for (const want of wanted.filter((w) => !aud.includes(w)).slice(0, 2)) {
        const token = params.WebIdentityToken;
        const op: PatchOp | undefined = isObj(token)
          ? { op: 'aud' in token ? 'replace' : 'add', path: `/steps/${i}/params/WebIdentityToken/aud`, value: want }
          : typeof token === 'string'
            ? { op: 'replace', path: `/steps/${i}/params/WebIdentityToken`, value: withClaim(token, 'aud', want) }
            : undefined;
        if (op) out.push({ summary: `Request the token with audience "${want}", a client ID of the IAM OIDC provider (for GitHub: the audience input of the credentials action)`, patch: [op] });
      }
    }
    if (role && claims && host && codes.has('trust.no-statement-allows')) {
      const prefix = `${host}:`.toLowerCase();
      for (const { st, at } of rawStatements(ctx.raw, `/world/roles/${role.index}/trustPolicy`)) {
        if (st.Effect !== 'Allow' || !isObj(st.Condition)) continue;
        for (const [op, block] of Object.entries(st.Condition)) {
          if (!isObj(block)) continue;
          for (const [key, v] of Object.entries(block)) {
            if (!key.toLowerCase().startsWith(prefix)) continue;
            const claim = key.slice(prefix.length);
            const values = list(v).filter((x): x is string => typeof x === 'string');
            const tokenValue = claims[claim];
            const condPath = `${at}/Condition/${ptr(op)}/${ptr(key)}`;
            // The commonest GitHub mistake: a wildcard under StringEquals, which compares literally.
            const literal = /^(ForAnyValue:|ForAllValues:)?StringEquals(IgnoreCase)?(IfExists)?$/.exec(op);
            if (literal && values.some((x) => /[*?]/.test(x))) {
              const likeOp = op.replace(/StringEquals(IgnoreCase)?/, 'StringLike');
              const existing = isObj(st.Condition[likeOp]) ? (st.Condition[likeOp] as Json) : undefined;
              const wide = values.find(wideSubject);
              out.push({
                summary: `Use StringLike for ${key}: ${op} compares "${values.find((x) => /[*?]/.test(x))}" literally, so its * matches only an asterisk`,
                patch: [{ op: 'remove', path: condPath }, existing ? { op: 'add', path: `${at}/Condition/${ptr(likeOp)}/${ptr(key)}`, value: v } : { op: 'add', path: `${at}/Condition/${ptr(likeOp)}`, value: { [key]: v } }],
                ...withWeakens(wide && claim === 'sub' ? `With StringLike, "${wide}" really admits every repository it matches (every repository of the owner, including new ones). Prefer the exact subject of this workflow.` : undefined),
              });
            }
            if (typeof tokenValue === 'string' && !values.includes(tokenValue) && !/Not/.test(op)) {
              out.push({
                summary: `Accept this token's ${claim} ("${tokenValue}") in ${key}`,
                patch: [{ op: Array.isArray(v) ? 'add' : 'replace', path: Array.isArray(v) ? `${condPath}/-` : condPath, value: Array.isArray(v) ? tokenValue : [...values, tokenValue] }],
                ...withWeakens(subjectRisk(claim, tokenValue, values)),
              });
            }
          }
        }
      }
    }
  }

  if (step.call === 'AssumeRoleWithSAML') {
    const a = isObj(params.SAMLAssertion) ? params.SAMLAssertion : undefined;
    const principalArn = typeof params.PrincipalArn === 'string' ? params.PrincipalArn : undefined;
    const providers = list(world.samlProviders);
    const j = providers.findIndex((p) => isObj(p) && p.arn === principalArn);
    if (a && typeof a.issuer === 'string' && principalArn && codes.has('saml.no-provider'))
      out.push({ summary: `Create the IAM SAML provider ${principalArn.split('/').pop()} from the IdP's metadata (issuer ${a.issuer})`, patch: [Array.isArray(world.samlProviders) ? { op: 'add', path: '/world/samlProviders/-', value: { arn: principalArn, issuer: a.issuer } } : { op: 'add', path: '/world/samlProviders', value: [{ arn: principalArn, issuer: a.issuer }] }] });
    if (a && typeof a.issuer === 'string' && j >= 0 && codes.has('saml.issuer-mismatch'))
      out.push({ summary: `Upload the IdP's current metadata to the SAML provider (its issuer is ${a.issuer})`, patch: [{ op: 'replace', path: `/world/samlProviders/${j}/issuer`, value: a.issuer }] });
    if (a && typeof a.recipient === 'string' && role && codes.has('trust.no-statement-allows')) {
      for (const { st, at } of rawStatements(ctx.raw, `/world/roles/${role.index}/trustPolicy`)) {
        if (st.Effect !== 'Allow' || !isObj(st.Condition)) continue;
        for (const [op, block] of Object.entries(st.Condition))
          if (isObj(block))
            for (const [key, v] of Object.entries(block))
              if (key.toLowerCase() === 'saml:aud' && !list(v).includes(a.recipient))
                out.push({ summary: `Accept the assertion's Recipient ("${a.recipient}") as SAML:aud in ${role.name}'s trust policy`, patch: [{ op: 'replace', path: `${at}/Condition/${ptr(op)}/${ptr(key)}`, value: [...list(v), a.recipient] }] });
      }
    }
  }
  return out;
}

/**
 * Explicit denies and boundaries: an exception for this principal in the SCP (or RCP) statement
 * that denies, or removing a Deny from an identity or trust policy. Every one of these goes
 * around a guardrail someone set on purpose, so each is `weakens` and listed last.
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
function denyFixes(ctx: Ctx, i: number): Fix[] {
  const step = ctx.scenario.steps[i] as CallStep | RequestStep;
  const r = ctx.results[i];
  if (!r || r.kind === 'clock') return [];
  const failing = r.trace.filter((t) => t.result === 'fail');
  const out: Fix[] = [];
  const who = signer(ctx, step);
  const action = 'request' in step ? step.request.action : `sts:${step.call}`;
  const params = 'call' in step ? ((step.params ?? {}) as Json) : {};
  const roleArn = typeof params.RoleArn === 'string' ? params.RoleArn : undefined;
  const role = roleArn ? ctx.world.roles.get(roleArn) : undefined;
  const denies = (st: Json) => st.Effect === 'Deny' && list(st.Action).some((a) => typeof a === 'string' && matchAction(a, action));

  if (failing.some((t) => t.code === 'deny.explicit' && (t.gate === 'scp' || t.gate === 'rcp')) && who.principal) {
    list(ctx.raw.world?.organizations).forEach((org, k) => {
      if (!isObj(org)) return;
      for (const kind of ['scps', 'rcps'] as const)
        list(org[kind]).forEach((pol, j) => {
          if (!isObj(pol)) return;
          for (const { st, at } of rawStatements(ctx.raw, `/world/organizations/${k}/${kind}/${j}/document`)) {
            if (!denies(st)) continue;
            const cond = isObj(st.Condition) ? st.Condition : undefined;
            const patch: PatchOp[] = !cond
              ? [{ op: 'add', path: `${at}/Condition`, value: { ArnNotLike: { 'aws:PrincipalArn': who.principal } } }]
              : isObj(cond.ArnNotLike)
                ? [{ op: 'add', path: `${at}/Condition/ArnNotLike/aws:PrincipalArn`, value: [...list(cond.ArnNotLike['aws:PrincipalArn']), who.principal] }]
                : [{ op: 'add', path: `${at}/Condition/ArnNotLike`, value: { 'aws:PrincipalArn': who.principal } }];
            const label = `${kind === 'scps' ? 'SCP' : 'RCP'} ${String(pol.name ?? j)} (attached to ${list(pol.targets).join(', ')})${typeof st.Sid === 'string' ? `, statement ${st.Sid}` : ''}`;
            out.push({ summary: `Add an exception for ${who.principal} to ${label}`, patch, weakens: `An exception in an organization policy lets this principal around a guardrail set for every account under ${list(pol.targets).join(', ')}; it is the organization administrators' decision.` });
          }
        });
    });
  }
  if (failing.some((t) => t.code === 'deny.explicit' && t.gate === 'identity-policy') && who.owner) {
    const base = `/world/${who.owner.kind}/${who.owner.index}/policies`;
    list(get(ctx.raw, base)).forEach((_p, j) => {
      for (const { st, at } of rawStatements(ctx.raw, `${base}/${j}`))
        if (denies(st)) out.push({ summary: `Remove the Deny${typeof st.Sid === 'string' ? ` "${st.Sid}"` : ''} for ${action} from ${who.principal?.split(':').pop()}'s policy`, patch: [/\/Statement$/.test(at) ? { op: 'replace', path: at, value: [] } : { op: 'remove', path: at }], weakens: 'Removes a Deny its author put there on purpose; check why it exists first.' });
    });
  }
  if (failing.some((t) => t.code === 'deny.explicit' && t.gate === 'trust-policy') && role) {
    for (const { st, at } of rawStatements(ctx.raw, `/world/roles/${role.index}/trustPolicy`))
      if (denies(st) && !/\/Statement$/.test(at)) out.push({ summary: `Remove the Deny${typeof st.Sid === 'string' ? ` "${st.Sid}"` : ''} from ${role.name}'s trust policy`, patch: [{ op: 'remove', path: at }], weakens: 'The trust policy denies this on purpose; removing the Deny admits everyone its Allow statements admit.' });
  }
  if (failing.some((t) => t.code === 'boundary.no-allow') && who.owner) {
    const path = `/world/${who.owner.kind}/${who.owner.index}/boundary`;
    const resource = 'request' in step ? step.request.resource : roleArn ?? '*';
    const p = addStatement(ctx.raw, path, { Effect: 'Allow', Action: action, Resource: resource });
    if (p) out.push({ summary: `Widen ${who.principal?.split(':').pop()}'s permissions boundary to allow ${action} on ${resource}`, patch: p, weakens: 'A permissions boundary is a ceiling set by an administrator; widening it is their decision.' });
  }
  return out;
}

/**
 * A trust statement that admits the caller but not the extra action the call needs
 * (sts:TagSession, sts:SetSourceIdentity, sts:SetContext): add the action to that statement,
 * so its conditions keep applying. Federated principals included.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required
 */
function missingActionFixes(ctx: Ctx, i: number): Fix[] {
  const step = ctx.scenario.steps[i];
  const r = ctx.results[i];
  if (!step || !('call' in step) || !r || r.kind === 'clock') return [];
  const codes = new Set(r.trace.filter((t) => t.result === 'fail').map((t) => t.code));
  const needed = [codes.has('tags.tagsession-denied') && 'sts:TagSession', codes.has('source-identity.denied') && 'sts:SetSourceIdentity', (codes.has('context.denied') || codes.has('context.setcontext-denied')) && 'sts:SetContext'].filter((x): x is string => !!x);
  const params = (step.params ?? {}) as Json;
  const role = typeof params.RoleArn === 'string' ? ctx.world.roles.get(params.RoleArn) : undefined;
  if (!needed.length || !role) return [];
  const out: Fix[] = [];
  for (const { st, at } of rawStatements(ctx.raw, `/world/roles/${role.index}/trustPolicy`)) {
    const actions = list(st.Action).filter((a): a is string => typeof a === 'string');
    if (st.Effect !== 'Allow' || !actions.some((a) => matchAction(a, `sts:${step.call}`))) continue;
    const missing = needed.filter((n) => !actions.some((a) => matchAction(a, n)));
    if (missing.length) out.push({ summary: `Add ${missing.join(' and ')} to the trust statement${typeof st.Sid === 'string' ? ` "${st.Sid}"` : ''} that admits this caller (its conditions keep applying)`, patch: [{ op: 'replace', path: `${at}/Action`, value: [...actions, ...missing] }] });
  }
  return out;
}

/** Whether step i succeeds once the patch is applied (the run stops at step i: later steps cannot change it). */
function verify(raw: Raw, i: number, fix: Fix): boolean {
  const patched = applyPatch(raw, fix.patch);
  if (!patched) return false;
  const loaded = loadScenario(patched);
  if (!loaded.ok) return false;
  const r = runScenario(loaded.scenario, loaded.world, { through: i }).steps[i];
  return !!r && r.kind !== 'clock' && r.outcome === 'success';
}

/** Limits on the work fixes may do. */
export interface FixOptions {
  /** Scenario runs spent verifying one step's candidates; candidates beyond it are dropped. Default {@link caps.fixRunsPerStep}. */
  budgetRuns?: number;
}

/** Verified fixes for failed step i, safeguard-keeping ones first, within the run budget. */
function fixesOfStep(ctx: Ctx, i: number, budgetRuns: number): Fix[] {
  const r = ctx.results[i];
  if (!r || r.kind === 'clock' || r.outcome === 'success') return [];
  const verified: Fix[] = [];
  let runs = 0;
  for (const f of candidates(ctx, i)) {
    if (runs++ >= budgetRuns) break;
    if (verify(ctx.raw, i, f)) verified.push(f);
  }
  // Fixes that keep every safeguard come first; those that go around one come last, flagged.
  return verified.sort((a, b) => Number(!!a.weakens) - Number(!!b.weakens));
}

/** Which failed steps get fixes, and how much work each may take. */
export interface ComputeFixesOptions extends FixOptions {
  /** Only these step indexes (default: every failed step, up to `maxSteps`). */
  steps?: readonly number[];
  /** At most this many failed steps, the first ones in the file. Default {@link caps.fixSteps}. */
  maxSteps?: number;
}

/**
 * Builds the run option that attaches verified fixes to failed steps: by default the first
 * {@link caps.fixSteps} failed steps, each within a budget of {@link caps.fixRunsPerStep} runs.
 * @param raw the scenario file as parsed JSON (patches are against it); it is never modified
 * @param world the world the loader built from it
 * @example runScenario(scenario, world, { fixes: computeFixes(raw, world) })
 */
export function computeFixes(raw: unknown, world: World, options: ComputeFixesOptions = {}): (scenario: Scenario, results: StepResult[]) => void {
  return (scenario, results) => {
    const ctx: Ctx = { raw: raw as Raw, scenario, world, results };
    const wanted = options.steps ? new Set(options.steps) : undefined;
    let left = options.maxSteps ?? caps.fixSteps;
    for (let i = 0; i < results.length && left > 0; i++) {
      const r = results[i]!;
      if (r.kind === 'clock' || r.outcome === 'success' || (wanted && !wanted.has(i))) continue;
      left--;
      const fixes = fixesOfStep(ctx, i, options.budgetRuns ?? caps.fixRunsPerStep);
      if (fixes.length) r.fixes = fixes;
    }
  };
}

/**
 * The verified fixes of one step, computed on demand (the simulator asks for the step the
 * reader is looking at, after the text settles). Never throws.
 * @param input the scenario file's text, or parsed JSON
 * @param stepIndex the step, by index in `steps`
 * @returns the fixes, best first; none when the file is invalid or the step succeeded
 * @example fixesFor(text, 2, { budgetRuns: 10 })
 */
export function fixesFor(input: unknown, stepIndex: number, options: FixOptions = {}): Fix[] {
  const loaded = loadScenario(input);
  if (!loaded.ok || !Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex >= loaded.scenario.steps.length) return [];
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      return [];
    }
  }
  const results = runScenario(loaded.scenario, loaded.world, { through: stepIndex }).steps;
  const ctx: Ctx = { raw: raw as Raw, scenario: loaded.scenario, world: loaded.world, results };
  return fixesOfStep(ctx, stepIndex, options.budgetRuns ?? caps.fixRunsPerStep);
}
