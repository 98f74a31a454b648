/**
 * The ready-made lessons in content/lessons/. Each file is imported here by name (lib/ reads
 * no file system); tests/lib/lessons checks that this list and the folder agree.
 * Server components import this module and hand plain lesson objects to the client.
 */
import crossAccount from '../../content/lessons/cross-account-external-id.json';
import federation from '../../content/lessons/federation-saml-oidc.json';
import mfa from '../../content/lessons/mfa-and-get-session-token.json';
import chaining from '../../content/lessons/role-chaining-session-limits.json';
import github from '../../content/lessons/github-actions-without-keys.json';
import guardrails from '../../content/lessons/guardrails-scps-and-rcps.json';
import { invariant } from '../result';
import { parseLesson, type Lesson } from './schema';

const files: readonly unknown[] = [crossAccount, mfa, federation, chaining, github, guardrails];

/** The built-in lessons, in the order the picker lists them. Invalid files fail the build. */
export const builtInLessons: readonly Lesson[] = files.map((f, i) => {
  const r = parseLesson(f);
  invariant(r.ok, `content/lessons file #${i + 1} is invalid: ${r.ok ? '' : r.error.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.value;
});

/**
 * A built-in lesson by id.
 * @param id lesson id
 * @returns the lesson, or undefined
 * @example findBuiltInLesson('mfa-and-get-session-token')?.title
 */
export function findBuiltInLesson(id: string): Lesson | undefined {
  return builtInLessons.find((l) => l.id === id);
}
