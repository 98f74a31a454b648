/**
 * The question templates, one family per file, in the order the UI cycles through them.
 * A new template: a file here exporting a `Template`, listed below; tests/lib/quiz check its
 * oracle against the engine for many seeds.
 */
import { durationTemplate } from './duration';
import { externalIdTemplate } from './externalId';
import { federationTemplate } from './federationToken';
import { gstTemplate } from './getSessionToken';
import { githubClaimsTemplate } from './githubClaims';
import { mfaDenyTemplate } from './mfaDeny';
import { mfaRoleTemplate } from './mfaRole';
import { orgGuardrailsTemplate } from './orgGuardrails';
import { chainingTemplate } from './roleChaining';
import { sessionPolicyTemplate } from './sessionPolicy';
import { sessionTagsTemplate } from './sessionTags';
import { trustTemplate } from './trustAccess';
import { type Template } from './types';

export { humanSeconds } from './kit';
export type { Built, Choice, Generated, Json, Template } from './types';

/** Every template, in the order the UI cycles through them. */
export const templates: readonly Template[] = [
  orgGuardrailsTemplate,
  githubClaimsTemplate,
  durationTemplate,
  trustTemplate,
  externalIdTemplate,
  mfaRoleTemplate,
  sessionPolicyTemplate,
  sessionTagsTemplate,
  gstTemplate,
  chainingTemplate,
  mfaDenyTemplate,
  federationTemplate,
];

/** Looks a template up by id. */
export function templateById(id: string): Template | undefined {
  return templates.find((t) => t.id === id);
}
