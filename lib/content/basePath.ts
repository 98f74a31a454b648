/**
 * The sub-path the site is served under, set at build time (`BASE_PATH=/repo npm run build`,
 * e.g. for a GitHub Pages project site). next.config.js passes it to the client as
 * NEXT_PUBLIC_BASE_PATH. Next's <Link> and assets follow it by themselves; every URL we build by
 * hand (a plain <a>, a fetch, history.pushState, a share link) goes through withBase().
 */
export const basePath: string = normalizeBasePath(process.env.NEXT_PUBLIC_BASE_PATH);

/**
 * `'/repo/'`, `'repo'` and `'/repo'` all mean `'/repo'`; empty or `'/'` means the domain's root.
 * @param raw the value of BASE_PATH
 * @returns the base path with one leading slash and no trailing slash, or `''`
 * @example normalizeBasePath('repo/') // '/repo'
 */
export function normalizeBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

/**
 * A root-relative site path with the base path in front; anything else (a `#hash`, a full
 * URL, a relative path) is returned as it is.
 * @param path a path such as `/notes/assume-role/`
 * @param base the base path (defaults to the build's)
 * @returns the path the browser must request
 * @example withBase('/notes/', '/repo') // '/repo/notes/'
 */
export function withBase(path: string, base: string = basePath): string {
  return path.startsWith('/') && !path.startsWith('//') ? `${base}${path}` : path;
}

/**
 * The inverse of withBase for a location's pathname (used where a page reads its own URL).
 * @example withoutBase('/repo/simulator/', '/repo') // '/simulator/'
 */
export function withoutBase(pathname: string, base: string = basePath): string {
  if (!base) return pathname;
  if (pathname === base) return '/';
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}
