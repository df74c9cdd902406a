import { readFile, rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDate } from '../../lib/dates';
import { Decimal } from '../../lib/decimal';
import { importYardiCsv } from '../../lib/import';
import { formatMoney } from '../../lib/money';
import { ReconciliationRowSchema, type HostClaim, type ReconciliationRow, type Sov } from '../../lib/schemas';
import { startSandbox } from '../../sandbox/server';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { LINK_BUTTON_NAME, ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, closingAfterEach, freshSandbox } from './sandbox-session';

// The workbench: a claim prepared from the user's own Yardi and SOV exports while the host is down,
// finished and exported, then submitted from its row on the reconciliation page in one confirmation.

const { launch, closeAfter } = closingAfterEach();

/** A Yardi payment export as accountants get it: other column names and order, `$` amounts, M/D/YYYY dates. */
function yardiExport(row: ReconciliationRow, claim: HostClaim): string {
  const [year, month, day] = claim.invoiceDate.split('-');
  const date = `${Number(month)}/${Number(day)}/${year}`;
  const lines = claim.lines.map((line) => [row.contractNumber, `"${claim.vendorName}"`, claim.invoiceNumber, date, line.categoryCode, `"${formatMoney(line.amount)}"`].join(','));
  return ['Job Code,Payee,Invoice #,Inv Date,Cost Code,Amount Paid', ...lines, ''].join('\r\n');
}

/** A G703 continuation sheet export: items with leading zeros, claimed to date as its three parts. */
function sovExport(sov: Sov): string {
  const lines = sov.lines.map((line) =>
    [String(line.lineNumber).padStart(3, '0'), `"${line.description}"`, line.categoryCode ?? '', line.scheduledValue, line.claimedToDate, '0.00', ''].join(','),
  );
  return ['Item No,Description of Work,Cost Code,Scheduled Value,From Previous Application,This Period,Materials Stored', ...lines, ''].join('\n');
}

async function chooseFile(page: Page, label: string, name: string, text: string) {
  await page.getByLabel(label).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** The queue's row of an invoice. */
function queueRow(page: Page, invoiceNumber: string) {
  return page.getByRole('table', { name: 'Claims' }).locator(':scope > tbody > tr', { hasText: invoiceNumber });
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile((await file.path())!, 'utf8');
}

describe('the workbench', () => {
  it('prepares a claim from files with the host stopped, exports it, then submits it from its row in one confirmation', async () => {
    // The user's exports, as of a host that then goes down.
    const sandbox = await freshSandbox();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinaryMechanical);
    const sov = await sandbox.sov(claim.contractId);
    const rows = ReconciliationRowSchema.array().parse(await (await sandbox.api('/api/reconciliation')).json());
    const row = rows.find((each) => each.claimId === claim.id)!;
    const allocation = balancedAllocation(claim, sov);
    await sandbox.close({ keepData: true });
    closeAfter(() => rm(sandbox.dataDir, { recursive: true, force: true }));

    const browser = await launch();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/workbench.html`);

    await chooseFile(page, 'Yardi payment export (CSV)', 'yardi-payments.csv', yardiExport(row, claim));
    const preview = page.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toContain('1 claim to add');
    await preview.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 1 new claim').waitFor();
    const queued = queueRow(page, claim.invoiceNumber);
    await expect.poll(() => queued.textContent()).toContain('Blocked');
    expect(await queued.textContent()).toContain(`No SOV is imported for contract ${row.contractNumber}`);

    // The same file again adds nothing.
    await chooseFile(page, 'Yardi payment export (CSV)', 'yardi-payments.csv', yardiExport(row, claim));
    await expect.poll(() => preview.textContent()).toContain('0 claims to add');
    await expect.poll(() => preview.textContent()).toContain('1 already there');
    await preview.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Contract of the SOV').fill(row.contractNumber);
    await chooseFile(page, 'SOV or G703 export (CSV)', 'g703.csv', sovExport(sov));
    await expect.poll(() => preview.textContent()).toContain(`${sov.lines.length} SOV lines for contract ${row.contractNumber}`);
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => queued.textContent()).toContain('Not started');
    // Its date as the user's locale writes it, as the panel shows dates.
    expect(await queued.locator('td').nth(3).textContent()).toBe(formatDate(claim.invoiceDate, 'en-US'));

    // Worked in the same allocation view as the panel, every amount typed.
    await queued.getByRole('button', { name: /^Open / }).click();
    const view = new PanelPage(page);
    await view.button('Build the Procore version').click();
    const itemOf = new Map(sov.lines.map((line) => [line.id, `item:${String(line.lineNumber).padStart(3, '0')}`]));
    for (const [lineId, amount] of Object.entries(allocation)) await view.typeAmount(itemOf.get(lineId)!, amount);
    await view.waitSaved();
    await view.button('Review and finish').click();
    await page.locator('button[data-visible="true"]', { hasText: 'Finish backfill' }).click();
    await view.heading('Finished').waitFor();

    const csv = await download(page, 'Export CSV');
    const readBack = importYardiCsv(csv);
    expect(readBack.ok && readBack.claims.map((each) => [each.invoiceNumber, each.total])).toEqual([[claim.invoiceNumber, claim.total]]);
    const json = JSON.parse(await download(page, 'Export JSON')) as { lines: { sovLineId: string; amount: string }[] };
    expect(Object.fromEntries(json.lines.map((line) => [line.sovLineId, line.amount]))).toEqual(
      Object.fromEntries(Object.entries(allocation).filter(([, amount]) => !new Decimal(amount).isZero()).map(([lineId, amount]) => [itemOf.get(lineId), amount])),
    );
    await page.getByRole('button', { name: '← Queue' }).click();
    await expect.poll(() => queued.textContent()).toContain('Exported');

    // The host is back: the claim's row offers what was prepared, and one confirmation submits it.
    const host = await startSandbox({ port: 0, dataDir: sandbox.dataDir });
    closeAfter(() => host.close());
    const reconciliation = new ReconciliationPage(await browser.context.newPage());
    await reconciliation.goto(new URL('/?ids=none', host.url).href);
    const hostRow = reconciliation.page.locator('tbody tr', { hasText: claim.invoiceNumber });
    const link = hostRow.getByRole('button', { name: LINK_BUTTON_NAME, exact: true });
    const description = () => link.evaluate((button) => (button.getRootNode() as ShadowRoot).getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? null);
    await expect.poll(description).toBe('Prepared in the workbench');
    await link.click();
    const panel = new PanelPage(reconciliation.panel());
    await panel.button('Use the prepared allocation').click();
    await panel.submit();
    await panel.heading('Synced and Approved').waitFor();

    const backfill = (await (await fetch(new URL(`/api/claims/${claim.id}/backfill`, host.url))).json()) as { lines: { sovLineId: string; amount: string }[] };
    expect(Object.fromEntries(backfill.lines.map((line) => [line.sovLineId, line.amount]))).toEqual(
      Object.fromEntries(Object.entries(allocation).filter(([, amount]) => !new Decimal(amount).isZero())),
    );

    // The history has both: finished from the files, and synced with the host, with its lines.
    const history = page.getByRole('table', { name: 'Backfill history' });
    await expect.poll(() => history.locator(':scope > tbody > tr').count()).toBe(2);
    expect(await history.locator(':scope > tbody > tr').allTextContents()).toEqual([expect.stringContaining('Synced and Approved'), expect.stringContaining('Finished here (no host)')]);
    const historyCsv = await download(page, 'Export history (CSV)');
    expect(historyCsv.split('\r\n').filter((line) => line.includes('Synced and Approved'))).toHaveLength(Object.values(allocation).filter((amount) => !new Decimal(amount).isZero()).length);

    // Every mismatched row the page showed is now in the workbench's queue, opened from there as from its row.
    const other = rows.find((each) => each.claimId !== claim.id && each.difference !== '0.00' && each.status === 'Unlinked')!;
    const seen = queueRow(page, other.invoiceNumber);
    await expect.poll(() => seen.textContent()).toContain(`Seen on ${new URL(host.url).host}`);
    expect(await seen.textContent()).toContain('Not started');
    const opens = new URLSearchParams((await seen.getByRole('link', { name: /^Open / }).getAttribute('href'))!.split('#')[1]);
    expect([opens.get('contract'), opens.get('invoice'), opens.get('host')]).toEqual([other.contractNumber, other.invoiceNumber, new URL(host.url).origin]);
    // Its contract's progress counts it, as a row whose amount was not read.
    const progress = page.getByRole('table', { name: 'Progress by contract' }).locator(`tr[data-contract="${other.contractNumber}"] td`).nth(1);
    expect(await progress.textContent()).toMatch(/^\d+ \(\d+ without amount\)$/);
  });

  it('prepares every determined claim in one action, each checked against the ones before it, and shows the contract’s progress', async () => {
    const browser = await launch();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/workbench.html`);
    const payments = [
      'Contract,Vendor,Invoice,Invoice Date,Cost Code,Amount,Allocated',
      'SC-77,Acme Mechanical,A-1,1/31/2026,23-300,"1,000.00",N',
      'SC-77,Acme Mechanical,A-1,1/31/2026,23-700,250.00,N',
      'SC-77,Acme Mechanical,A-2,2/28/2026,23-300,600.00,N',
      'SC-77,Acme Mechanical,A-3,3/31/2026,23-300,100.00,Y',
    ].join('\n');
    await chooseFile(page, 'Yardi payment export (CSV)', 'payments.csv', payments);
    const preview = page.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toContain('3 claims to add');
    await preview.getByRole('button', { name: 'Import' }).click();
    // A G703 sheet: one line per code. Line 1 can take $1,500.00 more.
    const g703 = ['Item,Description,Cost Code,Scheduled Value,Claimed to date', '1,Ductwork,23-300,"2,000.00",500.00', '2,Controls,23-700,800.00,0.00'].join('\n');
    await page.getByLabel('Contract of the SOV').fill('SC-77');
    await chooseFile(page, 'SOV or G703 export (CSV)', 'g703.csv', g703);
    await preview.getByRole('button', { name: 'Import' }).click();

    const prepare = page.getByRole('button', { name: 'Prepare all determined claims (2)' });
    await prepare.click();
    const report = page.getByRole('status', { name: 'Prepared claims' });
    await expect.poll(() => report.textContent()).toContain('Prepared 2 determined claims as drafts');
    // February's $600.00 stacks on January's $1,000.00: $2,100.00 on a $2,000.00 line, shown to look at.
    expect(await report.textContent()).toContain('A-2: Line 1 would be claimed to $2,100.00 with the earlier drafts Acme Mechanical A-1 for $1,000.00');
    const stateOf = (invoice: string) => queueRow(page, invoice).locator('td').nth(5);
    await expect.poll(() => stateOf('A-1').textContent()).toBe('Ready');
    expect(await stateOf('A-2').textContent()).toBe('Ready');
    expect(await stateOf('A-3').textContent()).toBe('Blocked');
    expect(await page.getByRole('button', { name: 'Prepare all determined claims (0)' }).isDisabled()).toBe(true);

    const progress = page.getByRole('table', { name: 'Progress by contract' }).locator('tr[data-contract="SC-77"]');
    expect(await progress.textContent()).toContain('$1,950.00'); // paid: 1,250 + 600 + 100
    expect(await progress.getByRole('img').getAttribute('aria-label')).toBe('0.0% backfilled, 94.9% in drafts, 5.1% left');

    // Opened, the prepared draft is the one allocation there is, and it finishes like any other.
    await queueRow(page, 'A-1').getByRole('button', { name: /^Open / }).click();
    const view = new PanelPage(page);
    await view.button('Review and finish').click();
    await page.locator('button[data-visible="true"]', { hasText: 'Finish backfill' }).click();
    await view.heading('Finished').waitFor();
  });

  it('asks for the columns of a file whose header it does not know, and stores nothing before Import', async () => {
    const browser = await launch();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/workbench.html`);
    const file = [
      'Contract,Supplier,Invoice #,Invoice Date,Category Code,Amount',
      'SC-9,"Acme, Inc.",A-1,3/31/2026,03-300,"(1,250.00)"',
      'SC-9,"Acme, Inc.",A-1,3/31/2026,09-900,12',
      'SC-9,"Acme, Inc.",A-2,4/31/2026,03-300,5',
    ].join('\n');
    await chooseFile(page, 'Yardi payment export (CSV)', 'suppliers.csv', file);
    await page.getByRole('alert').filter({ hasText: 'No column found for vendor' }).waitFor();
    const mapping = page.getByRole('form', { name: 'Choose columns' });
    await mapping.getByLabel('vendor').selectOption({ label: 'Supplier' });
    await mapping.getByRole('button', { name: 'Import with these columns' }).click();
    const preview = page.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toContain('1 claim to add');
    // April has no 31st: that claim is refused, its row named.
    expect(await preview.getByRole('table', { name: 'Rows not imported' }).locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/^4.*31/)]);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('No claims yet.').waitFor();
  });
});
