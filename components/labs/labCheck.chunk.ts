/**
 * The lab checker with the engine, loaded on demand (it carries zod and every STS rule), so the lab
 * page's first load stays small. Import this module only with `import()`.
 */
export { attemptFrom, checkLab } from '@/lib/labs/check';
