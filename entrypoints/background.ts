import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { buildPanelHash } from '@/lib/panel-link';
import {
  ClaimOpenMessageSchema,
  DRAFT_GUARD_PORT,
  PageReplySchema,
  parseDraftGuardMessage,
  parsePageMessage,
  type PageMessage,
  type PageReply,
} from '@/lib/protocol';
import { CompanyHosts } from './options/company-hosts';
import { backfillDatabase } from './panel/db';
import { DraftStore } from './panel/draft-store';
import { UnsavedEdits } from './panel/unsaved-edits';

type Handler<Type extends PageMessage['type']> = (
  message: Extract<PageMessage, { type: Type }>,
  tabId: number,
) => Promise<PageReply>;

/** Page messages go to the content script in the top frame of the tab the panel is docked in. */
async function forwardToPage(message: PageMessage, tabId: number): Promise<PageReply> {
  try {
    const reply = PageReplySchema.safeParse(await browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
    return reply.success ? reply.data : { ok: false, reason: 'the page sent no valid reply' };
  } catch (error) {
    return { ok: false, reason: `the page did not answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// One handler per message type; the type checker insists every message in the protocol has one.
const handlers: { [Type in PageMessage['type']]: Handler<Type> } = {
  'panel/close': forwardToPage,
  'claim/submitted': forwardToPage,
};

/**
 * The panel page in our own origin, whatever its hash (which names the claim). Compared with the
 * worker's own location, not `runtime.getURL`: with `use_dynamic_url` that returns the per-session
 * dynamic URL, while a loaded panel reports the extension's fixed origin.
 */
function isPanelPage(url: string | undefined): boolean {
  if (url === undefined || !URL.canParse(url)) return false;
  const sender = new URL(url);
  return sender.protocol === location.protocol && sender.host === location.host && sender.pathname === '/panel.html';
}

/**
 * Our content script on a company host the user added asks to open a claim: the panel opens in a tab
 * of its own, reading from that host (it may not be framed there, S6). The host comes from the
 * browser's record of the sender's tab, never from the message.
 */
async function openClaimInTab(message: unknown, sender: Browser.runtime.MessageSender): Promise<PageReply> {
  const parsed = ClaimOpenMessageSchema.safeParse(message);
  const origin = sender.url && URL.canParse(sender.url) ? new URL(sender.url).origin : undefined;
  if (!parsed.success || origin === undefined || sender.tab === undefined) return { ok: false, reason: 'not a claim to open' };
  if (!(await new CompanyHosts().list()).includes(origin)) {
    console.warn('[Backfill] Dropped claim/open from a host the user did not add:', origin);
    return { ok: false, reason: 'unexpected sender' };
  }
  const identity = 'row' in parsed.data ? parsed.data.row : { claimId: parsed.data.claimId };
  const url = `${browser.runtime.getURL('/panel.html')}#${buildPanelHash(identity, origin)}`;
  await browser.tabs.create({ url, index: sender.tab.index + 1, openerTabId: sender.tab.id });
  return { ok: true };
}

async function handleMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<PageReply> {
  if (sender.id === browser.runtime.id && sender.frameId === 0 && !isPanelPage(sender.url)) return openClaimInTab(message, sender);
  // Only our own panel, docked in a tab, may ask the page for anything (S4).
  if (sender.id !== browser.runtime.id || !isPanelPage(sender.url) || sender.tab?.id === undefined) {
    console.warn('[Backfill] Dropped a message not sent by the panel:', sender.url ?? sender.id);
    return { ok: false, reason: 'unexpected sender' };
  }
  const parsed = parsePageMessage(message);
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
  if (port.sender?.id !== browser.runtime.id || !isPanelPage(port.sender.url)) {
    console.warn('[Backfill] Refused a draft guard not opened by the panel:', port.sender?.url ?? port.sender?.id);
    port.disconnect();
    return;
  }
  const unsaved = new UnsavedEdits(new DraftStore(backfillDatabase()));
  port.onMessage.addListener((message: unknown) => {
    const parsed = parseDraftGuardMessage(message);
    if (parsed.ok) unsaved.follow(parsed.message);
    else console.warn('[Backfill] Dropped a draft guard message that is not in the protocol:', parsed.reason);
  });
  port.onDisconnect.addListener(() => {
    unsaved.save().then(
      (outcome) => {
        if (outcome === 'conflict') console.warn("[Backfill] A closed panel's last edits were set aside: another tab had saved a newer draft.");
        if (outcome === 'frozen') console.warn("[Backfill] A closed panel's last edits were not saved: the claim is being submitted or was.");
      },
      (error: unknown) => console.error('[Backfill] Could not save the last edits of a closed panel:', error),
    );
  });
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  browser.runtime.onConnect.addListener(guardDraft);
  // The toolbar button: every draft on this computer, to resume any of them in its own tab.
  browser.action.onClicked.addListener(() => void browser.tabs.create({ url: browser.runtime.getURL('/drafts.html') }));
});
