import { mount } from 'svelte';
import { browser } from 'wxt/browser';
import { adapterForOrigin } from '@/lib/host/adapter-for-origin';
import { CompanyHosts } from '../options/company-hosts';
import { parsePanelHash } from '@/lib/panel-link';
import App from './App.svelte';
import { BackfillSession } from './backfill-session.svelte';
import { backfillDatabase } from './db';
import { DraftGuard } from './draft-guard';
import { DraftStore } from './draft-store';
import { sendToPage } from './page-messages';
import './panel.css';

/** Docked in a host page (the panel), or opened in its own tab from the drafts page (the app). */
const embedded = window.top !== window;

/**
 * The panel trusts the page for one thing only: which claim to open. Everything else is re-read from
 * the host, whose origin the browser gives us (the embedding page), never the page's own words (S4).
 * In its own tab there is no page: the host is the one the draft was made on, if Backfill knows it.
 */
function startSession(companyHosts: readonly string[]): { session: BackfillSession | null; problem: string | null; storageNote: string | null; embedded: boolean } {
  const link = parsePanelHash(location.hash);
  if (!link) return { session: null, problem: 'No claim was named to open.', storageNote: null, embedded };
  const hostOrigin = embedded ? location.ancestorOrigins?.[0] : link.host;
  const host = hostOrigin ? adapterForOrigin(hostOrigin, companyHosts) : null;
  if (!hostOrigin || !host) return { session: null, problem: 'Backfill does not know how to read claims from this page yet.', storageNote: null, embedded };
  const db = backfillDatabase();
  const onSubmitted = (claimId: string) => {
    if (embedded) void sendToPage({ type: 'claim/submitted', claimId });
  };
  const session = new BackfillSession(link.claimId, hostOrigin, host, new DraftStore(db), onSubmitted, new DraftGuard());
  // An extension update upgrading the database: save what this tab has, then let it through (D6).
  db.on('versionchange', () => {
    void session.flush().finally(() => db.close());
    return false;
  });
  void session.load();
  return { session, problem: null, storageNote: null, embedded };
}

async function start(): Promise<void> {
  // Company hosts the user allowed in the options page (unreadable means none).
  const companyHosts = await new CompanyHosts().list().catch(() => []);
  const props = $state(startSession(companyHosts));
  mount(App, { target: document.getElementById('app')!, props });

  // Ask the browser to keep our data under storage pressure (D5); say so when it will not. With
  // unlimitedStorage (in the manifest) Chrome never evicts an extension's data, so that is enough too.
  const persisted = await navigator.storage?.persist?.().catch(() => true);
  const unlimited = await browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false);
  if (persisted === false && !unlimited) props.storageNote = 'The browser may clear saved drafts when disk space runs low (persistent storage was not granted).';
}

void start();
