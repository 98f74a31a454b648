import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchErrors } from './helpers';

// The Form says everything the JSON can (issue #13): a GitHub Actions OIDC step is built from the
// simplest template with the Form alone, then steps are reordered, duplicated and deleted.
// GitHub's trust policy shape: https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services

const outcome = (page: Page) => page.getByRole('region', { name: 'Outcome' });
const outcomeItem = (page: Page, n: number) => outcome(page).getByRole('listitem').nth(n - 1);
const form = (page: Page) => page.locator('#edit-panel-form');
const stepSelect = (page: Page) => form(page).getByLabel('Step to edit');

test('builds a GitHub OIDC web identity step with the Form only, then reorders, duplicates and deletes steps', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  // Given the simplest template, opened as a new scenario
  await page.goto('/simulator/');
  await expect(outcome(page).getByRole('listitem').first()).toBeVisible();
  await page.getByRole('button', { name: 'Scenarios and templates' }).click();
  await page.getByRole('button', { name: 'Cross-account role' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'My cross-account role' })).toBeVisible();
  await expect(outcome(page).getByRole('listitem')).toHaveCount(2);

  // When a web identity step is added after the last step
  await stepSelect(page).selectOption({ index: 1 });
  await form(page).getByLabel('New step').selectOption('AssumeRoleWithWebIdentity');
  await form(page).getByRole('button', { name: 'Add after step 2' }).click();
  await expect(form(page).getByRole('status')).toContainText('Added step 3: AssumeRoleWithWebIdentity.');
  await expect(stepSelect(page)).toHaveValue('2');
  await expect(outcome(page).getByRole('listitem')).toHaveCount(3);
  // Then, with no OIDC provider in the world, STS cannot check the token
  await expect(outcomeItem(page, 3)).toContainText('InvalidIdentityToken');

  // When the Form adds GitHub's OIDC provider and a role that trusts it
  await form(page).getByRole('button', { name: 'Add the OIDC provider for token.actions.githubusercontent.com' }).click();
  await form(page).getByText('New role that trusts this provider').click();
  await form(page).getByLabel('Role name').fill('GhaDeploy');
  await form(page).getByRole('button', { name: 'Create the role and use it' }).click();
  await expect(form(page).getByLabel('Role (RoleArn)')).toHaveValue('arn:aws:iam::222222222222:role/GhaDeploy');
  await expect(outcomeItem(page, 3)).toContainText('Credentials issued');

  // And adds a claim to the token
  await form(page).getByRole('button', { name: 'Add claim' }).click();
  const claim = form(page).getByRole('group', { name: /^Claim 8/ });
  await claim.getByLabel('Claim', { exact: true }).fill('environment');
  await claim.getByLabel('Value', { exact: true }).fill('prod');
  await expect(form(page).getByRole('group', { name: 'Claim 8 (environment)' })).toBeVisible();

  // And a subject condition, typed with a typo first: the Form offers the operator it meant
  const role = form(page).getByRole('group', { name: 'Role GhaDeploy' });
  await role.getByRole('button', { name: 'Add condition' }).click();
  const condition = role.getByRole('group', { name: 'Condition 2' });
  await condition.getByLabel('Key').fill('token.actions.githubusercontent.com:sub');
  await condition.getByLabel('Values (comma-separated)').fill('repo:my-org/*');
  await condition.getByLabel('Operator').fill('StringEqual');
  await condition.getByRole('button', { name: 'StringEquals' }).click();
  await expect(condition.getByLabel('Operator')).toHaveValue('StringEquals');
  // Then StringEquals reads the * literally: denied, and the Form says why
  await expect(outcomeItem(page, 3)).toContainText('AccessDenied');
  await expect(condition).toContainText('StringEquals compares * and ? literally: use StringLike for a pattern.');
  // When it switches to StringLike, the call succeeds
  await condition.getByRole('button', { name: 'Switch to the Like operator' }).click();
  await expect(condition.getByLabel('Operator')).toHaveValue('StringLike');
  await expect(outcomeItem(page, 3)).toContainText('Credentials issued');
  await expectNoAxeViolations(page, 'form with a web identity step', '#edit-panel-form');

  // Reorder by keyboard: the new step moves up to position 2
  await form(page).getByRole('button', { name: 'Move up' }).focus();
  await page.keyboard.press('Enter');
  await expect(form(page).getByRole('status')).toContainText('Moved step 3 to position 2.');
  await expect(outcomeItem(page, 2)).toContainText('Credentials issued');
  await expect(outcomeItem(page, 2)).toContainText('AssumeRoleWithWebIdentity');
  // Moving the read above the session it signs with is reported, and Undo (twice) puts it back
  await stepSelect(page).selectOption({ index: 2 });
  await form(page).getByRole('button', { name: 'Move up' }).click();
  await form(page).getByRole('button', { name: 'Move up' }).click();
  await expect(form(page).getByRole('group', { name: 'Broken step references' })).toContainText('Step 1 signs with the credentials of step "assume", which now comes later (step 2).');
  await form(page).getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(stepSelect(page).locator('option')).toHaveText(['1. AssumeRole (assume)', '2. s3:GetObject (read)', '3. AssumeRoleWithWebIdentity (web-identity)']);
  await form(page).getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(stepSelect(page).locator('option')).toHaveText(['1. AssumeRole (assume)', '2. AssumeRoleWithWebIdentity (web-identity)', '3. s3:GetObject (read)']);
  await expect(form(page).getByRole('group', { name: 'Broken step references' })).toHaveCount(0);

  // Duplicate the web identity step: a copy with a fresh id, which also succeeds
  await stepSelect(page).selectOption({ index: 1 });
  await form(page).getByRole('button', { name: 'Duplicate' }).click();
  await expect(outcome(page).getByRole('listitem')).toHaveCount(4);
  await expect(stepSelect(page)).toHaveValue('2');
  await expect(stepSelect(page).locator('option').nth(2)).toHaveText('3. AssumeRoleWithWebIdentity (web-identity-2)');
  await expect(outcomeItem(page, 3)).toContainText('Credentials issued');

  // Delete the first step: the read that signed with it is named, and Undo brings the step back
  await stepSelect(page).selectOption({ index: 0 });
  await form(page).getByRole('button', { name: 'Delete' }).click();
  await expect(form(page).getByRole('status')).toContainText('Deleted step 1 ("assume"). Step 3 signs with the credentials of step "assume", which no longer exists.');
  await expect(form(page).getByRole('group', { name: 'Broken step references' })).toBeVisible();
  await expect(page.getByText('1 problem in the scenario')).toBeVisible();
  await form(page).getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('problem in the scenario')).toHaveCount(0);
  await expect(outcome(page).getByRole('listitem')).toHaveCount(4);
  // And deleting the duplicate leaves nothing broken
  await stepSelect(page).selectOption({ index: 2 });
  await form(page).getByRole('button', { name: 'Delete' }).click();
  await expect(outcome(page).getByRole('listitem')).toHaveCount(3);
  await expect(form(page).getByRole('group', { name: 'Broken step references' })).toHaveCount(0);

  // The scenario saved in this browser says the same (the JSON editor shows only the lines in view)
  const saved = await page.evaluate(() => Object.values(localStorage).join('\n'));
  expect(saved).toContain('StringLike');
  expect(saved).toContain('token.actions.githubusercontent.com:sub');
  expect(saved).toContain('environment');
  expect(errors).toEqual([]);
});

test('the Form fits a phone: no sideways scrolling, and it passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/simulator/?scenario=saml-assertion-failures');
  await expect(outcome(page).getByRole('listitem').first()).toBeVisible();
  await expect(form(page).getByText('SAMLAssertion', { exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page, 'form with a SAML step at 390 px', '#edit-panel-form');
});
