import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** lib/ folders that run in the browser: storage (Dexie), extension APIs, and the panel's Svelte state. */
const BROWSER_SIDE_LIB = ['lib/storage/**', 'lib/extension/**', 'lib/panel/**'];
/** Every way to name an entrypoint or a component: WXT's aliases and relative paths. */
const ENTRYPOINTS = ['@/entrypoints/*', '~/entrypoints/*', '@@/entrypoints/*', '~~/entrypoints/*', '**/entrypoints/*'];
const COMPONENTS = ['@/components/*', '~/components/*', '@@/components/*', '~~/components/*', '**/components/*'];
const ANOTHER_ENTRYPOINT = 'An entrypoint imports no other entrypoint: move what they share to lib/ (or components/).';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', '.sandbox-data/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // S2, S3: no string-to-code and no HTML parsing of page or user data.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes or use textContent: page and user data are never HTML (S3).' },
        { property: 'outerHTML', message: 'Build DOM nodes or use textContent (S3).' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes or use textContent (S3).' },
      ],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The pure core: no browser, extension, storage or UI imports (tested fast in Node). Its browser-side
    // neighbours (storage, extension, panel) may import it, never the other way round.
    files: ['lib/**/*.ts'],
    ignores: BROWSER_SIDE_LIB,
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports', 'dexie', 'svelte', 'svelte/*', 'ag-grid-*', ...ENTRYPOINTS, ...COMPONENTS], message: 'lib/ is the pure core: no browser, storage or UI code.' },
            {
              group: ['@/lib/storage/*', '@/lib/extension/*', '@/lib/panel/*', '**/storage/*', '**/extension/*', '**/panel/*'],
              message: 'lib/ is the pure core: the browser side (lib/storage, lib/extension, lib/panel) imports it, not the other way round.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'browser', 'chrome', 'indexedDB', 'localStorage', 'navigator'],
    },
  },
  {
    // Browser-side modules shared by the entrypoints: what an entrypoint runs imports them, never the reverse.
    files: BROWSER_SIDE_LIB,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...ENTRYPOINTS, ...COMPONENTS], message: 'lib/ is shared code: it imports no entrypoint and no component.' }] }],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ENTRYPOINTS, message: 'Components import no entrypoint: shared state lives in lib/panel/, shared code in lib/.' }] }],
    },
  },
  {
    // An entrypoint holds only what that entry runs: `../x` from an entrypoint's folder (or `./x` beside
    // background.ts) is another entrypoint. Shared code lives in lib/ or components/.
    files: ['entrypoints/*/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ENTRYPOINTS, message: ANOTHER_ENTRYPOINT },
            { regex: '^\\.\\./(?!\\.\\./)', message: ANOTHER_ENTRYPOINT },
          ],
        },
      ],
    },
  },
  {
    // The service worker starts again at each message after it idled: it loads no schema library, no
    // Dexie and no decimal.js (the budget in test/e2e/bundle-size.test.ts holds what it imports whole).
    // It reads with the readers checked by hand (`lib/canonical-records.ts`) and writes with `WorkerStore`.
    files: ['entrypoints/background.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'zod/*', 'dexie', 'decimal.js', '@/lib/schemas', '@/lib/protocol', '@/lib/claim-identity-schema', '@/lib/money', '@/lib/decimal', '@/lib/storage/database', '@/lib/storage/draft-store'],
              allowTypeImports: true,
              message: 'The service worker stays small: no zod, Dexie or decimal.js (read with lib/canonical-records.ts, write with WorkerStore).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ENTRYPOINTS, message: ANOTHER_ENTRYPOINT },
            { regex: '^\\./', message: ANOTHER_ENTRYPOINT },
          ],
        },
      ],
    },
  },
);
