import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers';

// Issue #16: a plain visit of /simulator/ on a phone paints the build-time run of the default
// scenario and does only what that needs. The editor, the sequence and the timeline mount when the
// reader scrolls near them or starts using the page; the engine loads on the first press, key or
// focus. These tests check that whatever the reader does first still works, and nothing jumps.

const phone = { width: 412, height: 823 };
const outcomeItem = (page: Page, n: number) => page.getByRole('region', { name: 'Outcome' }).getByRole('listitem').nth(n - 1);
const form = (page: Page) => page.locator('#edit-panel-form');

/** Sums every layout shift not caused by input, from the first paint on (read it with `shifts`). */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const shifts = (page: Page) => page.evaluate(() => (window as unknown as { cls: number }).cls);

test('on a phone, the editor mounts as the reader scrolls down to it, and nothing on screen moves', async ({ page }) => {
  const errors = watchErrors(page);
  // Given a phone, on a plain visit
  await page.setViewportSize(phone);
  await recordShifts(page);
  await page.goto('/simulator/');
  await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
  // Then the editor, far below the run, is still its placeholder
  await expect(page.locator('.sim-edit')).toContainText('Loading the editor…');
  await expect(form(page)).toHaveCount(0);
  // When the reader scrolls down with the wheel (no press, no key)
  for (let i = 0; i < 30 && (await form(page).count()) === 0; i++) {
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(100);
  }
  // Then the Form is there by the time the Edit heading is in view
  await page.getByRole('heading', { level: 2, name: 'Edit' }).scrollIntoViewIfNeeded();
  await expect(form(page).getByLabel('Step to edit')).toBeVisible();
  // And the sequence and timeline below it came too
  await expect(page.getByRole('region', { name: 'Sessions over time' })).not.toContainText('Loading the timeline…');
  // And nothing the reader could see moved on the way
  await page.waitForTimeout(300);
  expect(await shifts(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('on a phone, a jump straight to the editor lands on a placeholder that holds the screen', async ({ page }) => {
  await page.setViewportSize(phone);
  await recordShifts(page);
  await page.goto('/simulator/');
  await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
  // When the page jumps to Edit (as a script or an in-page link would, without a press or key)
  await page.evaluate(() => document.getElementById('edit-title')?.scrollIntoView({ block: 'start' }));
  // Then the Form arrives in place, and what is below it moves only out of sight
  await expect(form(page).getByLabel('Step to edit')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await shifts(page)).toBe(0);
});

test('on a phone, the first edit of a plain visit runs (the engine loads on the first interaction)', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize(phone);
  await page.goto('/simulator/');
  await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
  // When the reader scrolls to the Form and gives step 1 the ExternalId the trust policy expects
  await page.getByRole('heading', { level: 2, name: 'Edit' }).scrollIntoViewIfNeeded();
  await form(page).getByLabel('ExternalId').fill('Cust-7f3a9c21');
  // Then the engine runs the changed scenario: step 1 now succeeds
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');
  await expect(page.getByText('Loading the simulator to run your change')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a plain visit offers the build-time fixes of the failed step, and Apply runs the engine', async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto('/simulator/');
  // Given the fixes the build computed for step 1 (as the engine in the browser would)
  const apply = page.getByRole('button', { name: 'Apply: Pass the ExternalId the trust policy expects ("Cust-7f3a9c21")' });
  await expect(apply).toBeVisible();
  // When the reader applies one before anything else
  await apply.click();
  // Then the engine loads and runs the patched scenario
  await expect(outcomeItem(page, 1)).toContainText('Credentials issued');
  await expect(page.getByText('Applied: Pass the ExternalId')).toBeVisible();
  await expect(page.locator('#step-title')).toBeFocused();
});

test('on a phone, a link to a step of the default scenario still lands on and focuses that step', async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto('/simulator/?scenario=cross-account-external-id&step=right-external-id');
  await expect(page.locator('#step-title')).toBeFocused();
  await expect(page.locator('#step-title')).toContainText('Step 3');
  // And the step's title is in view, not under the sticky player
  const top = await page.locator('#step-title').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(phone.height / 2);
});
