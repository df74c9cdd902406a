import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { PageReplySchema, parsePageMessage, type PageMessage, type PageReply } from '@/lib/protocol';

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

async function handleMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<PageReply> {
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

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  // The toolbar button: every draft on this computer, to resume any of them in its own tab.
  browser.action.onClicked.addListener(() => void browser.tabs.create({ url: browser.runtime.getURL('/drafts.html') }));
});
