#!/usr/bin/env node
// Runs Lighthouse 12 against pages of the built site (out/) in Debian's Chromium and prints
// the four category scores. Needs `npm run build` first. Not a test: a measurement.
//
//   node scripts/lighthouse.mjs                       -> /notes/assume-role/, mobile
//   node scripts/lighthouse.mjs /notes/ /             -> those pages
//   node scripts/lighthouse.mjs --desktop /notes/     -> desktop preset
//   node scripts/lighthouse.mjs --uncompressed        -> serve out/ exactly as scripts/serve.mjs does
//   node scripts/lighthouse.mjs --runs=5              -> run each page 5 times, report the median run
//   node scripts/lighthouse.mjs --dir=/tmp/old-out     -> measure another export (e.g. a copy of an
//                                                        earlier out/, to compare under the same load);
//                                                        --tag=before- prefixes its report file names
//   LIGHTHOUSE_MIN_PERFORMANCE=95 LIGHTHOUSE_MIN_ACCESSIBILITY=100 node scripts/lighthouse.mjs
//       -> also exits 1 when a page scores below those minimums
//
// The site is served with sirv-cli, as scripts/serve.mjs does, from a temporary copy of out/ in which
// every text file also has precompressed .br and .gz siblings (sirv sends those when the
// browser accepts them). That is what any static host or CDN does; without it Lighthouse
// mostly measures the transfer of uncompressed JavaScript. --uncompressed skips that step.
// Full JSON reports are written to .lighthouse/ (git-ignored).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = path.join(root, '.lighthouse');
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');

const args = process.argv.slice(2);
const desktop = args.includes('--desktop');
const uncompressed = args.includes('--uncompressed');
// Lighthouse's own advice for noisy machines: several runs, report the median by performance.
const runs = Math.max(1, Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3));
const outDir = path.resolve(args.find((a) => a.startsWith('--dir='))?.slice(6) ?? path.join(root, 'out'));
const tag = args.find((a) => a.startsWith('--tag='))?.slice(6) ?? '';
const pages = args.filter((a) => !a.startsWith('--'));
if (!pages.length) pages.push('/notes/assume-role/');

if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`lighthouse: ${path.join(outDir, 'index.html')} not found; run npm run build first.`);
  process.exit(1);
}
if (!existsSync(chrome)) {
  console.error(`lighthouse: no Chromium at ${chrome}; set CHROME_PATH.`);
  process.exit(1);
}

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd, argv, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** Copies out/ and writes .br and .gz next to every text file. */
function precompressedCopy() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sts-lighthouse-'));
  cpSync(outDir, dir, { recursive: true });
  const text = /\.(html|js|css|json|txt|svg|xml|map)$/;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (text.test(name)) {
        const body = readFileSync(p);
        writeFileSync(`${p}.br`, brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } }));
        writeFileSync(`${p}.gz`, gzipSync(body, { level: 9 }));
      }
    }
  };
  walk(dir);
  return dir;
}

mkdirSync(reportDir, { recursive: true });
const siteDir = uncompressed ? outDir : precompressedCopy();
const port = await freePort();
// The same sirv-cli invocation as scripts/serve.mjs, on the chosen directory.
const require = createRequire(import.meta.url);
const sirvPkgJson = require.resolve('sirv-cli/package.json');
const sirvBin = path.join(path.dirname(sirvPkgJson), require(sirvPkgJson).bin.sirv);
const serverEnv = { ...process.env };
delete serverEnv.HOST;
delete serverEnv.PORT;
const server = spawn(
  process.execPath,
  [sirvBin, siteDir, '--host', '127.0.0.1', '--port', String(port), '--single', '404.html', '--etag', '--quiet'],
  { stdio: 'ignore', env: serverEnv },
);
const base = `http://127.0.0.1:${port}`;
let failed = false;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const lighthouseBin = path.join(path.dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');
  const min = {
    performance: Number(process.env.LIGHTHOUSE_MIN_PERFORMANCE ?? 0),
    accessibility: Number(process.env.LIGHTHOUSE_MIN_ACCESSIBILITY ?? 0),
  };
  console.log(`lighthouse 12 (${desktop ? 'desktop' : 'mobile'}, ${uncompressed ? 'uncompressed' : 'brotli/gzip'}) on ${base}`);
  console.log('page'.padEnd(44), 'perf'.padStart(5), 'a11y'.padStart(5), 'best'.padStart(5), ' seo'.padStart(5));
  for (const page of pages) {
    const slug = page.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home';
    const results = [];
    for (let i = 0; i < runs; i++) {
      const out = path.join(reportDir, `${tag}${slug}${desktop ? '-desktop' : ''}-${i + 1}.json`);
      const lhArgs = [
        lighthouseBin,
        `${base}${page}`,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        `--chrome-flags=${chromeFlags}`,
        ...(desktop ? ['--preset=desktop'] : []),
      ];
      const { code, stderr } = await run(process.execPath, lhArgs, { ...process.env, CHROME_PATH: chrome });
      if (code !== 0 || !existsSync(out)) {
        console.error(`lighthouse failed on ${page} (exit ${code}):\n${stderr.slice(-2000)}`);
        failed = true;
        continue;
      }
      const report = JSON.parse(readFileSync(out, 'utf8'));
      const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
      results.push({ report, out, s: { performance: score('performance'), accessibility: score('accessibility'), best: score('best-practices'), seo: score('seo') } });
    }
    if (!results.length) continue;
    results.sort((a, b) => a.s.performance - b.s.performance);
    const median = results[Math.floor((results.length - 1) / 2)];
    const { s, report } = median;
    const all = results.map((r) => r.s.performance).join('/');
    console.log(page.padEnd(44), String(s.performance).padStart(5), String(s.accessibility).padStart(5), String(s.best).padStart(5), String(s.seo).padStart(5), runs > 1 ? `  (performance of ${runs} runs: ${all}; median report ${path.relative(root, median.out)})` : '');
    if (s.performance < min.performance || s.accessibility < min.accessibility) failed = true;
    const weak = Object.values(report.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable');
    for (const a of weak.slice(0, 8)) console.log(`    ${a.id}: ${a.displayValue ?? ''} (${Math.round(a.score * 100)})`);
  }
} finally {
  server.kill('SIGTERM');
  if (!uncompressed) rmSync(siteDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
