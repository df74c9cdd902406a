import { mount } from 'svelte';
import { adapterForOrigin } from '@/lib/host/adapter-for-origin';
import { parsePanelHash } from '@/lib/panel-link';
import App from './App.svelte';
import { BackfillSession } from './backfill-session.svelte';
import { backfillDatabase } from './db';
import { DraftStore } from './draft-store';
import { sendToPage } from './page-messages';
import './panel.css';

/**
 * The panel trusts the page for one thing only: which claim to open. Everything else is re-read from
 * the host, whose origin the browser gives us (the embedding page), never the page's own words (S4).
 */
function startSession(): { session: BackfillSession | null; problem: string | null; storageNote: string | null } {
  const link = parsePanelHash(location.hash);
  if (!link) return { session: null, problem: 'No claim was named to open.', storageNote: null };
  const hostOrigin = location.ancestorOrigins?.[0];
  const host = hostOrigin ? adapterForOrigin(hostOrigin) : null;
  if (!host) return { session: null, problem: 'Backfill does not know how to read claims from this page yet.', storageNote: null };
  const db = backfillDatabase();
  const session = new BackfillSession(link.claimId, host, new DraftStore(db), (claimId) => {
    void sendToPage({ type: 'claim/submitted', claimId });
  });
  // An extension update upgrading the database: save what this tab has, then let it through (D6).
  db.on('versionchange', () => {
    void session.flush().finally(() => db.close());
    return false;
  });
  void session.load();
  return { session, problem: null, storageNote: null };
}

const props = $state(startSession());
mount(App, { target: document.getElementById('app')!, props });

// Ask the browser to keep our data under storage pressure (D5); say so when it will not.
void navigator.storage
  ?.persist?.()
  .then((granted) => {
    if (!granted) props.storageNote = 'The browser may clear saved drafts when disk space runs low (persistent storage was not granted).';
  })
  .catch(() => {});
