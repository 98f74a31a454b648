import { fileURLToPath } from 'node:url';
import createMDX from '@next/mdx';

/**
 * Study notes are MDX (content/notes/*.mdx). The remark plugin gives headings their explicit
 * ids and turns pipe tables into tables. It is named by absolute path, not passed as a
 * function, because Turbopack needs serializable loader options.
 */
const withMDX = createMDX({
  options: {
    remarkPlugins: [fileURLToPath(new URL('./lib/content/remarkNotes.mjs', import.meta.url))],
  },
});

/** `'/repo/'`, `'repo'` or `'/repo'` → `'/repo'`; unset → `''` (same rule as lib/content/basePath.ts). */
const baseTrimmed = (process.env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
const basePath = baseTrimmed ? `/${baseTrimmed}` : '';

/**
 * Static export: `next build` writes plain files to out/, served by sirv-cli
 * (`npm start`). There is no Node server at runtime.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  // BASE_PATH=/repo npm run build: the export works under a sub-path (GitHub Pages project sites).
  // The client reads it as NEXT_PUBLIC_BASE_PATH for URLs we build by hand (lib/content/basePath.ts).
  ...(basePath ? { basePath } : {}),
  // EXPORT_DIR=out-subpath: with output 'export', distDir is where the export is written
  // (npm run build:subpath, for the sub-path browser test, leaves out/ alone).
  ...(process.env.EXPORT_DIR ? { distDir: process.env.EXPORT_DIR } : {}),
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  // npm test type-checks the sources once (npm run typecheck) before either build; the sub-path
  // build sets SKIP_NEXT_TYPECHECK=1 so Next does not check the same sources a third time.
  typescript: { ignoreBuildErrors: process.env.SKIP_NEXT_TYPECHECK === '1' },
  images: { unoptimized: true },
  trailingSlash: true,
  reactStrictMode: true,
};

export default withMDX(nextConfig);
