import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { ReconciliationRow } from '../../lib/schemas';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { LINK_BUTTON_NAME } from './reconciliation-page';
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

async function panelHash(): Promise<Record<string, string>> {
  const src = await at.reconciliation.panelIframe().getAttribute('src');
  return Object.fromEntries(new URLSearchParams(new URL(src!).hash.slice(1)));
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
    expect(await panelHash()).toEqual({ contract: row.contractNumber, invoice: row.invoiceNumber, vendor: row.vendorName, date: row.invoiceDate });
    await panel.heading('Yardi claim').waitFor();
    await panel.frame.getByText(row.invoiceNumber, { exact: true }).first().waitFor();
    expect(await panel.frame.getByRole('button', { name: 'Build the Procore version' }).isVisible()).toBe(true);
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
      later.invoiceDate,
      '$9,172.58',
    ]);
    await candidates.filter({ hasText: later.invoiceDate }).getByRole('button', { name: /^Open / }).click();
    await panel.heading('Yardi claim').waitFor();
    await panel.frame.getByText(later.invoiceDate, { exact: true }).first().waitFor();
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
    expect(await alert.textContent()).toContain(`No claim matches contract ${row.contractNumber}, vendor ${row.vendorName}, invoice AGS-0000, dated ${row.invoiceDate}.`);
    expect(await panel.frame.getByRole('heading', { name: 'Yardi claim' }).count()).toBe(0);
  });
});
