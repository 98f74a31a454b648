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

export default nextConfig;
