import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The axe rule sets every page must pass: WCAG 2.1 A and AA, and axe's best practices. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Collects console errors and uncaught exceptions while a test runs. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Records every Content-Security-Policy violation the page reports; call before the page loads. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Collects every request that leaves the site's own origin (`base`); data: and blob: URLs stay inside. */
export function watchOffOrigin(page: Page, base: string): string[] {
  const origin = new URL(base).origin;
  const off: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) off.push(url);
  });
  return off;
}

/** Runs axe on the page (or only inside `include`) and fails with one line per violation. */
export async function expectNoAxeViolations(page: Page, label: string, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(axeTags);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `${label}: axe violations`).toEqual([]);
}

/** Mermaid diagrams still being drawn: the simulator's (.diagram) and the notes' (.diagram__canvas). */
const drawing = '.diagram[data-state="loading"], .diagram__canvas[data-state="loading"]';

/**
 * Switches the emulated system theme on the loaded page and resolves once the page shows it
 * as a fresh load in that theme would: diagrams drawn before are redrawn in the new theme
 * (each one's SVG replaced) and colour transitions have run out. No fixed waits.
 */
export async function switchSystemTheme(page: Page, colorScheme: 'light' | 'dark') {
  // Let any drawing in progress finish first, so it is not left in the old theme.
  await expect(page.locator(drawing)).toHaveCount(0, { timeout: 20_000 });
  const drawn = page.locator('.diagram__svg');
  const before = await drawn.evaluateAll((els) => els.map((e) => e.innerHTML));
  await page.emulateMedia({ colorScheme });
  if (before.length) {
    await expect
      .poll(() => drawn.evaluateAll((els, old) => els.length === old.length && els.every((e, i) => e.innerHTML !== old[i]), before), {
        message: `every drawn diagram is redrawn in the ${colorScheme} theme`,
        timeout: 20_000,
      })
      .toBe(true);
    await expect(page.locator(drawing)).toHaveCount(0, { timeout: 20_000 });
  }
  // getAnimations() brings styles up to date, so the theme's colour transitions have started.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
}

/** Collects the Next.js runtime chunks (JavaScript under /_next/static/chunks/) the page requests. */
export function watchNextChunks(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\/_next\/static\/chunks\/[^/]+\.js$/.test(path)) seen.push(path);
  });
  return seen;
}

/** True when the Next.js runtime started on the page. */
export function nextStarted(page: Page): Promise<boolean> {
  return page.evaluate(() => '__next_f' in self || 'TURBOPACK' in globalThis || 'next' in window);
}
