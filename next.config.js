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

/**
 * Static export: `next build` writes plain files to out/, served by sirv-cli
 * (`npm start`). There is no Node server at runtime.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  images: { unoptimized: true },
  trailingSlash: true,
  reactStrictMode: true,
};

export default withMDX(nextConfig);
