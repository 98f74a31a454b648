import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchErrors } from './helpers';

// Browser tests for the quiz: every mode, keyboard use, reload survival, saved-data recovery,
// and axe on the interactive states (the page-load state is covered by pages.spec.ts).

const STORAGE_KEY = 'sts-quiz-progress';

/** Saved progress (layout 2) with one bank question due for review. */
function progressWithDueCard(ref: string) {
  const due = Date.parse('2020-01-01T00:00:00Z');
  return JSON.stringify({
    version: 2,
    state: {
      stats: { [ref]: { topic: 'assume-role', seen: 1, correct: 0, recent: [false], last: due } },
      cards: { [ref]: { due, stability: 0.4, difficulty: 7, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 0, state: 1, last_review: due } },
      exam: null,
      exams: [],
      counters: { practice: 0, generated: 0, predict: 0, exam: 0 },
    },
  });
}

/** Presses 1, 2, … for as many options as the question asks for (one, two or three). */
async function chooseFirstOptions(page: Page) {
  const legend = await page.locator('.quiz-options__legend').textContent();
  const want = { one: 1, two: 2, three: 3 }[/Choose (one|two|three)/.exec(legend ?? '')?.[1] as 'one' | 'two' | 'three'] ?? 1;
  for (let i = 1; i <= want; i++) await page.keyboard.press(String(i));
}

test('practice: answer with the keyboard, read the explanation, prove it, go on', async ({ page }) => {
  const errors = watchErrors(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/quiz/practice/');
  const first = page.getByRole('heading', { name: 'Practice question 1' });
  await expect(first).toBeVisible();

  // When the learner presses 1 (and 2, 3 for a "choose two/three" question), S for "fairly sure", then Enter
  await chooseFirstOptions(page);
  await expect(page.getByRole('group', { name: /Choose (one|two|three) answers?/ }).locator('input').first()).toBeChecked();
  await page.keyboard.press('s');
  await page.keyboard.press('Enter');

  // Then the verdict is announced, every option is explained, and the answer can be proved
  const live = page.locator('[aria-live="polite"]').filter({ hasText: /The answer is/ });
  await expect(live).toHaveText(/^(Correct|Not quite)\. The answer is [A-E]/);
  await expect(page.locator('.quiz-option__why')).toHaveCount(await page.locator('.quiz-option').count());
  const next = page.getByRole('button', { name: 'Next question' });
  await expect(next).toBeFocused();
  await expect(page.getByRole('link', { name: 'Read the study note' })).toHaveAttribute('href', /^\/notes\/[a-z-]+\/(#[a-z0-9-]+)?$/);
  await expectNoAxeViolations(page, 'practice, answered (dark)');

  // And Enter moves to the next question, with focus on it
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Practice question 2' })).toBeFocused();

  // And the answer counts on the progress page
  await page.getByRole('navigation', { name: 'Quiz modes' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
  await expect(page.locator('.quiz-stats')).toContainText('1 answers');
  expect(errors).toEqual([]);
});

test('practice: generated questions open their scenario in the simulator', async ({ page }) => {
  await page.goto('/quiz/practice/');
  await page.getByLabel('Questions', { exact: true }).selectOption('generated');
  await expect(page.getByText('Generated', { exact: true })).toBeVisible();
  await chooseFirstOptions(page);
  await page.keyboard.press('g');
  await page.getByRole('button', { name: 'Submit answer' }).click();
  const run = page.getByRole('link', { name: 'Run it in the simulator' });
  // The link carries the scenario and the step the question asks about
  await expect(run).toHaveAttribute('href', /^\/simulator\/#s=[A-Za-z0-9_-]+&step=[A-Za-z0-9_-]+$/);
  // It opens in a new tab: the question and its explanation stay where they are
  await expect(run).toHaveAttribute('target', '_blank');
  await expect(page.getByTestId('practice-tally')).toHaveText(/This session: [01] right of 1/);
  // And the simulator opens at that step, its title in view and focused
  const step = /&step=([A-Za-z0-9_-]+)$/.exec((await run.getAttribute('href'))!)![1]!;
  const [sim] = await Promise.all([page.waitForEvent('popup'), run.click()]);
  // (the simulator fetches its engine first: give it the time a loaded machine needs)
  await expect(sim.locator('.outcome__item[aria-current="step"] .outcome__label')).toHaveText(step, { timeout: 20_000 });
  // A link with target=_blank opens its tab in front; headless Chromium leaves the opener focused
  await sim.bringToFront();
  await expect(sim.locator('#step-title')).toBeFocused();
  await expect(sim.locator('#step-title')).toBeInViewport();
  // Not hidden under the sticky header and player: the element at the title's spot is the title
  const box = (await sim.locator('#step-title').boundingBox())!;
  expect(await sim.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('#step-title') !== null, [box.x + 8, box.y + box.height / 2])).toBe(true);
  // While the quiz tab keeps the question and its explanation
  await expect(page.getByRole('region', { name: 'Result' })).toBeVisible();
  await expect(run).toBeVisible();
});

test('timed exam: flag, survive a reload, submit, then score by topic and review wrong answers', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/quiz/exam/');
  await page.getByLabel('Questions', { exact: true }).selectOption('5');
  await expect(page.getByLabel('Minutes')).toHaveValue('10');
  await page.getByLabel(/Include generated questions/).uncheck();
  await page.getByRole('button', { name: 'Start the exam' }).click();

  // Focus moves to the first question, not back to the top of the page
  await expect(page.getByRole('heading', { name: 'Question 1 of 5' })).toBeFocused();

  // Answer question 1 and flag it, by keyboard
  await page.keyboard.press('1');
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Flagged for review' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Question 1, answered, flagged' })).toBeVisible();
  // No feedback during the exam
  await expect(page.locator('.quiz-option__why')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Question 2 of 5' })).toBeFocused();
  await page.keyboard.press('2');
  await expectNoAxeViolations(page, 'exam in progress');
  const before = await page.getByRole('timer').textContent();

  // When the page reloads, the exam is still there
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Question 2 of 5' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Question 1, answered, flagged' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Question 2, answered' })).toBeVisible();
  await expect(page.getByRole('timer')).not.toHaveText('10:00');
  expect(before).toMatch(/^Time left: \d+:\d\d$/);

  // Submit with unanswered questions: a confirmation first
  await page.getByRole('button', { name: 'Submit the exam now' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Submit the exam?' })).toContainText('3 questions are not answered');
  await page.getByRole('button', { name: 'Submit the exam', exact: true }).click();

  // Then the score, the per-topic breakdown and the review
  await expect(page.getByRole('heading', { name: /^Your score: \d+%$/ })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Score by topic, weakest first' })).toBeVisible();
  await page.getByRole('radio', { name: /^Incorrect only/ }).check();
  const wrong = await page.locator('.quiz-review-item').count();
  expect(wrong).toBeGreaterThanOrEqual(3);
  await page.getByRole('radio', { name: /^Flagged/ }).check();
  await expect(page.locator('.quiz-review-item')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: /^Question 1: .*\(flagged\)$/ })).toBeVisible();
  await expectNoAxeViolations(page, 'exam results');

  // And the results survive a reload too
  await page.reload();
  await expect(page.getByRole('heading', { name: /^Your score: \d+%$/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('timed exam: the Minutes field can be cleared and retyped, and is kept in range', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/quiz/exam/');
  const minutes = page.getByLabel('Minutes');
  await expect(minutes).toHaveValue('20');

  // When the learner clears the field with Backspace and types 45, it says 45 (not 145)
  await minutes.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(minutes).toHaveValue('');
  await page.keyboard.type('45');
  await expect(minutes).toHaveValue('45');

  // Out of range: a message while typing, then clamped on leaving the field
  await minutes.fill('300');
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await expect(minutes).toHaveAccessibleDescription('Enter a whole number of minutes from 1 to 240.');
  await page.keyboard.press('Tab');
  await expect(minutes).toHaveValue('240');
  await expect(minutes).not.toHaveAttribute('aria-invalid');
  await expect(minutes).toHaveAccessibleDescription('Set to 240 minutes: an exam lasts from 1 to 240 minutes.');
  await expectNoAxeViolations(page, 'exam setup, minutes adjusted');

  // Emptied and submitted with Enter: the suggested length (two minutes a question)
  await minutes.fill('');
  await minutes.press('Enter');
  await expect(page.getByRole('heading', { name: 'Question 1 of 10' })).toBeFocused();
  await expect(page.getByRole('timer')).toHaveText(/(20:00|19:5\d)$/);
  expect(errors).toEqual([]);
});

test('timed exam: a retyped length is the one the exam gets', async ({ page }) => {
  await page.goto('/quiz/exam/');
  const minutes = page.getByLabel('Minutes');
  await minutes.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('45');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('timer')).toHaveText(/(45:00|44:5\d)$/);
});

test('timed exam: when time runs out the exam submits itself', async ({ page }) => {
  await page.clock.install();
  await page.goto('/quiz/exam/');
  await page.getByLabel('Questions', { exact: true }).selectOption('5');
  await page.getByLabel('Minutes').fill('1');
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('timer')).toHaveText(/1:00|0:5\d/);
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: /^Your score/ })).toBeVisible();
  await expect(page.getByText('The time ran out')).toBeVisible();
});

test('review: a due card comes back, is graded with confidence, then nothing is due', async ({ page }) => {
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [STORAGE_KEY, progressWithDueCard('b:assume-root-user-cannot')] as const,
  );
  await page.goto('/quiz/review/');
  await expect(page.getByRole('heading', { name: 'Review card 1 of 1 due' })).toBeVisible();
  await expect(page.getByText(/root user’s access keys|root user's access keys/)).toBeVisible();
  await page.getByRole('radio', { name: /roles may not be assumed by root accounts/i }).check();
  await page.getByRole('radio', { name: 'Certain' }).check();
  await page.keyboard.press('Enter');
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: /The answer is/ })).toHaveText(/^Correct\./);
  await page.getByRole('button', { name: 'Next card' }).click();
  // Focus follows to the empty state, which says what comes next and offers somewhere to go
  await expect(page.getByRole('heading', { name: 'Nothing is due' })).toBeFocused();
  await expect(page.getByText(/The next one is due in \d+ (days|hours?)/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Practise questions' })).toHaveAttribute('href', '/quiz/practice/');
  await expect(page.getByRole('button', { name: 'Check again' })).toBeVisible();
});

test('review: a new learner is not left at a dead end', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/quiz/review/');
  await expect(page.getByRole('heading', { name: 'Nothing is due' })).toBeVisible();
  await expect(page.getByText('You have no review cards yet.')).toBeVisible();
  // Nothing to check again: the way on is to practise or take an exam
  await expect(page.getByRole('button', { name: 'Check again' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Practise questions' })).toHaveAttribute('href', '/quiz/practice/');
  await expectNoAxeViolations(page, 'review, nothing due');
  await page.getByRole('link', { name: 'Take a timed exam' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/quiz\/exam\/$/);
  await expect(page.getByRole('heading', { name: 'Set up an exam' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('predict-then-run: commit a verdict and the deciding check, then see the trace', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/quiz/predict/');
  await expect(page.getByRole('heading', { name: 'Step 1: what happens?' })).toBeVisible();
  await expect(page.getByText('The trace')).toHaveCount(0);
  await page.keyboard.press('1');
  await page.keyboard.press('a');
  await expect(page.getByRole('group', { name: 'Your verdict' }).locator('input').first()).toBeChecked();
  // No confidence is chosen for the learner: Enter waits for one, then S (fairly sure) gives it
  await expect(page.getByRole('group', { name: 'How sure are you?' }).locator('input:checked')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Say how sure you are first: U, S or V.')).toBeVisible();
  await page.keyboard.press('s');
  await expect(page.getByRole('radio', { name: /Fairly sure/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'The trace' })).toBeVisible();
  await expect(page.locator('.quiz-trace__item').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Run it in the simulator' })).toHaveAttribute('href', /^\/simulator\/(\?scenario=[a-z0-9-]+&step=[A-Za-z0-9_-]+|#s=[A-Za-z0-9_-]+&step=[A-Za-z0-9_-]+)$/);
  await expectNoAxeViolations(page, 'predict, revealed');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Step 2: what happens?' })).toBeFocused();
  expect(errors).toEqual([]);
});

test('keyboard help opens with ? and closes with Escape', async ({ page }) => {
  await page.goto('/quiz/practice/');
  await expect(page.getByRole('heading', { name: 'Practice question 1' })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, 'help dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('corrupted saved progress is recovered with a visible message', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"state": {"stats": [oops');
      sessionStorage.setItem('seeded', '1');
    }
  }, STORAGE_KEY);
  const errors = watchErrors(page);
  await page.goto('/quiz/');
  await expect(page.getByRole('alert').filter({ hasText: 'saved quiz progress' })).toContainText('could not be read');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Quiz');
  expect(await page.evaluate(() => localStorage.getItem('sts-quiz-progress-backup'))).toBe('{"state": {"stats": [oops');
  expect(errors).toEqual([]);
});

test('the quiz fits a 360px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ['/quiz/practice/', '/quiz/predict/']) {
    await page.goto(path);
    await expect(page.locator('.quiz-question__heading').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('two tabs: answers given in one tab are not wiped by an answer in another (issue #11)', async ({ context }) => {
  // Given a second tab opened before the first one answers (it holds the older saved progress)
  const b = await context.newPage();
  await b.goto('/quiz/practice/');
  await expect(b.getByRole('heading', { name: 'Practice question 1' })).toBeVisible();
  const a = await context.newPage();
  await a.goto('/quiz/practice/');
  // When tab A answers three questions
  for (let i = 1; i <= 3; i++) {
    await expect(a.getByRole('heading', { name: `Practice question ${i}` })).toBeVisible();
    await chooseFirstOptions(a);
    await a.keyboard.press('s');
    await a.keyboard.press('Enter');
    await expect(a.locator('[aria-live="polite"]').filter({ hasText: /The answer is/ })).toBeVisible();
    await a.keyboard.press('Enter');
  }
  // And tab B then answers one
  await b.bringToFront();
  await chooseFirstOptions(b);
  await b.keyboard.press('s');
  await b.keyboard.press('Enter');
  await expect(b.locator('[aria-live="polite"]').filter({ hasText: /The answer is/ })).toBeVisible();
  // Then the saved progress holds tab A's answers as well as tab B's (at least three distinct questions)
  await a.goto('/quiz/progress/');
  await expect(a.locator('.quiz-stats')).toContainText(/\b([3-9]|\d{2,}) answers/);
});
