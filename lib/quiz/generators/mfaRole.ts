import { allow, doc, fails, failsAt, humanSeconds, mfaUser, roleArn, scenario, succeeds, trust } from './kit';
import { type Template, type Json } from './types';

/** MFA required by a trust policy: long-term keys with and without a code, a console session and its age. */
export const mfaRoleTemplate: Template = {
  id: 'mfa-role',
  title: 'A role that requires MFA',
  topic: 'mfa',
  note: 'mfa-and-get-session-token#mfa-in-sts-calls',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const { a, who, user, serial, code } = mfaUser(rng);
    const role = rng.pick(['BreakGlass', 'ProdAdmin', 'KeyAdmin', 'IncidentResponder']);
    const target = roleArn(a, role);
    const ageLimit = rng.chance(0.5) ? rng.pick([900, 3600]) : undefined;
    const way = rng.pick(['keys', 'keys-code', 'keys-wrong', 'console'] as const);
    const consoleAge = rng.pick([120, 600, 1800, 7200]);
    const condition: Json = { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, ...(ageLimit ? { NumericLessThan: { 'aws:MultiFactorAuthAge': String(ageLimit) } } : {}) };
    const world: Json = {
      accounts: [{ id: a }],
      users: [{ arn: user, policies: [doc(allow('sts:AssumeRole', target))], mfaDevices: [{ serial, code }] }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: `arn:aws:iam::${a}:root` }, 'sts:AssumeRole', condition)), policies: [doc(allow('ec2:*', '*'))] }],
    };
    const wrong = String((Number(code) + 111111) % 900000 + 100000);
    const params: Json = { RoleArn: target, RoleSessionName: who };
    if (way === 'keys-code') Object.assign(params, { SerialNumber: serial, TokenCode: code });
    if (way === 'keys-wrong') Object.assign(params, { SerialNumber: serial, TokenCode: wrong });
    const steps: Json[] = [{ id: 'ask', as: way === 'console' ? { user, mfaAgeSeconds: consoleAge } : { user }, call: 'AssumeRole', params }];
    // F-4.2, F-4.3, F-4.4, F-4.6.
    let expected: string;
    if (way === 'keys') expected = 'error-no-mfa';
    else if (way === 'keys-wrong') expected = 'error-bad-code';
    else if (way === 'keys-code') expected = 'success';
    else expected = ageLimit !== undefined && consoleAge >= ageLimit ? 'error-trust' : 'success';
    const howText = {
      keys: 'with long-term access keys and no MFA parameters',
      'keys-code': `with long-term access keys, passing \`--serial-number ${serial}\` and the current code from the device`,
      'keys-wrong': `with long-term access keys, passing \`--serial-number ${serial}\` and a code that is not the device's current code`,
      console: `from a session in which ${who} signed in with MFA ${humanSeconds(consoleAge)} ago`,
    }[way];
    return {
      scenario: scenario('gen-mfa-role', 'Generated: a role that requires MFA', world, steps),
      stem: `\`${who}\`'s identity policy allows \`sts:AssumeRole\` on \`${role}\`, and ${who} has a virtual MFA device. ${who} calls AssumeRole ${howText}.\n\nWhat is the result?`,
      exhibits: [{ title: `Trust policy of ${role}`, json: (world.roles as Json[])[0]!.trustPolicy }],
      choices: [
        { key: 'success', text: 'STS returns credentials for the role.', matches: succeeds(), when: 'the request carried MFA (a valid SerialNumber and TokenCode, or an MFA-authenticated session) recent enough for any age condition' },
        { key: 'error-no-mfa', text: '`AccessDenied`: the request carries no MFA context, so the trust policy condition is not met.', matches: failsAt('AccessDenied', 'mfa.absent'), when: 'the call used long-term keys without SerialNumber and TokenCode' },
        { key: 'error-bad-code', text: '`AccessDenied`: MultiFactorAuthentication failed with an invalid one-time code.', matches: failsAt('AccessDenied', 'mfa.wrong-code'), when: 'the TokenCode were not the device’s current code' },
        { key: 'error-trust', text: '`AccessDenied`: MFA was used, but too long ago for the trust policy’s `aws:MultiFactorAuthAge` condition.', matches: failsAt('AccessDenied', 'mfa.condition-failed'), when: 'the MFA authentication were older than the NumericLessThan limit on aws:MultiFactorAuthAge' },
        { key: 'error-validation', text: '`ValidationError`: SerialNumber must be the device’s hardware serial, not an ARN.', matches: fails('ValidationError'), when: 'SerialNumber broke the 9–256 character pattern; a virtual MFA device ARN is exactly what it expects' },
      ],
      expected,
      rule: 'With long-term keys, MFA reaches STS only through SerialNumber and TokenCode on the AssumeRole call; without them aws:MultiFactorAuthPresent is absent and a `Bool … true` condition fails. A wrong code is AccessDenied. aws:MultiFactorAuthAge counts seconds since the MFA sign-in.',
    };
  },
};
