import { describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { formatMoney } from '../../lib/money';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, hostAndBrowserPerTest } from './sandbox-session';

// D2: an edit made just before the docked frame goes away is saved, however it goes away. The panel
// autosaves 250 ms after the last edit; each way of leaving here comes right after the Enter that
// commits the amount, well inside that window.
const start = hostAndBrowserPerTest();

async function openDocked(context: BrowserContext, url: string, claimId: string) {
  const reconciliation = new ReconciliationPage(await context.newPage());
  await reconciliation.goto(url);
  await reconciliation.linkButtonOf(claimId).click();
  await reconciliation.panelFrame();
  return { reconciliation, panel: new PanelPage(reconciliation.panel()) };
}

const WAYS_TO_LEAVE: [string, (reconciliation: ReconciliationPage, hostUrl: string) => Promise<unknown>][] = [
  ['the host tab is closed', (reconciliation) => reconciliation.page.close()],
  ['the dock’s × is clicked', (reconciliation) => reconciliation.closeButton().click()],
  ['the host tab navigates away', (reconciliation, hostUrl) => reconciliation.page.goto(`${hostUrl}/contracts`)],
];

describe('an edit made just before the docked panel goes away', () => {
  it.each(WAYS_TO_LEAVE)('is saved when %s', async (_way, leave) => {
    const { sandbox, browser } = await start();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinary);
    const [lineId, amount] = Object.entries(balancedAllocation(claim, await sandbox.sov(claim.contractId)))[0]!;

    const docked = await openDocked(browser.context, sandbox.url, claim.id);
    await docked.panel.button('Build the Procore version').click();
    await docked.panel.typeAmount(lineId, amount);
    await leave(docked.reconciliation, sandbox.url);

    const reopened = await openDocked(browser.context, sandbox.url, claim.id);
    // A saved draft opens on the allocation step; with nothing saved the panel starts at the claim.
    await reopened.panel.amountCell(lineId).or(reopened.panel.button('Build the Procore version')).waitFor();
    expect(await reopened.panel.amountCell(lineId).count(), 'a saved draft to resume').toBe(1);
    await expect.poll(() => reopened.panel.amountCell(lineId).textContent()).toBe(formatMoney(amount));
  });
});
