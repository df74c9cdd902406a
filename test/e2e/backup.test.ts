import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { allocatedOf } from '../../lib/draft-allocated';
import { formatMoney } from '../../lib/money';
import { SEED_CLAIMS } from '../../sandbox/seed';
import type { ExtensionBrowser } from './browser';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, closingAfterEach, freshSandbox } from './sandbox-session';

// A profile's work carried to another: backed up in one browser, restored into a fresh one.

const { launch, closeAfter } = closingAfterEach();
let sandbox: Awaited<ReturnType<typeof freshSandbox>> | undefined;

async function openPanel(context: BrowserContext, claimId: string) {
  const reconciliation = new ReconciliationPage(await context.newPage());
  await reconciliation.goto(sandbox!.url);
  await reconciliation.linkButtonOf(claimId).click();
  const panel = new PanelPage(reconciliation.panel());
  await panel.button('Build the Procore version').click();
  return panel;
}

async function workbench(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/workbench.html`);
  return page;
}

describe('backup and restore', () => {
  it('restores a backup into a fresh profile with every amount and the history intact, and the submitted claim still submitted', async () => {
    sandbox = await freshSandbox();
    closeAfter(() => sandbox!.close());
    const from = await launch();

    // One claim submitted, one drafted.
    const submitted = await sandbox.claim(SEED_CLAIMS.ordinary);
    const allocation = balancedAllocation(submitted, await sandbox.sov(submitted.contractId));
    const first = await openPanel(from.context, submitted.id);
    await first.amountCell(Object.keys(allocation)[0]!).click();
    await first.paste(Object.values(allocation).join('\n'));
    await first.button('Review and submit').click();
    await first.submit();
    await first.heading('Synced and Approved').waitFor();
    const drafted = await sandbox.claim(SEED_CLAIMS.ordinaryMechanical);
    const draftAmounts = Object.entries(balancedAllocation(drafted, await sandbox.sov(drafted.contractId))).slice(0, 2);
    const second = await openPanel(from.context, drafted.id);
    for (const [lineId, amount] of draftAmounts) await second.typeAmount(lineId, amount);
    await second.waitSaved();

    const source = await workbench(from);
    const [file] = await Promise.all([source.waitForEvent('download'), source.getByRole('button', { name: 'Back up everything (JSON)' }).click()]);
    const backupPath = (await file.path())!;
    expect(JSON.parse(await readFile(backupPath, 'utf8'))).toMatchObject({ format: 'backfill-backup', version: 1 });

    // A colleague's fresh profile.
    const into = await launch();
    const page = await workbench(into);
    await page.getByText('No claims yet.').waitFor();
    await page.getByLabel('Restore from a file').setInputFiles(backupPath);
    const preview = page.getByRole('region', { name: 'Restore preview' });
    await expect.poll(async () => (await preview.locator('li[data-outcome="add"]').count())).toBe(2);
    await preview.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Restored:' }).textContent()).toContain('2 drafts restored');

    const row = (claimId: string) => page.getByRole('table', { name: 'Claims' }).locator(`tr[data-claim-id="${claimId}"]`);
    await expect.poll(() => row(drafted.id).textContent()).toContain(formatMoney(allocatedOf({ allocations: Object.fromEntries(draftAmounts) })));
    expect(await row(submitted.id).textContent()).toContain('Submitted');
    const history = page.getByRole('table', { name: 'Backfill history' }).locator(':scope > tbody > tr');
    await expect.poll(() => history.count()).toBe(1);
    expect(await history.textContent()).toContain('Synced and Approved');

    // Opened here, the draft has every amount; the submitted claim offers no second backfill.
    const [tab] = await Promise.all([into.context.waitForEvent('page'), row(drafted.id).getByRole('link', { name: /^Open / }).click()]);
    const restored = new PanelPage(tab);
    for (const [lineId, amount] of draftAmounts) await expect.poll(() => restored.amountCell(lineId).textContent()).toContain(formatMoney(amount));
    const [submittedTab] = await Promise.all([into.context.waitForEvent('page'), row(submitted.id).getByRole('link', { name: /^Open / }).click()]);
    await new PanelPage(submittedTab).heading('Synced and Approved').waitFor();
    expect(await submittedTab.locator('button', { hasText: 'Submit backfill' }).count()).toBe(0);

    // Storage health: nothing set aside.
    expect(await page.locator('[data-health="quarantined"]').textContent()).toContain('0');
  });
});
