import { allow, deny, doc, fails, people, roleArn, roleNames, scenario, succeeds, trust, userArn } from './kit';
import { type Template, type Json } from './types';

/** Organization guardrails: an SCP tree on the caller's side and an RCP on the role's side. */
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
export const orgGuardrailsTemplate: Template = {
  id: 'org-guardrails',
  title: 'SCPs and RCPs around AssumeRole',
  topic: 'organizations',
  note: 'resource-control-policies#guarding-role-assumption',
  domain: 'scs-governance',
  difficulty: 3,
  build(rng) {
    const mgmt = '999999999999';
    const workloads = '111111111111';
    const sandbox = '333333333333';
    const outsider = '444444444444';
    const caller = rng.pick([
      { account: workloads, where: 'an account in the Workloads OU' },
      { account: sandbox, where: 'an account in the Sandbox OU' },
      { account: outsider, where: 'a partner account that belongs to no organization' },
    ] as const);
    const roleAccount = rng.pick(['222222222222', mgmt] as const);
    const withScp = rng.pick([true, false] as const);
    const withRcp = rng.pick([true, false] as const);
    const who = rng.pick(people);
    const user = userArn(caller.account, who);
    const target = roleArn(roleAccount, rng.pick(roleNames));
    const org: Json = {
      id: 'o-acme1111',
      management: mgmt,
      accounts: [workloads, '222222222222', sandbox],
      root: 'r-acme',
      ous: [
        { id: 'ou-acme-11111111', name: 'Workloads', parent: 'r-acme', accounts: [workloads, '222222222222'] },
        { id: 'ou-acme-33333333', name: 'Sandbox', parent: 'r-acme', accounts: [sandbox] },
      ],
      scps: withScp ? [{ name: 'NoSandboxAssumeRole', targets: ['ou-acme-33333333'], document: doc(deny('sts:AssumeRole', '*')) }] : [],
      rcps: withRcp
        ? [{ name: 'OrgOnlyRoleAssumption', targets: ['r-acme'], document: doc({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-acme1111' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } }) }]
        : [],
    };
    const world: Json = {
      accounts: [{ id: mgmt }, { id: workloads }, { id: '222222222222' }, { id: sandbox }, { id: outsider }],
      organizations: [org],
      users: [{ arn: user, policies: [doc(allow('sts:AssumeRole', target))] }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: `arn:aws:iam::${caller.account}:root` })), policies: [doc(allow('s3:ListAllMyBuckets', '*'))] }],
    };
    const steps: Json[] = [{ id: 'ask', as: { user }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: who } }];
    // F-21.1, F-21.3: RCPs cap member-account resources for any caller, not the management account's.
    // F-21.5, F-21.6: an SCP Deny on the caller's path denies; SCPs do not apply outside the organization.
    const rcpDenies = withRcp && caller.account === outsider && roleAccount !== mgmt;
    const scpDenies = withScp && caller.account === sandbox;
    const expected = scpDenies ? 'error-scp' : rcpDenies ? 'error-rcp' : 'success';
    return {
      scenario: scenario('gen-org-guardrails', 'Generated: SCPs and RCPs around AssumeRole', world, steps),
      stem: `\`${who}\`, a user in ${caller.where}, calls AssumeRole on a role in ${roleAccount === mgmt ? 'the organization’s **management** account' : 'a member account of the Workloads OU'}. The role trusts the user's account and the user's identity policy allows the call. ${withScp ? 'An SCP attached to the Sandbox OU denies `sts:AssumeRole`.' : 'No SCP beyond `FullAWSAccess` is attached.'} ${withRcp ? 'An RCP attached at the root denies `sts:AssumeRole` when `aws:PrincipalOrgID` is not the organization’s (AWS services excepted).' : 'No RCP beyond `RCPFullAWSAccess` is attached.'}\n\nWhat happens?`,
      exhibits: [],
      choices: [
        { key: 'success', text: 'The call succeeds.', matches: succeeds(), when: 'no SCP on the caller’s path and no RCP on the role’s account denied it' },
        { key: 'error-scp', text: '`AccessDenied`, because of the SCP.', matches: fails('AccessDenied', 'scp'), when: 'an SCP on the caller’s path denied sts:AssumeRole' },
        { key: 'error-rcp', text: '`AccessDenied`, because of the RCP.', matches: fails('AccessDenied', 'rcp'), when: 'the RCP denied a caller outside the organization on a member-account role' },
        { key: 'error-trust', text: '`AccessDenied`, because the trust policy does not allow callers from that account.', matches: fails('AccessDenied', 'trust-policy'), when: 'the trust policy did not name the caller’s account' },
      ],
      expected,
      rule: 'SCPs cap the principals of member accounts (never the management account, never outsiders); RCPs cap the resources of member accounts for every caller, including outsiders, but not resources in the management account. Both only take away.',
    };
  },
};
