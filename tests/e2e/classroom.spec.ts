import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchErrors } from './helpers';

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
  await expect(page.locator('.cr-question__stem')).toContainText('Lee calls AssumeRole');
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

test('a lab on a slide: the room gets its goal and a link, R reveals the hints one by one, then the solution', async ({ page }) => {
  // Issue #14: "the classroom can put a lab on a slide for the room to solve".
  const l = JSON.parse(readFileSync(path.join(process.cwd(), 'content/labs/cross-account-external-id.json'), 'utf8')) as { title: string; idea: string; hints: string[]; goal: { text: string }[] };
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/classroom/present/?lesson=${lesson}&slide=8`);
  await keysReady(page);
  await expect(slideTitle(page)).toHaveText(`Lab: ${l.title}`);
  await expect(page.getByText(l.idea)).toBeVisible();
  for (const g of l.goal) await expect(page.locator('.cr-lab__goal')).toContainText(g.text.replace(/`/g, ''));
  const link = page.getByRole('complementary', { name: 'Solve this lab' }).getByRole('link');
  await expect(link).toHaveAttribute('href', '/labs/cross-account-external-id/');
  await expect(page.getByTestId('lab-qr')).toBeVisible();
  await expectNoAxeViolations(page, 'lab slide');
  await page.screenshot({ path: test.info().outputPath('lab-slide-1280x720.png') });
  // When the presenter presses R, one hint per press, announced
  await page.keyboard.press('r');
  await expect(page.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('announcer')).toContainText(`Hint 1 of ${l.hints.length}`);
  for (let i = 1; i < l.hints.length; i++) await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(l.hints.length);
  await expect(page.getByRole('heading', { name: 'Solution' })).toHaveCount(0);
  // Then the last reveal shows the solution, and Left hides it again
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { name: 'Solution' })).toBeVisible();
  await expect(page.getByTestId('announcer')).toContainText('Solution revealed');
  await page.screenshot({ path: test.info().outputPath('lab-slide-solution-1280x720.png') });
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { name: 'Solution' })).toHaveCount(0);
  // And the link takes the room to the lab
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: l.title })).toBeVisible();
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

/** Whether the middle of an element is what the user sees there (not covered by a sticky bar or a layer). */
const onTop = (l: Locator) =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.bottom > 0 && r.top < window.innerHeight && !!hit && el.contains(hit);
  });

test('presenting on a 1366×768 laptop: controls stay in view, text and policy are whole, blank covers the window', async ({ page, context }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Given the presenter on the two-step scenario slide
  await page.goto(`/classroom/present/?lesson=${lesson}&slide=2`);
  await keysReady(page);
  // The site's header and footer make way for the deck; the skip link still leads to main
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');

  // The trust policy is whole (closing brace included) in a named region the keyboard can focus
  const policy = page.getByRole('region', { name: /^Trust policy of SharedServices/ });
  expect(await policy.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  await policy.focus();
  await expect(policy).toBeFocused();

  // When they press → twelve times (into the second step's checks)
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.cr-call__step')).toContainText('Step 2 of 2');
  await expect(checksShown(page)).toHaveCount(4);
  // Then Back, the counter and Next are still on screen and not covered
  for (const name of ['Back', 'Next', 'Reveal']) expect(await onTop(page.getByRole('button', { name, exact: false }).first()), name).toBe(true);
  expect(await onTop(page.locator('.cr-counter'))).toBe(true);
  // And no check's text is cut to one line: the newest in full, earlier ones wrap (two lines at most)
  const reasons = page.locator('.cr-stage .cr-gate:not(.cr-gate--pending) .cr-gate__reason');
  const overflow = await reasons.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  expect(overflow).toEqual([]);
  const newest = page.locator('.cr-gate--latest .cr-gate__reason');
  expect(await newest.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  expect(await onTop(page.locator('.cr-gate--latest'))).toBe(true);
  await expectNoAxeViolations(page, 'presenter, second step');

  // B blanks the whole window (the toolbar too), with a focused button to bring the slide back
  await page.keyboard.press('b');
  const blank = page.getByTestId('blank-screen');
  expect(await blank.boundingBox()).toEqual({ x: 0, y: 0, width: 1366, height: 768 });
  expect(await page.evaluate(() => !!document.elementFromPoint(683, 20)?.closest('[data-testid="blank-screen"]'))).toBe(true);
  const show = page.getByRole('button', { name: 'Show the slide (B)' });
  await expect(show).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(blank).toHaveCount(0);

  // A question is numbered among the lesson's questions
  await page.goto(`/classroom/present/?lesson=${lesson}&slide=3`);
  await keysReady(page);
  await expect(slideTitle(page)).toHaveText('Question 1 of 3');

  // The audience window (projected) shows no site header; its bar and the newest check stay in view; blank is full-window
  const audience = await context.newPage();
  await audience.setViewportSize({ width: 1366, height: 768 });
  const audienceErrors = watchErrors(audience);
  await audience.goto(`/classroom/audience/?lesson=${lesson}`);
  await expect(audience.getByRole('status')).toHaveText('Following the presenter.');
  await expect(audience.locator('.site-header')).toBeHidden();
  await page.bringToFront();
  await page.keyboard.press('ArrowLeft');
  await expect(slideTitle(audience)).toHaveText('Jo is trusted, Kim is trusted and allowed');
  expect(await onTop(audience.locator('.cr-audience__bar h1'))).toBe(true);
  await page.keyboard.press('b');
  await expect(audience.getByTestId('blank-screen')).toBeVisible();
  expect(await audience.getByTestId('blank-screen').boundingBox()).toEqual({ x: 0, y: 0, width: 1366, height: 768 });
  await expectNoAxeViolations(audience, 'audience');
  expect(errors).toEqual([]);
  expect(audienceErrors).toEqual([]);
});

test('the builder asks before replacing an edited draft, offers Undo, and names leftover starting text', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/classroom/build/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  // A fresh draft is valid but still the starting text: the builder says where, not "complete"
  await expect(page.getByTestId('starter-text')).toContainText('Slide 1 (note): title and text');
  await expect(page.getByText(/This lesson is complete/)).toHaveCount(0);

  // Given an edited draft
  await page.getByLabel('Lesson title').fill('Trust basics');
  // When "New empty lesson" is pressed from the keyboard, an in-page question appears, focus on "Keep my draft"
  await page.getByRole('button', { name: 'New empty lesson' }).focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('alertdialog', { name: 'Replace your draft?' });
  await expect(ask).toContainText('“Trust basics”');
  await expect(ask.getByRole('button', { name: 'Keep my draft' })).toBeFocused();
  await expectNoAxeViolations(page, 'builder asking');
  // Escape keeps the draft and returns focus
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(page.getByLabel('Lesson title')).toHaveValue('Trust basics');
  await expect(page.getByRole('button', { name: 'New empty lesson' })).toBeFocused();
  // Copy into the draft, confirmed from the keyboard, replaces it; Undo brings it back
  await page.getByRole('button', { name: 'Copy into the draft' }).focus();
  await page.keyboard.press('Enter');
  await expect(ask.getByRole('button', { name: 'Keep my draft' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Replace the draft' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Lesson title')).toHaveValue('Cross-account access with ExternalId');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Lesson title')).toHaveValue('Trust basics');
  await expect(page.getByTestId('status-lesson')).toHaveText('Undone: your earlier draft is back.');

  // Present this lesson goes straight to the presenter, no share link needed
  await page.getByRole('link', { name: 'Present this lesson' }).click();
  await keysReady(page);
  await expect(page.locator('h1')).toHaveText('Trust basics');
  expect(errors).toEqual([]);
});
