#!/usr/bin/env node
// Takes screenshots of pages of the built site in both themes at phone and
// desktop widths, for a human to look at (not a test). Needs `npm run build`.
//
//   node scripts/screenshots.mjs [--fold] [/path/ ...]   -> tmp/screenshots/*.png (git-ignored)
//   --fold: only the first screenful (900px high) instead of the full page
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'tmp', 'screenshots');
const port = Number(process.env.SCREENSHOT_PORT ?? 4174);
const args = process.argv.slice(2);
const fold = args.includes('--fold');
const given = args.filter((a) => a !== '--fold');
const paths = given.length ? given : ['/'];
const widths = { phone: 390, desktop: 1280 };

mkdirSync(outDir, { recursive: true });
const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '--port', String(port)], {
  stdio: 'ignore',
});
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const p of paths) {
    for (const colorScheme of ['light', 'dark']) {
      for (const [name, width] of Object.entries(widths)) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        await page.goto(`${base}${p}`, { waitUntil: 'networkidle' });
        const slug = p.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home';
        const file = path.join(outDir, `${slug}-${colorScheme}-${name}${fold ? '-fold' : ''}.png`);
        await page.screenshot({ path: file, fullPage: !fold });
        console.log(file);
        await page.close();
      }
    }
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
