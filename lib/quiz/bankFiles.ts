/**
 * The question bank files (content/questions/*.json), as raw JSON to validate with parseBank.
 * tests/lib/quiz/bank.test.ts fails when a file in that folder is missing here.
 */
import assumeRole from '../../content/questions/assume-role.json';
import assumeRoot from '../../content/questions/assume-root.json';
import externalId from '../../content/questions/external-id.json';
import getFederationToken from '../../content/questions/get-federation-token.json';
import guardrailsAndFederation from '../../content/questions/guardrails-and-federation.json';
import getSessionToken from '../../content/questions/get-session-token.json';
import mfa from '../../content/questions/mfa.json';
import policyEvaluation from '../../content/questions/policy-evaluation.json';
import roleChaining from '../../content/questions/role-chaining.json';
import saml from '../../content/questions/saml.json';
import sessionDuration from '../../content/questions/session-duration.json';
import sessionPolicies from '../../content/questions/session-policies.json';
import sessionTags from '../../content/questions/session-tags.json';
import stsBasics from '../../content/questions/sts-basics.json';
import troubleshooting from '../../content/questions/troubleshooting.json';
import trustPolicies from '../../content/questions/trust-policies.json';
import webIdentity from '../../content/questions/web-identity.json';

/** File name → parsed JSON, in a stable order. */
export const bankFiles: Readonly<Record<string, unknown>> = {
  'assume-role.json': assumeRole,
  'assume-root.json': assumeRoot,
  'external-id.json': externalId,
  'get-federation-token.json': getFederationToken,
  'get-session-token.json': getSessionToken,
  'guardrails-and-federation.json': guardrailsAndFederation,
  'mfa.json': mfa,
  'policy-evaluation.json': policyEvaluation,
  'role-chaining.json': roleChaining,
  'saml.json': saml,
  'session-duration.json': sessionDuration,
  'session-policies.json': sessionPolicies,
  'session-tags.json': sessionTags,
  'sts-basics.json': stsBasics,
  'troubleshooting.json': troubleshooting,
  'trust-policies.json': trustPolicies,
  'web-identity.json': webIdentity,
};
