#!/usr/bin/env node
// After `next build`: the notes pages become static documents that never start React or the
// Next.js runtime (issue #16). It bundles components/notes/enhance/entry.ts (the same DOM code
// the React components call: theme switch, search box, diagrams, print) with esbuild into
// <export>/_static/notes/, then rewrites every <export>/notes/**/index.html: the Next.js scripts,
// script preloads and inline payload go, every other inline script (the theme script in <head>)
// and the stylesheets stay, and one module script loads the bundle. Links on such a page are
// plain <a> (full page loads) and Back restores a static document. The RSC payload files
// (*.txt) stay: a React page still navigates to a note client-side and renders it.
//
//   node scripts/static-notes.mjs    -> out/ (or $EXPORT_DIR), base path $BASE_PATH, as next.config.js
//
// Any page that does not look as expected, or still references a Next.js chunk after the
// rewrite, fails the build (exit 1) rather than shipping a broken page.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bundle goes, under the export (and under the base path in URLs). */
export const STATIC_NOTES_DIR = '/_static/notes';

/** Marks the module script this step adds, so a page it already rewrote is recognised. */
export const STATIC_MARK = 'data-static-notes';

/** A failure with a message meant for the person running the build. */
export class StaticNotesError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'StaticNotesError';
  }
}

/** `'/repo/'`, `'repo'` or `'/repo'` → `'/repo'`; unset → `''` (the rule of next.config.js). */
export function normalizeBase(raw) {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

const nextChunkRef = /\/_next\/static\/chunks\/[^"'\s<>)]*\.js/;

/** The value of attribute `name` in a tag's attribute text, or undefined. */
function attr(attrs, name) {
  const m = new RegExp(`(?:^|\\s)${name}(?:="([^"]*)"|='([^']*)'|(?=[\\s/>]|$))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? '') : undefined;
}

/**
 * Rewrites one notes page for the static bundle.
 * @param {string} html the page as `next build` wrote it
 * @param {{ base: string; entry: string; preload?: readonly string[] }} options `base` the base path
 *   (`''` or `/repo`); `entry` the bundle's entry file name; `preload` the chunks the entry imports
 *   statically (fetched at once instead of after the entry)
 * @returns {string} the page without the Next.js runtime, loading the bundle
 * @throws {StaticNotesError} when the page is not shaped as expected or keeps a chunk reference
 */
export function rewriteNotePage(html, { base, entry, preload = [] }) {
  const heads = html.match(/<head(?:\s[^>]*)?>/gi) ?? [];
  const headEnds = html.match(/<\/head>/gi) ?? [];
  if (heads.length !== 1 || headEnds.length !== 1 || !/<body[\s>]/i.test(html)) {
    throw new StaticNotesError('expected one <head>…</head> and a <body>');
  }
  if (html.includes(STATIC_MARK)) {
    // Rewritten by an earlier run of this step over the same export: nothing to do.
    if (nextChunkRef.test(html)) throw new StaticNotesError('already rewritten, yet it references a Next.js chunk');
    return html;
  }
  let removed = 0;
  const nextPrefix = `${base}/_next/`;
  let out = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (tag, attrs, body) => {
    const src = attr(attrs, 'src');
    if (src !== undefined) {
      if (!src.includes('/_next/')) return tag;
      if (!src.startsWith(nextPrefix)) throw new StaticNotesError(`a script comes from ${src}, not from under the base path "${base}" (does BASE_PATH match the build?)`);
      removed++;
      return '';
    }
    // Next's inline bootstrap: the RSC payload (self.__next_f) and Turbopack's chunk list.
    if (/self\.__next_f|globalThis\[?["']?TURBOPACK/.test(body)) {
      removed++;
      return '';
    }
    return tag;
  });
  out = out.replace(/<link\b([^>]*)\/?>/gi, (tag, attrs) => {
    const rel = (attr(attrs, 'rel') ?? '').toLowerCase();
    const as = (attr(attrs, 'as') ?? '').toLowerCase();
    return (rel === 'preload' && as === 'script') || rel === 'modulepreload' ? '' : tag;
  });
  if (!removed) throw new StaticNotesError('found no Next.js script to remove (did the page layout change?)');
  const url = (file) => `${base}${STATIC_NOTES_DIR}/${file}`;
  const tags =
    preload.map((file) => `<link rel="modulepreload" href="${url(file)}"/>`).join('') +
    `<script type="module" src="${url(entry)}" ${STATIC_MARK}=""></script>`;
  out = out.replace(/<\/head>/i, `${tags}</head>`);
  const left = nextChunkRef.exec(out);
  if (left) throw new StaticNotesError(`still references ${left[0]} after the rewrite`);
  return out;
}

/** Every index.html under `dir`. */
function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? htmlFiles(p) : name === 'index.html' ? [p] : [];
  });
}

/** esbuild's targets for the browsers Next.js compiles for (its built-in modern browserslist). */
function esbuildTargets(require) {
  /** @type {string[]} */
  const list = require('next/dist/shared/lib/modern-browserslist-target.js');
  return list.map((entry) => {
    const [name, version] = entry.split(' ');
    return `${name}${version}`;
  });
}

/** Bundles entry.ts into `outDir`; returns the entry's file name and the chunks it imports statically. */
async function bundle(root, outDir, base) {
  const require = createRequire(import.meta.url);
  const esbuild = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { notes: 'components/notes/enhance/entry.ts' },
    tsconfig: path.join(root, 'tsconfig.json'),
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: esbuildTargets(require),
    platform: 'browser',
    outdir: outDir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    define: {
      'process.env.NEXT_PUBLIC_BASE_PATH': JSON.stringify(base),
      'process.env.NODE_ENV': '"production"',
    },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entryOut = outputs.find(([, o]) => o.entryPoint === 'components/notes/enhance/entry.ts');
  if (!entryOut) throw new StaticNotesError('esbuild wrote no entry file');
  const name = (p) => path.basename(p);
  const preload = entryOut[1].imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => name(i.path));
  const bytes = outputs.filter(([p]) => p.endsWith('.js')).reduce((n, [, o]) => n + o.bytes, 0);
  return { entry: name(entryOut[0]), preload, files: outputs.length, bytes, entryBytes: entryOut[1].bytes };
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const exportDir = path.resolve(root, process.env.EXPORT_DIR || 'out');
  const base = normalizeBase(process.env.BASE_PATH);
  const notesDir = path.join(exportDir, 'notes');
  if (!existsSync(path.join(notesDir, 'index.html'))) {
    throw new StaticNotesError(`${path.relative(root, notesDir)}/index.html not found; run next build first`);
  }
  const built = await bundle(root, path.join(exportDir, ...STATIC_NOTES_DIR.split('/').filter(Boolean)), base);
  const files = htmlFiles(notesDir);
  // Every page is rewritten in memory first: one that fails leaves all of them as they were.
  const pages = files.map((file) => {
    try {
      return { file, html: rewriteNotePage(readFileSync(file, 'utf8'), { base, entry: built.entry, preload: built.preload }) };
    } catch (e) {
      if (e instanceof StaticNotesError) throw new StaticNotesError(`${path.relative(root, file)}: ${e.message}`);
      throw e;
    }
  });
  for (const { file, html } of pages) writeFileSync(file, html);
  console.log(
    `static-notes: ${files.length} notes pages in ${path.relative(root, exportDir)}/ load ${base}${STATIC_NOTES_DIR}/${built.entry} ` +
      `(${(built.entryBytes / 1000).toFixed(1)} kB; ${built.files} files, ${(built.bytes / 1000).toFixed(0)} kB with the lazy chunks) instead of the Next.js runtime`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`static-notes: ${e instanceof StaticNotesError ? e.message : (e?.stack ?? String(e))}`);
    process.exit(1);
  });
}
