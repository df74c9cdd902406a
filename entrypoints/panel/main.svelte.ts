import { mount } from 'svelte';
import { browser } from 'wxt/browser';
import { adapterForOrigin } from '@/lib/host/adapter-for-origin';
import { CompanyHosts } from '@/lib/extension/company-hosts';
import { parsePanelHash, readStandbyToken, type PanelLink } from '@/lib/panel-link-reader';
import ClaimWorkspace from '@/components/ClaimWorkspace.svelte';
import { BackfillSession } from '@/lib/panel/backfill-session.svelte';
import { ClaimFinder } from '@/lib/panel/claim-finder.svelte';
import { ClaimLoader } from '@/lib/panel/claim-loader';
import { ClaimReadAhead, type EarlyRead } from '@/lib/panel/claim-read-ahead';
import type { HostAdapter } from '@/lib/host/host-adapter';
import { backfillDatabase } from '@/lib/storage/database';
import { DraftGuard } from '@/lib/extension/draft-guard';
import { DraftStore } from '@/lib/storage/draft-store';
import { LocalSource } from '@/lib/storage/local-source';
import { RowLinks } from '@/lib/storage/row-links';
import { sendToPage } from '@/lib/extension/page-messages';
import { prepareAllocationGrid } from '@/components/prepared-grid';
import '@/components/theme.css';
import { waitForClaim } from './standby';

// The grid is made now, empty, while the claim and its draft are read, rather than once it is shown.
prepareAllocationGrid(window.matchMedia('(prefers-color-scheme: dark)').matches);

/** Docked in a host page (the panel), or opened in its own tab from the drafts page (the app). */
const embedded = window.top !== window;

interface PanelProps {
  session: BackfillSession | null;
  /** Finding the claim of a row that shows no claim id; null once a claim is open, or with an id. */
  finder: ClaimFinder | null;
  problem: string | null;
  storageNote: string | null;
  embedded: boolean;
  /** The claim being read, as its row shows it. */
  reading: string | undefined;
}

/** The host a panel reads its claim from: the embedding page's origin, or in its own tab the one the link names. */
function hostOf(link: PanelLink, companyHosts: readonly string[]): { hostOrigin: string; host: HostAdapter } | null {
  const hostOrigin = embedded ? location.ancestorOrigins?.[0] : link.host;
  const host = hostOrigin ? adapterForOrigin(hostOrigin, companyHosts) : null;
  return hostOrigin && host ? { hostOrigin, host } : null;
}

/**
 * The panel trusts the page for one thing only: which claim to open, by its id or as the row shows it
 * (then the host finds it). Everything else is re-read from the host, whose origin the browser gives
 * us (the embedding page), never the page's own words (S4). In its own tab there is no page: the host
 * is the one the draft was made on, if Backfill knows it. `early`: what was read ahead for this claim.
 */
function startSession(props: PanelProps, companyHosts: readonly string[], drafts: DraftStore, early: EarlyRead | undefined): void {
  const link = parsePanelHash(location.hash);
  if (!link) {
    props.problem = 'No claim was named to open.';
    return;
  }
  const reading = hostOf(link, companyHosts);
  if (!reading) {
    props.problem = 'Backfill does not know how to read claims from this page yet.';
    return;
  }
  const { hostOrigin, host } = reading;
  const { identity } = link;
  if (identity.invoiceNumber !== undefined) props.reading = `invoice ${identity.invoiceNumber}`;
  const open = (claimId: string) => {
    const db = backfillDatabase();
    const onSubmitted = (submittedId: string) => {
      // A row without a claim id is known to the page by what it shows: name it that way too.
      if (embedded) void sendToPage({ type: 'claim/submitted', claimId: submittedId, ...(identity.claimId === undefined && { row: identity }) });
    };
    const session = new BackfillSession(claimId, hostOrigin, host, drafts, onSubmitted, new DraftGuard(), new LocalSource(db));
    // An extension update upgrading the database: save what this tab has, then let it through (D6).
    db.on('versionchange', () => {
      void session.flush().finally(() => db.close());
      return false;
    });
    // The row finds this claim's draft again by it (its badge), whatever its words for the contract.
    if (identity.claimId === undefined) {
      new RowLinks(db).remember(identity, claimId).catch((error: unknown) => console.warn('Backfill: could not remember the row of this claim', error));
    }
    props.finder = null;
    props.session = session;
    void session.load(early?.readOf(claimId));
  };
  if (identity.claimId !== undefined) {
    open(identity.claimId);
    return;
  }
  props.finder = new ClaimFinder(identity, host, open, early?.match);
  void props.finder.find();
}

/**
 * Reads ahead, in a page standing by, the claim the dock names as about to be opened (`ClaimReadAhead`),
 * as an open would read it. A page stands by only where the panel docks, on built-in hosts (S6), whose
 * adapter no company host of the options decides.
 */
function readAheadIn(drafts: DraftStore): { readAhead: ClaimReadAhead; start: (hash: string) => void } {
  const db = backfillDatabase();
  const readAhead = new ClaimReadAhead((claimId, host) => new ClaimLoader(claimId, host, drafts, new LocalSource(db)).read());
  const start = (hash: string) => {
    const link = parsePanelHash(hash);
    const reading = link && hostOf(link, []);
    if (link && reading) readAhead.start(hash, link.identity, reading.host);
  };
  return { readAhead, start };
}

async function start(): Promise<void> {
  const drafts = new DraftStore(backfillDatabase());
  let early: EarlyRead | undefined;
  // Loaded ahead of time, its code (and the grid's) ready: wait for the claim.
  const standby = readStandbyToken(location.hash);
  if (standby !== null) {
    // Opened now, the database answers the claim's first read at once (opening it takes about 30 ms).
    backfillDatabase().open().catch(() => undefined); // a failure shows where the draft is read
    const { readAhead, start: startReadAhead } = readAheadIn(drafts);
    early = readAhead.take(await waitForClaim(standby, startReadAhead));
  }
  // Company hosts the user allowed in the options page (unreadable means none).
  const companyHosts = await new CompanyHosts().list().catch(() => []);
  const props = $state<PanelProps>({ session: null, finder: null, problem: null, storageNote: null, embedded, reading: undefined });
  startSession(props, companyHosts, drafts, early);
  mount(ClaimWorkspace, { target: document.getElementById('app')!, props });

  // Ask the browser to keep our data under storage pressure (D5); say so when it will not. With
  // unlimitedStorage (in the manifest) Chrome never evicts an extension's data, so that is enough too.
  const persisted = await navigator.storage?.persist?.().catch(() => true);
  const unlimited = await browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false);
  if (persisted === false && !unlimited) props.storageNote = 'The browser may clear saved drafts when disk space runs low (persistent storage was not granted).';
}

void start();
