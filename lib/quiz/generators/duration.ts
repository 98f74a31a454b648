import { limits } from '../../sts/limits';
import { accountPairs, allow, cli, doc, fails, humanSeconds, people, roleArn, roleNames, scenario, successChoice, trust, userArn } from './kit';
import { type Choice, type Template, type Json } from './types';

/** AssumeRole DurationSeconds against the role's MaxSessionDuration, the API range and the chaining cap. */
export const durationTemplate: Template = {
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
