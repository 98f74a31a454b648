import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, switchSystemTheme, watchCsp, watchErrors, watchOffOrigin } from './helpers';
import { navItems } from '../../components/layout/nav';
import { missingPath, routes, type RouteUnderTest } from './routes';

// Every test here loads its own page in its own context: they may run on any worker, in any order.
test.describe.configure({ mode: 'parallel' });

test('every header nav entry is in the list of tested routes', () => {
  const tested = new Set(routes.map((r) => r.path));
  for (const item of navItems) expect(tested.has(item.href), `${item.href} missing from tests/e2e/routes.ts`).toBe(true);
});

// Every route in the light theme; in the dark theme every route except the individual study
// notes, which share one layout and stylesheet: two stand for them (notes.spec.ts also checks
// their diagrams in both themes). This keeps the suite within its time budget.
const darkNoteSamples = new Set(['/notes/policy-evaluation/', '/notes/session-duration/']);
const inDark = (path: string) => !/^\/notes\/[^/?#]+\//.test(path) || darkNoteSamples.has(path);

/** The page's heading and the site's shell: header, main and footer, or for a deck main alone. */
async function expectShell(page: Page, route: RouteUnderTest) {
  await expect(page.locator('h1')).toContainText(route.heading);
  await expect(page.getByRole('main')).toBeVisible();
  if (route.bare) {
    // Presenting and projecting: the deck has the window, the skip link still leads to main
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
  } else {
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
  }
}

// One load per page serves every check. The dark theme is checked by switching the system theme
// on that load: the site follows the system through CSS media queries and matchMedia listeners
// (the head script only sets data-theme for a reader's own choice), so once the switch has
// settled (switchSystemTheme: diagrams redrawn, transitions over) the page is what a dark load
// shows. Console errors are collected over the whole visit, both themes.
for (const route of routes) {
  const themes = inDark(route.path) ? (['light', 'dark'] as const) : (['light'] as const);
  test(`${route.path} loads in ${themes.join(' and ')} theme with no axe violations, console errors, CSP violations or off-site requests`, async ({ page, baseURL }) => {
    // Each theme keeps the time budget a test of its own had.
    test.setTimeout(test.info().timeout * themes.length);
    // Given a reader whose system prefers the light theme
    await page.emulateMedia({ colorScheme: 'light' });
    const errors = watchErrors(page);
    const cspViolations = await watchCsp(page);
    const offSite = watchOffOrigin(page, baseURL!);
    // Next marks the payload requests of client-side navigations and prefetches with `_rsc=`.
    const payloads: string[] = [];
    page.on('request', (r) => /[?&]_rsc=/.test(r.url()) && payloads.push(new URL(r.url()).pathname));

    // When they open the page
    const response = await page.goto(route.path);

    // Then it is served, has its heading, the shell landmarks, and is accessible
    expect(response?.status(), `${route.path} status`).toBe(200);
    await expectShell(page, route);
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, `${route.path} (light)`);

    // And, when their system switches to the dark theme, the same holds in that theme
    if (themes.length > 1) {
      await switchSystemTheme(page, 'dark');
      await expectShell(page, route);
      await expectNoAxeViolations(page, `${route.path} (dark)`);
    }
    expect(errors, `${route.path} console errors`).toEqual([]);
    // And it works under the Content-Security-Policy it is served with, fetching nothing off the site
    expect(await cspViolations(), `${route.path} CSP violations`).toEqual([]);
    expect(offSite, `${route.path} requests off the site`).toEqual([]);
    // And loading it fetched no other page's payload: links do not prefetch (components/layout/Link.tsx)
    expect(payloads, `${route.path} prefetched`).toEqual([]);
  });
}

test('unknown paths show the 404 page in light and dark theme', async ({ page }) => {
  // scripts/serve.mjs answers unknown page paths with out/404.html and status 404, as a static host does.
  test.setTimeout(test.info().timeout * 2);
  await page.emulateMedia({ colorScheme: 'light' });
  const errors = watchErrors(page);
  const response = await page.goto(missingPath);
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('This page does not exist');
  await expect(page.getByRole('link', { name: 'Back to the home page' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expectNoAxeViolations(page, '404 (light)');
  await switchSystemTheme(page, 'dark');
  await expect(page.locator('h1')).toHaveText('This page does not exist');
  await expect(page.getByRole('link', { name: 'Back to the home page' })).toBeVisible();
  await expectNoAxeViolations(page, '404 (dark)');
  // Chromium reports the page's own 404 status as a console error; nothing else may fail
  expect(errors.filter((e) => !/status of 404/.test(e)), '404 console errors').toEqual([]);
});

test('the skip link is the first tab stop and moves focus to main', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main#main')).toBeFocused();
});

test('the theme choice is remembered across pages with no flash', async ({ page }) => {
  // Given a reader whose system prefers light
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBg = await bg();

  // When they choose the dark theme
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBg = await bg();
  expect(darkBg).not.toBe(lightBg);

  // Then a fresh load is dark before any script of ours hydrates (set in <head>)
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bg()).toBe(darkBg);
  await page.unroute('**/_next/static/**/*.js');

  // And choosing "System theme" follows the system again
  await page.reload();
  await page.getByRole('button', { name: 'System theme' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  expect(await bg()).toBe(lightBg);
});

