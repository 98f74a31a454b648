import { expect, test } from '@playwright/test';

// With JavaScript off, pages that run in the browser say so instead of "Loading…" forever.
test.use({ javaScriptEnabled: false });

const pages = [
  { path: '/simulator/', what: 'The simulator needs JavaScript' },
  { path: '/quiz/practice/', what: 'Practice needs JavaScript' },
  { path: '/quiz/exam/', what: 'The timed exam needs JavaScript' },
  { path: '/classroom/present/?lesson=cross-account-external-id', what: 'Presenting a lesson needs JavaScript' },
];

for (const { path, what } of pages) {
  test(`${path} says it needs JavaScript when it is off`, async ({ page }) => {
    // Given a browser with JavaScript off, when the reader opens the page
    await page.goto(path);
    // Then it says what is missing, offers the notes, and shows no endless loading message
    await expect(page.getByRole('note')).toContainText(what);
    await expect(page.getByRole('note').getByRole('link', { name: 'study notes' })).toBeVisible();
    await expect(page.getByText(/Loading/).filter({ visible: true })).toHaveCount(0);
  });
}

test('/simulator/ without JavaScript still shows the default scenario as the site built it', async ({ page }) => {
  // Given a browser with JavaScript off, when the reader opens the simulator
  await page.goto('/simulator/');
  // Then the run of the first scenario, made by the engine at build time, is there to read
  await expect(page.getByRole('heading', { level: 2, name: 'A vendor role guarded by an ExternalId' })).toBeVisible();
  const outcome = page.getByRole('region', { name: 'Outcome' });
  await expect(outcome.getByRole('listitem')).toHaveCount(4);
  await expect(outcome.getByRole('listitem').first()).toContainText('AccessDenied');
  await expect(outcome.getByRole('listitem').nth(2)).toContainText('Credentials issued, expires 2026-01-01T01:00:00Z');
  await expect(page.getByRole('heading', { name: /^Step 1: AssumeRole/ })).toBeVisible();
  // And the note says what needs JavaScript, while the controls that cannot work are gone
  await expect(page.getByRole('note')).toContainText('playing, editing and opening other scenarios need JavaScript');
  await expect(page.getByRole('group', { name: 'Playback' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Scenarios and templates' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Edit' })).toBeHidden();
});
