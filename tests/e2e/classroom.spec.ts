import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const lesson = 'cross-account-external-id';
const slideTitle = (page: Page) => page.locator('.cr-stage h2');
/** Waits until the deck's key handler is attached. */
const keysReady = (page: Page) => page.locator('html[data-deck-keys="ready"]').waitFor({ state: 'attached' });
const checksShown = (page: Page) => page.locator('.cr-stage .cr-gate:not(.cr-gate--pending)');

test('presenting with the keyboard: next, reveal gate by gate, outcome, question, blank, notes, help', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Given the presenter on the scenario slide of the ExternalId lesson
  await page.goto(`/classroom/present/?lesson=${lesson}&slide=2`);
  await keysReady(page);
  await expect(slideTitle(page)).toHaveText('Jo is trusted, Kim is trusted and allowed');
  await expect(page.getByText('Trust policy of SharedServices')).toBeVisible();
  await expect(checksShown(page)).toHaveCount(0);

  // When they press Right, Space and R: one more check each time, announced
  await page.keyboard.press('ArrowRight');
  await expect(checksShown(page)).toHaveCount(1);
  await expect(page.getByTestId('announcer')).toContainText('Check 1 of 6, authenticate: pass');
  await page.keyboard.press('Space');
  await page.keyboard.press('r');
  await expect(checksShown(page)).toHaveCount(3);
  // Left hides the last one again
  await page.keyboard.press('ArrowLeft');
  await expect(checksShown(page)).toHaveCount(2);
  // And the rest ends on the AWS error
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.cr-outcome')).toContainText('AccessDenied');
  await expect(page.locator('.cr-gate--fail')).toContainText('caller-permissions');
  await expect(page.getByTestId('announcer')).toContainText('Outcome of jo: AccessDenied');
  const revealed = await new AxeBuilder({ page }).include('.cr-deck').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(revealed.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(page).toHaveURL(/slide=2/);

  // The question slide holds its answer until R
  await page.goto(`/classroom/present/?lesson=${lesson}&slide=3`);
  await keysReady(page);
  await expect(page.locator('.cr-question__stem')).toContainText('Jo calls AssumeRole');
  await expect(page.locator('.cr-option--right')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('.cr-option--right')).toContainText('AccessDenied');
  await expect(page.getByTestId('announcer')).toHaveText('Answer revealed: B, AccessDenied.');
  // Right moves on once revealed
  await page.keyboard.press('ArrowRight');
  await expect(slideTitle(page)).toHaveText('The confused deputy');
  await expect(page).toHaveURL(/slide=4/);

  // B blanks the screen, Escape brings it back
  await page.keyboard.press('b');
  await expect(page.getByTestId('blank-screen')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('blank-screen')).toHaveCount(0);

  // P shows presenter notes
  await page.keyboard.press('p');
  await expect(page.getByRole('complementary', { name: 'Presenter notes' })).toContainText('who would be harmed');
  await page.keyboard.press('p');
  await expect(page.getByRole('complementary', { name: 'Presenter notes' })).toHaveCount(0);

  // ? opens the help, which is accessible and keeps the keys from moving slides
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(help).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close (Esc)' })).toBeFocused();
  const { violations } = await new AxeBuilder({ page }).include('.cr-overlay').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('ArrowRight');
  await expect(slideTitle(page)).toHaveText('The confused deputy');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  // High contrast and the timer
  await page.getByRole('button', { name: 'High contrast' }).click();
  await expect(page.locator('.cr-deck')).toHaveAttribute('data-contrast', 'high');
  const contrast = await new AxeBuilder({ page }).include('.cr-deck').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(contrast.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('timer')).toHaveText('0:00');
  expect(errors).toEqual([]);
});

test('the audience window follows the presenter and never shows notes', async ({ context }) => {
  // Given a presenter and an audience window on one machine
  const presenter = await context.newPage();
  await presenter.goto(`/classroom/present/?lesson=${lesson}&slide=1`);
  await keysReady(presenter);
  await expect(slideTitle(presenter)).toHaveText('Two accounts, two doors');
  const [audience] = await Promise.all([context.waitForEvent('page'), presenter.getByRole('button', { name: 'Open audience window' }).click()]);
  await audience.waitForLoadState();
  await expect(audience).toHaveURL(new RegExp(`/classroom/audience/\\?lesson=${lesson}`));
  await expect(audience.getByRole('status')).toHaveText('Following the presenter.');
  await expect(slideTitle(audience)).toHaveText('Two accounts, two doors');

  // When the presenter advances and reveals two checks
  await presenter.bringToFront();
  await presenter.keyboard.press('ArrowRight');
  await presenter.keyboard.press('ArrowRight');
  await presenter.keyboard.press('ArrowRight');
  // Then the audience is on the same slide with the same checks shown
  await expect(slideTitle(audience)).toHaveText('Jo is trusted, Kim is trusted and allowed');
  await expect(checksShown(audience)).toHaveCount(2);

  // And notes shown to the presenter never reach the audience, while the blank screen does
  await presenter.keyboard.press('p');
  await presenter.keyboard.press('b');
  await expect(audience.getByTestId('blank-screen')).toBeVisible();
  await expect(audience.getByText('Draw two boxes')).toHaveCount(0);
  await expect(audience.locator('.cr-notes')).toHaveCount(0);
  await presenter.keyboard.press('b');
  await expect(audience.getByTestId('blank-screen')).toHaveCount(0);

  // A reloaded audience window picks up where the presenter is
  await audience.reload();
  await expect(slideTitle(audience)).toHaveText('Jo is trusted, Kim is trusted and allowed');
  await expect(checksShown(audience)).toHaveCount(2);
});

test('the student link opens the slide and lets students move at their own pace', async ({ page, context }) => {
  await page.goto(`/classroom/present/?lesson=mfa-and-get-session-token&slide=3`);
  await keysReady(page);
  await page.getByRole('button', { name: 'Student link' }).click();
  const link = await page.getByLabel(/Students follow at their own pace/).inputValue();
  expect(link).toMatch(/\/classroom\/student\/\?lesson=mfa-and-get-session-token&slide=3$/);

  // Given a student opening that link on their own device
  const student = await context.newPage();
  await student.goto(link);
  await expect(student.locator('.cr-question__stem')).toContainText('wrong six digits');
  // When they predict wrongly and check
  await student.getByRole('radio', { name: /ValidationError/ }).check();
  await student.getByRole('button', { name: 'Check my answer' }).click();
  await expect(student.getByText('Not quite: the answer is A.')).toBeVisible();
  // Then they move on by themselves; the presenter stays where it was
  await student.getByRole('button', { name: /Next/ }).click();
  await expect(slideTitle(student)).toHaveText('GetSessionToken in one slide');
  await expect(student).toHaveURL(/slide=4/);
  await expect(page).toHaveURL(/slide=3/);
  // Keyboard works too, and a scenario is stepped with "Next check"
  await student.keyboard.press('ArrowRight');
  await expect(slideTitle(student)).toHaveText("Carol's sessions, with and without MFA");
  await student.getByRole('button', { name: 'Next check' }).click();
  await expect(checksShown(student)).toHaveCount(1);
});

test('building a lesson: add, reorder, export, bad import, share link round trip', async ({ page }, testInfo) => {
  await page.goto('/classroom/build/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel('Lesson title').fill('Trust basics');
  await page.getByLabel('Short name for links (lowercase-with-dashes)').fill('trust-basics');

  // Add a scenario and a question
  await page.getByRole('button', { name: 'Add scenario' }).click();
  await page.getByLabel('Scenario', { exact: true }).last().selectOption('cross-account-both-sides');
  await page.getByRole('checkbox', { name: 'kim AssumeRole → success' }).check();
  await page.getByRole('checkbox', { name: /^jo AssumeRole/ }).uncheck();
  await page.getByRole('button', { name: 'Add question' }).click();
  await page.getByLabel('Question', { exact: true }).fill('Does Jo get in?');
  await expect(page.getByRole('listitem', { name: /^Slide 3, Question: Does Jo get in\?/ })).toBeVisible();

  // Reorder from the keyboard: focus "Move slide 3 up" and press Enter
  await page.getByRole('button', { name: 'Move slide 3 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: /^Slide 2, Question/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move slide 2 up' })).toBeFocused();
  // …and by dragging the scenario back above it
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  const target = page.getByRole('listitem', { name: /^Slide 2, Question/ });
  await page.getByTestId('drag-2').dispatchEvent('dragstart', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('listitem', { name: /^Slide 2, Scenario/ })).toBeVisible();

  // The draft survives a reload
  await page.reload();
  await expect(page.getByLabel('Lesson title')).toHaveValue('Trust basics');

  // Export
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON file' }).click()]);
  expect(download.suggestedFilename()).toBe('trust-basics.lesson.json');
  const exported = testInfo.outputPath('trust-basics.lesson.json');
  await download.saveAs(exported);
  const json = JSON.parse(readFileSync(exported, 'utf8'));
  expect(json.slides.map((s: { kind: string }) => s.kind)).toEqual(['note', 'scenario', 'question']);

  // A bad import is refused with located errors, the draft untouched
  const bad = testInfo.outputPath('bad.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(bad, '{\n  "format": "sts-lesson/v1",\n  "id": "x",\n  "title": oops\n}');
  await page.getByLabel('Lesson file to import').setInputFiles(bad);
  await expect(page.locator('.cr-issues-box--error')).toContainText('Your draft is unchanged');
  await expect(page.getByTestId('import-issues')).toContainText('(file) (line 4, column 12): not valid JSON');
  await expect(page.getByLabel('Lesson title')).toHaveValue('Trust basics');
  // A good import replaces the draft
  await page.getByLabel('Lesson file to import').setInputFiles(path.resolve('content/lessons/federation-saml-oidc.json'));
  await expect(page.getByLabel('Lesson title')).toHaveValue('Federation with SAML and OIDC');
  await expect(page.locator('.cr-issues-box--error')).toHaveCount(0);
  await page.getByLabel('Lesson file to import').setInputFiles(exported);
  await expect(page.getByLabel('Lesson title')).toHaveValue('Trust basics');

  // Share: the link presents the same lesson, from the URL alone
  await page.getByRole('button', { name: 'Make a share link' }).click();
  const share = await page.getByLabel(/Share link/).inputValue();
  expect(share).toMatch(/\/classroom\/present\/#lesson=[\w-]+$/);
  await page.evaluate(() => localStorage.clear());
  await page.goto(share);
  await keysReady(page);
  await expect(page.locator('h1')).toHaveText('Trust basics');
  // The key handler is attached just after the first render: retry until the press lands, once.
  const nextTitle = "Cross-account: the trust policy and the caller's policy must both allow";
  await expect(async () => {
    if ((await slideTitle(page).textContent()) !== nextTitle) await page.keyboard.press('ArrowRight');
    await expect(slideTitle(page)).toHaveText(nextTitle, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.locator('.cr-call__step')).toHaveText('Step 1 of 1 · kim');
});
