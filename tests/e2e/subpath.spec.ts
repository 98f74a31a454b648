import { expect, test, type Page } from '@playwright/test';

// The export built with BASE_PATH=/sts-sim (npm run build:subpath) and served under /sts-sim/,
// as GitHub Pages serves a project site. Every asset, link, fetch and share URL must stay
// inside the sub-path: a request outside it is a 404 there.
const base = '/sts-sim';

/** Collects every failed request and every request that left the sub-path. */
function watchRequests(page: Page): string[] {
  const bad: string[] = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (r.status() >= 400) bad.push(`${r.status()} ${url.pathname}`);
    else if (!url.pathname.startsWith(`${base}/`)) bad.push(`outside ${base}: ${url.pathname}`);
  });
  // Prefetches cut short by a navigation are aborted, not failed
  page.on('requestfailed', (r) => {
    if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) bad.push(`failed ${r.url()}`);
  });
  return bad;
}

test('the home page and its navigation work under a sub-path', async ({ page }) => {
  const bad = watchRequests(page);
  await page.goto(`${base}/`);
  await expect(page.locator('h1')).toBeVisible();
  await page.getByRole('banner').getByRole('link', { name: 'Notes', exact: true }).click();
  await expect(page).toHaveURL(`${base}/notes/`);
  await page.getByRole('main').getByRole('link', { name: 'Trust policies', exact: true }).first().click();
  await expect(page).toHaveURL(`${base}/notes/trust-policies/`);
  await expect(page.locator('h1')).toHaveText('Trust policies');
  // Links written in a note's markdown follow the base path too
  const noteLinks = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(noteLinks.filter((h) => !h?.startsWith(`${base}/`)), 'root links outside the base path').toEqual([]);
  await page.waitForLoadState('networkidle');
  expect(bad).toEqual([]);
});

test('notes search fetches its index and links under the sub-path', async ({ page }) => {
  const bad = watchRequests(page);
  await page.goto(`${base}/notes/`);
  await page.getByRole('searchbox', { name: 'Search the notes' }).fill('confused deputy');
  const hit = page.locator('.note-search__results a').filter({ hasText: 'External ID and the confused deputy' }).first();
  await expect(hit).toHaveAttribute('href', new RegExp(`^${base}/notes/external-id/`));
  await hit.click();
  await expect(page.locator('h1')).toHaveText('External ID and the confused deputy');
  expect(bad).toEqual([]);
});

test('the simulator loads a scenario and shares a link under the sub-path', async ({ page }) => {
  const bad = watchRequests(page);
  await page.goto(`${base}/simulator/?scenario=cross-account-external-id`);
  await expect(page.getByRole('region', { name: 'Outcome' }).getByRole('listitem').first()).toBeVisible();
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(new RegExp(`${base}/simulator/#s=[A-Za-z0-9_-]+$`));
  expect(bad).toEqual([]);
});

test('a plain visit of the simulator starts its static bundle under the sub-path, and links made after that keep it', async ({ page }) => {
  const bad = watchRequests(page);
  await page.goto(`${base}/simulator/`, { waitUntil: 'networkidle' });
  // When the reader's first move steps forward (React starts from /sts-sim/_static/simulator/)
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('#step-title')).toContainText('Step 2');
  // Then the links React draws for step 2 point inside the sub-path too
  const hrefs = await page.locator('#step-title').locator('xpath=ancestor::*[contains(@class, "step")][1]').getByRole('link', { name: /^Learn:/ }).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(new RegExp(`^${base}/notes/`));
  await page.waitForLoadState('networkidle');
  expect(bad).toEqual([]);
});

test('a classroom lesson fetches its scenarios under the sub-path', async ({ page }) => {
  const bad = watchRequests(page);
  await page.goto(`${base}/classroom/`);
  await page.getByRole('link', { name: /^Present / }).first().click();
  await expect(page).toHaveURL(new RegExp(`${base}/classroom/present/`));
  await page.waitForLoadState('networkidle');
  expect(bad).toEqual([]);
});

test('a note page loads its static bundle under the sub-path, never the Next.js runtime', async ({ page }) => {
  const bad = watchRequests(page);
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto(`${base}/notes/external-id/`);
  await page.getByRole('searchbox', { name: 'Search the notes' }).fill('chaining');
  await expect(page.locator('.note-search__results a').first()).toHaveAttribute('href', new RegExp(`^${base}/notes/`));
  const figure = page.locator('figure.diagram').first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.diagram__svg svg')).toBeVisible({ timeout: 20_000 });
  expect(scripts.some((s) => new RegExp(`^${base}/_static/notes/notes-[A-Z0-9]+\\.js$`).test(s)), `scripts: ${scripts.join(', ')}`).toBe(true);
  expect(scripts.filter((s) => s.includes('/_next/')), 'Next.js scripts').toEqual([]);
  expect(bad).toEqual([]);
});
