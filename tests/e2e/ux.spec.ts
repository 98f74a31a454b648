import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

// Issue #16: the simulator and home page at laptop and projector sizes.
const outcome = (page: Page) => page.getByRole('region', { name: 'Outcome' });

for (const width of [1280, 1366]) {
  test(`at ${width} px the outcome lines do not overlap (a long call name and a long result)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 768 });
    await page.goto('/simulator/?scenario=web-identity-then-chain');
    await expect(outcome(page).getByRole('listitem').first()).toBeVisible();
    const overlaps = await outcome(page)
      .locator('.outcome__item')
      .evaluateAll((items) =>
        items.filter((item) => {
          const what = item.querySelector('.outcome__what')?.getBoundingClientRect();
          const result = item.querySelector('.outcome__result')?.getBoundingClientRect();
          if (!what || !result) return false;
          const apart = what.right <= result.left + 1 || result.top >= what.bottom - 1;
          const nameFits = [...item.querySelectorAll('.outcome__title')].every((t) => t.scrollWidth <= t.clientWidth + 1);
          return !apart || !nameFits;
        }).length,
      );
    expect(overlaps).toBe(0);
  });
}

test('self-study: outcomes stay hidden until Play reaches them, and Play keeps the animation in view', async ({ page }) => {
  // Plays a whole scenario at 1x: longer than the default budget on a loaded machine
  test.slow();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/simulator/?scenario=cross-account-external-id');
  await expect(outcome(page).getByRole('listitem').first()).toBeVisible();
  // When the learner asks to hide the outcomes
  await page.getByLabel('Hide outcomes until played').check();
  // Then no step's result shows
  await expect(outcome(page).getByText('Not played yet')).toHaveCount(await outcome(page).getByRole('listitem').count());
  await expect(outcome(page).getByText('AccessDenied')).toHaveCount(0);
  // And Play brings the animating step into view with the controls
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.locator('.sim-run .step')).toBeInViewport({ ratio: 0.3 });
  await expect(page.getByRole('group', { name: 'Playback' })).toBeInViewport();
  // As the steps play, their results appear
  await expect(outcome(page).getByRole('listitem').first()).toContainText('AccessDenied', { timeout: 15_000 });
  await expectNoAxeViolations(page, 'simulator, outcomes hidden', '.sim-run');
  // The choice is remembered
  await page.reload();
  await expect(page.getByLabel('Hide outcomes until played')).toBeChecked();
});

test('home: a call to action and a glimpse of the simulator above the fold; the audience cards lead somewhere', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Open the simulator' })).toBeInViewport();
  await expect(page.getByRole('figure')).toBeInViewport({ ratio: 0.5 });
  await expect(page.getByRole('figure')).toContainText('AccessDenied');
  const cards: readonly (readonly [string, string])[] = [
    ['Exam study', '/quiz/'],
    ['Classroom demos', '/classroom/'],
    ['Debugging trust policies', '/simulator/'],
  ];
  for (const [name, href] of cards) {
    await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
});
