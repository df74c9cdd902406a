import { defineConfig } from 'wxt';
import { STORE_MODE, hostMatches } from './lib/hosts';

export default defineConfig({
  srcDir: '.',
  // Every module imports what it uses. WXT's auto-imports would also add static imports of what a
  // file names, which keeps the grid's code (AG Grid) in the panel's first chunk instead of its own.
  imports: false,
  modules: ['@wxt-dev/module-svelte'],
  // `npm run zip` builds with mode `store`: no sandbox hosts anywhere in its manifest (see `hostMatches`).
  manifest: ({ mode }) => ({
    name: 'Backfill',
    description: 'Backfill Yardi progress claims into Procore Portfolio Financials, exact to the cent.',
    // unlimitedStorage: drafts of large contracts must never be evicted or hit the default quota (D4, D5).
    // scripting: our content script on a company host the user added in the options page.
    permissions: ['unlimitedStorage', 'scripting'],
    // The panel reads claims and submits backfills on these hosts only (S1); no <all_urls>.
    host_permissions: hostMatches(mode === STORE_MODE),
    // A company's own host, asked for at run time one origin at a time (the options page).
    optional_host_permissions: ['https://*/*'],
    // The toolbar button opens the workbench.
    action: { default_title: 'Backfill workbench' },
    // Only the panel page may be framed, and only by the hosts (S6). On a company host added at run
    // time (which the manifest cannot list) the panel opens in a tab of its own instead.
    web_accessible_resources: [{ resources: ['panel.html'], matches: hostMatches(mode === STORE_MODE), use_dynamic_url: true }],
  }),
  hooks: {
    // The content script's matches are read from its entrypoint, where the build mode is not known.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== STORE_MODE) return;
      for (const script of manifest.content_scripts ?? []) script.matches = hostMatches(true);
    },
  },
  // The 500 kB hint is for pages fetched over a network; the panel loads from the extension's own disk.
  // The import worker is bundled apart from the pages; like them it carries no comments (the pages'
  // minifier drops them), so no library's notice reads as a script address in the shipped code.
  vite: () => ({ build: { chunkSizeWarningLimit: 1500 }, worker: { rolldownOptions: { output: { comments: false } } } }),
  webExt: { disabled: true },
});
