// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { triggerWithResponse } from '../support/fake-messaging';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { receivePageMessages } from '../../entrypoints/reconciliation.content/extension-messages';

// The content script takes page messages from our background only, and only those in the protocol.
const background: Browser.runtime.MessageSender = { id: 'test-extension-id' };

let ctx: ContentScriptContext;
const handlers = { 'panel/close': vi.fn(), 'claim/submitted': vi.fn(), 'drafts/changed': vi.fn() };

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  ctx = new ContentScriptContext('reconciliation');
  receivePageMessages(ctx, handlers);
});

afterEach(() => {
  ctx.abort();
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

/** Delivers `message` as the browser does, and returns what the listener answered through `sendResponse`. */
async function deliver(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  let reply: unknown;
  await triggerWithResponse(message, sender, (answer) => (reply = answer));
  return reply;
}

describe('page messages in the content script', () => {
  it('hands protocol messages from the background to their handler', async () => {
    expect(await deliver({ type: 'claim/submitted', claimId: 'C-1' }, background)).toEqual({ ok: true });
    expect(handlers['claim/submitted']).toHaveBeenCalledWith({ type: 'claim/submitted', claimId: 'C-1' });
    expect(await deliver({ type: 'panel/close' }, background)).toEqual({ ok: true });
    expect(handlers['panel/close']).toHaveBeenCalledOnce();
  });

  it.each([
    ['another extension', { id: 'other-extension' }],
    ['a content script in a tab', { ...background, tab: { id: 1 } as Browser.tabs.Tab }],
  ])('drops messages from %s', async (_, sender) => {
    expect(await deliver({ type: 'panel/close' }, sender)).toEqual({ ok: false, reason: 'unexpected sender' });
    expect(handlers['panel/close']).not.toHaveBeenCalled();
  });

  it('drops messages not in the protocol', async () => {
    expect(await deliver({ type: 'claim/open', claimId: 'C-1' }, background)).toEqual({ ok: false, reason: 'not a page message' });
  });

  it('reports a failing handler as data, not as a rejection', async () => {
    handlers['panel/close'].mockImplementationOnce(() => {
      throw new Error('boom');
    });
    expect(await deliver({ type: 'panel/close' }, background)).toEqual({ ok: false, reason: 'handling panel/close failed' });
  });

  it('stops listening when the extension reloads', async () => {
    ctx.abort();
    expect(await deliver({ type: 'panel/close' }, background)).toBeUndefined();
  });
});
