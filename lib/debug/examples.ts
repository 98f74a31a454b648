/**
 * Example pastes for the debugger page: one of each kind an engineer typically has in hand.
 * Made-up accounts and names; the JWT and SAML response are built here, unsigned.
 */

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const b64url = (s: string) => b64(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A compact JWT with these claims and a placeholder signature (nothing here verifies signatures). */
export const exampleJwt = (claims: Record<string, unknown>) => `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'example' }))}.${b64url(JSON.stringify(claims))}.c2lnbmF0dXJl`;

/** A trust policy as the IAM console shows it, with the commonest GitHub mistake: a wildcard under StringEquals. */
export const githubTrust = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com"
            },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {
                    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                    "token.actions.githubusercontent.com:sub": "repo:example-org/*"
                }
            }
        }
    ]
}`;

const githubToken = exampleJwt({
  sub: 'repo:example-org/site:ref:refs/heads/main',
  aud: 'sts.amazonaws.com',
  ref: 'refs/heads/main',
  repository: 'example-org/site',
  repository_id: '123456789',
  repository_owner_id: '987654',
  iss: 'https://token.actions.githubusercontent.com',
  iat: 1767225570,
  exp: 1767225870,
});

/** `aws iam get-role --role-name Deploy` output (the CLI decodes the trust policy). */
export const getRole = `{
    "Role": {
        "Path": "/",
        "RoleName": "Deploy",
        "RoleId": "AROADEPLOYEXAMPLE0001",
        "Arn": "arn:aws:iam::222222222222:role/Deploy",
        "CreateDate": "2025-06-01T12:00:00+00:00",
        "AssumeRolePolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": { "AWS": "arn:aws:iam::111111111111:role/CiRunner" },
                    "Action": "sts:AssumeRole",
                    "Condition": { "StringEquals": { "sts:ExternalId": "ci-7f3a" } }
                }
            ]
        },
        "MaxSessionDuration": 3600,
        "RoleLastUsed": {}
    }
}`;

/** What the AWS CLI prints when AssumeRole is refused. */
export const errorMessage =
  'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Deploy';

const samlXml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z" Destination="https://signin.aws.amazon.com/saml">
  <saml:Issuer>https://idp.corp.example/saml</saml:Issuer>
  <saml:Assertion ID="_a1" Version="2.0" IssueInstant="2026-01-01T00:00:00Z">
    <saml:Issuer>https://idp.corp.example/saml</saml:Issuer>
    <saml:Subject>
      <saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">alice-guid</saml:NameID>
      <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
        <saml:SubjectConfirmationData NotOnOrAfter="2026-01-01T00:05:00Z" Recipient="https://signin.aws.amazon.com/saml/acs/EXAMPLE"/>
      </saml:SubjectConfirmation>
    </saml:Subject>
    <saml:Conditions NotOnOrAfter="2026-01-01T00:05:00Z">
      <saml:AudienceRestriction><saml:Audience>urn:amazon:webservices</saml:Audience></saml:AudienceRestriction>
    </saml:Conditions>
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

/** The examples offered on the page, in display order. */
export const debugExamples = [
  { id: 'github', label: 'GitHub trust policy + token', text: `${githubTrust}\n\n${githubToken}` },
  { id: 'get-role', label: 'aws iam get-role output', text: getRole },
  { id: 'error', label: 'An AccessDenied message', text: errorMessage },
  { id: 'saml', label: 'A SAML response (base64)', text: b64(samlXml) },
] as const;
