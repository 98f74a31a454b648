import { expect, test, type Page } from '@playwright/test';

// The classroom on a real projector (1280x720): issue #16.
const lesson = 'cross-account-external-id';
const keysReady = (page: Page) => page.locator('html[data-deck-keys="ready"]').waitFor({ state: 'attached' });
const checksShown = (page: Page) => page.locator('.cr-stage .cr-gate:not(.cr-gate--pending)');

test.use({ viewport: { width: 1280, height: 720 } });

test('a projector at 1280x720: code at 20 px or more, ARNs wrapped, Reveal all in one key, each slide opens at its top', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Given the presenter on a scenario slide
  await page.goto(`/classroom/present/?lesson=${lesson}&slide=2`);
  await keysReady(page);
  await expect(page.getByText('Trust policy of SharedServices')).toBeVisible();
  // The trust policy and the call's ARNs are readable from the back of the room, and wrap
  const sizes = await page.locator('.cr-policy pre, .cr-fields code').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(20);
  const clipped = await page.locator('.cr-policy pre, .cr-fields code').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
  expect(clipped).toBe(0);

  // When the presenter presses A, every check of the slide shows at once
  await page.keyboard.press('a');
  await expect(page.locator('.cr-outcome').last()).toBeVisible();
  await expect(page.locator('.cr-stage .cr-gate--pending')).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

  // And the next slide opens at its top, its title in view under the toolbar
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.cr-stage h2')).toContainText('Question 1 of 3');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test('reloading the presenter keeps what was revealed', async ({ page }) => {
  await page.goto(`/classroom/present/?lesson=${lesson}&slide=2`);
  await keysReady(page);
  await page.waitForLoadState('networkidle');
  for (let i = 0; i < 3; i++) await page.keyboard.press('r');
  await expect(checksShown(page)).toHaveCount(3);
  await page.reload();
  await keysReady(page);
  await page.waitForLoadState('networkidle');
  await expect(checksShown(page)).toHaveCount(3);
});

test('students join with a QR code and a short link', async ({ page }) => {
  await page.goto(`/classroom/present/?lesson=${lesson}&slide=2`);
  await keysReady(page);
  await page.getByRole('button', { name: 'Student link' }).click();
  const qr = page.getByRole('img', { name: 'QR code of the student link' });
  await expect(qr).toBeVisible();
  expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
  await expect(page.getByTestId('student-short-link')).toHaveText(/^127\.0\.0\.1:\d+\/classroom\/student\/\?lesson=cross-account-external-id&slide=2$/);
});

test('a handout prints compactly (at most five A4 pages, aiming at four), with full note and lab URLs', async ({ page }) => {
  await page.goto(`/classroom/handout/?lesson=${lesson}`);
  await expect(page.locator('.cr-handout__slide')).not.toHaveCount(0);
  await expect(page.locator('.cr-loading')).toHaveCount(0);
  const sources = await page.locator('.cr-source a').allTextContents();
  expect(sources.length).toBeGreaterThan(0);
  // Note sources and the lab slide's "Solve it at" link print as full URLs
  for (const s of sources) expect(s).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(notes|labs)\//);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(0);
  // The issue aims at 4 pages a lesson; measured 15 before, 5 with the compact print styles on
  // 2026-12-03 (the tighter styles that followed were not measured yet): tighten to 4 once seen.
  expect(pages).toBeLessThanOrEqual(5);
});
