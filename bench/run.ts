/**
 * `npm run bench`: scenario runs per second for a typical five-step scenario with full
 * trace, and authorizations per second on realistic policies (median of several runs).
 */
import { performance } from 'node:perf_hooks';
import { simulate } from '../lib/engine';
import { loadScenario } from '../lib/scenario/load';
import { runScenario } from '../lib/scenario/run';
import { authorize, callerPolicies } from '../lib/sts/authorize';
import { callerKeys, requestPrincipal } from '../lib/sts/context';
import { evaluatePolicy } from '../lib/policy/evaluate';

const ALICE = 'arn:aws:iam::111111111111:user/alice';
const ROLE = 'arn:aws:iam::222222222222:role/RoleX';
const scenario = {
  format: 'sts-scenario/v1', id: 'bench', title: 'bench',
  world: {
    accounts: [{ id: '111111111111' }, { id: '222222222222' }],
    organizations: [{ id: 'o-aaaa1111', management: '999999999999', accounts: ['111111111111', '222222222222'] }],
    users: [{ arn: ALICE, accessKeys: ['AKIAALICEEXAMPLE0001'], policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: 'arn:aws:iam::222222222222:role/*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }] }], mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/alice', code: '123456' }], tags: { team: 'blue' } }],
    roles: [{ arn: ROLE, trustPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'Org', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'aws:PrincipalOrgID': 'o-aaaa1111', 'sts:ExternalId': 'Ab12-xyz' }, StringLike: { 'sts:RoleSessionName': '${aws:username}' } } }] }, maxSessionDuration: 43200, policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::bkt-b', 'arn:aws:s3:::bkt-b/*'] }] }] }],
    resources: [{ arn: 'arn:aws:s3:::bkt-b', account: '222222222222', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::bkt-b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] } }],
  },
  steps: [
    { id: 'mfa', as: { user: ALICE }, call: 'GetSessionToken', params: { SerialNumber: 'arn:aws:iam::111111111111:mfa/alice', TokenCode: '123456', DurationSeconds: 3600 } },
    { id: 'assume', as: { session: 'mfa' }, call: 'AssumeRole', params: { RoleArn: ROLE, RoleSessionName: 'alice', ExternalId: 'Ab12-xyz', DurationSeconds: 900, Tags: [{ Key: 'project', Value: 'x' }] } },
    { id: 'read', as: { session: 'assume' }, request: { action: 's3:GetObject', resource: 'arn:aws:s3:::bkt-b/report.csv' } },
    { id: 'write', as: { session: 'assume' }, request: { action: 's3:PutObject', resource: 'arn:aws:s3:::bkt-b/report.csv' } },
    { id: 'who', as: { session: 'assume' }, call: 'GetCallerIdentity' },
  ],
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs fn repeatedly for ~ms milliseconds, several rounds; returns the median ops/second. */
function measure(fn: () => void, rounds = 7, ms = 300): number {
  for (let i = 0; i < 200; i++) fn();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < ms) {
      for (let i = 0; i < 50; i++) fn();
      n += 50;
      t = performance.now();
    }
    rates.push((n / (t - t0)) * 1000);
  }
  return median(rates);
}

const text = JSON.stringify(scenario);
const loaded = loadScenario(text);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const check = runScenario(loaded.scenario, loaded.world).steps.map((s) => (s.kind === 'clock' ? 'clock' : s.kind === 'request' ? s.decision : s.outcome));
if (check.join(',') !== 'success,success,Allow,ImplicitDeny,success') throw new Error(`bench scenario changed behaviour: ${check.join(',')}`);

const runOnly = measure(() => runScenario(loaded.scenario, loaded.world));
const full = measure(() => simulate(text, { fixes: false }));
const withFixes = measure(() => simulate(text), 5, 300);

// Authorizations: the trust-policy check of AssumeRole with its full trace, as the engine does it.
const world = loaded.world;
const user = world.users.get(ALICE)!;
const role = world.roles.get(ROLE)!;
const caller = { kind: 'user' as const, user, mfa: { present: true, authAt: 0 }, console: true };
const env = { now: Date.parse('2026-01-01T00:00:00Z'), region: 'us-east-1', endpoint: 'regional' as const };
const keys = { ...callerKeys(world, caller, env), 'sts:ExternalId': 'Ab12-xyz', 'sts:RoleSessionName': 'alice' };
const principal = requestPrincipal(caller);
const set = callerPolicies(world, caller);
const az = () => authorize(world, caller, set, { action: 'sts:AssumeRole', resource: ROLE, principal, keys, resourcePolicy: role.trust, resourceAccount: role.account, mode: 'trust' });
if (az().decision !== 'Allow') throw new Error('bench authorization changed behaviour');
const authz = measure(az);
const evalOnly = measure(() => evaluatePolicy(role.trust.policy, { action: 'sts:AssumeRole', resource: ROLE, principal, keys }));

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`scenario runs (5 steps, full trace, validated world reused): ${fmt(runOnly)}/s`);
console.log(`scenario runs from JSON text (parse + validate + run):        ${fmt(full)}/s`);
console.log(`scenario runs from JSON text with counterfactual fixes:       ${fmt(withFixes)}/s`);
console.log(`authorizations with trace (trust policy + identity + SCP):    ${fmt(authz)}/s (${(1e6 / authz).toFixed(2)} µs each)`);
console.log(`trust-policy evaluations (policy only):                       ${fmt(evalOnly)}/s (${(1e6 / evalOnly).toFixed(2)} µs each)`);
