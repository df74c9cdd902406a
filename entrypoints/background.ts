import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { buildPanelHash } from '@/lib/panel-link';
import { draftMarks } from '@/lib/draft-marks';
import { identityKey } from '@/lib/claim-identity';
import { isBuiltInHost } from '@/lib/hosts';
import type { ClaimOpenMessage, DraftMarksRequest, PageMessage, PageReply } from '@/lib/protocol';
import { readContentRequest } from '@/lib/content-request-reader';
import { DRAFT_GUARD_PORT, readDraftGuardMessage } from '@/lib/draft-guard-reader';
import { readPageMessage, readPageReply } from '@/lib/page-message-reader';
import { CompanyHosts } from '@/lib/extension/company-hosts';
import { WorkerStore } from '@/lib/storage/worker-store';
import { UnsavedEdits } from '@/lib/extension/unsaved-edits';

type Handler<Type extends PageMessage['type']> = (
  message: Extract<PageMessage, { type: Type }>,
  tabId: number,
) => Promise<PageReply>;

/** Page messages go to the content script in the top frame of the tab the panel is docked in. */
async function forwardToPage(message: PageMessage, tabId: number): Promise<PageReply> {
  try {
    const reply = readPageReply(await browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
    return reply ?? { ok: false, reason: 'the page sent no valid reply' };
  } catch (error) {
    return { ok: false, reason: `the page did not answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// One handler per message type; the type checker insists every message in the protocol has one.
const handlers: { [Type in PageMessage['type']]: Handler<Type> } = {
  'panel/close': forwardToPage,
  'claim/submitted': forwardToPage,
  'drafts/changed': forwardToPage,
};

/**
 * The panel page in our own origin, whatever its hash (which names the claim). Compared with the
 * worker's own location, not `runtime.getURL`: with `use_dynamic_url` that returns the per-session
 * dynamic URL, while a loaded panel reports the extension's fixed origin.
 */
function isPanelPage(url: string | undefined): boolean {
  return isOwnPage(url, '/panel.html');
}

function isOwnPage(url: string | undefined, pathname: string): boolean {
  if (url === undefined || !URL.canParse(url)) return false;
  const sender = new URL(url);
  return sender.protocol === location.protocol && sender.host === location.host && sender.pathname === pathname;
}

/**
 * Our content script asks something of us, from the top frame of a host page: only from a host we
 * serve, the origin taken from the browser's record of the sender's tab, never from the message.
 */
async function answerContentScript(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const request = readContentRequest(message);
  const page = sender.url && URL.canParse(sender.url) ? new URL(sender.url) : undefined;
  const origin = page?.origin;
  if (request === null || page === undefined || origin === undefined || sender.tab === undefined) return { ok: false, reason: 'not a request we answer' };
  const builtIn = isBuiltInHost(origin);
  // Marks are asked after every save: on a host the manifest names, no company-host lookup is needed.
  if (request.type === 'drafts/marks' && builtIn) return markRows(request, page);
  const companyHost = await new CompanyHosts().serves(origin);
  if (!companyHost && !builtIn) {
    console.warn('[Backfill] Dropped a request from a host Backfill does not serve:', origin);
    return { ok: false, reason: 'unexpected sender' };
  }
  if (request.type === 'drafts/marks') return markRows(request, page);
  // Opening in a tab is for company hosts only: on built-in hosts the panel docks in the page.
  if (!companyHost) return { ok: false, reason: 'unexpected sender' };
  return openClaimInTab(request, origin, sender.tab);
}

/**
 * On a company host the panel opens in a tab of its own, reading from that host (it may not be framed
 * there, S6).
 */
async function openClaimInTab(message: ClaimOpenMessage, origin: string, tab: Browser.tabs.Tab): Promise<PageReply> {
  const identity = 'row' in message ? message.row : { claimId: message.claimId };
  const url = `${browser.runtime.getURL('/panel.html')}#${buildPanelHash(identity, origin)}`;
  await browser.tabs.create({ url, index: tab.index + 1, openerTabId: tab.id });
  return { ok: true };
}

// Rows already recorded while this worker lives: marks are asked after every save, rows seldom change.
const recordedRows = new Set<string>();

/**
 * What each row should show of our own work on its claim, from the extension's storage. The rows are
 * recorded as seen, for the workbench's queue; that never holds up or fails the answer.
 */
async function markRows({ rows }: DraftMarksRequest, page: URL): Promise<unknown> {
  const store = new WorkerStore();
  const unrecorded = rows.filter((row) => !recordedRows.has(identityKey(row)));
  if (unrecorded.length > 0) {
    store.recordSeenRows(unrecorded, page).then(
      () => unrecorded.forEach((row) => recordedRows.add(identityKey(row))),
      (error: unknown) => console.warn('[Backfill] Could not record the rows seen on this page:', error),
    );
  }
  const { entries, links } = await store.markSources(rows.filter((row) => row.claimId === undefined).map(identityKey));
  return { ok: true, marks: draftMarks(rows, entries, links) };
}

async function handleMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  if (sender.id === browser.runtime.id && sender.frameId === 0 && !isPanelPage(sender.url)) return answerContentScript(message, sender);
  // Only our own panel, docked in a tab, may ask the page for anything (S4).
  if (sender.id !== browser.runtime.id || !isPanelPage(sender.url) || sender.tab?.id === undefined) {
    console.warn('[Backfill] Dropped a message not sent by the panel:', sender.url ?? sender.id);
    return { ok: false, reason: 'unexpected sender' };
  }
  const parsed = readPageMessage(message);
  if (!parsed.ok) {
    console.warn('[Backfill] Dropped a message that is not in the protocol:', parsed.reason);
    return { ok: false, reason: 'not a page message' };
  }
  const handler = handlers[parsed.message.type] as Handler<PageMessage['type']>;
  return handler(parsed.message, sender.tab.id);
}

/**
 * A panel's draft guard port: its unsaved edits are kept while it lives and saved when it goes away,
 * since a destroyed frame gets no time to save them itself (D2). Only our panel page may guard (S4).
 */
function guardDraft(port: Browser.runtime.Port): void {
  if (port.name !== DRAFT_GUARD_PORT) return;
  // The allocation view runs in the panel and in the workbench: both hand over what they leave unsaved.
  if (port.sender?.id !== browser.runtime.id || !(isPanelPage(port.sender.url) || isOwnPage(port.sender.url, '/workbench.html'))) {
    console.warn('[Backfill] Refused a draft guard not opened by the panel or the workbench:', port.sender?.url ?? port.sender?.id);
    port.disconnect();
    return;
  }
  const unsaved = new UnsavedEdits(new WorkerStore());
  // The page the panel is docked in shows a draft badge on the claim's row: tell it when it changed.
  const tabId = port.sender.tab?.id;
  const draftsChanged = () => {
    if (tabId !== undefined) void forwardToPage({ type: 'drafts/changed' }, tabId);
  };
  port.onMessage.addListener((message: unknown) => {
    const parsed = readDraftGuardMessage(message);
    const followed = parsed.ok && unsaved.follow(parsed.message);
    if (followed && parsed.message.type === 'draft/saved') draftsChanged();
    if (followed) return;
    // Changes after it would be made to the wrong edits: the port is cut, and the panel, seeing it
    // cut, sends its snapshot whole over a new one.
    console.warn('[Backfill] Dropped a draft guard message and closed its port:', parsed.ok ? 'changes to a draft this port never sent whole' : parsed.reason);
    port.disconnect();
  });
  port.onDisconnect.addListener(() => {
    unsaved.save().then(
      (outcome) => {
        if (outcome === 'saved' || outcome === 'conflict') draftsChanged();
        if (outcome === 'conflict') console.warn("[Backfill] A closed panel's last edits were set aside: another tab had saved a newer draft.");
        if (outcome === 'frozen') console.warn("[Backfill] A closed panel's last edits were not saved: the claim is being submitted or was.");
      },
      (error: unknown) => console.error('[Backfill] Could not save the last edits of a closed panel:', error),
    );
  });
}

export default defineBackground(() => {
  // Replies through `sendResponse` and `return true`: every Chrome honours that (a returned Promise
  // only recent ones).
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    handleMessage(message, sender).then(sendResponse, (error: unknown) => {
      console.error('[Backfill] Could not answer a message:', error);
      sendResponse({ ok: false, reason: 'the background failed' });
    });
    return true;
  });
  browser.runtime.onConnect.addListener(guardDraft);
  // Access to a company host taken back in the browser's settings: Backfill stops running there too.
  browser.permissions.onRemoved.addListener(({ origins }) => {
    new CompanyHosts().forget(origins ?? []).catch((error: unknown) => console.error('[Backfill] Could not stop running on a host whose access was removed:', error));
  });
  // The toolbar button: the workbench, with every claim and draft on this computer.
  browser.action.onClicked.addListener(() => void browser.tabs.create({ url: browser.runtime.getURL('/workbench.html') }));
});
