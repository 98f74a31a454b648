import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchErrors } from './helpers';

const outcome = (page: Page) => page.getByRole('region', { name: 'Outcome' });
const outcomeItem = (page: Page, n: number) => outcome(page).getByRole('listitem').nth(n - 1);

/** Opens a built-in scenario and waits for its results. */
async function open(page: Page, id = 'cross-account-external-id') {
  await page.goto(`/simulator/?scenario=${id}`);
  await expect(outcome(page).getByRole('listitem').first()).toBeVisible();
}

test('opens a built-in scenario by id and lists every step outcome', async ({ page }) => {
  const errors = watchErrors(page);
  // When a reader opens the ExternalId scenario by its id
  await open(page);
  // Then its title and each step's result are shown as text
  await expect(page.getByRole('heading', { level: 2, name: 'A vendor role guarded by an ExternalId' })).toBeVisible();
  await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
  await expect(outcomeItem(page, 2)).toContainText('AccessDenied');
  await expect(outcomeItem(page, 3)).toContainText('Credentials issued, expires 2026-01-01T01:00:00Z');
  await expect(outcomeItem(page, 4)).toContainText('Allow');
  // And the first step explains the denial with AWS's words and the reason, linking to the notes
  await expect(page.getByRole('heading', { name: 'What AWS tells you' })).toBeVisible();
  await expect(page.getByText('is not authorized to perform: sts:AssumeRole', { exact: false }).first()).toBeVisible();
  await expect(page.locator('.denial__why a[href="/notes/external-id/#how-sts-checks-it"]')).toBeVisible();
  await expect(page.getByText('aws sts assume-role', { exact: false })).toBeVisible();

  // An unknown id says so and offers the library
  await page.goto('/simulator/?scenario=no-such-scenario');
  await expect(page.getByText('There is no built-in scenario "no-such-scenario"')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search scenarios' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('picks a scenario from the library by search and tag', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Scenarios and templates' }).click();
  await page.getByRole('searchbox', { name: 'Search scenarios' }).fill('chaining');
  await page.getByRole('combobox', { name: 'Tag' }).selectOption('duration');
  await page.getByRole('link', { name: 'Role chaining is capped at one hour' }).click();
  await expect(page).toHaveURL(/\?scenario=role-chaining-one-hour$/);
  await expect(outcome(page)).toContainText('ValidationError');
  // A template starts a new scenario that already runs
  await page.getByRole('button', { name: 'Scenarios and templates' }).click();
  await page.getByRole('button', { name: 'OIDC (GitHub Actions)' }).click();
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');
  await expect(page.getByRole('heading', { level: 2, name: 'My GitHub Actions OIDC role' })).toBeVisible();
});

test('edits to an error and back, in the form and in the JSON, and keeps the draft over a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  // Given step 1 is denied for want of an ExternalId
  await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
  // When the form passes the right ExternalId, it succeeds at once
  await page.getByLabel('ExternalId', { exact: true }).fill('Cust-7f3a9c21');
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');
  // And a DurationSeconds above the role's maximum is STS's ValidationError
  await page.getByLabel('DurationSeconds', { exact: true }).fill('7200');
  await expect(outcomeItem(page, 1)).toContainText('ValidationError');
  await page.getByLabel('DurationSeconds', { exact: true }).fill('');
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');

  // When the JSON is broken by a typo
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: 'Scenario JSON' });
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('x');
  // Then the problem is listed and marked inline, and the last valid results stay, marked as such
  await expect(page.getByText('1 problem in the scenario')).toBeVisible();
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(outcome(page)).toContainText('these results are from the last valid version of this scenario (“A vendor role guarded by an ExternalId”)');

  // And a reload loses nothing: the broken text is still there
  await page.reload();
  await expect(page.getByText('1 problem in the scenario')).toBeVisible();
  await expect(page.getByText('your earlier edits were restored')).toBeVisible();

  // When the typo is removed, the run is current again
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByRole('textbox', { name: 'Scenario JSON' }).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Delete');
  await expect(page.getByText('1 problem in the scenario')).toHaveCount(0);
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');

  // A path problem lands on its value
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByLabel('RoleSessionName', { exact: true }).fill('');
  await page.getByRole('tab', { name: 'JSON' }).click();
  await page.getByRole('textbox', { name: 'Scenario JSON' }).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(' "typo": 1,');
  await expect(page.getByRole('button', { name: /typo.*unknown field "typo"/ })).toBeVisible();
  // Revert brings the file back
  await page.getByRole('button', { name: 'Revert changes' }).click();
  await expect(page.getByText('problem in the scenario')).toHaveCount(0);
  await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
  expect(errors).toEqual([]);
});

test('applies a suggested fix with one click', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Apply: Pass the ExternalId the trust policy expects ("Cust-7f3a9c21")' }).click();
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');
  await expect(page.getByText('Applied: Pass the ExternalId')).toBeVisible();
  // Focus moves to the step's new result instead of falling back to the page
  await expect(page.locator('#step-title')).toBeFocused();
  // The file's expect still says AccessDenied: the page says so without calling it a failure
  await expect(page.getByRole('heading', { name: 'Differs from the file’s expect' })).toBeVisible();
});

test('a fix that goes around the MFA condition is flagged and listed last', async ({ page }) => {
  await open(page, 'mfa-protected-role');
  const fixes = page.locator('.fixes li');
  await expect(fixes.first()).toContainText('Sign the call with MFA');
  await expect(fixes.last()).toContainText('Weakens security:');
  await expect(fixes.last()).toContainText('aws:MultiFactorAuthPresent');
});

test('steps through by keyboard, plays and pauses, with a shortcut overlay', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  const player = page.getByRole('group', { name: 'Playback' });
  for (const name of ['Restart', 'Step back', 'Play', 'Step forward']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(player).toContainText('Step 1 of 4');
  // When the reader presses → twice with no field focused
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // Then step 3 is current, in the player, the Outcome list and the live trace
  await expect(player).toContainText('Step 3 of 4');
  await expect(outcomeItem(page, 3).getByRole('button')).toHaveAttribute('aria-current', 'step');
  await expect(page.locator('[aria-live="polite"].trace')).toContainText('Step 3 of 4: AssumeRole (right-external-id).');
  await expect(page.getByText('AccessKeyId')).toBeVisible();
  // ← goes back
  await page.keyboard.press('ArrowLeft');
  await expect(player).toContainText('Step 2 of 4');
  // K plays, and the button becomes Pause; K again pauses
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // The buttons work from the keyboard too
  await page.getByRole('button', { name: 'Restart', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(player).toContainText('Step 1 of 4');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Step forward', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(player).toContainText('Step 2 of 4');
  // ? opens the overlay, Escape closes it and focus returns
  await page.locator('body').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('plays to the end, whole steps at a time with reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // No half-lit pipeline: each step appears complete
  await expect(page.locator('.gate--pending')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Playback' })).toContainText('Step 4 of 4', { timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('a share link carries the edited scenario to a fresh browser', async ({ page, browser }) => {
  await open(page);
  await page.getByLabel('ExternalId', { exact: true }).fill('Cust-7f3a9c21');
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/simulator\/#s=[A-Za-z0-9_-]+$/);
  // Editing after sharing hides the link, which would no longer hold the scenario
  await page.getByLabel('ExternalId', { exact: true }).fill('Cust-7f3a9c2');
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveCount(0);

  // A reader with no drafts of their own opens it
  const other = await browser.newContext();
  const page2 = await other.newPage();
  const errors = watchErrors(page2);
  await page2.goto(link);
  await expect(outcomeItem(page2, 1)).toContainText('Credentials issued');
  await expect(page2.getByText(/My scenarios: “.*” \(opened from a link\)/)).toBeVisible();
  await expect(page2.getByLabel('ExternalId', { exact: true })).toHaveValue('Cust-7f3a9c21');
  // A damaged link says so instead of failing silently
  await page2.goto('/simulator/#s=AAAA');
  await expect(page2.getByText('The link is damaged')).toBeVisible();
  expect(errors).toEqual([]);
  await other.close();
});

test('importing an invalid file gives a located error and loses nothing', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await page.getByLabel('ExternalId', { exact: true }).fill('Cust-7f3a9c21');
  const input = page.getByLabel('Import a scenario file');
  // When the file is not JSON
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "sts-scenario/v1",\n  "id": oops\n}') });
  // Then the error says where, and the scenario is untouched
  await expect(page.getByText(/broken\.json is not valid JSON at line 3, column \d+\. Nothing was changed/)).toBeVisible();
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');
  // When the file is JSON but not a valid scenario
  const bad = { format: 'sts-scenario/v1', id: 'bad', title: 'Bad', world: {}, steps: [{ call: 'AssumeRoll' }] };
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad, null, 2)) });
  await expect(page.getByText('bad.json is not a valid scenario (1 problem). Nothing was changed')).toBeVisible();
  await expect(page.getByText(/Line 8: steps\[0\]\.call: expected one of AssumeRole/)).toBeVisible();
  await expect(page.getByLabel('ExternalId', { exact: true })).toHaveValue('Cust-7f3a9c21');
  // And a valid file opens
  const good = { format: 'sts-scenario/v1', id: 'mine', title: 'Mine', world: { accounts: [{ id: '111111111111' }], users: [{ arn: 'arn:aws:iam::111111111111:user/me' }] }, steps: [{ as: { user: 'arn:aws:iam::111111111111:user/me' }, call: 'GetCallerIdentity' }] };
  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(outcomeItem(page, 1)).toContainText('Caller is arn:aws:iam::111111111111:user/me');
  expect(errors).toEqual([]);
});

test('adds a role from aws iam get-role output (URL-encoded trust policy)', async ({ page }) => {
  await open(page);
  await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }] };
  const getRole = {
    Role: {
      Path: '/',
      RoleName: 'VendorAudit',
      RoleId: 'AROAVENDORAUDIT000001',
      Arn: 'arn:aws:iam::222222222222:role/VendorAudit',
      CreateDate: '2025-06-01T12:00:00+00:00',
      AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)),
      MaxSessionDuration: 7200,
    },
  };
  await page.getByRole('button', { name: 'Add from AWS CLI output' }).click();
  await page.getByLabel('AWS CLI output', { exact: true }).fill(JSON.stringify(getRole, null, 2));
  await expect(page.getByText('Recognised aws iam get-role output for role arn:aws:iam::222222222222:role/VendorAudit')).toBeVisible();
  await page.getByRole('button', { name: 'Add to world' }).click();
  await expect(page.getByText('Updated role VendorAudit: trust policy, MaxSessionDuration 7200')).toBeVisible();
  // The trust policy no longer asks for an ExternalId: step 1 now succeeds
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');
  await expect(page.getByLabel('MaxSessionDuration (seconds)')).toHaveValue('7200');
  // Pasting something else is refused with the reason
  await page.getByRole('button', { name: 'Add from AWS CLI output' }).click();
  await page.getByLabel('AWS CLI output', { exact: true }).fill('{"Policy": {"Arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}');
  await page.getByRole('button', { name: 'Add to world' }).click();
  await expect(page.locator('.form-error')).toContainText('get-policy-version');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`stays accessible in every state (${colorScheme})`, async ({ page }) => {
    // Full axe scans of a large page (diagram, editor, library with My scenarios) take a while.
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme });
    await open(page, 'web-identity-then-chain');
    // A step mid-way, an error notice, the library, the JSON editor with a problem, and the diagram, at once
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await page.getByLabel('Import a scenario file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
    await expect(page.getByText('x.json is not valid JSON')).toBeVisible();
    await page.getByRole('button', { name: 'Scenarios and templates' }).click();
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.getByRole('textbox', { name: 'Scenario JSON' }).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('x');
    await expect(page.getByText('1 problem in the scenario')).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(page.getByText('1 problem in the scenario')).toHaveCount(0);
    await page.getByRole('heading', { name: 'Sequence' }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('img', { name: /Sequence diagram of 3 steps/ })).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('Control+End');
    await page.keyboard.type('x');
    await expect(page.getByText('1 problem in the scenario')).toBeVisible();
    await expectNoAxeViolations(page, 'notice, library, editor with a problem, diagram');
    // The CLI import panel, mid-play, and the shortcut dialog
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Add from AWS CLI output' }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Shortcuts' }).click();
    await expectNoAxeViolations(page, 'import panel, paused mid-step, shortcuts dialog');
    expect(errors).toEqual([]);
  });
}

test('fits a 360px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page);
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario JSON' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the first load does not shift the layout (CLS under 0.1 on a phone)', async ({ page }) => {
  // Given a phone-sized window that records every layout shift from the start
  await page.setViewportSize({ width: 412, height: 823 });
  await page.addInitScript(() => {
    (window as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // When the simulator opens its default scenario and the editor mounts
  await page.goto('/simulator/');
  await expect(page.getByRole('region', { name: 'Outcome' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sequence' })).toBeAttached();
  await page.waitForTimeout(500);
  // Then the page moved less than "good" CLS allows
  expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.1);
});

test('a plain visit paints the default scenario from the HTML; any other address hides that preview', async ({ page }) => {
  // Given the HTML of /simulator/ as the server sends it (before any script runs)
  const html = await (await page.request.get('/simulator/')).text();
  // Then it already holds the default scenario's title and every step's outcome, made at build time
  expect(html).toContain('A vendor role guarded by an ExternalId');
  expect(html.match(/class="outcome__item"/g)?.length).toBe(4);
  // When the page opens another scenario by its address
  await page.goto('/simulator/?scenario=mfa-protected-role');
  // Then the preview was marked hidden before it painted, and the scenario asked for is what shows
  expect(await page.evaluate(() => document.documentElement.classList.contains('sim-no-preview'))).toBe(true);
  await expect(page.getByRole('heading', { level: 2, name: 'A role that can only be assumed with MFA' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'A vendor role guarded by an ExternalId' })).toHaveCount(0);
});
