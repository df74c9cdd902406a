import type { ClaimIdentity } from '@/lib/claim-identity';
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readPageMessage } from '@/lib/page-message-reader';
import type { ClaimOpenMessage, PageMessage, PageReply } from '@/lib/protocol';
import { logOnce } from './log';

export type PageMessageHandlers = { [Type in PageMessage['type']]: (message: Extract<PageMessage, { type: Type }>) => void };

/**
 * Receives the panel's page messages, which the background forwards. Only our own background may
 * talk to us (our extension id and no tab: a web page or another extension cannot pass that), and
 * only messages the protocol knows; anything else is dropped with a logged reason.
 */
export function receivePageMessages(ctx: ContentScriptContext, handlers: PageMessageHandlers): void {
  // Replies through `sendResponse`, synchronously: every Chrome honours that (a returned Promise only
  // recent ones).
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: PageReply) => void): undefined => {
    sendResponse(handle(handlers, message, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

function handle(handlers: PageMessageHandlers, message: unknown, sender: Browser.runtime.MessageSender): PageReply {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) {
    logOnce(`Dropped a message not sent by Backfill's background (from ${sender.url ?? sender.id ?? 'unknown'}).`);
    return { ok: false, reason: 'unexpected sender' };
  }
  const parsed = readPageMessage(message);
  if (!parsed.ok) {
    logOnce(`Dropped a message that is not in the protocol: ${parsed.reason}`);
    return { ok: false, reason: 'not a page message' };
  }
  try {
    dispatch(handlers, parsed.message);
    return { ok: true };
  } catch (error) {
    logOnce(`Handling ${parsed.message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, reason: `handling ${parsed.message.type} failed` };
  }
}

function dispatch<Message extends PageMessage>(handlers: PageMessageHandlers, message: Message): void {
  (handlers[message.type] as (message: Message) => void)(message);
}

/** On a company host: ask the background to open the claim in the panel's own tab. */
export async function askToOpen(claim: ClaimIdentity): Promise<void> {
  const message: ClaimOpenMessage = claim.claimId === undefined ? { type: 'claim/open', row: claim } : { type: 'claim/open', claimId: claim.claimId };
  await browser.runtime.sendMessage(message);
}

/** Asks the background what the rows of these claims should show of our drafts (`drafts/marks`). */
export function askDraftMarks(rows: ClaimIdentity[]): Promise<unknown> {
  return browser.runtime.sendMessage({ type: 'drafts/marks', rows });
}
