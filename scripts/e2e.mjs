#!/usr/bin/env node
// Runs the Playwright browser tests against out/ in Debian's Chromium.
//
// Chromium is looked up as $CHROME_PATH, then /usr/bin/chromium. If neither
// exists and we run as root with apt-get available, Debian's `chromium`
// package is installed (and we say so). Otherwise we stop with the exact
// command to run: browser tests are never skipped silently.
// Extra arguments are passed to `playwright test` (e.g. a file or --grep).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL_CMD = 'apt-get update && apt-get install -y chromium';

function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function fail(msg) {
  console.error(`\ne2e: ${msg}\n`);
  process.exit(1);
}

function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to "${fromEnv}", which is not an executable file. Fix or unset CHROME_PATH.`);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && hasCommand('apt-get')) {
    console.log(`e2e: Chromium not found; installing Debian's chromium package: ${INSTALL_CMD}`);
    try {
      execFileSync('sh', ['-c', INSTALL_CMD], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      fail(`installing Chromium failed. Run this as root, then npm run test:e2e again:\n\n  ${INSTALL_CMD}`);
    }
    if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
    fail(`apt-get finished but ${DEBIAN_CHROMIUM} is still missing.`);
  }
  fail(
    `no Chromium found (looked at $CHROME_PATH and ${DEBIAN_CHROMIUM}). Browser tests need it. Install Debian's Chromium:\n\n` +
      `  sudo sh -c '${INSTALL_CMD}'\n\n` +
      `or point CHROME_PATH at a Chromium/Chrome binary, then run npm run test:e2e again.`,
  );
}

function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen(port, '127.0.0.1', () => {
        const { port: p } = srv.address();
        srv.close(() => resolve(p));
      });
    });
  return tryPort(preferred).then((p) => p ?? tryPort(0));
}

if (!existsSync(path.join(root, 'out', 'index.html'))) {
  fail('out/index.html not found: run npm run build first (npm test does this for you).');
}

const chrome = findChromium();
const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort(4173);
console.log(`e2e: using ${chrome}, serving out/ on http://127.0.0.1:${port}/`);
// The sub-path project runs when `npm run build:subpath` has written out-subpath/ (npm test does).
const env = {};
if (existsSync(path.join(root, 'out-subpath', 'index.html'))) {
  const subpathPort = process.env.E2E_SUBPATH_PORT ? Number(process.env.E2E_SUBPATH_PORT) : await freePort(port + 1);
  env.E2E_SUBPATH_PORT = String(subpathPort);
  console.log(`e2e: serving out-subpath/ under http://127.0.0.1:${subpathPort}/sts-sim/ for the sub-path tests`);
} else {
  console.log('e2e: out-subpath/ not built, so the sub-path tests do not run (npm run build:subpath builds it; npm test does).');
}

const playwrightCli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const child = spawn(process.execPath, [playwrightCli, 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...env, CHROME_PATH: chrome, E2E_PORT: String(port), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
