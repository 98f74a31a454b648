import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { applyPatch, readPointer } from '../../lib/util/jsonPatch';
import { expectNoAxeViolations, watchErrors } from './helpers';

// Labs as a learner meets them: solve the first lab of each track by typing, keep progress across a
// reload, take hints and the solution, and share an attempt by link.

interface LabFile {
  id: string;
  title: string;
  scenario: unknown;
  editable: { path: string; label: string }[];
  solution: { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[];
  hints: string[];
}
// Typing a policy key by key, with a re-check per key, takes a while on a loaded 2-core machine.
test.describe.configure({ timeout: 90_000 });

const lab = (id: string): LabFile => JSON.parse(readFileSync(`content/labs/${id}.json`, 'utf8')) as LabFile;

/** What the solved editable part reads, as compact JSON a person could type. */
function solvedText(l: LabFile, path: string): string {
  return JSON.stringify(readPointer(applyPatch(l.scenario, l.solution), path));
}

const firstOfEachTrack = ['basics-same-account-delegation', 'cross-account-both-sides', 'federation-github-audience', 'guardrails-boundary'];

for (const id of firstOfEachTrack) {
  test(`solves ${id} by typing`, async ({ page }) => {
    const errors = watchErrors(page);
    const l = lab(id);
    await page.goto(`/labs/${id}/`);
    await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
    await expect(page.getByText(/\d+ of \d+ goal lines hold\./)).toBeVisible();
    // When the learner replaces the editable part with the fix, typing it
    const part = l.editable.find((e) => l.solution.some((op) => op.path.startsWith(e.path)))!;
    const box = page.getByRole('textbox', { name: new RegExp(part.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await box.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(solvedText(l, part.path));
    // Then every goal line holds and the lab says what was learned
    await expect(page.getByRole('status').filter({ hasText: 'Every goal line holds. Lab solved!' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Lab solved' })).toBeVisible();
    await expectNoAxeViolations(page, `${id} solved`);
    // And the progress survives a reload, shown on the labs page
    await page.reload();
    await expect(page.getByText('Restored your last attempt.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Every goal line holds. Lab solved!' })).toBeVisible();
    await page.goto('/labs/');
    await expect(page.getByRole('listitem').filter({ hasText: l.title }).getByText('Solved', { exact: true })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('hints come one at a time, then the solution, recorded as such', async ({ page }) => {
  const l = lab('cross-account-chaining-cap');
  await page.goto(`/labs/${l.id}/`);
  await expect(page.getByText(/goal lines hold/)).toBeVisible();
  for (let i = 1; i <= l.hints.length; i++) await page.getByRole('button', { name: `Show a hint (${i} of ${l.hints.length})` }).click();
  await expect(page.locator('.lab__hints li')).toHaveCount(l.hints.length);
  await page.getByRole('button', { name: 'Show the solution' }).click();
  await page.getByRole('button', { name: 'Use the solution' }).click();
  await expect(page.getByText('Recorded as solved with the solution shown.')).toBeVisible();
  await page.goto('/labs/');
  await expect(page.getByText('Solved with the solution')).toBeVisible();
});

test('a broken edit is located and loses nothing; an attempt can be shared by link', async ({ page, context }) => {
  const l = lab('cross-account-session-policy');
  await page.goto(`/labs/${l.id}/`);
  await expect(page.getByText(/goal lines hold/)).toBeVisible();
  const box = page.getByRole('textbox', { name: /AssumeRole parameters/ });
  await box.fill('{ "RoleArn": ');
  await expect(page.getByText(/Not valid JSON/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Fix the JSON to check your attempt.' })).toBeVisible();
  await box.fill(solvedText(l, '/steps/0/params'));
  await expect(page.getByRole('status').filter({ hasText: 'Lab solved!' })).toBeVisible();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy a link to this attempt' }).click();
  const url = page.url();
  expect(url).toMatch(/#a=[A-Za-z0-9_-]+$/);
  // A fresh browser (no saved progress) opens the shared attempt
  const other = await context.browser()!.newContext();
  const fresh = await other.newPage();
  await fresh.goto(url);
  await expect(fresh.getByText('Opened the attempt from the link.')).toBeVisible();
  await expect(fresh.getByRole('status').filter({ hasText: 'Lab solved!' })).toBeVisible();
  await other.close();
});

test('lab progress travels in the quiz progress export and is merged on import in a fresh browser', async ({ page, context }) => {
  // Issue #14: "Progress is stored locally with the quiz's progress (same export/import)".
  const l = lab('cross-account-session-policy');
  await page.goto(`/labs/${l.id}/`);
  await expect(page.getByText(/goal lines hold/)).toBeVisible();
  await page.getByRole('textbox', { name: /AssumeRole parameters/ }).fill(solvedText(l, '/steps/0/params'));
  await expect(page.getByRole('status').filter({ hasText: 'Lab solved!' })).toBeVisible();
  // When the learner exports from the quiz progress page, which counts the solved lab
  await page.goto('/quiz/progress/');
  await expect(page.getByRole('list', { name: 'Summary' })).toContainText('1 labs solved');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const file = await download.path();
  const text = readFileSync(file!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'sts-quiz-progress', labs: { version: 1, labs: { [l.id]: { solvedAt: expect.any(Number) } } } });
  // Then a fresh browser that imports the file has the lab solved
  const other = await context.browser()!.newContext();
  const fresh = await other.newPage();
  await fresh.goto('/quiz/progress/');
  await expect(fresh.getByRole('list', { name: 'Summary' })).toContainText('0 labs solved');
  await fresh.locator('input[type="file"]').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await fresh.getByRole('button', { name: 'Replace my progress' }).click();
  await expect(fresh.getByRole('list', { name: 'Summary' })).toContainText('1 labs solved');
  await expect(fresh.getByText(/Progress of 1 lab merged with yours/)).toBeVisible();
  await fresh.goto('/labs/');
  await expect(fresh.getByRole('listitem').filter({ hasText: l.title }).getByText('Solved', { exact: true })).toBeVisible();
  await other.close();
});
