import { readdirSync } from 'node:fs';
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

// Every lesson, not one: the issue measured 12 and 15 pages with a half-empty first page.
const lessons = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
// A4 less the print margins of app/classroom/classroom.css (8 mm top and bottom, 10 mm at the sides), in CSS px.
const mm = 96 / 25.4;
const printable = { width: Math.round((210 - 20) * mm), height: Math.round((297 - 16) * mm) };

for (const id of lessons) {
  test(`the ${id} handout prints on at most four A4 pages, with full URLs and a full first page`, async ({ page }) => {
    await page.goto(`/classroom/handout/?lesson=${id}`);
    await expect(page.locator('.cr-handout__slide')).not.toHaveCount(0);
    await expect(page.locator('.cr-loading')).toHaveCount(0);
    // Note sources and a lab's "Solve it at" link print as full URLs
    const sources = await page.locator('.cr-source a').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(notes|labs)\//);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    expect(pages, `${id}: A4 pages`).toBeLessThanOrEqual(4);
    // No half-empty first page: laid out at the printable width, nothing that may not break
    // (a check, an outcome, a policy) crosses the end of page 1 from its upper part, which would
    // push it whole to page 2 and leave the space above blank.
    await page.setViewportSize({ width: printable.width, height: printable.height });
    const pushed = await page.evaluate((h) => {
      const top = document.querySelector('.cr-handout')!.getBoundingClientRect().top + window.scrollY;
      return [...document.querySelectorAll('.cr-handout *')]
        .filter((el) => getComputedStyle(el).breakInside === 'avoid')
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.top + window.scrollY - top < h && r.bottom + window.scrollY - top > h)
        .map((r) => Math.round(r.top + window.scrollY - top));
    }, printable.height);
    for (const y of pushed) expect(y, `${id}: a block pushed to page 2 starts at ${y}px of ${printable.height}`).toBeGreaterThan(printable.height * 0.6);
  });
}
