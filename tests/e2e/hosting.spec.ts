import { expect, test, type Page } from '@playwright/test';
import { securityHeaders } from '../../scripts/security-headers.mjs';
import { watchCsp } from './helpers';
import { missingPath } from './routes';

// The browser tests are served with the security headers the README recommends
// (scripts/serve.mjs --headers); these tests check they arrive and that no page breaks under them.

test('pages arrive with the recommended security headers', async ({ page }) => {
  // When a reader opens the home page
  const response = await page.goto('/');
  // Then the CSP, nosniff and referrer policy are the ones the README documents
  const headers = response?.headers() ?? {};
  for (const [name, value] of Object.entries(securityHeaders)) expect(headers[name.toLowerCase()], name).toBe(value);
});

test('an unknown path answers 404 with the site’s not-found page', async ({ request, page }) => {
  const res = await request.get(missingPath);
  expect(res.status()).toBe(404);
  expect(await res.text()).toContain('This page does not exist');
  const asset = await request.get('/no-such-file.js');
  expect(asset.status()).toBe(404);
  await page.goto(missingPath);
  await expect(page.locator('h1')).toHaveText('This page does not exist');
});

// The interactive pages do the most under the policy: the simulator runs the engine, draws
// mermaid and loads CodeMirror; notes search fetches its index; the classroom fetches digests.
// pages.spec.ts watches for CSP violations on the load of every page in tests/e2e/routes.ts
// (/simulator/, /notes/assume-role/ and /quiz/practice/ among them); the pages below are not there.
const busyPages = [
  { path: '/classroom/present/?lesson=cross-account-external-id', ready: (p: Page) => expect(p.locator('h1, h2').first()).toBeVisible() },
];

for (const { path, ready } of busyPages) {
  test(`${path} works under the Content-Security-Policy with no violation`, async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto(path);
    await ready(page);
    await page.waitForLoadState('networkidle');
    expect(await violations(), `${path} CSP violations`).toEqual([]);
  });
}
