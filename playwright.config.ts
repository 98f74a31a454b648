import { defineConfig, devices } from '@playwright/test';

// Browser tests run against the built static export (out/), served by the same
// script as `npm start`, in Debian's Chromium (never a Playwright download).
// scripts/e2e.mjs finds Chromium and a free port, then runs `playwright test`.
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// The sub-path project (tests/e2e/subpath.spec.ts) serves out-subpath/ (npm run build:subpath,
// built with BASE_PATH=/sts-sim) under /sts-sim/; scripts/e2e.mjs sets E2E_SUBPATH_PORT when that
// export exists.
const subpathPort = process.env.E2E_SUBPATH_PORT ? Number(process.env.E2E_SUBPATH_PORT) : undefined;
const launchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  // Files run one at a time in each worker, their tests in order (pages.spec.ts opts into
  // spreading its independent tests over the workers). Two workers by default: each test has its
  // own browser context (its own storage) and the server is static, so tests share nothing, and on
  // a 2-core machine the second worker runs while the first waits on the browser.
  // E2E_WORKERS=1 runs one test at a time.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // One retry on CI absorbs a rare timing hiccup on a loaded 2-core machine; a real failure fails twice.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /subpath\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    ...(subpathPort
      ? [
          {
            name: 'subpath',
            testMatch: /subpath\.spec\.ts$/,
            use: { ...devices['Desktop Chrome'], launchOptions, baseURL: `http://127.0.0.1:${subpathPort}` },
          },
        ]
      : []),
  ],
  webServer: [
    {
      // --headers: every browser test runs under the security headers the README recommends (CSP included).
      command: `node scripts/serve.mjs --port ${port} --headers`,
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...(subpathPort
      ? [
          {
            command: `node scripts/serve.mjs --port ${subpathPort} --dir out-subpath --base /sts-sim --headers`,
            url: `http://127.0.0.1:${subpathPort}/sts-sim/`,
            reuseExistingServer: false,
            timeout: 30_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
});
