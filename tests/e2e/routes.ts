/** A page the browser tests load. */
export interface RouteUnderTest {
  /** Path with a trailing slash, as the static export serves it. */
  path: string;
  /** Text the page's <h1> must contain, so a blank or wrong page fails. */
  heading: string;
}

/**
 * Every page of the site. Add each new page here: pages.spec.ts loads all of
 * them, runs axe, and fails on any console error. Every header nav entry
 * (components/layout/nav.ts) must appear here too.
 */
export const routes: readonly RouteUnderTest[] = [
  { path: '/', heading: 'AssumeRole' },
  { path: '/simulator/', heading: 'Simulator' },
  { path: '/quiz/', heading: 'Quiz' },
  { path: '/quiz/practice/', heading: 'Practice' },
  { path: '/quiz/exam/', heading: 'Timed exam' },
  { path: '/quiz/review/', heading: 'Review' },
  { path: '/quiz/predict/', heading: 'Predict, then run' },
  { path: '/quiz/progress/', heading: 'Your progress' },
  { path: '/classroom/', heading: 'Teach STS to a room' },
  { path: '/classroom/present/', heading: 'Present a lesson' },
  { path: '/classroom/present/?lesson=cross-account-external-id&slide=5', heading: 'Cross-account access with ExternalId' },
  { path: '/classroom/audience/?lesson=federation-saml-oidc', heading: 'Federation with SAML and OIDC' },
  { path: '/classroom/student/?lesson=mfa-and-get-session-token&slide=3', heading: 'MFA and GetSessionToken' },
  { path: '/classroom/build/', heading: 'Build a lesson' },
  { path: '/classroom/handout/?lesson=role-chaining-session-limits', heading: 'Role chaining and session limits' },
];

/** A path that does not exist, to check the 404 page. */
export const missingPath = '/this-page-does-not-exist/';
