import { accountPairs, allow, doc, fails, roleArn, scenario, succeeds, trust, userArn } from './kit';
import { type Template, type Json } from './types';

/** ExternalId: checked only when the trust policy tests sts:ExternalId; invalid characters fail validation. */
export const externalIdTemplate: Template = {
  id: 'external-id',
  title: 'ExternalId in a vendor trust policy',
  topic: 'external-id',
  note: 'external-id#how-sts-checks-it',
  domain: 'scs-iam',
  difficulty: 2,
  build(rng) {
    const [vendor, customer] = rng.pick(accountPairs);
    const role = rng.pick(['VendorAudit', 'PartnerRead', 'SaaSConnector', 'CostReporter']);
    const target = roleArn(customer, role);
    const scanner = userArn(vendor, rng.pick(['scanner', 'connector', 'sync-bot']));
    const value = `Cust-${rng.int(1000, 9999)}-${rng.pick(['a7', 'k3', 'x9', 'q2'])}`;
    const checks = rng.chance(0.75);
    const sent = rng.pick(['none', 'right', 'right', 'wrong', 'invalid'] as const);
    const sentValue = { none: undefined, right: value, wrong: `Cust-${rng.int(1000, 9999)}-zz`, invalid: `Cust ${value.slice(5)}` }[sent];
    const world: Json = {
      accounts: [{ id: vendor, alias: 'vendor' }, { id: customer, alias: 'customer' }],
      users: [{ arn: scanner, policies: [doc(allow('sts:AssumeRole', target))] }],
      roles: [{ arn: target, trustPolicy: doc(trust({ AWS: `arn:aws:iam::${vendor}:root` }, 'sts:AssumeRole', checks ? { StringEquals: { 'sts:ExternalId': value } } : undefined)), policies: [doc(allow('s3:GetObject', 'arn:aws:s3:::customer-data/*'))] }],
    };
    const steps: Json[] = [{ id: 'ask', as: { user: scanner }, call: 'AssumeRole', params: { RoleArn: target, RoleSessionName: 'vendor-sync', ...(sentValue === undefined ? {} : { ExternalId: sentValue }) } }];
    // F-5.1, F-5.2: the format is validated first; the value only matters when the trust policy tests it.
    const expected = sent === 'invalid' ? 'error-validation' : !checks || sent === 'right' ? 'success' : 'error-external-id';
    return {
      scenario: scenario('gen-external-id', 'Generated: ExternalId', world, steps),
      stem: `A SaaS vendor (account ${vendor}) reads data in a customer account (${customer}) through the role \`${role}\`. The vendor's IAM user is allowed to call \`sts:AssumeRole\` on the role. The call ${sentValue === undefined ? 'passes **no** ExternalId' : `passes \`--external-id ${sentValue}\``}.\n\nWhat happens?`,
      exhibits: [{ title: `Trust policy of ${role}`, json: (world.roles as Json[])[0]!.trustPolicy }],
      choices: [
        { key: 'success', text: 'STS returns credentials for the role.', matches: succeeds(), when: 'the trust policy did not test sts:ExternalId, or the call passed exactly the expected value' },
        { key: 'error-external-id', text: '`AccessDenied`, because the ExternalId condition in the trust policy is not met.', matches: fails('AccessDenied', 'external-id'), when: 'the trust policy tested sts:ExternalId and the call passed no value or a different one' },
        { key: 'error-validation', text: '`ValidationError`, because the ExternalId value is not well formed.', matches: fails('ValidationError', 'validate'), when: 'the ExternalId had characters outside letters, digits and + = , . @ : / - (a space, say) or were shorter than 2 characters' },
        { key: 'error-trust', text: '`AccessDenied`, because trusting the vendor account’s `:root` only lets its root user in.', matches: fails('AccessDenied', 'trust-policy'), when: 'the principal did not match; but `:root` means the whole account, delegating to its IAM policies' },
      ],
      expected,
      rule: 'STS checks an ExternalId only when the trust policy tests `sts:ExternalId`: then a missing or different value is AccessDenied. A role without that condition ignores any ExternalId passed. The value must be 2–1224 characters of letters, digits and `+=,.@:/-`, or the call fails validation first.',
    };
  },
};
