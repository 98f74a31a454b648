/** Types shared by the STS model: callers, sessions, errors, trace entries and step results. */
import { type LearnRef } from '../explain/learn';
import { type NamedPolicy, type Role, type User } from '../world/world';

/** AWS error codes the model returns, spelled as STS and other services spell them. */
export type ErrorCode =
  | 'AccessDenied'
  | 'ValidationError'
  | 'MalformedPolicyDocument'
  | 'PackedPolicyTooLarge'
  | 'RegionDisabledException'
  | 'ExpiredTokenException'
  | 'ExpiredToken'
  | 'InvalidClientTokenId'
  | 'IDPRejectedClaim'
  | 'InvalidIdentityToken'
  | 'IDPCommunicationError'
  | 'InvalidAuthorizationMessageException'
  | 'InvalidParameterValue'
  | 'MissingAuthenticationToken'
  | 'InvalidAction'
  | 'UnauthorizedOperation'
  | 'OutboundWebIdentityFederationDisabledException'
  | 'SessionDurationEscalationException'
  | 'JWTPayloadSizeExceededException';

/** An AWS error as the API returns it. */
export interface AwsError {
  code: ErrorCode;
  httpStatus: number;
  message: string;
  /** Only where the service returns one (EC2's UnauthorizedOperation). */
  encodedMessage?: string;
}

/** Names of the gates a step passes through, in the order the pipeline shows them. */
export type Gate =
  | 'authenticate'
  | 'caller-type'
  | 'region'
  | 'validate'
  | 'token'
  | 'mfa'
  | 'caller-permissions'
  | 'trust-policy'
  | 'external-id'
  | 'duration'
  | 'session-tags'
  | 'source-identity'
  | 'session-policy'
  | 'rcp'
  | 'scp'
  | 'resource-policy'
  | 'boundary'
  | 'identity-policy'
  | 'decision'
  | 'issue';

/** One entry of a step's trace: what was checked and why it passed or failed. */
export interface TraceEntry {
  gate: Gate;
  result: 'pass' | 'fail' | 'skip' | 'info';
  /** Stable reason code, e.g. `trust.no-statement-allows`. */
  code: string;
  /** Plain English, naming the statement or value that decided it. */
  reason: string;
  /** The note section that teaches this. */
  learn: LearnRef;
  /** The AWS documentation page the rule comes from. */
  source?: string;
  /** Set when AWS behaviour here is not documented and the model picked the documented or likeliest one. */
  uncertain?: boolean;
}

/** MFA context carried by a principal. */
export interface MfaContext {
  /** aws:MultiFactorAuthPresent: undefined means the key is absent (long-term keys). */
  present?: boolean;
  /** When MFA authentication happened (epoch ms), for aws:MultiFactorAuthAge. */
  authAt?: number;
}

/** A session tag as carried by a session. */
export interface SessionTag {
  key: string;
  value: string;
  transitive: boolean;
}

/** Temporary credentials issued by a step. */
export interface Session {
  /** The step that created it. */
  stepId: string;
  kind: 'assumed-role' | 'federated-user' | 'session-token' | 'root';
  /** The API that created it. */
  createdBy: 'AssumeRole' | 'AssumeRoleWithSAML' | 'AssumeRoleWithWebIdentity' | 'GetSessionToken' | 'GetFederationToken' | 'AssumeRoot';
  account: string;
  /** The principal ARN: assumed-role ARN, federated-user ARN, the user's ARN, or the account root ARN. */
  arn: string;
  /** The aws:userid / GetCallerIdentity UserId. */
  userId: string;
  role?: Role;
  user?: User;
  sessionName?: string;
  accessKeyId: string;
  issuedAt: number;
  expiresAt: number;
  mfa: MfaContext;
  /** Session policies (inline then managed). Undefined when none were passed. */
  sessionPolicies?: NamedPolicy[];
  tags: SessionTag[];
  sourceIdentity?: string;
  /** For web-identity and SAML sessions: aws:FederatedProvider. */
  federatedProvider?: string;
  /** Whether this session was itself made with temporary credentials. */
  chained: boolean;
  /** Set when the global endpoint issued it: the token version of the account that generated it. */
  globalEndpointToken?: 'v1Token' | 'v2Token';
  /** For AssumeRoot: the task policy. */
  taskPolicy?: NamedPolicy;
}

/** Who signs a step, resolved against the world and the sessions issued so far. */
export type Caller =
  | { kind: 'user'; user: User; mfa: MfaContext; console: boolean }
  | { kind: 'root'; account: string; partition: string }
  | { kind: 'session'; session: Session }
  | { kind: 'anonymous' };

/** The outcome of one authorization: AWS's three decisions. */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/**
 * A SAML assertion as a scenario writes it: the decoded, signed SAML response
 * (../shared/scenario-format.md, "Federation tokens"). lib/scenario/schema.ts checks that
 * its zod schema produces exactly this shape.
 */
export interface SamlAssertion {
  issuer: string;
  recipient?: string | undefined;
  nameId?: string | undefined;
  nameIdFormat?: string | undefined;
  issueInstant?: string | undefined;
  notOnOrAfter?: string | undefined;
  sessionNotOnOrAfter?: string | undefined;
  attributes?: Record<string, string[]> | undefined;
  signature?: 'valid' | 'invalid' | undefined;
}
