import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { triggerWithResponse } from '../support/fake-messaging';
import type { Browser } from 'wxt/browser';
import background from '../../entrypoints/background';
import { backfillDatabase } from '../../lib/storage/database';
import { DraftStore } from '../../lib/storage/draft-store';
import { RowLinks } from '../../lib/storage/row-links';
import { SeenRows } from '../../lib/storage/seen-rows';
import { draftEdits, makeClaim, makeSov } from '../support/fixtures';
import { fakePort } from '../support/fake-port';

// The background forwards page messages from our panel, and from nothing else, to the tab's top frame.
const PANEL_URL = 'chrome-extension://test-extension-id/panel.html#claim=C-1';
const panel: Browser.runtime.MessageSender = { id: 'test-extension-id', url: PANEL_URL, tab: { id: 7 } as Browser.tabs.Tab, frameId: 3 };

let sendMessage: ReturnType<typeof vi.fn>;
let connect: (port: Browser.runtime.Port) => void;

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('location', new URL('chrome-extension://test-extension-id/background.js'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  sendMessage = vi.fn(async () => ({ ok: true }));
  fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
  // The fake browser has no ports: the background's listener is caught here, for tests to connect.
  fakeBrowser.runtime.onConnect = { addListener: (listener: typeof connect) => (connect = listener) } as unknown as typeof fakeBrowser.runtime.onConnect;
  // Nor permission events, nor permission checks: every host a test registers is granted.
  fakeBrowser.permissions.onRemoved = { addListener: vi.fn() } as unknown as typeof fakeBrowser.permissions.onRemoved;
  fakeBrowser.permissions.contains = vi.fn(async () => true) as unknown as typeof fakeBrowser.permissions.contains;
  background.main();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Delivers `message` as the browser does, and waits for what the listener answers through `sendResponse`. */
async function deliver(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  return new Promise((answered) => void triggerWithResponse(message, sender, answered));
}

describe('the background', () => {
  it('forwards a page message from the panel to the top frame of the panel’s tab, with the page’s reply', async () => {
    expect(await deliver({ type: 'claim/submitted', claimId: 'C-1' }, panel)).toEqual({ ok: true });
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'claim/submitted', claimId: 'C-1' }, { frameId: 0 });
  });

  it.each([
    ['another extension', { ...panel, id: 'other-extension' }],
    ['another page of ours', { ...panel, url: 'chrome-extension://test-extension-id/options.html' }],
    ['a page of another extension', { ...panel, url: 'chrome-extension://other-extension/panel.html' }],
    ['a web page', { ...panel, url: 'http://127.0.0.1/panel.html' }],
    ['no tab', { ...panel, tab: undefined }],
    ['no URL', { ...panel, url: undefined }],
  ])('drops a message from %s', async (_, sender) => {
    expect(await deliver({ type: 'panel/close' }, sender)).toEqual({ ok: false, reason: 'unexpected sender' });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('drops a message that is not in the protocol', async () => {
    expect(await deliver({ type: 'claim/open', claimId: 'C-1' }, panel)).toEqual({ ok: false, reason: 'not a page message' });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('reports a page without our content script, or with a reply that is not one, as not delivered', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await deliver({ type: 'panel/close' }, panel)).toEqual({
      ok: false,
      reason: 'the page did not answer: Could not establish connection. Receiving end does not exist.',
    });
    sendMessage.mockResolvedValueOnce({ ok: 'sure' });
    expect(await deliver({ type: 'panel/close' }, panel)).toEqual({ ok: false, reason: 'the page sent no valid reply' });
  });
});

describe('claims opened from a company host', () => {
  const companyPage: Browser.runtime.MessageSender = {
    id: 'test-extension-id',
    url: 'https://acme.example.com/reconciliation',
    tab: { id: 9, index: 2 } as Browser.tabs.Tab,
    frameId: 0,
  };
  let create: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    create = vi.fn(async () => ({}));
    fakeBrowser.tabs.create = create as unknown as typeof fakeBrowser.tabs.create;
    const scripts = [{ id: 'company-host:https://acme.example.com', matches: ['https://acme.example.com/*'], js: ['content-scripts/reconciliation.js'] }];
    (fakeBrowser as unknown as { scripting: object }).scripting = { getRegisteredContentScripts: vi.fn(async () => scripts) };
  });

  it('opens the panel in a tab of its own, reading from the host the browser says sent it', async () => {
    expect(await deliver({ type: 'claim/open', claimId: 'YC-7' }, companyPage)).toEqual({ ok: true });
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/panel.html#claim=YC-7&host=https%3A%2F%2Facme.example.com',
      index: 3,
      openerTabId: 9,
    });
  });

  it('opens a claim named by what its row shows, as the row shows it', async () => {
    const row = { contractNumber: 'SC-1042', invoiceNumber: 'GRC-3357', vendorName: 'Granite & Co', invoiceDate: '2026-01-31' };
    expect(await deliver({ type: 'claim/open', row }, companyPage)).toEqual({ ok: true });
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/panel.html#contract=SC-1042&invoice=GRC-3357&vendor=Granite+%26+Co&date=2026-01-31&host=https%3A%2F%2Facme.example.com',
      index: 3,
      openerTabId: 9,
    });
  });

  it.each([
    ['a host the user did not add', { ...companyPage, url: 'https://evil.example.com/' }],
    ['another extension', { ...companyPage, id: 'other-extension' }],
  ])('refuses %s', async (_name, sender) => {
    expect(await deliver({ type: 'claim/open', claimId: 'YC-7' }, sender)).toMatchObject({ ok: false });
    expect(create).not.toHaveBeenCalled();
  });

  it('refuses anything but a claim to open', async () => {
    expect(await deliver({ type: 'claim/submitted', claimId: 'YC-7' }, companyPage)).toMatchObject({ ok: false });
    expect(await deliver({ type: 'claim/open', claimId: 'YC-7', host: 'https://evil.example.com' }, companyPage)).toMatchObject({ ok: false });
    expect(await deliver({ type: 'claim/open', row: { vendorName: 'Acme', invoiceNumber: 'A-1' } }, companyPage)).toMatchObject({ ok: false });
    expect(await deliver({ type: 'claim/open', claimId: 'YC-7', row: { claimId: 'YC-8' } }, companyPage)).toMatchObject({ ok: false });
    expect(create).not.toHaveBeenCalled();
  });
});

describe('draft marks for the rows of a host page', () => {
  const hostPage: Browser.runtime.MessageSender = { id: 'test-extension-id', url: 'http://127.0.0.1:5173/?ids=none', tab: { id: 4 } as Browser.tabs.Tab, frameId: 0 };
  const db = backfillDatabase();

  beforeEach(async () => {
    await Promise.all([db.drafts.clear(), db.draftBases.clear(), db.rowLinks.clear(), db.seenRows.clear()]);
    (fakeBrowser as unknown as { scripting: object }).scripting = { getRegisteredContentScripts: vi.fn(async () => []) };
  });

  it('answers each row from the extension’s drafts: by claim id, by the claim opened for that row, or by none', async () => {
    const claim = makeClaim();
    await new DraftStore(db).saveEdits(draftEdits({ L1: '750.00' }), 0, { claimId: claim.id, claim, sov: makeSov(), recordedAt: '2026-04-01T00:00:00.000Z' });
    const linkedRow = { contractNumber: 'SC-0001', invoiceNumber: 'Z-9' };
    await new RowLinks(db).remember(linkedRow, 'YC-1');
    const rows = [{ claimId: 'YC-1' }, linkedRow, { contractNumber: 'SC-0002', invoiceNumber: 'Z-9' }];
    expect(await deliver({ type: 'drafts/marks', rows }, hostPage)).toEqual({
      ok: true,
      marks: [{ state: 'draft', percent: 50 }, { state: 'draft', percent: 50 }, null],
    });
    // The rows are recorded for the workbench's queue, with the page they were on (without its query).
    await vi.waitFor(async () => expect((await new SeenRows(db).all()).map(({ row }) => [row.identity, row.pageUrl])).toHaveLength(3));
    expect((await new SeenRows(db).all()).map(({ row }) => row.pageUrl)).toEqual(Array(3).fill('http://127.0.0.1:5173/'));
  });

  it.each([
    ['a host Backfill does not serve', { ...hostPage, url: 'https://evil.example.com/' }],
    ['another extension', { ...hostPage, id: 'other-extension' }],
    ['a frame inside the page', { ...hostPage, frameId: 2 }],
  ])('refuses %s', async (_, sender) => {
    expect(await deliver({ type: 'drafts/marks', rows: [{ claimId: 'YC-1' }] }, sender)).toMatchObject({ ok: false });
  });

  it('refuses rows that name no claim, and more rows than one request may carry', async () => {
    expect(await deliver({ type: 'drafts/marks', rows: [{ invoiceNumber: 'Z-9' }] }, hostPage)).toMatchObject({ ok: false });
    const rows = Array.from({ length: 2001 }, (_, index) => ({ claimId: `YC-${index}` }));
    expect(await deliver({ type: 'drafts/marks', rows }, hostPage)).toMatchObject({ ok: false });
  });
});

describe('the draft guard', () => {
  const drafts = new DraftStore(backfillDatabase());
  const unsaved = (claimId: string, amount: string) => ({
    type: 'draft/unsaved',
    edits: { claimId, contractId: 'C-1', header: { number: 'INV-1', title: 'Backfill', payPeriod: '2026-03-31' }, allocations: { L1: amount }, focusedSovLineId: 'L1' },
    baseRevision: 0,
  });

  /** The panel's port, connected; `frameId` 3 as a docked panel's frame. */
  function guard(sender: Browser.runtime.MessageSender = panel, name = 'draft-guard') {
    const end = fakePort(name, sender);
    connect(end.asPort);
    return end;
  }

  it('saves the edits a panel left unsaved when its frame goes away', async () => {
    const port = guard();
    port.deliver(unsaved('G-1', '1.00'));
    port.deliver(unsaved('G-1', '2.50'));
    expect(await drafts.get('G-1')).toBeUndefined(); // the panel saves normally while it lives
    port.drop();
    await vi.waitFor(async () => expect(await drafts.get('G-1')).toMatchObject({ allocations: { L1: '2.50' }, revision: 1 }));
  });

  it('also guards the workbench, where the same allocation view runs in a tab', async () => {
    const port = guard({ ...panel, url: 'chrome-extension://test-extension-id/workbench.html#claim=local-00000000000000aa', frameId: 0 });
    expect(port.port.disconnect).not.toHaveBeenCalled();
    port.deliver(unsaved('G-9', '4.00'));
    port.drop();
    await vi.waitFor(async () => expect(await drafts.get('G-9')).toMatchObject({ allocations: { L1: '4.00' } }));
  });

  it('tells the page the panel is docked in that a draft was saved, so its row’s badge follows', async () => {
    const port = guard();
    port.deliver(unsaved('G-5', '1.00'));
    expect(sendMessage).not.toHaveBeenCalled();
    port.deliver({ type: 'draft/saved' });
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'drafts/changed' }, { frameId: 0 });
    port.deliver(unsaved('G-5', '2.00'));
    port.drop();
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledTimes(2));
  });

  it('saves nothing once the panel said all is on disk', async () => {
    const port = guard();
    port.deliver(unsaved('G-2', '1.00'));
    port.deliver({ type: 'draft/saved' });
    port.drop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await drafts.get('G-2')).toBeUndefined();
  });

  it.each([
    ['another extension', { ...panel, id: 'other-extension' }],
    ['another page of ours', { ...panel, url: 'chrome-extension://test-extension-id/options.html' }],
    ['a web page', { ...panel, url: 'http://127.0.0.1/panel.html' }],
  ])('refuses a guard opened by %s, and saves nothing it sends', async (_, sender) => {
    const port = guard(sender);
    expect(port.port.disconnect).toHaveBeenCalled();
    port.deliver(unsaved('G-3', '1.00'));
    port.drop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await drafts.get('G-3')).toBeUndefined();
  });

  it('drops messages that are not in the protocol, keeping what it had, and closes the port', async () => {
    const port = guard();
    port.deliver(unsaved('G-4', '1.00'));
    for (const message of [{ ...unsaved('G-4', '9.00'), edits: { claimId: 'G-4', allocations: { L1: 9 } } }, { ...unsaved('G-4', '9.00'), baseRevision: -1 }, { type: 'draft/saved', claimId: 'G-4' }, 'draft/saved', null]) {
      port.deliver(message);
    }
    // Changes that came after a dropped message would be made to the wrong edits: the panel, its
    // port cut, sends its snapshot whole over a new one.
    expect(port.port.disconnect).toHaveBeenCalledTimes(5);
    port.drop();
    await vi.waitFor(async () => expect(await drafts.get('G-4')).toMatchObject({ allocations: { L1: '1.00' } }));
    expect(console.warn).toHaveBeenCalledTimes(5);
  });

  it('saves a snapshot with the changes sent after it, and closes a port sending changes to nothing', async () => {
    const { allocations: _allocations, ...edits } = unsaved('G-6', '1.00').edits;
    const port = guard();
    port.deliver(unsaved('G-6', '1.00'));
    port.deliver({ type: 'draft/unsaved-changes', edits, changes: { L1: '1.25', L2: '3.00' }, baseRevision: 0 });
    port.drop();
    await vi.waitFor(async () => expect(await drafts.get('G-6')).toMatchObject({ allocations: { L1: '1.25', L2: '3.00' } }));

    const fresh = guard();
    fresh.deliver({ type: 'draft/unsaved-changes', edits: { ...edits, claimId: 'G-7' }, changes: { L1: '5.00' }, baseRevision: 0 });
    expect(fresh.port.disconnect).toHaveBeenCalledOnce();
    fresh.drop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await drafts.get('G-7')).toBeUndefined();
  });

  it('leaves ports of other names alone', () => {
    const port = guard(panel, 'something-else');
    expect(port.port.disconnect).not.toHaveBeenCalled();
    expect(console.warn).not.toHaveBeenCalled();
  });
});
