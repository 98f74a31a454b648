/** Links from the engine's `learn` references to the study notes. */

/**
 * The site path of a note section.
 * @param learn `note-slug#heading-id`, as trace entries carry it
 * @example noteHref('trust-policies#conditions') // '/notes/trust-policies/#conditions'
 */
export function noteHref(learn: string): string {
  const [slug = '', heading] = learn.split('#');
  return `/notes/${slug}/${heading ? `#${heading}` : ''}`;
}

// Heading ids lose their capitals; put back the ones readers know by sight.
const spelled: Record<string, string> = {
  mfa: 'MFA', sts: 'STS', saml: 'SAML', oidc: 'OIDC', iam: 'IAM', id: 'ID', assumerole: 'AssumeRole',
  getsessiontoken: 'GetSessionToken', getcalleridentity: 'GetCallerIdentity', decodeauthorizationmessage: 'DecodeAuthorizationMessage',
  getaccesskeyinfo: 'GetAccessKeyInfo', validationerror: 'ValidationError', accessdenied: 'AccessDenied', expiredtoken: 'ExpiredToken',
  expiredtokenexception: 'ExpiredTokenException', sourceidentity: 'SourceIdentity', multifactorauthpresent: 'MultiFactorAuthPresent',
};

const words = (s: string) => s.split('-').map((w) => spelled[w] ?? w).join(' ');

/**
 * A readable title for a note section, from its slug and heading id.
 * @example noteLabel('trust-policies#conditions') // 'Trust policies: conditions'
 */
export function noteLabel(learn: string): string {
  const [slug = '', heading] = learn.split('#');
  const title = words(slug).replace(/^\w/, (c) => c.toUpperCase());
  return heading ? `${title}: ${words(heading)}` : title;
}
