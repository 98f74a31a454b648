import { expect, test, type Page } from '@playwright/test';
import { nextStarted, watchErrors, watchNextChunks } from './helpers';

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

// Issue #16: loaded from the server, /simulator/ is a static document (scripts/static-notes.mjs)
// that starts no Next.js runtime. React loads on the reader's first move and hydrates only the
// island (components/simulator/static); what the reader did first is held and replayed.

/** True once React has a root on the island (it marks its container). */
const islandLive = (page: Page) => page.evaluate(() => Object.keys(document.getElementById('sim-island') ?? {}).some((k) => k.startsWith('__reactContainer')));
const stepHeading = (page: Page) => page.locator('#step-title');

test.describe('a /simulator/ page loaded from the server', () => {
  test('starts neither Next.js nor React until used, and the first press (Step forward) is not lost', async ({ page }) => {
    const errors = watchErrors(page);
    const chunks = watchNextChunks(page);
    await page.setViewportSize(phone);
    await page.goto('/simulator/', { waitUntil: 'networkidle' });
    // Given the build-time run on screen, with nothing started
    await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
    expect(await nextStarted(page)).toBe(false);
    expect(await islandLive(page)).toBe(false);
    // When the reader's first move is a press on Step forward
    await page.getByRole('button', { name: 'Step forward' }).click();
    // Then React starts, and that press still counts: step 2 is on screen
    await expect(stepHeading(page)).toContainText('Step 2');
    expect(await islandLive(page)).toBe(true);
    // And it goes on working as the page always did
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepHeading(page)).toContainText('Step 3');
    expect(chunks, 'Next.js chunks').toEqual([]);
    expect(await nextStarted(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  test('a first key press (→) is replayed once React is in', async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(phone);
    await page.goto('/simulator/', { waitUntil: 'networkidle' });
    await expect(stepHeading(page)).toContainText('Step 1');
    await page.keyboard.press('ArrowRight');
    await expect(stepHeading(page)).toContainText('Step 2');
    expect(errors).toEqual([]);
  });

  test('a click that comes alone (a screen reader, voice control) starts React and takes effect at once', async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto('/simulator/', { waitUntil: 'networkidle' });
    // When the button is activated with no pointer, key or focus before it
    await page.getByRole('button', { name: 'Step forward' }).evaluate((b) => (b as HTMLButtonElement).click());
    // Then it works without waiting for another move
    await expect(stepHeading(page)).toContainText('Step 2');
  });

  test('with "Hide outcomes until played" saved, the build-time outcomes go at once', async ({ page }) => {
    await page.setViewportSize(phone);
    await page.addInitScript(() => localStorage.setItem('sts-sim:hide-outcomes', '1'));
    await page.goto('/simulator/');
    // Then without any move by the reader, React starts and hides the answers
    await expect(page.getByRole('checkbox', { name: 'Hide outcomes until played' })).toBeChecked();
    await expect(page.getByRole('region', { name: 'Outcome' })).not.toContainText('Credentials issued');
  });

  test('a file dropped while React is in but the scenario is still loading is imported once', async ({ page }) => {
    // Given an address that opens another scenario, whose file is slow to come
    await page.route('**/simulator/scenarios/cross-account-both-sides.json', async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await page.goto('/simulator/?scenario=cross-account-both-sides');
    await page.waitForFunction(() => Object.keys(document.getElementById('sim-island') ?? {}).some((k) => k.startsWith('__reactContainer')));
    // When a scenario file is dropped on the page before it is open
    const scenario = await (await page.request.get('/simulator/scenarios/cross-account-external-id.json')).text();
    await page.evaluate((text) => {
      const target = document.querySelector('.sim') as HTMLElement;
      const data = new DataTransfer();
      data.items.add(new File([text], 'mine.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, scenario);
    // Then it becomes one entry of My scenarios, not two
    await expect(page.getByText('Opened mine.json.')).toBeVisible({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Scenarios and templates' }).click();
    await expect(page.locator('.my .library__list > li')).toHaveCount(1);
  });

  test('Import file pressed before React is in opens the chooser at once, even when React is slow to come', async ({ page }) => {
    // Given a page whose React chunks take longer than a browser lets a press open a file chooser
    const html = await (await page.request.get('/simulator/')).text();
    const chunks = [...html.matchAll(/<link rel="prefetch" href="([^"]+)"/g)].map((m) => m[1]);
    await page.route((url) => chunks.includes(url.pathname), async (route) => {
      await new Promise((r) => setTimeout(r, 6000));
      await route.continue();
    });
    await page.setViewportSize(phone);
    await page.goto('/simulator/', { waitUntil: 'domcontentloaded' });
    await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
    // When the reader presses Import file and picks a (broken) file
    const chooser = page.waitForEvent('filechooser', { timeout: 3000 });
    await page.getByRole('button', { name: 'Import file' }).click();
    await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": ') });
    // Then, once React is in, the simulator reads that file and says what is wrong with it
    await expect(page.getByText('broken.json is not valid JSON')).toBeVisible({ timeout: 15_000 });
  });

  test('a speed chosen before React is in is the speed it plays at', async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto('/simulator/', { waitUntil: 'networkidle' });
    const speed = page.getByRole('combobox', { name: 'Speed' });
    // When the reader picks 4× (no press on the page yet), then slows down one notch with "-"
    await speed.selectOption('4');
    await page.locator('body').press('-');
    // Then the simulator knew about 4×: one notch down is 2× (from its default 1× it would be 0.5×)
    await expect(speed).toHaveValue('2');
  });

  test('a file dropped before React is in is imported, not opened in place of the page', async ({ page }) => {
    await page.setViewportSize(phone);
    await page.goto('/simulator/', { waitUntil: 'networkidle' });
    expect(await islandLive(page)).toBe(false);
    // When a (broken) scenario file is dropped on the run at once
    await page.evaluate(() => {
      const target = document.querySelector('.sim-run') as HTMLElement;
      const data = new DataTransfer();
      data.items.add(new File(['{ "format": '], 'broken.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    // Then the simulator reads it and says what is wrong, and the page is still the simulator
    await expect(page.getByText('broken.json is not valid JSON')).toBeVisible();
    await expect(page).toHaveURL(/\/simulator\/$/);
  });

  test('when its code cannot load (offline on a first visit), the page says so and keeps the run readable', async ({ page }) => {
    // Given a page whose React chunks (the ones it prefetches) cannot be fetched
    const html = await (await page.request.get('/simulator/')).text();
    const chunks = [...html.matchAll(/<link rel="prefetch" href="([^"]+)"/g)].map((m) => m[1]);
    expect(chunks.length).toBeGreaterThan(0);
    await page.route((url) => chunks.includes(url.pathname), (route) => route.abort('internetdisconnected'));
    await page.goto('/simulator/', { waitUntil: 'networkidle' });
    // When the reader presses Step forward
    await page.getByRole('button', { name: 'Step forward' }).click();
    // Then the page says what happened, and the build-time run is still there to read
    await expect(page.getByRole('alert')).toContainText('The simulator could not load its code');
    await expect(outcomeItem(page, 3)).toContainText('Credentials issued');
  });

  test('the theme switch works before React starts', async ({ page }) => {
    await page.goto('/simulator/', { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
  });

  for (const [when, waitUntil] of [
    ['at once, before the page has loaded', 'commit'],
    ['once the page is idle', 'networkidle'],
  ] as const) {
    test(`Back after a header link clicked ${when} shows a working simulator`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto('/simulator/', { waitUntil });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes', exact: true }).click();
      await expect(page.locator('h1')).toHaveText(/Study notes/);
      await page.goBack();
      // (a wide screen mounts the editor at once; a page not restored from the back/forward cache
      // then reopens the scenario opened last in this browser, and its address names it)
      await expect(page).toHaveURL(/\/simulator\/(\?scenario=cross-account-external-id)?$/);
      await expect(outcomeItem(page, 3)).toContainText('Credentials issued');
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expect(stepHeading(page)).toContainText('Step 2');
      expect(errors).toEqual([]);
    });
  }

  test('from a React page, the header link renders the simulator in place (Next.js), and it works', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/quiz/', { waitUntil: 'networkidle' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Simulator', exact: true }).click();
    await expect(outcomeItem(page, 1)).toContainText('AccessDenied');
    expect(await nextStarted(page)).toBe(true);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepHeading(page)).toContainText('Step 2');
    expect(errors).toEqual([]);
  });
});
