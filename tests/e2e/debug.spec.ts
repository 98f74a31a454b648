import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, watchErrors } from './helpers';
import { debugExamples } from '../../lib/debug/examples';

const example = (id: string) => debugExamples.find((x) => x.id === id)!.text;
const shots = process.env.DEBUG_SHOTS;

// A laptop screen; the last test switches to a phone.
test.use({ viewport: { width: 1366, height: 768 } });

/** Saves a full-page screenshot when DEBUG_SHOTS names a folder (to look at the journey). */
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}-${page.viewportSize()?.width}.png`, fullPage: true });
}

const verdict = (page: Page) => page.getByRole('region', { name: 'Verdict', exact: true });

async function paste(page: Page, text: string) {
  await page.goto('/debug/');
  await page.getByLabel('Paste anything').fill(text);
}

test('a console trust policy and a GitHub JWT: verdict, finding, and the StringLike fix', async ({ page }) => {
  // axe and the simulator's first load take a while on a loaded machine
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  // Given the console's trust policy with StringEquals repo:org/* and the workflow's token
  await paste(page, example('github'));
  // Then both are recognised, and the token is said to be unverified
  const found = page.getByRole('region', { name: '2. What I recognised' });
  await expect(found).toContainText('a trust policy (JSON, as the console shows it)');
  await expect(found).toContainText('its signature is not verified');
  // And the lint finding points at the condition
  await expect(page.getByRole('region', { name: 'Trust-policy findings' })).toContainText('StringEquals compares "repo:example-org/*" literally');
  // And the verdict is AWS's, with the failing check and a fix that says why and that it widens the role
  await expect(verdict(page)).toContainText('AssumeRoleWithWebIdentity: AccessDenied');
  await expect(verdict(page)).toContainText('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  await expect(verdict(page).getByText('Use StringLike for token.actions.githubusercontent.com:sub')).toBeVisible();
  await expect(verdict(page).getByText('weakens security').first()).toBeVisible();
  await shot(page, '1-github');
  await expectNoAxeViolations(page, '/debug/ with a verdict');
  // When the result is opened in the simulator, it is the user's own scenario with the same verdict
  const open = page.getByRole('link', { name: 'Open in the simulator as your own scenario' });
  await expect(open).toHaveAttribute('href', /\/simulator\/#s=[A-Za-z0-9_-]+$/);
  await open.click();
  // The hand-over is a #s= share link, which always opens as a new entry in My scenarios (?mine=…)
  await expect(page).toHaveURL(/\/simulator\/\?mine=/, { timeout: 30_000 });
  await expect(page.getByText('Opened from a link as a new entry in My scenarios.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('AccessDenied', { timeout: 30_000 });
  await shot(page, '2-simulator');
  expect(errors).toEqual([]);
});

test('get-role output: asks who calls, then the ExternalId verdict', async ({ page }) => {
  await paste(page, example('get-role'));
  await expect(page.getByRole('region', { name: '2. What I recognised' })).toContainText('aws iam get-role output for arn:aws:iam::222222222222:role/Deploy');
  // It asks only for the caller, and runs nothing until it has one
  const caller = page.getByLabel(/Who calls AssumeRole\?/);
  await expect(caller).toBeVisible();
  await expect(verdict(page)).toHaveCount(0);
  await shot(page, '3-get-role-question');
  await caller.fill('arn:aws:sts::111111111111:assumed-role/CiRunner/run-1');
  await expect(verdict(page)).toContainText('AssumeRole: AccessDenied');
  await expect(verdict(page)).toContainText('requires an ExternalId');
  await expect(verdict(page).getByText('Pass the ExternalId the trust policy expects ("ci-7f3a")')).toBeVisible();
  await shot(page, '4-get-role-verdict');
});

test('an AccessDenied message: a verdict with the stand-ins it assumed, and a fix', async ({ page }) => {
  await paste(page, example('error'));
  await expect(page.getByRole('region', { name: '2. What I recognised' })).toContainText('an AccessDenied error: arn:aws:iam::111111111111:user/alice may not call sts:AssumeRole');
  await expect(verdict(page)).toContainText('AssumeRole: AccessDenied');
  await expect(verdict(page).getByRole('heading', { name: 'What I assumed' })).toBeVisible();
  await expect(verdict(page)).toContainText("The role's trust policy was not in the paste");
  await expect(verdict(page).getByText("Add arn:aws:iam::111111111111:user/alice to Deploy's trust policy")).toBeVisible();
  await shot(page, '5-error');
});

test('a SAML response: decoded, run, and the SAML:aud fix', async ({ page }) => {
  await paste(page, example('saml'));
  const found = page.getByRole('region', { name: '2. What I recognised' });
  await expect(found).toContainText('a SAML response from https://idp.corp.example/saml offering arn:aws:iam::222222222222:role/Admins');
  // The decoded assertion is there to read: recipient, NameID, attributes and times
  await found.getByText('What the SAML response says').click();
  await expect(found).toContainText('"nameId": "alice-guid"');
  await expect(found).toContainText('"notOnOrAfter": "2026-01-01T00:05:00Z"');
  await expect(verdict(page)).toContainText('AssumeRoleWithSAML: AccessDenied');
  await expect(verdict(page).getByText(/Accept the assertion's Recipient/)).toBeVisible();
  await shot(page, '6-saml');
});

test('the examples, the simulator link and the phone layout', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/simulator/');
  await page.getByRole('link', { name: 'Paste your policy, token or error message' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Why AccessDenied?' })).toBeVisible();
  await shot(page, '7-empty');
  await page.getByRole('button', { name: 'GitHub trust policy + token' }).click();
  await expect(verdict(page)).toContainText('AccessDenied');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(0);
  await shot(page, '8-github');
  await page.getByRole('button', { name: 'A SAML response (base64)' }).click();
  await expect(verdict(page)).toContainText('AssumeRoleWithSAML');
  await shot(page, '9-saml');
});
