import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Engine and content tests run in node; only tests/components use jsdom.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', 'tests/components/**', 'node_modules/**'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'components', include: ['tests/components/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
    ],
  },
});
