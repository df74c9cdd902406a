import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { formatMoney } from '../../lib/money';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, hostAndBrowserPerTest } from './sandbox-session';

// What the panel takes is what it reads back: a saved draft never comes back "set aside".
const start = hostAndBrowserPerTest();

it('takes a title, a claim number and an amount only as far as it can read them back, says so, and resumes the draft whole', async () => {
  const { sandbox, browser } = await start();
  const claim = await sandbox.claim(SEED_CLAIMS.ordinary);
  const [lineId, amount] = Object.entries(balancedAllocation(claim, await sandbox.sov(claim.contractId)))[0]!;

  const page = await browser.context.newPage();
  const reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(sandbox.url);
  await reconciliation.linkButtonOf(claim.id).click();
  const panel = new PanelPage(reconciliation.panel());
  await panel.button('Build the Procore version').click();
  await panel.typeAmount(lineId, amount);

  const title = panel.frame.getByLabel('Title');
  await title.fill('T'.repeat(600));
  expect((await title.inputValue()).length).toBe(500);
  await panel.frame.getByRole('alert').filter({ hasText: 'as long as it can be: 500 characters' }).waitFor();
  const number = panel.frame.getByLabel('Number');
  await number.fill('N'.repeat(250));
  expect((await number.inputValue()).length).toBe(200);

  await panel.typeAmount(lineId, '1'.repeat(120) + '.00');
  await expect.poll(() => panel.notice().textContent()).toContain('is larger than the largest amount Backfill takes');
  await panel.waitSaved();
  await page.reload();

  await reconciliation.linkButtonOf(claim.id).click();
  const resumed = new PanelPage(reconciliation.panel());
  await expect.poll(() => resumed.amountCell(lineId).textContent()).toBe(formatMoney(amount));
  expect((await resumed.frame.getByLabel('Title').inputValue()).length).toBe(500);
  expect(await resumed.frame.getByRole('alert').filter({ hasText: 'could not be read' }).count()).toBe(0);
});

it('takes no more in the workbench and the options page than it can use: an SOV contract, a search, a host address', async () => {
  const { browser } = await start();
  const page = await browser.context.newPage();
  const typed = async (field: Locator, limit: number) => {
    await field.fill('x'.repeat(limit + 500));
    expect((await field.inputValue()).length).toBe(limit);
  };
  await page.goto(`chrome-extension://${browser.extensionId}/workbench.html`);
  await typed(page.getByLabel('Contract of the SOV'), 200);
  await typed(page.getByRole('searchbox', { name: 'Search' }), 200);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await typed(page.getByLabel('Address'), 300);
});
