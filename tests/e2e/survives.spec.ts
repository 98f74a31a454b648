import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchErrors } from './helpers';

// Issue #11: the page survives whatever the engine or stored data does, and no work is lost.

const outcome = (page: Page) => page.getByRole('region', { name: 'Outcome' });

/** Fails the test on any request that leaves the site's own origin. */
function watchOffOrigin(page: Page, base: string): string[] {
  const off: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) off.push(url);
  });
  return off;
}

/** Replaces the whole JSON in the editor, as a paste would. */
async function replaceJson(page: Page, text: string) {
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByRole('textbox', { name: 'Scenario JSON' });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

test('the 30-character share link (5,000 "[") shows a problem, not a dead page, now and on every later visit', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/simulator/#s=7cAxAQAAAMKgoPbvYYp9MAAAAAAgdw');
  // The engine reads any depth without recursing: a located problem, not a crash
  await expect(page.getByText('No outcome yet: the scenario has a problem')).toBeVisible();
  await expect(page.getByRole('button', { name: /Line 1 column 5001: not valid JSON/ })).toBeVisible();
  await expect(page.getByText("This page couldn't load")).toHaveCount(0);
  // The JSON tab shows the text, or (if the editor cannot show 5,000 levels) says so in its own part of the page
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByRole('textbox', { name: 'Scenario JSON' }).or(page.getByRole('heading', { name: /could not show/ }))).toBeVisible();
  await expect(outcome(page)).toBeVisible();
  // A plain visit later still gives a working page: the text is kept (never lost), the page never dead
  await page.goto('/simulator/');
  await expect(page.getByText("This page couldn't load")).toHaveCount(0);
  await expect(outcome(page)).toBeVisible();
  // React reports an error a boundary caught (an editor's stack overflow); nothing else may fail
  expect(errors.filter((e) => !e.includes('Maximum call stack size exceeded'))).toEqual([]);
});

test('an ordinary edit of decode-authorization-message ("error.encodedMessage" → "error") keeps the page, and reloads keep it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/simulator/?scenario=decode-authorization-message');
  await expect(outcome(page).getByRole('listitem').first()).toBeVisible();
  const res = await page.request.get('/simulator/scenarios/decode-authorization-message.json');
  const edited = (await res.text()).replaceAll('"path": "error.encodedMessage"', '"path": "error"');
  await replaceJson(page, edited);
  await expect(outcome(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Decoding the encoded message/ })).toBeVisible();
  // The edit is a copy in My scenarios; the address names it, so a reload shows it again
  await expect(page).toHaveURL(/\?mine=/);
  await page.reload();
  await expect(outcome(page)).toBeVisible();
  await expect(page.getByText("This page couldn't load")).toHaveCount(0);
  // The built-in's own link still opens the original
  await page.goto('/simulator/?scenario=decode-authorization-message');
  await expect(page.getByText('Built-in scenario')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a share link that inflates to 100 MB is refused with a clear message, and the tab lives', async ({ page }) => {
  const errors = watchErrors(page);
  // Given a ~100 kB link whose data inflates to 100 MB of "["
  const bomb = deflateRawSync(Buffer.alloc(100_000_000, '['), { level: 9 }).toString('base64url');
  expect(bomb.length).toBeLessThan(140_000);
  await page.goto(`/simulator/#s=${bomb}`);
  // Then it says why it was not opened, and the page works (the default scenario is shown)
  await expect(page.getByText(/more than 1 MB of scenario text once unpacked/)).toBeVisible();
  await expect(outcome(page).getByRole('listitem').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a mermaid directive in a RoleSessionName or a title makes no request off the site', async ({ page, baseURL }) => {
  const off = watchOffOrigin(page, baseURL!);
  const errors = watchErrors(page);
  const evil = '%%{init: {"themeCSS": "@import url(https://evil.example/x.css); .actor{background:url(https://evil.example/bg.png)}"}}%%';
  await page.goto('/simulator/?scenario=cross-account-external-id');
  await expect(outcome(page).getByRole('listitem').first()).toBeVisible();
  const res = await page.request.get('/simulator/scenarios/cross-account-external-id.json');
  const doc = JSON.parse(await res.text()) as { title: string; steps: { params?: Record<string, unknown> }[] };
  doc.title = `Directive ${evil}`;
  for (const s of doc.steps) if (s.params && 'RoleSessionName' in s.params) s.params.RoleSessionName = `a${evil}`;
  await replaceJson(page, JSON.stringify(doc, null, 2));
  await page.getByRole('heading', { name: 'Sequence' }).scrollIntoViewIfNeeded();
  await expect(page.locator('.diagram[data-state="ready"], .diagram[data-state="error"]').first()).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(500);
  expect(off).toEqual([]);
  expect(await page.locator('.diagram svg style').evaluateAll((els) => els.map((e) => e.textContent ?? '').join('\n'))).not.toContain('evil.example');
  expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
});

test('an edited scenario is never evicted by browsing many others (the old list kept 12)', async ({ page }) => {
  // Thirteen page loads and a full axe scan take a while on a loaded machine.
  test.setTimeout(120_000);
  await page.goto('/simulator/?scenario=cross-account-external-id');
  await page.getByLabel('ExternalId', { exact: true }).fill('Cust-7f3a9c21');
  await expect(page.getByText(/saved in this browser/)).toBeVisible();
  // When 13 other built-ins are opened
  await page.getByRole('button', { name: 'Scenarios and templates' }).click();
  const ids = await page.locator('#sim-library .library__list a[href*="?scenario="]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('scenario')!));
  for (const id of ids.filter((i) => i !== 'cross-account-external-id').slice(0, 13)) {
    await page.goto(`/simulator/?scenario=${id}`);
    await expect(page.getByText('Built-in scenario')).toBeVisible();
  }
  // Then the edit is still in My scenarios, and opens with the edit
  await page.getByRole('button', { name: 'Scenarios and templates' }).click();
  const mine = page.locator('.my');
  await expect(mine.getByRole('link', { name: 'A vendor role guarded by an ExternalId' })).toBeVisible();
  await mine.getByRole('link', { name: 'A vendor role guarded by an ExternalId' }).click();
  await expect(page.getByText(/your earlier edits were restored/)).toBeVisible();
  await expect(outcome(page).getByRole('listitem').first()).toContainText('Credentials issued');
  await expectNoAxeViolations(page, 'simulator with My scenarios');
});

test('My scenarios: rename, duplicate, delete with Undo', async ({ page }) => {
  await page.goto('/simulator/?scenario=cross-account-external-id');
  await page.getByLabel('ExternalId', { exact: true }).fill('x1');
  await page.getByRole('button', { name: 'Scenarios and templates' }).click();
  const mine = page.locator('.my');
  await mine.getByRole('button', { name: /^Rename / }).click();
  await mine.getByRole('textbox', { name: 'New name' }).fill('My vendor test');
  await mine.getByRole('button', { name: 'Save name' }).click();
  await expect(mine.getByRole('link', { name: 'My vendor test' })).toBeVisible();
  await mine.getByRole('button', { name: 'Duplicate My vendor test' }).click();
  await expect(mine.getByRole('link', { name: 'My vendor test (copy)' })).toBeVisible();
  await mine.getByRole('button', { name: 'Delete My vendor test (copy)' }).click();
  await expect(mine.getByRole('link', { name: 'My vendor test (copy)' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.my').getByRole('link', { name: 'My vendor test (copy)' })).toBeVisible();
});

test('two tabs: an edit in one tab reaches the other on the storage event instead of being overwritten', async ({ context }) => {
  const a = await context.newPage();
  await a.goto('/simulator/?scenario=cross-account-external-id');
  await a.getByLabel('ExternalId', { exact: true }).fill('from-A');
  await expect(a).toHaveURL(/\?mine=/);
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(b.getByLabel('ExternalId', { exact: true })).toHaveValue('from-A');
  // When tab A edits again
  await a.getByLabel('ExternalId', { exact: true }).fill('from-A-later');
  // Then tab B shows the newest version and says so
  await expect(b.getByLabel('ExternalId', { exact: true })).toHaveValue('from-A-later');
  await expect(b.getByText('This scenario was changed in another tab')).toBeVisible();
});

test('a lesson-builder draft with wrong field types or a newer format is kept aside, not crashed on', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/classroom/build/');
  // Once the builder has saved its own fresh draft (it writes only on change after that), plant the broken one
  await expect.poll(() => page.evaluate(() => localStorage.getItem('sts-classroom-draft'))).not.toBeNull();
  const broken = JSON.stringify({ format: 'sts-lesson/v1', title: 5, slides: [{ kind: 'note', title: {}, text: [] }] });
  await page.evaluate((v) => localStorage.setItem('sts-classroom-draft', v), broken);
  for (let visit = 0; visit < 2; visit++) {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Build a lesson' })).toBeVisible();
  }
  expect(await page.evaluate(() => localStorage.getItem('sts-classroom-draft:aside'))).toBe(broken);
  // A newer format is kept aside the same way
  const newer = JSON.stringify({ format: 'sts-lesson/v9', title: 'Future', slides: [{ kind: 'poll' }] });
  await page.evaluate((v) => {
    localStorage.removeItem('sts-classroom-draft:aside');
    localStorage.setItem('sts-classroom-draft', v);
  }, newer);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText('sts-lesson/v9');
  await expect(page.getByRole('button', { name: 'Download the saved draft' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('sts-classroom-draft:aside'))).toBe(newer);
  await expectNoAxeViolations(page, 'builder with a draft kept aside');
  expect(errors).toEqual([]);
});
