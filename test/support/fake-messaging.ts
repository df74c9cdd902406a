import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Delivers a runtime message to the fake browser's listeners with a `sendResponse` callback, as
 * Chrome does (the fake's types leave the callback out).
 */
export function triggerWithResponse(message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void): Promise<unknown[]> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
  return trigger(message, sender, sendResponse);
}
