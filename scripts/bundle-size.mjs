#!/usr/bin/env node
// Prints each route's first-load JS, uncompressed and gzip, from the stats that
// `next build` writes to .next/diagnostics/route-bundle-stats.json.
//
//   node scripts/bundle-size.mjs                 -> every route
//   node scripts/bundle-size.mjs /simulator 250  -> one route; exit 1 above 250 kB gzip
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stats = JSON.parse(readFileSync(path.join(root, '.next/diagnostics/route-bundle-stats.json'), 'utf8'));
const [only, budgetKb] = process.argv.slice(2);
let over = false;
for (const r of stats) {
  if (only && r.route !== only) continue;
  let raw = 0;
  let gz = 0;
  for (const p of r.firstLoadChunkPaths) {
    const buf = readFileSync(path.join(root, p));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(`${r.route.padEnd(24)} ${kb(raw).padStart(10)} raw  ${kb(gz).padStart(10)} gzip  (${r.firstLoadChunkPaths.length} files)`);
  if (budgetKb && gz / 1000 > Number(budgetKb)) over = true;
}
if (over) {
  console.error(`over budget (${budgetKb} kB gzip)`);
  process.exit(1);
}
