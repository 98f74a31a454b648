import { accountPairs, allow, buckets, decides, deny, doc, people, roleArn, roleNames, scenario, trust, userArn } from './kit';
import { type Template, type Json } from './types';

/** Session policies intersect with the role's permissions; a Deny in either wins. */
export const sessionPolicyTemplate: Template = {
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
