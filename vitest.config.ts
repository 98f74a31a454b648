import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/** The fuzz file runs as many cases as fit in its time box (FUZZ_SECONDS), so it runs alone. */
const timeBoxed = 'tests/property/robustness.property.test.ts';

// Engine and content tests run in node; only tests/components use jsdom.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    // vitest's default is one worker per core less one: a single worker on a 2-core CI machine.
    // Two workers use both cores; larger machines keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', 'tests/components/**', 'node_modules/**', timeBoxed], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'components', include: ['tests/components/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        // After the other files, on its own: sharing the CPU with them would cut the cases it runs.
        extends: true,
        test: { name: 'fuzz', include: [timeBoxed], environment: 'node', maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
