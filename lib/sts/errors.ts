/** AWS's own error codes, HTTP statuses and message texts. */
import { type AwsError, type ErrorCode } from './types';

// https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html and each API's Errors section
const status: Record<ErrorCode, number> = {
  AccessDenied: 403,
  ValidationError: 400,
  MalformedPolicyDocument: 400,
  PackedPolicyTooLarge: 400,
  RegionDisabledException: 403,
  ExpiredTokenException: 400,
  ExpiredToken: 403,
  InvalidClientTokenId: 403,
  IDPRejectedClaim: 403,
  InvalidIdentityToken: 400,
  IDPCommunicationError: 400,
  InvalidAuthorizationMessageException: 400,
  InvalidParameterValue: 400,
  MissingAuthenticationToken: 403,
  InvalidAction: 400,
  UnauthorizedOperation: 403,
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetWebIdentityToken.html#API_GetWebIdentityToken_Errors
  OutboundWebIdentityFederationDisabledException: 403,
  SessionDurationEscalationException: 403,
  JWTPayloadSizeExceededException: 400,
};

/** Builds an AWS error with its documented HTTP status. */
export function awsError(code: ErrorCode, message: string, extra?: Partial<AwsError>): AwsError {
  return { code, httpStatus: status[code], message, ...extra };
}

/** `User: <arn> is not authorized to perform: <action> on resource: <arn>` (observed STS wording). */
export function notAuthorized(principalArn: string, action: string, resource: string, because?: string): AwsError {
  return awsError('AccessDenied', `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource}${because ? ` ${because}` : ''}`);
}

/** ExpiredToken: the caller's own temporary credentials have expired. */
export const expiredToken = (): AwsError => awsError('ExpiredToken', 'The security token included in the request is expired');

/** InvalidClientTokenId: an unknown access key or session token. */
export const invalidClientTokenId = (): AwsError => awsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
