/** Builders for small scenarios used by the table-driven engine tests. */
import { simulate, type CallResult, type RequestResult } from '@/lib/engine';

export const ALICE = 'arn:aws:iam::111111111111:user/alice';
export const BOB = 'arn:aws:iam::111111111111:user/bob';
export const ROLE_X = 'arn:aws:iam::222222222222:role/RoleX';
export const ROLE_A = 'arn:aws:iam::111111111111:role/RoleA';

/** An Allow statement document. */
export const allow = (Action: string | string[], Resource: string | string[] = '*', extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action, Resource, ...extra }],
});

/** A trust policy allowing `principal` to call `action`. */
export const trust = (principal: Record<string, unknown> | '*', action: string | string[] = 'sts:AssumeRole', Condition?: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...(Condition ? { Condition } : {}) }],
});

/** A world with alice (allowed to assume RoleX), bob (no policies), RoleX trusting account 111… and RoleA trusting alice. */
export function baseWorld(over: Record<string, unknown> = {}) {
  return {
    accounts: [{ id: '111111111111' }, { id: '222222222222' }],
    users: [
      { arn: ALICE, id: 'AIDAALICEEXAMPLE00001', accessKeys: ['AKIAALICEEXAMPLE0001'], policies: [allow('sts:AssumeRole', ROLE_X)], mfaDevices: [{ serial: 'arn:aws:iam::111111111111:mfa/alice', code: '123456' }], tags: { team: 'blue' } },
      { arn: BOB, id: 'AIDABOBEXAMPLE000001', accessKeys: ['AKIABOBEXAMPLE000001'] },
    ],
    roles: [
      { arn: ROLE_X, id: 'AROAEXAMPLEROLEX00001', trustPolicy: trust({ AWS: 'arn:aws:iam::111111111111:root' }), maxSessionDuration: 43200, policies: [allow('s3:GetObject', 'arn:aws:s3:::bkt/*')] },
      { arn: ROLE_A, id: 'AROAEXAMPLEROLEA00001', trustPolicy: trust({ AWS: ALICE }), policies: [allow('sts:AssumeRole', '*')] },
    ],
    ...over,
  };
}

/** Runs a scenario made of a world and steps; throws if the file is invalid (a test bug). */
export function run(world: Record<string, unknown>, steps: Record<string, unknown>[]) {
  const sim = simulate({ format: 'sts-scenario/v1', id: 'unit', title: 'unit', world, steps });
  if (!sim.ok) throw new Error(sim.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return sim.result.steps;
}

/** The last step's result as a call. */
export function lastCall(world: Record<string, unknown>, steps: Record<string, unknown>[]): CallResult {
  const r = run(world, steps).at(-1);
  if (!r || r.kind !== 'call') throw new Error('last step is not a call');
  return r;
}

/** The last step's result as a request. */
export function lastRequest(world: Record<string, unknown>, steps: Record<string, unknown>[]): RequestResult {
  const r = run(world, steps).at(-1);
  if (!r || r.kind !== 'request') throw new Error('last step is not a request');
  return r;
}

/** Seconds between a call's time and its credentials' expiration. */
export const duration = (r: CallResult): number | undefined => {
  const exp = (r.response?.Credentials as { Expiration?: string } | undefined)?.Expiration;
  return exp ? (Date.parse(exp) - Date.parse(r.at)) / 1000 : undefined;
};
