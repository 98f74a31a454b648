/**
 * Every numeric limit the engine enforces, in one place, so that the study notes and the
 * tests read the same numbers the engine uses.
 */
export const limits = {
  /** AssumeRole*, DurationSeconds range. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html */
  assumeRoleMinSeconds: 900,
  assumeRoleMaxSeconds: 43200,
  /** Default session length of AssumeRole*, whatever the role's MaxSessionDuration. */
  assumeRoleDefaultSeconds: 3600,
  /** IAM role MaxSessionDuration range and default. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
  roleMaxSessionMin: 3600,
  roleMaxSessionMax: 43200,
  roleMaxSessionDefault: 3600,
  /** Role chaining cap. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining */
  chainingCapSeconds: 3600,
  /** GetSessionToken / GetFederationToken for IAM users. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html */
  userTokenMinSeconds: 900,
  userTokenMaxSeconds: 129600,
  userTokenDefaultSeconds: 43200,
  /** Root user: GetSessionToken / GetFederationToken are limited (and clamped) to one hour. */
  rootTokenMaxSeconds: 3600,
  /** AssumeRoot. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoot.html */
  assumeRootMaxSeconds: 900,
  /** SAML assertions: observed, not documented (F-8.10), a five-minute redemption window. */
  samlRedeemWindowSeconds: 300,
  /** RoleSessionName length. */
  roleSessionNameMin: 2,
  roleSessionNameMax: 64,
  /** ExternalId length. */
  externalIdMin: 2,
  externalIdMax: 1224,
  /** GetFederationToken Name length. */
  federatedNameMin: 2,
  federatedNameMax: 32,
  /** SourceIdentity length. */
  sourceIdentityMin: 2,
  sourceIdentityMax: 64,
  /** MFA TokenCode digits. */
  tokenCodeLength: 6,
  /** Session policies: plaintext characters, managed policy ARNs. */
  sessionPolicyMaxChars: 2048,
  sessionPolicyArnsMax: 10,
  /** Session tags. https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html */
  sessionTagsMax: 50,
  tagKeyMaxChars: 128,
  tagValueMaxChars: 256,
  transitiveTagKeysMax: 50,
  /** AssumeRole ProvidedContexts: at most 5. https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html */
  providedContextsMax: 5,
  /** GetWebIdentityToken. https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html */
  outboundAudienceMin: 1,
  outboundAudienceMax: 10,
  outboundTokenMinSeconds: 60,
  outboundTokenMaxSeconds: 3600,
  outboundTokenDefaultSeconds: 300,
  /** The model's JWT payload limit (AWS names JWTPayloadSizeExceededException but publishes no number). */
  outboundPayloadMaxBytes: 8192,
} as const;
