/**
 * The study-note sections that the engine's trace points at. Each value is
 * `note-slug#heading-id`; content tests check that every one resolves to a real heading.
 */
export const learn = {
  credentials: 'sts-basics#temporary-credentials',
  authenticate: 'sts-basics#signing-and-authentication',
  regions: 'sts-basics#regions-and-endpoints',
  validation: 'errors-and-troubleshooting#validationerror',
  sameAccount: 'assume-role#same-account',
  crossAccount: 'assume-role#cross-account',
  rootCannotAssume: 'assume-role#who-can-call-assumerole',
  trust: 'trust-policies#how-a-trust-policy-is-evaluated',
  trustPrincipals: 'trust-policies#principals',
  trustConditions: 'trust-policies#conditions',
  selfAssume: 'trust-policies#role-self-assumption',
  externalId: 'external-id#how-sts-checks-it',
  mfa: 'mfa-and-get-session-token#mfa-in-sts-calls',
  mfaKeys: 'mfa-and-get-session-token#multifactorauthpresent-and-age',
  duration: 'session-duration#every-duration-rule',
  chaining: 'session-duration#role-chaining',
  saml: 'assume-role-with-saml#what-sts-checks',
  webIdentity: 'assume-role-with-web-identity#what-sts-checks',
  oidcConditions: 'assume-role-with-web-identity#condition-keys',
  outbound: 'assume-role-with-web-identity#outbound-identity-federation',
  providedContexts: 'assume-role#provided-contexts',
  getSessionToken: 'mfa-and-get-session-token#getsessiontoken',
  federationToken: 'get-federation-token#how-it-works',
  assumeRoot: 'assume-root#how-it-works',
  sessionPolicies: 'session-policies#how-they-limit-a-session',
  packedSize: 'session-policies#packed-policy-size',
  sessionTags: 'session-tags#passing-tags',
  transitiveTags: 'session-tags#transitive-tags',
  sourceIdentity: 'session-tags#sourceidentity',
  evaluation: 'policy-evaluation#the-order-of-evaluation',
  explicitDeny: 'policy-evaluation#explicit-deny-wins',
  scp: 'policy-evaluation#service-control-policies',
  rcp: 'policy-evaluation#resource-control-policies',
  boundary: 'policy-evaluation#permissions-boundaries',
  resourcePolicy: 'policy-evaluation#resource-based-policies',
  callerIdentity: 'troubleshooting-calls#getcalleridentity',
  decode: 'troubleshooting-calls#decodeauthorizationmessage',
  accessKeyInfo: 'troubleshooting-calls#getaccesskeyinfo',
  expired: 'errors-and-troubleshooting#expiredtoken-and-expiredtokenexception',
  accessDenied: 'errors-and-troubleshooting#accessdenied',
} as const;

/** A note section the trace can point at. */
export type LearnRef = (typeof learn)[keyof typeof learn];
