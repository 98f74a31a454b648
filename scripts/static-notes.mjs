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
// The simulator page gets the same treatment (<export>/simulator/index.html): its HTML already
// shows the default scenario's build-time run, and components/simulator/static/entry.ts, bundled
// into <export>/_static/simulator/, starts React on the reader's first move and hydrates only the
// simulator island, with the values the build rendered it from (lib/content/simulatorProps.ts,
// computed again here: the engine is deterministic). next/link becomes a plain <a> there.
//
//   node scripts/static-notes.mjs    -> out/ (or $EXPORT_DIR), base path $BASE_PATH, as next.config.js
//
// Any page that does not look as expected, or still references a Next.js chunk after the
// rewrite, fails the build (exit 1) rather than shipping a broken page.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the bundle goes, under the export (and under the base path in URLs). */
export const STATIC_NOTES_DIR = '/_static/notes';

/** Where the static simulator page's bundle goes. */
export const STATIC_SIMULATOR_DIR = '/_static/simulator';

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
 * @param {{ base: string; entry: string; preload?: readonly string[]; prefetch?: readonly string[]; dir?: string }} options
 *   `base` the base path (`''` or `/repo`); `entry` the bundle's entry file name; `preload` the
 *   chunks the entry imports statically (fetched at once instead of after the entry); `prefetch`
 *   chunks the page will likely want (fetched into the cache when the browser is idle, not run);
 *   `dir` where the bundle is under the base path (STATIC_NOTES_DIR unless told)
 * @returns {string} the page without the Next.js runtime, loading the bundle
 * @throws {StaticNotesError} when the page is not shaped as expected or keeps a chunk reference
 */
export function rewriteNotePage(html, { base, entry, preload = [], prefetch = [], dir = STATIC_NOTES_DIR }) {
  const heads = html.match(/<head(?:\s[^>]*)?>/gi) ?? [];
  const headEnds = html.match(/<\/head>/gi) ?? [];
  if (heads.length !== 1 || headEnds.length !== 1 || !/<body[\s>]/i.test(html)) {
    throw new StaticNotesError('expected one <head>…</head> and a <body>');
  }
  const url = (file) => `${base}${dir}/${file}`;
  const tags =
    preload.map((file) => `<link rel="modulepreload" href="${url(file)}"/>`).join('') +
    `<script type="module" src="${url(entry)}" ${STATIC_MARK}=""></script>` +
    prefetch.map((file) => `<link rel="prefetch" href="${url(file)}"/>`).join('');
  if (html.includes(STATIC_MARK)) {
    // Rewritten by an earlier run of this step over the same export: that run's bundle is gone
    // (each run writes it anew), so its tags are swapped for this one's.
    if (nextChunkRef.test(html)) throw new StaticNotesError('already rewritten, yet it references a Next.js chunk');
    const ours = `${base}${dir}/`;
    const out = html
      .replace(/<script\b([^>]*)><\/script>/gi, (tag, attrs) => (attr(attrs, STATIC_MARK) !== undefined ? '' : tag))
      .replace(/<link\b([^>]*)\/?>/gi, (tag, attrs) => {
        const rel = (attr(attrs, 'rel') ?? '').toLowerCase();
        return (rel === 'modulepreload' || rel === 'prefetch') && (attr(attrs, 'href') ?? '').startsWith(ours) ? '' : tag;
      });
    return out.replace(/<\/head>/i, `${tags}</head>`);
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

/**
 * Bundles one entry for the browser into `outDir`; returns the entry's file name and the chunks it
 * imports statically.
 * @param {{ root: string; outDir: string; base: string; name: string; entry: string; define?: Record<string, string>; plugins?: import('esbuild').Plugin[] }} o
 */
async function bundle({ root, outDir, base, name: entryName, entry, define = {}, plugins = [] }) {
  const require = createRequire(import.meta.url);
  const esbuild = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [entryName]: entry },
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
    jsx: 'automatic',
    define: {
      'process.env.NEXT_PUBLIC_BASE_PATH': JSON.stringify(base),
      'process.env.NODE_ENV': '"production"',
      ...define,
    },
    plugins,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entryOut = outputs.find(([, o]) => o.entryPoint === entry);
  if (!entryOut) throw new StaticNotesError(`esbuild wrote no entry file for ${entry}`);
  const name = (p) => path.basename(p);
  const preload = entryOut[1].imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => name(i.path));
  // What the entry imports dynamically, with everything that imports statically: the code its
  // first use needs (the notes' search, the simulator's React and island).
  const wanted = new Set();
  const follow = (p) => {
    if (wanted.has(p) || !result.metafile.outputs[p]) return;
    wanted.add(p);
    for (const i of result.metafile.outputs[p].imports) if (i.kind === 'import-statement' && !i.external) follow(i.path);
  };
  for (const i of entryOut[1].imports) if (i.kind === 'dynamic-import' && !i.external) follow(i.path);
  const firstUse = [...wanted].map(name).filter((f) => !preload.includes(f));
  const bytes = outputs.filter(([p]) => p.endsWith('.js')).reduce((n, [, o]) => n + o.bytes, 0);
  return { entry: name(entryOut[0]), preload, firstUse, files: outputs.length, bytes, entryBytes: entryOut[1].bytes };
}

/**
 * The simulator island's props, encoded (lib/simulator/wire.ts): the build-time code bundled for
 * Node and run here, as the page ran it during `next build`.
 */
async function simulatorProps(root, base) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    stdin: {
      contents: "export { buildSimulatorProps } from '@/lib/content/simulatorProps';\nexport { encodeWire } from '@/lib/simulator/wire';\n",
      resolveDir: root,
      loader: 'ts',
    },
    tsconfig: path.join(root, 'tsconfig.json'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    define: { 'process.env.NEXT_PUBLIC_BASE_PATH': JSON.stringify(base) },
    write: false,
    logLevel: 'warning',
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'static-simulator-'));
  try {
    const file = path.join(dir, 'props.mjs');
    writeFileSync(file, result.outputFiles[0].text);
    const mod = await import(pathToFileURL(file).href);
    const cwd = process.cwd();
    process.chdir(root); // lib/content reads content/ from the working directory, as next build does
    try {
      return mod.encodeWire(mod.buildSimulatorProps());
    } finally {
      process.chdir(cwd);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * esbuild plugin for the static simulator bundle: next/link becomes a plain link
 * (components/simulator/static/plainLink.tsx), any other Next.js module fails the build (it would
 * need the router this page does not start), and CSS imports are dropped (the page has the CSS).
 * @returns {import('esbuild').Plugin}
 */
function withoutNext(root) {
  return {
    name: 'without-next',
    setup(build) {
      build.onResolve({ filter: /^next\/link$/ }, () => ({ path: path.join(root, 'components/simulator/static/plainLink.tsx') }));
      build.onResolve({ filter: /^next(\/|$)/ }, (args) => ({
        errors: [{ text: `${args.path} (imported by ${path.relative(root, args.importer)}) needs the Next.js runtime, which the static simulator page does not load` }],
      }));
      build.onResolve({ filter: /\.css$/ }, (args) => ({ path: args.path, namespace: 'no-css' }));
      build.onLoad({ filter: /.*/, namespace: 'no-css' }, () => ({ contents: '', loader: 'js' }));
    },
  };
}

/** Rewrites the pages at `files` in memory first (one that fails leaves all as they were), then writes them. */
function rewriteAll(root, files, options) {
  const pages = files.map((file) => {
    try {
      return { file, html: rewriteNotePage(readFileSync(file, 'utf8'), options) };
    } catch (e) {
      if (e instanceof StaticNotesError) throw new StaticNotesError(`${path.relative(root, file)}: ${e.message}`);
      throw e;
    }
  });
  for (const { file, html } of pages) writeFileSync(file, html);
}

/** `12.3 kB; 40 files, 500 kB with the lazy chunks` */
const sizes = (b) => `${(b.entryBytes / 1000).toFixed(1)} kB; ${b.files} files, ${(b.bytes / 1000).toFixed(0)} kB with the lazy chunks`;

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const exportDir = path.resolve(root, process.env.EXPORT_DIR || 'out');
  const base = normalizeBase(process.env.BASE_PATH);
  const notesDir = path.join(exportDir, 'notes');
  const simulatorPage = path.join(exportDir, 'simulator', 'index.html');
  for (const page of [path.join(notesDir, 'index.html'), simulatorPage]) {
    if (!existsSync(page)) throw new StaticNotesError(`${path.relative(root, page)} not found; run next build first`);
  }
  const outDir = (dir) => path.join(exportDir, ...dir.split('/').filter(Boolean));

  const notes = await bundle({ root, outDir: outDir(STATIC_NOTES_DIR), base, name: 'notes', entry: 'components/notes/enhance/entry.ts' });
  const files = htmlFiles(notesDir);
  rewriteAll(root, files, { base, entry: notes.entry, preload: notes.preload });
  console.log(`static-notes: ${files.length} notes pages in ${path.relative(root, exportDir)}/ load ${base}${STATIC_NOTES_DIR}/${notes.entry} (${sizes(notes)}) instead of the Next.js runtime`);

  const sim = await bundle({
    root,
    outDir: outDir(STATIC_SIMULATOR_DIR),
    base,
    name: 'simulator',
    entry: 'components/simulator/static/entry.ts',
    define: { __SIMULATOR_PROPS__: JSON.stringify(await simulatorProps(root, base)) },
    plugins: [withoutNext(root)],
  });
  // React and the island are prefetched: the reader's first press should not wait for the network.
  rewriteAll(root, [simulatorPage], { base, entry: sim.entry, preload: sim.preload, prefetch: sim.firstUse, dir: STATIC_SIMULATOR_DIR });
  console.log(`static-notes: ${path.relative(root, simulatorPage)} loads ${base}${STATIC_SIMULATOR_DIR}/${sim.entry} (${sizes(sim)}) and hydrates its island on the first interaction`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`static-notes: ${e instanceof StaticNotesError ? e.message : (e?.stack ?? String(e))}`);
    process.exit(1);
  });
}
