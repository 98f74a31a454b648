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

/**
 * How a service other than STS answers a request signed with expired temporary credentials.
 * STS's own answer is ExpiredToken (403); the name and status vary by service (sts-facts F-0.15).
 * @returns the error, and whether AWS documents or was observed giving it for that service
 * @example expiredTokenFromService('s3') // { error: { code: 'ExpiredToken', httpStatus: 400, … }, known: true }
 */
export function expiredTokenFromService(service: string): { error: AwsError; known: boolean } {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (ExpiredToken, "The provided token has expired.", 400); observed: https://issues.apache.org/jira/browse/HADOOP-18353
  if (service === 's3') return { error: awsError('ExpiredToken', 'The provided token has expired.', { httpStatus: 400 }), known: true };
  // JSON-protocol services name it ExpiredTokenException; observed from DynamoDB with HTTP 400: https://github.com/guregu/dynamo/issues/68
  if (service === 'dynamodb') return { error: awsError('ExpiredTokenException', 'The security token included in the request is expired', { httpStatus: 400 }), known: true };
  if (service === 'sts') return { error: expiredToken(), known: true };
  return { error: expiredToken(), known: false };
}
