import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { startSandbox } from '../../sandbox/server';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, freshSandbox } from './sandbox-session';

// One backfill, whatever the user and the network do: Enter held on Submit, the page reloaded while
// submitting, and a host that fails half its requests (seeded) and answers slowly.

let browser: ExtensionBrowser | undefined;
const closeAfter: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  for (const close of closeAfter.splice(0)) await close();
});

describe('exactly once with the sandbox’s faults', () => {
  it('Enter spam, a reload while submitting and a host failing half its requests make one backfill', async () => {
    const sandbox = await freshSandbox();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinaryMechanical);
    const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));
    browser = await launchWithExtension();
    const page = await browser.context.newPage();
    const reconciliation = new ReconciliationPage(page);
    await reconciliation.goto(sandbox.url);
    await reconciliation.linkButtonOf(claim.id).click();
    const panel = new PanelPage(reconciliation.panel());
    await panel.button('Build the Procore version').click();
    await panel.amountCell(Object.keys(allocation)[0]!).click();
    await panel.paste(Object.values(allocation).join('\n'));
    await panel.button('Review and submit').click();

    // From here the host fails half its API requests and answers each after 300 ms.
    const port = Number(new URL(sandbox.url).port);
    await sandbox.close({ keepData: true });
    const host = await startSandbox({ port, dataDir: sandbox.dataDir, failRate: 0.5, latencyMs: 300 });
    closeAfter.push(async () => {
      await host.close();
      await sandbox.close();
    });
    const keys = new Set<string>();
    browser.context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/claims/${claim.id}/backfill`)) keys.add(request.headers()['idempotency-key'] ?? '');
    });

    const submit = panel.frame.locator('button[data-visible="true"]', { hasText: 'Submit backfill' });
    await submit.waitFor();
    await submit.focus();
    for (let press = 0; press < 8; press++) await page.keyboard.press('Enter');
    await expect.poll(() => keys.size).toBe(1);
    await page.reload(); // while the first request is on its way (the host answers after 300 ms)

    // The row offers the claim again, unless the host already shows it backfilled.
    const link = reconciliation.linkButtonOf(claim.id);
    const backfilled = () => reconciliation.row(claim.id).filter({ hasText: 'Synced and Approved' }).count();
    await expect.poll(async () => (await link.count()) + (await backfilled())).toBeGreaterThan(0);
    if ((await link.count()) > 0) {
      // Reopened, the panel carries on with the same submission, retried until the host confirms it.
      await link.click();
      const resumed = new PanelPage(reconciliation.panel());
      const done = resumed.heading('Synced and Approved');
      const retry = resumed.frame.locator('button[data-visible="true"]', { hasText: 'Retry submission' });
      await expect
        .poll(
          async () => {
            if (await done.isVisible()) return true;
            if (await retry.isVisible().catch(() => false)) await retry.click().catch(() => {});
            return false;
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBe(true);
    }

    expect(keys.size).toBe(1);
    await host.close();
    const data = JSON.parse(await readFile(join(sandbox.dataDir, 'sandbox.json'), 'utf8')) as { backfills: { backfill: { claimId: string; idempotencyKey: string } }[] };
    const made = data.backfills.filter((stored) => stored.backfill.claimId === claim.id);
    expect(made.map((stored) => stored.backfill.idempotencyKey)).toEqual([...keys]);
  });
});
