import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    // The pure core: no browser, extension, storage or UI imports (tested fast in Node).
    files: ['lib/**/*.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '#imports', 'dexie', 'svelte', 'svelte/*', 'ag-grid-*', '@/components/*', '@/entrypoints/*'], message: 'lib/ is the pure core: no browser, storage or UI code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'browser', 'chrome', 'indexedDB', 'localStorage', 'navigator'],
    },
  },
);
