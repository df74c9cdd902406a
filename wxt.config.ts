import { defineConfig } from 'wxt';

// The sandbox and the real host: the only pages our content script may run on (S1).
export const HOST_MATCHES = [
  'http://localhost/*',
  'http://127.0.0.1/*',
  'https://*.procore.com/*',
];

export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/module-svelte'],
  manifest: {
    name: 'Backfill',
    description: 'Backfill Yardi progress claims into Procore Portfolio Financials, exact to the cent.',
    permissions: [],
  },
  webExt: { disabled: true },
});
