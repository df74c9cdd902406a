import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { serveFixtures, type FixtureServer } from './fixture-server';
import { ReconciliationPage } from './reconciliation-page';

// The docked panel: the extension page in an iframe, its URL contract, focus, closing, and the
// panel → background → content script messages.
let browser: ExtensionBrowser;
let server: FixtureServer;
let page: Page;
let reconciliation: ReconciliationPage;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await page?.close();
  page = await browser.context.newPage();
  reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(`${server.url}/table.html`);
});

describe('opening the panel', () => {
  it('docks the extension page on the right, with the claim, contract and invoice in its URL', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    expect(await reconciliation.panelLink()).toEqual({ claim: 'C-1001', contract: 'SC-001', invoice: 'INV-1' });
    const frame = await reconciliation.panelFrame();
    // Loaded through the per-session dynamic URL, the panel still runs in the extension's own origin.
    expect(await frame.evaluate(() => location.origin)).toBe(`chrome-extension://${browser.extensionId}`);
    expect(new URL((await reconciliation.panelIframe().getAttribute('src'))!).host).not.toBe(browser.extensionId);
    const viewport = page.viewportSize()!;
    const box = (await reconciliation.panelIframe().boundingBox())!;
    expect(Math.round(box.x + box.width)).toBe(viewport.width);
    expect(box.height).toBeGreaterThan(viewport.height * 0.8);
  });

  it('moves focus into the panel page', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    const frame = await reconciliation.panelFrame();
    // The focus is handed in when the panel page has loaded: on a loaded machine, past the poll's default second.
    await expect.poll(() => frame.evaluate(() => document.hasFocus()), { timeout: 10_000 }).toBe(true);
    // Back on the page, the row's button takes the user into the open panel again.
    await page.locator('h1').click();
    expect(await frame.evaluate(() => document.hasFocus())).toBe(false);
    await reconciliation.linkButtonOf('C-1001').click();
    await expect.poll(() => frame.evaluate(() => document.hasFocus())).toBe(true);
  });

  it('gives the panel working IndexedDB in the extension origin (storage partitioning as in Chrome)', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    const frame = await reconciliation.panelFrame();
    const result = await frame.evaluate(
      () =>
        new Promise<string>((done) => {
          const request = indexedDB.open('backfill-e2e-probe');
          request.onsuccess = () => {
            request.result.close();
            done('opened');
          };
          request.onerror = () => done(`failed: ${request.error?.message}`);
        }),
    );
    expect(result).toBe('opened');
  });

  it('keeps one panel and switches it to the claim of another row', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    await reconciliation.panelFrame();
    await reconciliation.linkButtonOf('C-1003').click();
    expect(await reconciliation.panelLink()).toEqual({ claim: 'C-1003', contract: 'SC-003', invoice: 'INV-3' });
    await expect(reconciliation.dock().count()).resolves.toBe(1);
    await expect(reconciliation.panelIframe().count()).resolves.toBe(1);
  });

  it('shows again when the page took the dock out and put it back', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    await reconciliation.panelFrame();
    // Out of the document a popover stops being shown, and stays hidden when put back.
    await page.evaluate(() => {
      const dock = document.querySelector('backfill-panel-dock')!;
      dock.remove();
      document.body.append(dock);
    });
    await expect.poll(() => reconciliation.panelIframe().isVisible()).toBe(false);
    await reconciliation.linkButtonOf('C-1003').click();
    await expect.poll(() => reconciliation.panelIframe().isVisible()).toBe(true);
    expect(await reconciliation.panelLink()).toEqual({ claim: 'C-1003', contract: 'SC-003', invoice: 'INV-3' });
    const viewport = page.viewportSize()!;
    const box = (await reconciliation.panelIframe().boundingBox())!;
    expect(Math.round(box.x + box.width)).toBe(viewport.width);
  });

  it('cannot be framed by the page itself: the panel is only reachable through the dynamic URL', async () => {
    const staticUrl = `chrome-extension://${browser.extensionId}/panel.html#claim=C-1001`;
    await page.evaluate((src) => {
      const iframe = document.createElement('iframe');
      iframe.id = 'forged';
      iframe.src = src;
      document.body.append(iframe);
    }, staticUrl);
    const forged = await (await page.locator('#forged').elementHandle())!.contentFrame();
    await forged!.waitForLoadState('load');
    expect(forged!.url()).not.toContain(browser.extensionId);
  });
});

describe('the panel page standing by', () => {
  /** The panel page loaded out of sight for the next claim, once it has loaded. */
  async function standby(): Promise<Frame> {
    let found: Frame | undefined;
    await expect.poll(() => (found = page.frames().find((frame) => frame.url().includes('#standby='))), { timeout: 10_000 }).toBeDefined();
    await found!.waitForLoadState('load');
    return found!;
  }

  it('opens the next claim in a panel page loaded ahead, out of sight and out of the page’s reach', async () => {
    const ready = await standby();
    // Takes no room, and the page can neither see into its shadow root nor reach its frame.
    const hidden = await page.evaluate(() => {
      const host = document.querySelector('backfill-panel-standby')!;
      return { box: host.getBoundingClientRect().width, shadow: host.shadowRoot, frames: window.length };
    });
    expect(hidden).toEqual({ box: 0, shadow: null, frames: 0 });

    await reconciliation.linkButtonOf('C-1001').click();
    expect(await reconciliation.panelFrame()).toBe(ready);
    expect(await reconciliation.panelLink()).toEqual({ claim: 'C-1001', contract: 'SC-001', invoice: 'INV-1' });
    // The page that stood by shows the claim now (no host API here: it says it cannot read it).
    await expect.poll(() => ready.evaluate(() => document.getElementById('app')!.childElementCount)).toBeGreaterThan(0);
    await expect.poll(() => ready.evaluate(() => document.hasFocus())).toBe(true);
    expect(await page.locator('backfill-panel-standby').count()).toBe(0);

    // Closed, another page stands by for the next claim: a new one, never the page of the last claim.
    await page.keyboard.press('Escape');
    const next = await standby();
    expect(next).not.toBe(ready);
    await reconciliation.linkButtonOf('C-1003').click();
    expect(await reconciliation.panelFrame()).toBe(next);
    expect(await reconciliation.panelLink()).toEqual({ claim: 'C-1003', contract: 'SC-003', invoice: 'INV-3' });
  });

  it('is never shown once it was navigated elsewhere: the claim opens in a new page', async () => {
    const ready = await standby();
    // Only the browser itself can do this here (the page cannot reach the frame): Playwright can. The
    // frame changes process as it leaves the extension's origin, and Playwright loses sight of it.
    await ready.goto(`${server.url}/table.html`).catch(() => undefined);
    await expect.poll(() => page.frames().filter((frame) => frame.url().includes('/table.html')).length, { timeout: 10_000 }).toBe(2);
    await reconciliation.linkButtonOf('C-1001').click();
    expect(await reconciliation.panelFrame()).not.toBe(ready);
    expect(await reconciliation.panelLink()).toEqual({ claim: 'C-1001', contract: 'SC-001', invoice: 'INV-1' });
  });

  it('is not loaded while a panel is open, nor on a page with nothing to link', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    await reconciliation.panelFrame();
    // The page changes under the open panel (each change is scanned), and time passes.
    await page.evaluate(() => document.querySelector('tbody')!.append(document.querySelector('tbody tr')!.cloneNode(true)));
    await page.waitForTimeout(1_500);
    expect(page.frames().filter((frame) => frame.url().includes('panel.html'))).toHaveLength(1);

    await page.setContent('<h1>Reports</h1><table><tr><th>Task</th><th>Owner</th></tr><tr><td>Close</td><td>Ann</td></tr></table>');
    await page.waitForTimeout(1_500);
    expect(page.frames().filter((frame) => frame.url().includes('panel.html'))).toHaveLength(0);
  });
});

describe('resizing the panel', () => {
  it('widens and narrows with the arrow keys on its edge, and by dragging it', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    const handle = reconciliation.resizeHandle();
    const width = async () => Number(await handle.getAttribute('aria-valuenow'));
    const before = await width();
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await width()).toBe(before + 16);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await width()).toBe(before + 16 - 64);

    // Dragging the edge puts it under the pointer: the panel is as wide as the page right of it.
    // After a frame: the browser routes mouse events by the layout it last drew, and the keys above
    // just moved the edge out of what was the panel's frame.
    await reconciliation.settle();
    const box = (await handle.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(700, y, { steps: 5 });
    await page.mouse.up();
    expect(await width()).toBe(page.viewportSize()!.width - 700);
    expect(Math.round((await reconciliation.panelIframe().boundingBox())!.x)).toBe(701);
  });
});

describe('closing the panel', () => {
  it('closes on Esc and gives focus back to the button that opened it', async () => {
    await reconciliation.linkButtonOf('C-1005').click();
    await reconciliation.closeButton().focus();
    await page.keyboard.press('Escape');
    await expect(reconciliation.dock().count()).resolves.toBe(0);
    expect(await reconciliation.focusedButtonRow()).toBe('C-1005');
  });

  it('closes on Esc pressed inside the panel page (it asks the page to close it)', async () => {
    await reconciliation.linkButtonOf('C-1005').click();
    const frame = await reconciliation.panelFrame();
    await expect.poll(() => frame.evaluate(() => document.hasFocus())).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => reconciliation.dock().count()).toBe(0);
    expect(await reconciliation.focusedButtonRow()).toBe('C-1005');
  });

  it('closes with its close button', async () => {
    await reconciliation.linkButtonOf('C-1009').click();
    await reconciliation.closeButton().click();
    await expect(reconciliation.dock().count()).resolves.toBe(0);
    expect(await reconciliation.focusedButtonRow()).toBe('C-1009');
  });

  it('closes on panel/close, giving focus to the row’s new button when the page re-rendered it', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    await page.evaluate(() => window.page.render());
    await reconciliation.settle();
    await reconciliation.closeFromPanel();
    await expect.poll(() => reconciliation.dock().count()).toBe(0);
    expect(await reconciliation.focusedButtonRow()).toBe('C-1001');
  });
});

describe('claim/submitted', () => {
  it('shows the row backfilled in place of its button at once, until the row is matched', async () => {
    await reconciliation.linkButtonOf('C-1003').click();
    expect(await reconciliation.sendFromPanel({ type: 'claim/submitted', claimId: 'C-1003' })).toEqual({ ok: true });
    // No animation frame needed: the button goes before the page refreshes its data.
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1005', 'C-1009']);
    expect(await reconciliation.rowsBackfilled()).toEqual(['C-1003']);
    await page.evaluate(() => window.page.render());
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1005', 'C-1009']);
    expect(await reconciliation.rowsBackfilled()).toEqual(['C-1003']);
    // The host catches up (matched); a later difference is a new mismatch and gets a button again.
    await page.evaluate(() => window.page.setProcore('C-1003', '$4,200.50'));
    await reconciliation.settle();
    await page.evaluate(() => window.page.setProcore('C-1003', '$4,000.00'));
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1003', 'C-1005', 'C-1009']);
    expect(await reconciliation.rowsBackfilled()).toEqual([]);
  });

  it('drops messages that are not in the protocol, and changes nothing', async () => {
    await reconciliation.linkButtonOf('C-1001').click();
    for (const message of [
      { type: 'claim/submitted', claimId: 42 },
      { type: 'claim/submitted', claimId: 'C-1001', extra: true },
      { type: 'claim/open', claimId: 'C-1001' },
      'panel/close',
      null,
    ]) {
      expect(await reconciliation.sendFromPanel(message)).toEqual({ ok: false, reason: 'not a page message' });
    }
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1003', 'C-1005', 'C-1009']);
    await expect(reconciliation.dock().count()).resolves.toBe(1);
  });
});
