/** A page the browser tests load. */
export interface RouteUnderTest {
  /** Path with a trailing slash, as the static export serves it. */
  path: string;
  /** Text the page's <h1> must contain, so a blank or wrong page fails. */
  heading: string;
  /** The page fills the window without the site header and footer (presenting, projecting). */
  bare?: true;
}

/**
 * Every page of the site. Add each new page here: pages.spec.ts loads all of
 * them, runs axe, and fails on any console error. Every header nav entry
 * (components/layout/nav.ts) must appear here too.
 */
export const routes: readonly RouteUnderTest[] = [
  { path: '/', heading: 'AssumeRole' },
  { path: '/notes/', heading: 'Study notes' },
  { path: '/labs/', heading: 'Labs' },
  { path: '/labs/basics-same-account-delegation/', heading: 'Let Gina in' },
  { path: '/notes/sts-basics/', heading: 'STS and temporary credentials' },
  { path: '/notes/assume-role/', heading: 'AssumeRole: same account and cross account' },
  { path: '/notes/trust-policies/', heading: 'Trust policies' },
  { path: '/notes/external-id/', heading: 'External ID and the confused deputy' },
  { path: '/notes/session-duration/', heading: 'Session duration and role chaining' },
  { path: '/notes/assume-role-with-saml/', heading: 'AssumeRoleWithSAML' },
  { path: '/notes/assume-role-with-web-identity/', heading: 'AssumeRoleWithWebIdentity and OIDC' },
  { path: '/notes/outbound-identity-federation/', heading: 'Outbound identity federation (GetWebIdentityToken)' },
  { path: '/notes/cognito/', heading: 'Cognito identity pools and web identity federation' },
  { path: '/notes/mfa-and-get-session-token/', heading: 'MFA and GetSessionToken' },
  { path: '/notes/get-federation-token/', heading: 'GetFederationToken' },
  { path: '/notes/assume-root/', heading: 'AssumeRoot and centralized root access' },
  { path: '/notes/session-policies/', heading: 'Session policies' },
  { path: '/notes/session-tags/', heading: 'Session tags, transitive tags and SourceIdentity' },
  { path: '/notes/policy-evaluation/', heading: 'How policies combine for a role session' },
  { path: '/notes/troubleshooting-calls/', heading: 'The troubleshooting calls' },
  { path: '/notes/errors-and-troubleshooting/', heading: 'STS errors and how to troubleshoot them' },
  { path: '/notes/sts-neighbours/', heading: 'STS and its neighbours' },
  { path: '/notes/exam-guide/', heading: 'Exam guide and cheat sheet' },
  { path: '/notes/glossary/', heading: 'Glossary' },
  { path: '/notes/aws-changes/', heading: 'AWS changes this site covers' },
  { path: '/notes/github-actions-to-aws/', heading: 'GitHub Actions to AWS, done safely' },
  { path: '/notes/trusted-identity-propagation/', heading: 'Trusted identity propagation and ProvidedContexts' },
  { path: '/notes/organizations-guardrails/', heading: 'Organization guardrails: SCPs in an OU tree' },
  { path: '/notes/resource-control-policies/', heading: 'Resource control policies' },
  { path: '/simulator/', heading: 'Simulator' },
  { path: '/debug/', heading: 'Why AccessDenied?' },
  { path: '/quiz/', heading: 'Quiz' },
  { path: '/quiz/practice/', heading: 'Practice' },
  { path: '/quiz/exam/', heading: 'Timed exam' },
  { path: '/quiz/review/', heading: 'Review' },
  { path: '/quiz/predict/', heading: 'Predict, then run' },
  { path: '/quiz/progress/', heading: 'Your progress' },
  { path: '/classroom/', heading: 'Teach STS to a room' },
  { path: '/classroom/present/', heading: 'Present a lesson' },
  { path: '/classroom/present/?lesson=cross-account-external-id&slide=5', heading: 'Cross-account access with ExternalId', bare: true },
  { path: '/classroom/audience/?lesson=federation-saml-oidc', heading: 'Federation with SAML and OIDC', bare: true },
  { path: '/classroom/student/?lesson=mfa-and-get-session-token&slide=3', heading: 'MFA and GetSessionToken' },
  { path: '/classroom/build/', heading: 'Build a lesson' },
  { path: '/classroom/handout/?lesson=role-chaining-session-limits', heading: 'Role chaining and session limits' },
];

/** A path that does not exist, to check the 404 page. */
export const missingPath = '/this-page-does-not-exist/';
