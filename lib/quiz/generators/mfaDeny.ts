import { allow, decides, deny, doc, mfaUser, scenario } from './kit';
import { type Template, type Json } from './types';

/** The Bool vs BoolIfExists MFA deny, with long-term keys, GetSessionToken with and without MFA. */
export const mfaDenyTemplate: Template = {
  id: 'mfa-deny',
  title: 'Deny unless MFA: Bool or BoolIfExists',
  topic: 'mfa',
  note: 'mfa-and-get-session-token#multifactorauthpresent-and-age',
  domain: 'scs-iam',
  difficulty: 3,
  build(rng) {
    const { a, who, user, serial, code } = mfaUser(rng);
    const op = rng.pick(['Bool', 'BoolIfExists'] as const);
    const how = rng.pick(['keys', 'gst', 'gst-mfa', 'console'] as const);
    const action = rng.pick(['ec2:TerminateInstances', 'ec2:StopInstances', 'rds:DeleteDBInstance']);
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user, mfaDevices: [{ serial, code }], policies: [doc(allow(action, '*'), deny(action, '*', { [op]: { 'aws:MultiFactorAuthPresent': 'false' } }))] }],
    };
    const steps: Json[] = [];
    if (how === 'gst') steps.push({ id: 'session', as: { user }, call: 'GetSessionToken', params: {} });
    if (how === 'gst-mfa') steps.push({ id: 'session', as: { user }, call: 'GetSessionToken', params: { SerialNumber: serial, TokenCode: code } });
    const as = how === 'keys' ? { user } : how === 'console' ? { user, mfaAgeSeconds: 300 } : { session: 'session' };
    steps.push({ id: 'ask', as, request: { action, resource: `arn:aws:ec2:us-east-1:${a}:instance/i-0abc123def4567890` } });
    // F-4.3: the key is absent for long-term keys, false for temporary credentials without MFA.
    const present = how === 'keys' ? undefined : how === 'gst' ? false : true;
    const denied = present === false || (present === undefined && op === 'BoolIfExists');
    const expected = denied ? 'explicit' : 'allow';
    const howText = {
      keys: 'with their long-term access keys',
      gst: 'with credentials from GetSessionToken called **without** MFA',
      'gst-mfa': 'with credentials from GetSessionToken called **with** a valid MFA code',
      console: 'from the console, signed in with MFA five minutes ago',
    }[how];
    return {
      scenario: scenario('gen-mfa-deny', 'Generated: deny unless MFA', world, steps),
      stem: `To require MFA, an administrator attached the policy shown to \`${who}\`. ${who} calls \`${action}\` ${howText}.\n\nWhat is the authorization decision?`,
      exhibits: [{ title: `Identity policy of ${who}`, json: ((world.users as Json[])[0]!.policies as Json[])[0] }],
      choices: [
        { key: 'allow', text: 'Allowed.', matches: decides('Allow'), when: 'the Deny’s condition did not match: MFA present, or the key absent under a plain Bool' },
        { key: 'explicit', text: 'Explicitly denied by the MFA statement.', matches: decides('ExplicitDeny'), when: 'aws:MultiFactorAuthPresent were false, or absent under BoolIfExists' },
        { key: 'implicit', text: 'Implicitly denied: no statement allows the action without MFA.', matches: decides('ImplicitDeny'), when: 'no Allow matched; here the Allow statement matches every caller' },
      ],
      expected,
      rule: 'aws:MultiFactorAuthPresent is absent from requests signed with long-term access keys, and false in temporary credentials obtained without MFA. `Bool … false` therefore misses long-term keys; `BoolIfExists … false` treats a missing key as a match and denies them too.',
    };
  },
};
