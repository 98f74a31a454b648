/**
 * The calls a scenario may make and the parameters each takes, without zod, so that the
 * simulator's form can offer them without pulling the schema library into the page.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_Operations.html
 */

/** The STS calls a scenario may make. */
export const stsCalls = [
  'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken',
  'AssumeRoot', 'GetCallerIdentity', 'DecodeAuthorizationMessage', 'GetAccessKeyInfo', 'GetWebIdentityToken',
] as const;

/** Calls AWS has that the simulator does not model, with the reason a file that uses one is invalid. */
export const unmodelledCalls: Record<string, string> = {
  // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetDelegatedAccessToken.html
  GetDelegatedAccessToken: 'GetDelegatedAccessToken is not modelled: it exchanges a trade-in token that AWS issues when a temporary delegation request is approved, and AWS documents no way to obtain one (the action is meant for AWS and AWS Partners), so a scenario could not say where its TradeInToken comes from',
};
/** An STS API name. */
export type StsCall = (typeof stsCalls)[number];

/** Parameters each call accepts (the API's own member names). */
export const callParams: Record<StsCall, readonly string[]> = {
  AssumeRole: ['RoleArn', 'RoleSessionName', 'DurationSeconds', 'ExternalId', 'SerialNumber', 'TokenCode', 'Policy', 'PolicyArns', 'Tags', 'TransitiveTagKeys', 'SourceIdentity', 'ProvidedContexts', 'MinimumSessionTokenSize'],
  AssumeRoleWithSAML: ['RoleArn', 'PrincipalArn', 'SAMLAssertion', 'DurationSeconds', 'Policy', 'PolicyArns', 'MinimumSessionTokenSize'],
  AssumeRoleWithWebIdentity: ['RoleArn', 'RoleSessionName', 'WebIdentityToken', 'ProviderId', 'DurationSeconds', 'Policy', 'PolicyArns', 'MinimumSessionTokenSize'],
  GetSessionToken: ['DurationSeconds', 'SerialNumber', 'TokenCode', 'MinimumSessionTokenSize'],
  GetFederationToken: ['Name', 'DurationSeconds', 'Policy', 'PolicyArns', 'Tags', 'MinimumSessionTokenSize'],
  AssumeRoot: ['TargetPrincipal', 'TaskPolicyArn', 'DurationSeconds', 'MinimumSessionTokenSize'],
  GetCallerIdentity: [],
  DecodeAuthorizationMessage: ['EncodedMessage'],
  GetAccessKeyInfo: ['AccessKeyId'],
  GetWebIdentityToken: ['Audience', 'SigningAlgorithm', 'DurationSeconds', 'Tags'],
};
