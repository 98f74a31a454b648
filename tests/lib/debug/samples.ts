/**
 * Realistic pastes for the debugger's tests: what engineers copy from consoles, terminals and logs.
 * The pastes the page offers as examples come from lib/debug/examples.ts, so tests and page share them.
 */

import { errorMessage, exampleJwt, getRole, githubTrust } from '@/lib/debug/examples';

/** A compact JWT with the given claims (the signature part is a placeholder: nothing verifies it). */
export const jwt = exampleJwt;

/**
 * The claims of a GitHub Actions token for a push to main.
 * https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#understanding-the-oidc-token
 */
export const githubClaims = {
  jti: 'example-id',
  sub: 'repo:example-org/site:ref:refs/heads/main',
  aud: 'sts.amazonaws.com',
  ref: 'refs/heads/main',
  repository: 'example-org/site',
  repository_id: '123456789',
  repository_owner: 'example-org',
  repository_owner_id: '987654',
  event_name: 'push',
  workflow: 'deploy',
  iss: 'https://token.actions.githubusercontent.com',
  nbf: 1767225540,
  iat: 1767225570,
  exp: 1767225870,
};

/** A trust policy as the IAM console shows it, with the commonest GitHub mistake: a wildcard under StringEquals. */
export const consoleTrustStringEqualsWildcard = githubTrust;

/** `aws iam get-role --role-name Deploy` output (the CLI decodes the trust policy). */
export const getRoleOutput = getRole;

/** What the AWS CLI prints when AssumeRole is refused. */
export const assumeRoleError = errorMessage;

/** The same, with the newer "because" clause naming an explicit deny in an SCP. */
export const scpDenyError =
  'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Deploy with an explicit deny in a service control policy';

/** aws-actions/configure-aws-credentials' message when the trust policy refuses the token. */
export const webIdentityDenied = 'Error: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity';

/** The message when the account has no IAM OIDC provider for the issuer. */
export const noProviderError =
  'An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com';

/** A SAML response as an IdP posts it to the AWS sign-in endpoint (XML). */
export const samlXml = `<?xml version="1.0" encoding="UTF-8"?>
<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z" Destination="https://signin.aws.amazon.com/saml">
  <saml:Issuer>https://idp.corp.example/saml</saml:Issuer>
  <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
  <saml:Assertion ID="_a1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z">
    <saml:Issuer>https://idp.corp.example/saml</saml:Issuer>
    <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>
    <saml:Subject>
      <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">alice-guid</saml:NameID>
      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
        <saml:SubjectConfirmationData NotOnOrAfter="2026-01-01T00:05:00Z" Recipient="https://signin.aws.amazon.com/saml"/>
      </saml:SubjectConfirmation>
    </saml:Subject>
    <saml:Conditions NotBefore="2025-12-31T23:59:00Z" NotOnOrAfter="2026-01-01T00:05:00Z">
      <saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience></saml:AudienceRestriction>
    </saml:Conditions>
    <saml:AuthnStatement AuthnInstant="2026-01-01T00:00:00Z" SessionNotOnOrAfter="2026-01-01T08:00:00Z"/>
    <saml:AttributeStatement>
      <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role">
        <saml:AttributeValue>arn:aws:iam::222222222222:role/Admins,arn:aws:iam::222222222222:saml-provider/Corp</saml:AttributeValue>
      </saml:Attribute>
      <saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName">
        <saml:AttributeValue>alice@corp.example</saml:AttributeValue>
      </saml:Attribute>
    </saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>`;

/** The same response as the base64 SAMLResponse form value. */
export const samlBase64 = Buffer.from(samlXml, 'utf8').toString('base64');

/** A CloudTrail record of a refused AssumeRoleWithWebIdentity (userIdentity names the IdP, aud and sub). */
export const cloudTrailWebIdentity = JSON.stringify(
  {
    eventVersion: '1.08',
    userIdentity: {
      type: 'WebIdentityUser',
      principalId: 'token.actions.githubusercontent.com:sts.amazonaws.com:repo:example-org/site:pull_request',
      userName: 'repo:example-org/site:pull_request',
      identityProvider: 'token.actions.githubusercontent.com',
    },
    eventTime: '2026-01-01T00:00:00Z',
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRoleWithWebIdentity',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.9',
    errorCode: 'AccessDenied',
    errorMessage: 'An unknown error occurred',
    requestParameters: { roleArn: 'arn:aws:iam::222222222222:role/Deploy', roleSessionName: 'GitHubActions' },
    responseElements: null,
    eventType: 'AwsApiCall',
  },
  null,
  2,
);

/** A CloudTrail record of a refused AssumeRole. */
export const cloudTrailAssumeRole = JSON.stringify({
  eventVersion: '1.08',
  userIdentity: { type: 'IAMUser', principalId: 'AIDAALICEEXAMPLE00001', arn: 'arn:aws:iam::111111111111:user/alice', accountId: '111111111111', userName: 'alice' },
  eventTime: '2026-01-01T00:00:00Z',
  eventSource: 'sts.amazonaws.com',
  eventName: 'AssumeRole',
  errorCode: 'AccessDenied',
  errorMessage: 'User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Deploy',
  requestParameters: { roleArn: 'arn:aws:iam::222222222222:role/Deploy', roleSessionName: 'alice-cli', durationSeconds: 3600 },
});

/** A command line as pasted from a runbook, with continuations. */
export const assumeRoleCli = `aws sts assume-role \\
  --role-arn arn:aws:iam::222222222222:role/Deploy \\
  --role-session-name "ci run" \\
  --external-id ci-7f3a --profile ci`;
