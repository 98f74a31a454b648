/**
 * The engine, loaded on demand: it carries zod and every STS rule (~130 kB gzip), so it stays
 * out of the page's first load. Import this module only with `import()`.
 */
export { simulate, fixesFor } from '@/lib/engine';
