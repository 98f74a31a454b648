import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, nextStarted, switchSystemTheme, watchCsp, watchErrors, watchNextChunks } from './helpers';
import { routes } from './routes';

/** True when React or the Next.js runtime started on the page (React runs only with it there). */
const runtimeStarted = nextStarted;

/** Presses every "Draw the diagram" button once the page can handle it (buttons start disabled). */
async function drawAll(page: Page) {
  await page.waitForFunction(() => document.querySelectorAll('.diagram__draw[disabled]').length === 0);
  await page.locator('.diagram__draw').evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLButtonElement).click()));
}

test.describe('a note without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('reads in full: text, tables, scenario outcomes, diagram text, links', async ({ page }) => {
    // Given a reader whose browser runs no JavaScript
    // When they open a note
    await page.goto('/notes/assume-role/');

    // Then the whole note is there as static HTML
    await expect(page.locator('h1')).toHaveText('AssumeRole: same account and cross account');
    await expect(page.getByRole('heading', { name: 'Cross account', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recap' })).toBeVisible();

    // And the embedded scenario shows the engine's outcomes and the link to try it
    const scenario = page.locator('section.scenario').filter({ hasText: 'Cross-account: the trust policy' });
    await expect(scenario.locator('.badge').first()).toHaveText(/AccessDenied/);
    await expect(scenario.locator('.badge--success').first()).toBeVisible();
    await expect(scenario.getByRole('link', { name: /Try it in the simulator/ })).toHaveAttribute('href', '/simulator/?scenario=cross-account-both-sides');

    // And the trace opens without script (native <details>)
    await scenario.locator('summary').first().click();
    await expect(scenario.locator('.trace li').first()).toBeVisible();

    // And each diagram's text alternative is shown while its drawing slot is hidden
    const figure = page.locator('figure.diagram').first();
    await expect(figure.locator('.diagram__text')).toBeVisible();
    await expect(figure.locator('.diagram__canvas')).toBeHidden();

    // And the search box, which needs JavaScript, is hidden; the learning path is not
    await expect(page.locator('.note-search')).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Learning path' }).getByRole('link', { name: 'Trust policies' })).toBeVisible();
  });
});

test('search finds a note by a phrase it contains', async ({ page }) => {
  const errors = watchErrors(page);
  // Given the notes index
  await page.goto('/notes/');
  // When the reader searches for "confused deputy"
  await page.getByRole('searchbox', { name: 'Search the notes' }).fill('confused deputy');
  // Then the external ID note is among the results, and following it opens that section
  const hit = page.locator('.note-search__results a').filter({ hasText: 'External ID and the confused deputy' }).first();
  await expect(hit).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /results? for/ })).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/\/notes\/external-id\/(#[a-z0-9-]+)?$/);
  await expect(page.locator('h1')).toHaveText('External ID and the confused deputy');
  expect(errors).toEqual([]);
});

test('search results: query words highlighted, reachable with the arrow keys', async ({ page }) => {
  await page.goto('/notes/');
  const box = page.getByRole('searchbox', { name: 'Search the notes' });
  // When the reader searches for "chaining"
  await box.fill('chaining');
  const links = page.locator('.note-search__results a');
  await expect(links.first()).toBeVisible();
  // Then the word is marked in the results
  await expect(page.locator('.note-search__results mark').first()).toHaveText(/chaining/i);
  // And the snippets show the words around the match, the match marked (not the start of the section)
  await expect(page.locator('.note-search__excerpt mark').first()).toHaveText(/chain/i);
  const excerpts = await page.locator('.note-search__excerpt').allTextContents();
  // A long URL or ARN in a snippet wraps inside its box
  expect(await page.locator('.note-search__excerpt').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length)).toBe(0);
  expect(excerpts.filter((e) => /chain/i.test(e)).length).toBeGreaterThanOrEqual(Math.ceil(excerpts.length / 2));
  // And Down moves into the results and along them, Up back, Escape to the box
  await box.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(box).toBeFocused();
  await expectNoAxeViolations(page, 'notes search results', '.note-search');
});

test('search says so when nothing matches', async ({ page }) => {
  await page.goto('/notes/');
  await page.getByRole('searchbox', { name: 'Search the notes' }).fill('zzqxv');
  await expect(page.getByRole('status').filter({ hasText: 'No notes match' })).toBeVisible();
});

test('the table of contents links to stable heading ids (phone layout)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/notes/trust-policies/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  // When the reader picks a section
  await toc.getByRole('link', { name: 'Role self-assumption' }).click();
  // Then the URL carries the explicit id and the heading is on screen
  await expect(page).toHaveURL(/#role-self-assumption$/);
  await expect(page.locator('h2#role-self-assumption')).toBeInViewport();
});

test('the sidebar lists the current note’s sections and marks it current (desktop layout)', async ({ page }) => {
  await page.goto('/notes/session-duration/');
  const path = page.getByRole('navigation', { name: 'Learning path' });
  await expect(path.getByRole('link', { name: 'Session duration and chaining' })).toHaveAttribute('aria-current', 'page');
  await path.getByRole('link', { name: 'Role chaining' }).click();
  await expect(page).toHaveURL(/#role-chaining$/);
  await expect(page.locator('h2#role-chaining')).toBeInViewport();
  // Previous and next follow the learning path
  const prevNext = page.getByRole('navigation', { name: 'Previous and next notes' });
  await expect(prevNext.getByRole('link', { name: /Next/ })).toHaveAttribute('href', '/notes/assume-role-with-saml/');
});

for (const [path, id] of [
  ['/notes/mfa-and-get-session-token/', 'the-boolifexists-trap'],
  ['/notes/session-policies/', 'packed-policy-size'],
  ['/notes/policy-evaluation/', 'resource-based-policies'],
] as const) {
  test(`a deep link to ${path}#${id} lands on the heading, below scenarios and diagrams`, async ({ page }) => {
    await page.goto(`${path}#${id}`);
    await expect(page.locator(`#${id}`)).toBeInViewport();
  });
}

test('diagrams are drawn only when scrolled into view, then pass axe in both themes', async ({ page }) => {
  // Scrolling to the figure loads mermaid (about 190 kB gzip) and draws: slow on a busy machine.
  test.slow();
  const errors = watchErrors(page);
  await page.goto('/notes/external-id/');
  await page.waitForLoadState('networkidle');
  const figure = page.locator('figure.diagram').first();
  // Before the reader scrolls, nothing is drawn and the text alternative is there
  await expect(figure.locator('.diagram__svg')).toHaveCount(0);
  await expect(figure.locator('.diagram__text')).toContainText('Mallory');
  // When the figure comes into view, mermaid is loaded and draws it
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.diagram__svg svg')).toBeVisible({ timeout: 20_000 });
  await expect(figure.locator('.diagram__svg')).toHaveAttribute('role', 'img');
  await expectNoAxeViolations(page, 'external-id with a drawn diagram (light)');

  // And switching theme redraws it without errors
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(figure.locator('.diagram__svg svg')).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page, 'external-id with a drawn diagram (dark)');
  expect(errors).toEqual([]);
});

const diagramSamples = ['/notes/trust-policies/', '/notes/session-duration/', '/notes/policy-evaluation/', '/notes/sts-neighbours/', '/notes/glossary/', '/notes/external-id/', '/notes/mfa-and-get-session-token/'];

// One load per note: drawn and checked in the light theme, then redrawn on a switch of the
// system theme and checked in the dark theme (switchSystemTheme waits for every redraw).
test('the diagrams of sample notes, once drawn, pass axe in the light and the dark theme', async ({ page }) => {
  test.setTimeout(480_000);
  await page.emulateMedia({ colorScheme: 'light' });
  const errors = watchErrors(page);
  // Every kind of diagram the notes use: flowcharts top-down and left-right, dotted edges, sequences.
  for (const path of diagramSamples) {
    await page.goto(path);
    // Ask for every diagram at once ("Draw the diagram"), then wait for all of them.
    await drawAll(page);
    const figures = page.locator('figure.diagram');
    const n = await figures.count();
    expect(n, `${path} has a diagram`).toBeGreaterThan(0);
    await expect(page.locator('figure.diagram .diagram__svg svg')).toHaveCount(n, { timeout: 30_000 });
    await expectNoAxeViolations(page, `${path} diagrams (light)`, 'figure.diagram');
    await switchSystemTheme(page, 'dark');
    await expect(page.locator('figure.diagram .diagram__svg svg')).toHaveCount(n, { timeout: 30_000 });
    await expectNoAxeViolations(page, `${path} diagrams (dark)`, 'figure.diagram');
    await page.emulateMedia({ colorScheme: 'light' });
  }
  expect(errors).toEqual([]);
});

test('on a phone a drawn sequence diagram keeps its size, scrolls sideways, and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/notes/assume-role/');
  const figure = page.locator('figure.diagram').first();
  await figure.scrollIntoViewIfNeeded();
  const svgBox = figure.locator('.diagram__svg');
  await expect(svgBox.locator('svg')).toBeVisible({ timeout: 20_000 });
  expect(await svgBox.evaluate((el) => el.scrollWidth > el.clientWidth), 'the diagram is wider than the phone and scrolls').toBe(true);
  await expect(svgBox).toHaveAttribute('tabindex', '0');
  await expectNoAxeViolations(page, 'phone diagram', 'figure.diagram');
});

test('every note’s diagrams draw without a mermaid error', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const notes = routes.filter((r) => /^\/notes\/[a-z0-9-]+\/$/.test(r.path)).map((r) => r.path);
  expect(notes.length).toBeGreaterThan(15);
  for (const path of notes) {
    await page.goto(path);
    await drawAll(page);
    const n = await page.locator('figure.diagram').count();
    await expect(page.locator('.diagram__svg svg, .diagram__canvas[data-state="error"]'), path).toHaveCount(n, { timeout: 30_000 });
    expect(await page.locator('.diagram__canvas[data-state="error"]').allTextContents(), `${path} diagram errors`).toEqual([]);
  }
  expect(errors).toEqual([]);
});

test('a note with every collapsed section open passes axe', async ({ page }) => {
  // A full axe scan of the largest note with every section open takes over 30 s on a loaded machine.
  test.setTimeout(120_000);
  await page.goto('/notes/session-policies/');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  await expectNoAxeViolations(page, 'session-policies with details open');
});

test('a static note is whole again after leaving through the header and coming back, and its diagrams draw', async ({ page }) => {
  const errors = watchErrors(page);
  // Given a note opened directly (a static document: no React, see scripts/static-notes.mjs)
  await page.goto('/notes/assume-role/');
  await expect(page.locator('#note-body h2#cross-account')).toBeVisible();
  // When the reader leaves through a header link (a full page load) and comes back
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('h1')).toContainText('AssumeRole');
  await expect(page).toHaveURL(/\/$/);
  await page.goBack();
  // Then the browser shows the static note again: all of it, and diagrams still draw
  await expect(page.locator('#note-body h2#cross-account')).toBeVisible();
  await expect(page.locator('#note-body section.scenario').first()).toBeVisible();
  const figure = page.locator('figure.diagram').first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.diagram__svg svg')).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('the print stylesheet keeps the note and drops the navigation', async ({ page }) => {
  await page.goto('/notes/assume-role/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.note__body')).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.notes-sidebar')).toBeHidden();
  await expect(page.locator('.prev-next')).toBeHidden();
  await expect(page.locator('.scenario__actions').first()).toBeHidden();
});

test('scenario trace links point at real note headings', async ({ page, request }) => {
  await page.goto('/notes/external-id/');
  const hrefs = await page.locator('.trace a').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('href') ?? ''))]);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    const [path, id] = href.split('#');
    const html = await (await request.get(path!)).text();
    expect(html, `${href}`).toContain(`id="${id}"`);
  }
});

// Issue #16: a note page loaded directly is a static document. scripts/static-notes.mjs replaces
// the Next.js runtime with one small module (components/notes/enhance/entry.ts).
test.describe('a note page loaded directly is a static document', () => {
  test('fetches no Next.js runtime, yet its theme switch, search, result keys and diagrams work under the CSP', async ({ page }) => {
    test.slow();
    const errors = watchErrors(page);
    const csp = await watchCsp(page);
    const chunks = watchNextChunks(page);
    const modules: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && modules.push(new URL(r.url()).pathname));
    // Given a note opened directly
    await page.goto('/notes/assume-role/');
    await page.waitForLoadState('networkidle');
    // Then the page loaded the notes bundle and never started React or the Next.js runtime
    expect(modules.some((m) => /^\/_static\/notes\/notes-[A-Z0-9]+\.js$/.test(m)), `scripts: ${modules.join(', ')}`).toBe(true);
    expect(await runtimeStarted(page)).toBe(false);

    // And the theme switch applies, marks and remembers a choice
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'System theme' })).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => localStorage.getItem('sts-theme'))).toBe('dark');

    // And the sidebar search finds notes, marks the words and moves with the keys
    const box = page.getByRole('searchbox', { name: 'Search the notes' });
    await box.fill('chaining');
    const links = page.locator('.note-search__results a');
    await expect(links.nth(1)).toBeVisible();
    await expect(page.locator('.note-search__results mark').first()).toHaveText(/chaining/i);
    await expect(page.getByRole('status').filter({ hasText: /results? for “chaining”/ })).toBeVisible();
    await box.press('ArrowDown');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('End');
    await expect(links.last()).toBeFocused();
    await page.keyboard.press('Home');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(box).toBeFocused();

    // And a diagram is drawn when it comes into view, in the dark theme chosen
    const figure = page.locator('figure.diagram').first();
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator('.diagram__svg svg')).toBeVisible({ timeout: 20_000 });

    expect(chunks, 'Next.js chunks fetched').toEqual([]);
    expect(await runtimeStarted(page)).toBe(false);
    expect(await csp(), 'CSP violations').toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the stored theme is marked on load, and what the reader typed before the script ran is searched', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('sts-theme', 'light'));
    // Given a slow bundle, so the reader can type first
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_static\/notes\/notes-[A-Z0-9]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/notes/', { waitUntil: 'commit' });
    await page.getByRole('searchbox', { name: 'Search the notes' }).fill('confused deputy');
    release();
    await expect(page.locator('.note-search__results a').filter({ hasText: 'External ID and the confused deputy' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'System theme' })).toHaveAttribute('aria-pressed', 'false');
  });

  // The design withdrawn in e7be72b started the runtime on the first interaction; a reader who
  // clicked a header link while it arrived came Back to a blank page. Links here are plain
  // <a> (full page loads), and Back restores a static document.
  for (const [when, waitUntil] of [
    ['at once, before the page has loaded', 'commit'],
    ['as soon as the page has loaded', 'load'],
    ['once the page is idle', 'networkidle'],
  ] as const) {
    test(`Back after a header link clicked ${when} shows the note again`, async ({ page }) => {
      const errors = watchErrors(page);
      const csp = await watchCsp(page);
      const chunks: string[] = [];
      for (const [link, heading] of [
        ['Home', /AssumeRole|STS/],
        ['Quiz', /Quiz/],
        ['Notes', /Study notes/],
      ] as const) {
        await page.goto('/notes/session-policies/', { waitUntil });
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
        await expect(page.locator('h1')).toHaveText(heading);
        const watching = watchNextChunks(page);
        await page.goBack();
        // Then the note is there in full, not a blank page, and still static
        await expect(page).toHaveURL(/\/notes\/session-policies\/$/);
        await expect(page.locator('h1')).toHaveText('Session policies');
        await expect(page.locator('#note-body h2').first()).toBeVisible();
        await expect(page.locator('#note-body section.scenario').first()).toBeVisible();
        await page.getByRole('searchbox', { name: 'Search the notes' }).fill('packed');
        await expect(page.locator('.note-search__results a').first()).toBeVisible();
        expect(await runtimeStarted(page)).toBe(false);
        chunks.push(...watching);
      }
      expect(chunks, 'Next.js chunks fetched by a note restored with Back').toEqual([]);
      expect(await csp(), 'CSP violations').toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

test('from a React page, a client-side link to a note still renders it, and its search box and theme switch work', async ({ page }) => {
  const errors = watchErrors(page);
  // Given a lab (a React page) whose "Read more" links are client-side links to note sections
  await page.goto('/labs/basics-mfa-session/');
  await expect(page.locator('h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  // When the reader follows one
  await page.locator('.lab__learn a').first().click();
  // Then React renders the note in place (the page was not reloaded)
  await expect(page).toHaveURL(/\/notes\/mfa-and-get-session-token\/#getsessiontoken$/);
  await expect(page.locator('h1')).toHaveText(/MFA/);
  await expect(page.locator('#note-body h2#getsessiontoken')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  // And its search box works
  await page.getByRole('searchbox', { name: 'Search the notes' }).fill('confused deputy');
  const hit = page.locator('.note-search__results a').filter({ hasText: 'External ID and the confused deputy' }).first();
  await expect(hit).toBeVisible();
  await expect(page.locator('.note-search__results mark').first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the notes' }).press('ArrowDown');
  await expect(page.locator('.note-search__results a').first()).toBeFocused();
  // And the theme switch too
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  // And its diagrams draw
  const figure = page.locator('figure.diagram').first();
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.diagram__svg svg')).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});
