#!/usr/bin/env node
// After `next build`: parks the Next.js script tags of the notes pages (out/notes/**/index.html),
// so a reader who only reads never downloads or runs React and the Next.js runtime. The inline
// script of app/notes/layout.tsx (components/notes/deferredRuntime.ts) puts them back on the
// first interaction or when a diagram comes near. Pages without that script are left alone.
//
//   node scripts/defer-notes-runtime.mjs            -> out/ (or $EXPORT_DIR, as next.config.js)
//   node scripts/defer-notes-runtime.mjs DIR        -> another export folder
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Must equal DEFERRED_SCRIPT_TYPE in components/notes/deferredRuntime.ts (a unit test checks). */
export const DEFERRED_SCRIPT_TYPE = 'sts/deferred';

/**
 * Rewrites one page: each `<script src="…/_next/static/…" async>` becomes an inert
 * `<script type="sts/deferred" data-src="…">`, and script preloads go. The `noModule` fallback
 * (never run by current browsers) and the inline payload scripts stay.
 * @returns the new HTML, or undefined when the page has no loader or nothing to park
 */
export function deferPage(html) {
  if (!html.includes(`script[type="${DEFERRED_SCRIPT_TYPE}"]`)) return undefined;
  let parked = 0;
  const out = html
    .replace(/<script src="([^"]*\/_next\/static\/[^"]+\.js)" async=""><\/script>/g, (_, src) => {
      parked++;
      return `<script type="${DEFERRED_SCRIPT_TYPE}" data-src="${src}"></script>`;
    })
    .replace(/<link rel="preload" as="script"[^>]*\/_next\/static\/[^>]*\/>/g, '');
  return parked ? out : undefined;
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : name === 'index.html' ? [p] : [];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const exportDir = path.resolve(root, process.argv[2] ?? process.env.EXPORT_DIR ?? 'out');
  const notesDir = path.join(exportDir, 'notes');
  if (!existsSync(notesDir)) {
    console.error(`defer-notes-runtime: ${notesDir} not found; run next build first.`);
    process.exit(1);
  }
  let pages = 0;
  for (const file of htmlFiles(notesDir)) {
    const html = deferPage(readFileSync(file, 'utf8'));
    if (html === undefined) continue;
    writeFileSync(file, html);
    pages++;
  }
  if (!pages) {
    console.error('defer-notes-runtime: no notes page had scripts to park; did the notes layout change?');
    process.exit(1);
  }
  console.log(`defer-notes-runtime: parked the scripts of ${pages} notes pages in ${path.relative(root, exportDir) || '.'}`);
}
