import { limits } from '../../sts/limits';
import { accountPairs, allow, doc, fails, humanSeconds, people, roleArn, roleNames, scenario, successChoice, trust, userArn } from './kit';
import { type Template, type Json } from './types';

/** Role chaining: a call signed with a role session is capped at one hour, whatever the target allows. */
export const chainingTemplate: Template = {
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
