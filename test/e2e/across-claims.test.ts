import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { Decimal } from '../../lib/decimal';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { hostAndBrowserPerTest } from './sandbox-session';

// Many claims on one contract: drafts that together would overrun a line are told so, each of them.

const start = hostAndBrowserPerTest();

async function openDraft(context: BrowserContext, url: string, claimId: string) {
  const reconciliation = new ReconciliationPage(await context.newPage());
  await reconciliation.goto(url);
  await reconciliation.linkButtonOf(claimId).click();
  const panel = new PanelPage(reconciliation.panel());
  await panel.button('Build the Procore version').click();
  return panel;
}

describe('drafts across the claims of a contract', () => {
  it('warns both drafts, naming the other, when together they would overrun an SOV line', async () => {
    const { sandbox, browser } = await start();
    // YC-1002 (January) and YC-1012 (February) both paid code 23-300 on contract C-1057.
    const [january, february] = [await sandbox.claim('YC-1002'), await sandbox.claim('YC-1012')];
    const line = (await sandbox.sov(january.contractId)).lines.find((each) => each.categoryCode === '23-300')!;
    const remaining = new Decimal(line.scheduledValue).minus(line.claimedToDate);
    expect(remaining.greaterThan(2)).toBe(true);

    // Each fits the line alone; the two together pass its scheduled value by $1.00.
    const first = await openDraft(browser.context, sandbox.url, january.id);
    await first.typeAmount(line.id, remaining.minus(1).toFixed(2));
    await first.waitSaved();
    const second = await openDraft(browser.context, sandbox.url, february.id);
    await second.typeAmount(line.id, '2.00');
    await second.waitSaved();

    const warningsOf = (panel: PanelPage) => panel.frame.getByRole('region', { name: /With the contract's other drafts/ });
    await expect.poll(() => warningsOf(second).textContent()).toContain(`with the earlier drafts ${january.vendorName} ${january.invoiceNumber} for`);
    // The January draft, open in its own tab all along, is told at once.
    await expect.poll(() => warningsOf(first).textContent()).toContain(`once the later drafts ${february.vendorName} ${february.invoiceNumber} for $2.00 are submitted too`);
    // The grid's Remaining for the line counts the earlier draft in the February one.
    const remainingCell = second.frame.locator(`.ag-row[row-id="${line.id}"] [col-id="remainingBalance"]`);
    expect(await remainingCell.textContent()).toContain('($1.00)');

    // The January draft takes $1.00 off: both warnings go.
    await first.typeAmount(line.id, remaining.minus(2).toFixed(2));
    await first.waitSaved();
    await expect.poll(() => warningsOf(second).count()).toBe(0);
    await expect.poll(() => warningsOf(first).count()).toBe(0);
  });
});
