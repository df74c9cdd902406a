import { browser } from 'wxt/browser';
import { PageMessageSchema, PageReplySchema, type PageMessage, type PageReply } from '@/lib/protocol';

/**
 * Tells the page this panel is docked in (its content script) something: the background forwards the
 * message to the top frame of this panel's tab. Never throws: a failure comes back as `{ ok: false }`
 * (for example when the page was reloaded and has no content script yet).
 */
export async function sendToPage(message: PageMessage): Promise<PageReply> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(PageMessageSchema.parse(message));
    const parsed = PageReplySchema.safeParse(reply);
    return parsed.success ? parsed.data : { ok: false, reason: 'the page sent no valid reply' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
