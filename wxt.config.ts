import { defineConfig } from 'wxt';
import { HOST_MATCHES } from './lib/hosts';

export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/module-svelte'],
  manifest: {
    name: 'Backfill',
    description: 'Backfill Yardi progress claims into Procore Portfolio Financials, exact to the cent.',
    // unlimitedStorage: drafts of large contracts must never be evicted or hit the default quota (D4, D5).
    permissions: ['unlimitedStorage'],
    // The panel reads claims and submits backfills on these hosts only (S1); no <all_urls>.
    host_permissions: [...HOST_MATCHES],
    // The toolbar button opens the drafts page.
    action: { default_title: 'Backfill drafts' },
    // Only the panel page may be framed by the host pages, and only by them (S6).
    web_accessible_resources: [{ resources: ['panel.html'], matches: [...HOST_MATCHES], use_dynamic_url: true }],
  },
  // The 500 kB hint is for pages fetched over a network; the panel loads from the extension's own disk.
  vite: () => ({ build: { chunkSizeWarningLimit: 1500 } }),
  webExt: { disabled: true },
});
