import { decidingGate } from '../verdict';
import { accountPairs, allow, buckets, decides, doc, fails, scenario, userArn } from './kit';
import { type Template, type Json } from './types';

/** GetFederationToken: no session policy means no permissions; session credentials cannot call it. */
export const federationTemplate: Template = {
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
