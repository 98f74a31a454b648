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
