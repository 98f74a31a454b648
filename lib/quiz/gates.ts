/** Plain names of the engine's gates, for options, the trace view and predict-then-run. */
import type { Gate } from '../sts/types';

/** What each gate checks, in a few words. */
export const gateLabels: Record<Gate | 'none', string> = {
  authenticate: 'Authentication of the signing credentials',
  'caller-type': 'Caller type (who may call this API)',
  region: 'STS active in the Region',
  validate: 'Parameter validation',
  token: 'The SAML assertion or web identity token',
  mfa: 'MFA device and code',
  'caller-permissions': "The caller's own permissions",
  'trust-policy': "The role's trust policy",
  'external-id': 'The ExternalId condition',
  duration: 'Session duration limits',
  'session-tags': 'Session tags',
  'source-identity': 'SourceIdentity',
  'session-policy': 'Session policies',
  rcp: 'Resource control policies',
  scp: 'Service control policies',
  'resource-policy': 'The resource-based policy',
  boundary: 'Permissions boundary',
  'identity-policy': 'Identity-based policies',
  decision: 'The final decision',
  issue: 'Issuing credentials',
  none: 'No check fails',
};
