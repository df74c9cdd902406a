import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { formatDate } from '../../lib/dates';
import { Decimal } from '../../lib/decimal';
import type { ReconciliationRow } from '../../lib/schemas';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { LINK_BUTTON_NAME } from './reconciliation-page';
import { balancedAllocation } from './sandbox-session';
import { useSandboxReconciliation } from './sandbox-reconciliation-page';

// The sandbox's reconciliation page without claim ids (/?ids=none), as real pages are: each row is
// known by what it shows, and the panel finds its claim through the host. One invoice number is
// reused on a contract (YC-1010 takes YC-1001's), so that contract + invoice names two claims.
const REUSED_INVOICE = 'GRC-3357';

const at = useSandboxReconciliation((data) => {
  for (const claim of data.claims) if (claim.id === SEED_CLAIMS.ordinaryConcreteLater) claim.invoiceNumber = REUSED_INVOICE;
});

beforeEach(async () => {
  await at.reconciliation.goto(new URL('/?ids=none', at.sandbox.url).href);
});

/** The row showing this invoice number and date (as the page shows dates), by its cells alone. */
function rowShowing(row: ReconciliationRow): Locator {
  const [year, month, day] = row.invoiceDate.split('-');
  return at.page.locator('tbody tr', { hasText: row.invoiceNumber }).filter({ hasText: `${month}/${day}/${year}` });
}

function rowOf(claimId: string): ReconciliationRow {
  return at.rows.find((row) => row.claimId === claimId)!;
}

async function openPanelFrom(row: ReconciliationRow): Promise<PanelPage> {
  await rowShowing(row).getByRole('button', { name: LINK_BUTTON_NAME, exact: true }).click();
  return new PanelPage(at.reconciliation.panel());
}

describe('the reconciliation page without claim ids', () => {
  it('shows no claim id anywhere, and buttons on exactly the mismatched rows', async () => {
    expect(await at.page.locator('[data-claim-id], [data-contract-id]').count()).toBe(0);
    const shown = await at.page.evaluate(() =>
      [...document.querySelectorAll('backfill-link-claim')].map((host) => {
        const cells = (host.closest('tr') as HTMLTableRowElement).cells;
        return `${cells[2]!.textContent} ${cells[3]!.textContent}`;
      }),
    );
    const mismatched = at.rows
      .filter((row) => row.yardiPtd !== row.procore)
      .map((row) => `${row.invoiceNumber} ${row.invoiceDate.replace(/^(\d+)-(\d+)-(\d+)$/, '$2/$3/$1')}`);
    expect(shown.sort()).toEqual(mismatched.sort());
    expect(shown.length).toBeLessThan(at.rows.length);
  });

  it('opens the right claim by contract and invoice number, never naming a claim id the page does not show', async () => {
    const row = rowOf(SEED_CLAIMS.ordinaryMechanical);
    const panel = await openPanelFrom(row);
    expect(await at.reconciliation.panelLink()).toEqual({ contract: row.contractNumber, invoice: row.invoiceNumber, vendor: row.vendorName, date: row.invoiceDate });
    await panel.heading('Yardi claim').waitFor();
    await panel.frame.getByText(row.invoiceNumber, { exact: true }).first().waitFor();
    expect(await panel.frame.getByRole('button', { name: 'Build the Procore version' }).isVisible()).toBe(true);
  });

  it('finds and reads the claim while the pointer rests on the button, and opens it without asking the host again', async () => {
    const row = rowOf(SEED_CLAIMS.ordinaryMechanical);
    await expect.poll(() => at.page.frames().find((frame) => frame.url().includes('#standby='))?.evaluate(() => document.readyState), { timeout: 10_000 }).toBe('complete');
    const asked: string[] = [];
    at.page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });
    const button = rowShowing(row).getByRole('button', { name: LINK_BUTTON_NAME, exact: true });
    await at.page.mouse.move(0, 0);
    await button.hover();
    // The claim, then its contract's SOV: the read ahead is done once both are asked.
    await expect.poll(() => asked.includes(`/api/claims/${row.claimId}`) && asked.some((path) => path.endsWith('/sov'))).toBe(true);
    const before = asked.length;
    await button.click();
    const panel = new PanelPage(at.reconciliation.panel());
    await panel.heading('Yardi claim').waitFor();
    await panel.frame.getByText(row.invoiceNumber, { exact: true }).first().waitFor();
    expect(asked.slice(before)).toEqual([]);
  });

  it('opened from the keyboard, has its first action focused: Enter goes on', async () => {
    const row = rowOf(SEED_CLAIMS.ordinaryMechanical);
    await rowShowing(row).getByRole('button', { name: LINK_BUTTON_NAME, exact: true }).focus();
    await at.page.keyboard.press('Enter');
    const frame = await at.reconciliation.panelFrame();
    await expect.poll(() => frame.evaluate(() => document.activeElement?.textContent?.trim() ?? null), { timeout: 15_000 }).toBe('Build the Procore version');
  });

  it('offers a choice when contract and invoice name several claims, and opens the one picked', async () => {
    const later = rowOf(SEED_CLAIMS.ordinaryConcreteLater);
    expect(later.invoiceNumber).toBe(REUSED_INVOICE);
    const panel = await openPanelFrom(rowOf(SEED_CLAIMS.ordinary));
    await panel.heading('Which claim is this row?').waitFor();
    await panel.frame.getByText(`Several claims match contract ${later.contractNumber}`).waitFor();
    const candidates = panel.frame.locator('tr[data-candidate]');
    expect(await candidates.count()).toBe(2);
    expect(await candidates.nth(1).locator('td').allTextContents()).toEqual([
      'Open',
      later.contractNumber,
      later.vendorName,
      REUSED_INVOICE,
      formatDate(later.invoiceDate, 'en-US'),
      '$9,172.58',
    ]);
    await candidates.filter({ hasText: formatDate(later.invoiceDate, 'en-US') }).getByRole('button', { name: /^Open / }).click();
    await panel.heading('Yardi claim').waitFor();
    // Dates in the browser's locale (en-US here).
    await panel.frame.getByText(formatDate(later.invoiceDate, 'en-US'), { exact: true }).first().waitFor();
    await panel.frame.getByText('$9,172.58').first().waitFor();
  });

  it('says in plain words when no claim matches, with what was looked for', async () => {
    const row = rowOf(SEED_CLAIMS.tightFit);
    // The page shows an invoice number the host does not have (typed differently in Yardi, say).
    await rowShowing(row).locator('td').nth(2).evaluate((cell) => (cell.textContent = 'AGS-0000'));
    await at.reconciliation.settle();
    await at.page.locator('tbody tr', { hasText: 'AGS-0000' }).getByRole('button', { name: LINK_BUTTON_NAME, exact: true }).click();
    const panel = new PanelPage(at.reconciliation.panel());
    const alert = panel.frame.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`No claim matches contract ${row.contractNumber}, vendor ${row.vendorName}, invoice AGS-0000, dated ${formatDate(row.invoiceDate, 'en-US')}.`);
    expect(await panel.frame.getByRole('heading', { name: 'Yardi claim' }).count()).toBe(0);
  });
});

/** What the row's Backfill element says: its button's description (the draft badge), or its note. */
async function rowSays(row: ReconciliationRow): Promise<{ button: string | null; description: string | null; note: string | null }> {
  return rowShowing(row)
    .locator('backfill-link-claim')
    .evaluate((host) => {
      const root = host.shadowRoot!;
      const button = root.querySelector('button')!;
      const describedBy = button.getAttribute('aria-describedby');
      const note = root.querySelector<HTMLElement>('.backfilled');
      return {
        button: button.hidden ? null : button.textContent,
        description: describedBy === null ? null : (root.getElementById(describedBy)?.textContent ?? null),
        note: note === null || note.hidden ? null : note.textContent,
      };
    });
}

describe('rows that say where their claim stands', () => {
  it('shows a saved draft beside the button, as its description, while the panel is open and after', async () => {
    const row = rowOf(SEED_CLAIMS.ordinaryMechanical);
    const claim = await at.sandbox.claim(row.claimId);
    const sov = await at.sandbox.sov(claim.contractId);
    const line = Object.keys(balancedAllocation(claim, sov))[0]!;
    expect(await rowSays(row)).toEqual({ button: LINK_BUTTON_NAME, description: null, note: null });
    const panel = await openPanelFrom(row);
    await panel.button('Build the Procore version').click();
    await panel.typeAmount(line, '100.00');
    await panel.waitSaved();
    // Allocated of what Yardi paid, in whole percent rounded down.
    const percent = new Decimal('100.00').times(100).dividedBy(claim.total).floor().toNumber();
    const expected = { button: LINK_BUTTON_NAME, description: `Draft ${percent}%`, note: null };
    await expect.poll(() => rowSays(row)).toEqual(expected);
    await at.reconciliation.closeButton().click();
    // A new tab of the same page reads it from the extension's storage, not the page's.
    await at.reconciliation.goto(new URL('/?ids=none', at.sandbox.url).href);
    await expect.poll(() => rowSays(row)).toEqual(expected);
    expect(await rowShowing(row).getByRole('button', { name: LINK_BUTTON_NAME, exact: true }).count()).toBe(1);
    expect(await at.page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });

  it('says "Backfilled — refresh to see it" after a submit until the page refreshes, then shows the row matched', async () => {
    const row = rowOf(SEED_CLAIMS.ordinaryMechanicalLater);
    const claim = await at.sandbox.claim(row.claimId);
    const allocation = balancedAllocation(claim, await at.sandbox.sov(claim.contractId));
    const panel = await openPanelFrom(row);
    // The page's cell that holds the button, beside the open dock.
    const hostCellWidth = () => rowShowing(row).locator('td:has(backfill-link-claim)').evaluate((cell) => cell.getBoundingClientRect().width);
    const withButton = await hostCellWidth();
    await panel.button('Build the Procore version').click();
    await panel.amountCell(Object.keys(allocation)[0]!).click();
    await panel.paste(Object.values(allocation).join('\n'));
    await panel.button('Review and submit').click();
    await panel.submit();
    await panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
    await expect.poll(() => rowSays(row)).toEqual({ button: null, description: null, note: 'Backfilled \u2014 refresh to see it' });
    // The note, longer than the button, wraps in the page's column rather than widening it.
    expect(await hostCellWidth()).toBeLessThanOrEqual(withButton + 1);
    // The page still shows the old amounts: the note stays across its re-renders.
    await rowShowing(row).evaluate((tr) => tr.replaceWith(tr.cloneNode(true)));
    await at.reconciliation.settle();
    expect((await rowSays(row)).note).toBe('Backfilled \u2014 refresh to see it');
    await at.reconciliation.goto(new URL('/?ids=none', at.sandbox.url).href);
    expect(await rowShowing(row).locator('backfill-link-claim').count()).toBe(0);
  });
});

describe('the docked panel beside the page', () => {
  it.each([1280, 1440, 1920])('at %i px keeps the row beside it and the page’s columns out from under it', async (width) => {
    await at.page.setViewportSize({ width, height: 800 });
    await at.reconciliation.goto(new URL('/?ids=none', at.sandbox.url).href);
    const row = rowOf(SEED_CLAIMS.tightFit);
    await openPanelFrom(row);
    await at.reconciliation.panelFrame();
    const layout = await at.page.evaluate(() => {
      const dock = document.querySelector('backfill-panel-dock')!.shadowRoot!.querySelector('.dock')!.getBoundingClientRect();
      const headers = [...document.querySelectorAll('thead th')].map((cell) => cell.getBoundingClientRect());
      return {
        dockLeft: dock.left,
        dockWidth: dock.width,
        pageMargin: getComputedStyle(document.documentElement).marginRight,
        rightmostHeader: Math.max(...headers.map((cell) => cell.right)),
        canScrollBy: document.documentElement.scrollWidth - window.scrollX - window.innerWidth,
      };
    });
    expect(layout.pageMargin).toBe(`${layout.dockWidth}px`);
    // Every column of the page is left of the panel, or the page scrolls that far.
    expect(layout.rightmostHeader - layout.dockLeft).toBeLessThanOrEqual(Math.max(0, layout.canScrollBy));
    const button = await rowShowing(row).getByRole('button', { name: LINK_BUTTON_NAME, exact: true }).boundingBox();
    expect(button!.x + button!.width).toBeLessThanOrEqual(layout.dockLeft);
    expect(button!.y).toBeGreaterThanOrEqual(0);
    expect(button!.y + button!.height).toBeLessThanOrEqual(801); // scrolled to the edge, to a fraction of a pixel
    await at.reconciliation.closeButton().click();
    expect(await at.page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
  });
});
