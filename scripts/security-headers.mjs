// The security headers we recommend for any host of the static export (README "Deploying"),
// served by scripts/serve.mjs with --headers and used by every browser test.
//
// Content-Security-Policy: Next's static export bootstraps each page with inline <script>
// elements whose content differs per page (the RSC payload), so script-src needs
// 'unsafe-inline' unless the host computes hashes per file; mermaid and CodeMirror write
// inline styles, hence style-src 'unsafe-inline'. Everything else is same-origin only: the site
// makes no request off-origin. Downloads use blob: URLs, QR codes and icons data: URLs.

/** Header name → value. */
export const securityHeaders = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
