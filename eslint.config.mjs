// ESLint flat config. The engine layering rule lives here: lib/ (except the
// adapters in lib/stores and lib/content) must stay framework-free so it runs
// the same in the browser, in the CLI and in tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

const engineBannedPaths = [
  { name: 'react', message: 'lib/ is the framework-free engine: no React.', allowTypeImports: false },
  { name: 'react-dom', message: 'lib/ is the framework-free engine: no React.', allowTypeImports: false },
  { name: 'next', message: 'lib/ is the framework-free engine: no Next.js.' },
  { name: 'mermaid', message: 'lib/ emits mermaid source text; only components/diagram imports mermaid.' },
  { name: 'fs', message: 'lib/ is pure: no file system (use lib/content for loaders).' },
];

const engineBannedPatterns = [
  { group: ['next/*'], message: 'lib/ is the framework-free engine: no Next.js.' },
  { group: ['react/*', 'react-dom/*'], message: 'lib/ is the framework-free engine: no React.' },
  { group: ['zustand', 'zustand/*'], message: 'Stores live in lib/stores, outside the engine.' },
  { group: ['node:*'], message: 'lib/ is pure: no Node built-ins.' },
  { group: ['fs/*'], message: 'lib/ is pure: no file system.' },
  { group: ['@/components/*', '@/app/*'], message: 'lib/ must not depend on the UI.' },
];

export default defineConfig(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'out/**',
      'out-subpath/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx,js,mjs}'],
    ignores: ['lib/stores/**', 'lib/content/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: engineBannedPaths, patterns: engineBannedPatterns }],
      // AWS character sets (policy text, session names) list \t, \n and \r explicitly.
      'no-control-regex': 'off',
    },
  },
  {
    // Links to the site's own pages go through components/layout/Link.tsx, which does not
    // prefetch (issue #16: prefetching made phones fetch and parse other routes' scripts on load).
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['components/layout/Link.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: "Use { Link } from '@/components/layout/Link' (no prefetching)." }] }],
    },
  },
  {
    // Layers: lib/policy and lib/world sit below lib/sts, which sits below lib/scenario
    // (the file format, loader and runner). A lower layer never reaches up.
    files: ['lib/{policy,world,sts,arn,util}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: engineBannedPaths,
          patterns: [
            ...engineBannedPatterns,
            { group: ['**/scenario/*', '@/lib/scenario/*'], message: 'lib/scenario builds on the engine; the engine must not import it (the world lives in lib/world).' },
          ],
        },
      ],
    },
  },
);
