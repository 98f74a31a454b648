import { accountPairs, allow, deny, doc, fails, people, roleArn, roleNames, scenario, succeeds, trust, userArn } from './kit';
import { type Template, type Json } from './types';

/** Who may assume a role: trust policy principal forms, identity policies, same vs cross account, root. */
export const trustTemplate: Template = {
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
