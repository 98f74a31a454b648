import { limits } from '../../sts/limits';
import { accountPairs, cli, fails, humanSeconds, people, scenario, successChoice, userArn } from './kit';
import { type Template, type Json } from './types';

/** GetSessionToken durations: IAM users up to 36 h (default 12 h), root clamped to 1 h. */
export const gstTemplate: Template = {
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
