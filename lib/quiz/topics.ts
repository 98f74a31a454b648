/**
 * The quiz's vocabulary: topics, exam domains and difficulty levels. One literal array
 * feeds both the TypeScript type and the zod enum (lib/quiz/schema.ts).
 */
import { learn } from '../explain/learn';

/** Topics a question can belong to; the mastery view groups results by these. */
export const topics = [
  'sts-basics',
  'assume-role',
  'trust-policies',
  'external-id',
  'mfa',
  'get-session-token',
  'session-duration',
  'role-chaining',
  'session-policies',
  'session-tags',
  'source-identity',
  'saml',
  'web-identity',
  'get-federation-token',
  'assume-root',
  'policy-evaluation',
  'troubleshooting',
  'organizations',
  'github-actions',
  'identity-propagation',
] as const;
/** A question topic. */
export type Topic = (typeof topics)[number];

/** Display names of the topics. */
export const topicLabels: Record<Topic, string> = {
  'sts-basics': 'STS basics, credentials and Regions',
  'assume-role': 'AssumeRole: same and cross account',
  'trust-policies': 'Trust policies',
  'external-id': 'ExternalId and the confused deputy',
  mfa: 'MFA in STS calls and policies',
  'get-session-token': 'GetSessionToken',
  'session-duration': 'Session duration',
  'role-chaining': 'Role chaining',
  'session-policies': 'Session policies',
  'session-tags': 'Session tags',
  'source-identity': 'SourceIdentity',
  saml: 'SAML federation',
  'web-identity': 'Web identity and OIDC',
  'get-federation-token': 'GetFederationToken',
  'assume-root': 'AssumeRoot',
  'policy-evaluation': 'Policy evaluation: deny, boundaries, SCPs',
  troubleshooting: 'Troubleshooting calls and errors',
  organizations: 'Organizations guardrails: SCPs, RCPs, org paths',
  'github-actions': 'GitHub Actions to AWS',
  'identity-propagation': 'Trusted identity propagation',
};

/**
 * Exam domains of the two certifications the quiz prepares for.
 * SAA-C03: https://d1.awsstatic.com/training-and-certification/docs-sa-assoc/AWS-Certified-Solutions-Architect-Associate_Exam-Guide.pdf
 * SCS-C02: https://d1.awsstatic.com/training-and-certification/docs-security-spec/AWS-Certified-Security-Specialty_Exam-Guide.pdf
 */
export const domains = [
  'saa-secure-architectures',
  'scs-threat-detection',
  'scs-logging-monitoring',
  'scs-infrastructure',
  'scs-iam',
  'scs-data-protection',
  'scs-governance',
] as const;
/** An exam domain. */
export type Domain = (typeof domains)[number];

/** Display names of the exam domains. */
export const domainLabels: Record<Domain, string> = {
  'saa-secure-architectures': 'SAA-C03 Domain 1: Design Secure Architectures',
  'scs-threat-detection': 'SCS-C02 Domain 1: Threat Detection and Incident Response',
  'scs-logging-monitoring': 'SCS-C02 Domain 2: Security Logging and Monitoring',
  'scs-infrastructure': 'SCS-C02 Domain 3: Infrastructure Security',
  'scs-iam': 'SCS-C02 Domain 4: Identity and Access Management',
  'scs-data-protection': 'SCS-C02 Domain 5: Data Protection',
  'scs-governance': 'SCS-C02 Domain 6: Management and Security Governance',
};

/** 1 = recall a rule, 2 = apply it to a scenario, 3 = combine several rules or spot a trap. */
export const difficulties = [1, 2, 3] as const;
/** A difficulty level. */
export type Difficulty = (typeof difficulties)[number];

/** Display names of the difficulty levels. */
export const difficultyLabels: Record<Difficulty, string> = { 1: 'Recall', 2: 'Apply', 3: 'Analyse' };

/** The study notes' slugs: the part of each learn reference before `#`. */
export const noteSlugs: readonly string[] = [...new Set(Object.values(learn).map((ref) => ref.split('#')[0]!))];

/** True when `note` is a note slug or a `slug#heading` that the engine's learn table knows. */
export function isKnownNote(note: string): boolean {
  const [slug, heading] = note.split('#');
  if (!slug || !noteSlugs.includes(slug)) return false;
  return heading === undefined || (Object.values(learn) as string[]).includes(note);
}

/** The study-note URL for a note slug or `slug#heading` (notes live at /notes/<slug>/). */
export function noteHref(note: string): string {
  const [slug, heading] = note.split('#');
  return `/notes/${slug}/${heading ? `#${heading}` : ''}`;
}
