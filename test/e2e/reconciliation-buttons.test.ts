import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { serveFixtures, type FixtureServer } from './fixture-server';
import { ReconciliationPage } from './reconciliation-page';

// Buttons beside exactly the mismatched reconciliation rows, kept right while the page changes.
let browser: ExtensionBrowser;
let server: FixtureServer;
let page: Page;
let reconciliation: ReconciliationPage;
let pageErrors: string[];

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
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Our content script logs its own failures as "[Backfill] … failed: …" instead of throwing.
  page.on('console', (message) => {
    if (message.text().startsWith('[Backfill]') && message.text().includes(' failed')) pageErrors.push(message.text());
  });
  reconciliation = new ReconciliationPage(page);
  return () => expect(pageErrors).toEqual([]);
});

describe('a <table> reconciliation page', () => {
  beforeEach(async () => reconciliation.goto(`${server.url}/table.html`));

  it('puts one button, in an open shadow root, beside each mismatched row and none elsewhere', async () => {
    // C-1003 has "—" in Procore, C-1005 differs by a cent under a "$0.00" Difference, C-1009 has "-".
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1003', 'C-1005', 'C-1009']);
    await expect(reconciliation.linkButtons().count()).resolves.toBe(4);
    await expect(reconciliation.linkButtonOf('C-1001').isVisible()).resolves.toBe(true);
    // Matched, zero against empty, matched under a lying Difference, unreadable, equal negatives.
    for (const key of ['C-1002', 'C-1004', 'C-1006', 'C-1007', 'C-1008']) {
      await expect(reconciliation.linkButtonOf(key).count()).resolves.toBe(0);
    }
  });

  it('keeps the table layout: same cell count in every row, the button inside the last cell', async () => {
    const layout = await page.evaluate(() =>
      [...document.querySelectorAll('#reconciliation tr')].map((row) => (row as HTMLTableRowElement).cells.length),
    );
    expect(new Set(layout)).toEqual(new Set([7, 4]));
    const inLastCell = await page.evaluate(() =>
      [...document.querySelectorAll('backfill-link-claim')].every((host) => host.parentElement === host.closest('tr')?.lastElementChild),
    );
    expect(inLastCell).toBe(true);
  });

  it('keeps exactly one button per mismatched row when the page re-renders its rows', async () => {
    for (let render = 0; render < 5; render++) await page.evaluate(() => window.page.render());
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1003', 'C-1005', 'C-1009']);
  });

  it('follows rows that become matched, mismatched, added or removed', async () => {
    await page.evaluate(() => window.page.setProcore('C-1001', '$12,500.00'));
    await page.evaluate(() => window.page.setProcore('C-1002', '$7,999.99'));
    await page.evaluate(() =>
      window.page.add({ id: 'C-1011', contract: 'SC-011', vendor: 'Kilo', invoice: 'INV-11', yardi: '$9.00', procore: '', difference: '$9.00' }),
    );
    await page.evaluate(() => window.page.remove('C-1009'));
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1002', 'C-1003', 'C-1005', 'C-1011']);
  });

  it('follows a cell edited in place, without a new row', async () => {
    await page.evaluate(() => window.page.editCell('C-1005', 5, '$1,000.00'));
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1003', 'C-1009']);
    await page.evaluate(() => window.page.editCell('C-1005', 6, 'recomputed'));
    await page.evaluate(() => window.page.editCell('C-1001', 6, 'recomputed'));
    await reconciliation.settle();
    // The Difference cell (where the button lives) was rewritten: the button comes back into it.
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1003', 'C-1009']);
  });

  it('removes a copy of our button the page made by cloning a row', async () => {
    await page.evaluate(() => {
      const row = document.querySelector('tr[data-claim-id="C-1001"]')!;
      const copy = row.cloneNode(true) as HTMLTableRowElement;
      copy.dataset.claimId = 'C-1001-copy';
      copy.cells[5]!.textContent = '$12,500.00';
      row.after(copy);
    });
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(['C-1001', 'C-1003', 'C-1005', 'C-1009']);
  });

  it('leaves the page working: its own buttons and row handlers, and our clicks do not reach them', async () => {
    await page.getByRole('button', { name: 'Clicked 0 times' }).click();
    await expect(page.getByRole('button', { name: 'Clicked 1 times' }).count()).resolves.toBe(1);
    await page.locator('tr[data-claim-id="C-1002"] td').first().click();
    await expect(page.evaluate(() => window.page.rowClicks)).resolves.toBe(1);
    await reconciliation.linkButtonOf('C-1001').click();
    await expect(page.evaluate(() => window.page.rowClicks)).resolves.toBe(1);
  });
});

describe('an ARIA grid reconciliation page', () => {
  it('finds the grid by its odd-cased headers in another order and reads the Claim ID column', async () => {
    await reconciliation.goto(`${server.url}/grid.html`);
    expect(await reconciliation.rowsWithButtons()).toEqual(['G-1', 'G-3']);
    await page.evaluate(() => window.page.setProcore('G-1', '1500'));
    await page.evaluate(() => window.page.setProcore('G-2', '$699.00'));
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(['G-2', 'G-3']);
  });
});

describe('a page that re-renders its rows every 10 ms', () => {
  it('never shows a duplicate button and ends with exactly the mismatched rows', async () => {
    await reconciliation.goto(`${server.url}/rapid.html`);
    for (let sample = 0; sample < 20; sample++) {
      const rows = await reconciliation.rowsWithButtons();
      expect(rows.length).toBe(new Set(rows).size);
      expect(rows.every((key) => ['R-1', 'R-3', 'R-4'].includes(key))).toBe(true);
      await page.waitForTimeout(25);
    }
    await page.evaluate(() => window.page.stop(false));
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(['R-1', 'R-3', 'R-4']);
    expect(await page.evaluate(() => [window.page.errors, window.page.renders > 20])).toEqual([0, true]);
  });
});

describe('a hostile page', () => {
  beforeEach(async () => reconciliation.goto(`${server.url}/hostile.html`));

  it('cannot hide or restyle our buttons with its CSS, nor break us by clobbering globals', async () => {
    expect(await reconciliation.rowsWithButtons()).toEqual(['?', '?']);
    const buttons = reconciliation.linkButtons();
    await expect(buttons.count()).resolves.toBe(2);
    for (const button of await buttons.all()) {
      await expect(button.isVisible()).resolves.toBe(true);
      const style = await button.evaluate((element) => {
        const computed = getComputedStyle(element);
        return { fontSize: computed.fontSize, color: computed.color };
      });
      expect(style).toEqual({ fontSize: '12px', color: 'rgb(255, 255, 255)' });
    }
  });

  it('never runs script-looking cell text, and skips a cell with a hidden direction override', async () => {
    // H-3's Procore cell starts with U+202E: not an amount, so no button rather than a guess.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('backfill-link-claim')].map((host) => host.closest('tr')!.cells[0]!.textContent!.trim()),
    );
    expect(rows).toEqual(['H-1&claim=evil#x', 'H-4']);
    await reconciliation.linkButtons().first().click();
    expect((await reconciliation.panelLink()).claim).toBe('H-1&claim=evil#x');
    await reconciliation.panelFrame();
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  });
});

describe('shapes of real pages (no claim id anywhere)', () => {
  beforeEach(async () => reconciliation.goto(`${server.url}/real-shapes.html`));

  /** The rows this page's own markup says should have a button (`data-expect`), sorted. */
  const expectedRows = () =>
    page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-expect="button"]')].map((row) => row.dataset.rowKey!).sort());

  async function click(selector: string): Promise<void> {
    await page.locator(selector).click();
    await reconciliation.settle();
  }

  it('puts buttons on exactly the mismatched rows, whatever the header spelling, money form or Difference text', async () => {
    const expected = await expectedRows();
    expect(expected).toEqual(['difference-says-zero', 'empty-procore', 'hostile-text', 'minus-dollar-vs-dash']);
    expect(await reconciliation.rowsWithButtons()).toEqual(expected);
    // The budget table beside it has money and an Invoice # column, but is not a reconciliation table.
    expect(await page.locator('#budget backfill-link-claim').count()).toBe(0);
  });

  it('follows the page’s own sorting and filtering, and its navigation to another route and back', async () => {
    await click('#sort');
    expect(await reconciliation.rowsWithButtons()).toEqual(await expectedRows());
    await click('#filter');
    expect(await reconciliation.rowsWithButtons()).toEqual(await expectedRows());
    await click('#navigate');
    // The next route is a virtualised ARIA grid placing its cells by aria-colindex.
    expect(await reconciliation.rowsWithButtons()).toEqual(['grid-credit', 'grid-mismatched']);
    await page.goBack();
    await reconciliation.settle();
    expect(await reconciliation.rowsWithButtons()).toEqual(await expectedRows());
  });

  it('hands the panel what the row shows, read as text', async () => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await reconciliation.linkButtonOf('difference-says-zero').click();
    const hash = () => reconciliation.panelLink();
    expect(await hash()).toEqual({ contract: 'SC-3', invoice: 'INV-6', vendor: 'Foxtrot' });
    await reconciliation.linkButtonOf('hostile-text').click();
    await expect.poll(hash).toEqual({ contract: 'SC-4', invoice: '<img src=x onerror=alert(1)>', vendor: 'Hotel' });
    await reconciliation.panelFrame();
    expect(dialogs).toBe(0);
  });
});
