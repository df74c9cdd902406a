import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { startSandbox } from '../../sandbox/server';
import type { BrowserContext } from 'playwright-core';
import { launchKillable } from './killable-browser';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, closingAfterEach, freshSandbox } from './sandbox-session';

// One backfill, whatever the user and the network do: Enter held on Submit, the page reloaded while
// submitting, and a host that fails half its requests (seeded) and answers slowly.

const { launch, closeAfter } = closingAfterEach();

/** Opens the claim's panel in a new tab of `context` at the confirm step, the allocation pasted if the draft has none. */
async function confirmStep(context: BrowserContext, url: string, claimId: string, allocation: Record<string, string>) {
  const page = await context.newPage();
  const reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(url);
  await reconciliation.linkButtonOf(claimId).click();
  const panel = new PanelPage(reconciliation.panel());
  const build = panel.button('Build the Procore version');
  await panel.frame.locator('.ag-root').or(build).first().waitFor();
  if (await build.isVisible()) {
    await build.click();
    await panel.amountCell(Object.keys(allocation)[0]!).click();
    await panel.paste(Object.values(allocation).join('\n'));
    await panel.waitSaved();
  }
  await panel.button('Review and submit').click();
  return { page, reconciliation, panel, submit: panel.frame.locator('button[data-visible="true"]', { hasText: 'Submit backfill' }) };
}

/** The backfills the sandbox made for a claim, from its data file (the host closed). */
async function backfillsOf(dataDir: string, claimId: string): Promise<string[]> {
  const data = JSON.parse(await readFile(join(dataDir, 'sandbox.json'), 'utf8')) as { backfills: { backfill: { claimId: string; idempotencyKey: string } }[] };
  return data.backfills.filter((stored) => stored.backfill.claimId === claimId).map((stored) => stored.backfill.idempotencyKey);
}

describe('exactly once with the sandbox’s faults', () => {
  it('two tabs pressing Submit at the same instant make one backfill', async () => {
    const sandbox = await freshSandbox({ latencyMs: 200 });
    closeAfter(() => sandbox.close());
    const claim = await sandbox.claim(SEED_CLAIMS.ordinary);
    const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));
    const browser = await launch();
    const first = await confirmStep(browser.context, sandbox.url, claim.id, allocation);
    const second = await confirmStep(browser.context, sandbox.url, claim.id, allocation);
    await Promise.all([first.submit.waitFor(), second.submit.waitFor()]);
    await Promise.all([first.submit.click(), second.submit.click()]);
    for (const tab of [first, second]) await tab.panel.heading('Synced and Approved').waitFor({ timeout: 30_000 });
    await sandbox.close({ keepData: true });
    expect(await backfillsOf(sandbox.dataDir, claim.id)).toHaveLength(1);
  });

  it('a browser killed while submitting resumes the same submission on relaunch: one backfill', async () => {
    const sandbox = await freshSandbox({ latencyMs: 1500 });
    closeAfter(() => sandbox.close());
    const profileDir = await mkdtemp(join(tmpdir(), 'backfill-kill-submit-'));
    closeAfter(() => rm(profileDir, { recursive: true, force: true }));
    const claim = await sandbox.claim(SEED_CLAIMS.ordinaryMechanical);
    const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));

    const killed = await launchKillable(profileDir);
    const { submit } = await confirmStep(killed.context, sandbox.url, claim.id, allocation);
    const sent = killed.context.waitForEvent('request', (request) => request.method() === 'POST' && request.url().endsWith(`/api/claims/${claim.id}/backfill`));
    await submit.click();
    await sent; // on its way: the host answers after 1.5 s
    await killed.kill();

    // Relaunched, the workbench lists the claim as still being submitted; opened, it carries on with
    // the stored key (the host may have committed meanwhile) and ends Synced and Approved.
    const relaunched = await launchKillable(profileDir);
    closeAfter(() => relaunched.kill());
    const worker = relaunched.context.serviceWorkers()[0] ?? (await relaunched.context.waitForEvent('serviceworker'));
    const workbench = await relaunched.context.newPage();
    await workbench.goto(`chrome-extension://${new URL(worker.url()).host}/workbench.html`);
    const queued = workbench.getByRole('table', { name: 'Claims' }).locator(`tr[data-claim-id="${claim.id}"]`);
    await expect.poll(() => queued.textContent()).toContain('Submitting');
    const [tab] = await Promise.all([relaunched.context.waitForEvent('page'), queued.getByRole('link', { name: /^Open / }).click()]);
    await new PanelPage(tab).heading('Synced and Approved').waitFor({ timeout: 30_000 });
    await sandbox.close({ keepData: true });
    expect(await backfillsOf(sandbox.dataDir, claim.id)).toHaveLength(1);
  });

  it('Enter spam, a reload while submitting and a host failing half its requests make one backfill', async () => {
    const sandbox = await freshSandbox();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinaryMechanical);
    const allocation = balancedAllocation(claim, await sandbox.sov(claim.contractId));
    const browser = await launch();
    const { page, reconciliation, submit } = await confirmStep(browser.context, sandbox.url, claim.id, allocation);

    // From here the host fails half its API requests and answers each after 300 ms.
    const port = Number(new URL(sandbox.url).port);
    await sandbox.close({ keepData: true });
    const host = await startSandbox({ port, dataDir: sandbox.dataDir, failRate: 0.5, latencyMs: 300 });
    closeAfter(async () => {
      await host.close();
      await sandbox.close();
    });
    const keys = new Set<string>();
    browser.context.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/claims/${claim.id}/backfill`)) keys.add(request.headers()['idempotency-key'] ?? '');
    });

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
    expect(await backfillsOf(sandbox.dataDir, claim.id)).toEqual([...keys]);
  });
});
