import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../lib/money';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, hostAndBrowserPerTest } from './sandbox-session';

// The extension reloaded (an update) with a reconciliation page open: the page's old content script is
// cut off. It must say so and offer a reload, not fail silently; and no saved edit is lost.

const start = hostAndBrowserPerTest();

describe('the extension restarted or gone with tabs open', () => {
  it('keeps every edit when its service worker is stopped mid-session: saving, resuming and the rows’ marks carry on', async () => {
    const { sandbox, browser } = await start();
    const claim = await sandbox.claim(SEED_CLAIMS.ordinaryMechanical);
    const amounts = Object.entries(balancedAllocation(claim, await sandbox.sov(claim.contractId)));
    const [first, firstAmount] = amounts[0]!;
    const [second, secondAmount] = amounts[1]!;
    const reconciliation = new ReconciliationPage(await browser.context.newPage());
    await reconciliation.goto(sandbox.url);
    await reconciliation.linkButtonOf(claim.id).click();
    const panel = new PanelPage(reconciliation.panel());
    await panel.button('Build the Procore version').click();
    await panel.typeAmount(first, firstAmount);
    await panel.waitSaved();

    // The browser stops the worker, as it does after 30 s idle: whatever it held in memory is gone.
    const cdp = await browser.context.newCDPSession(reconciliation.page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
    const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${browser.extensionId}/`))!;
    expect(await cdp.send('Target.closeTarget', { targetId: worker.targetId })).toEqual({ success: true });
    // The next edit's message wakes the worker, and the panel writes that edit at once rather than
    // 250 ms later (the worker may not be up in time to guard a frame going away).
    await panel.typeAmount(second, secondAmount);
    await panel.waitSaved();
    await reconciliation.page.close();

    const again = new ReconciliationPage(await browser.context.newPage());
    await again.goto(sandbox.url);
    // The row's draft badge is answered by the worker, started again.
    const link = again.linkButtonOf(claim.id);
    await expect.poll(() => link.evaluate((button) => (button.getRootNode() as ShadowRoot).getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? null)).toMatch(/^Draft/);
    await link.click();
    const resumed = new PanelPage(again.panel());
    await expect.poll(() => resumed.amountCell(first).textContent()).toContain(formatMoney(firstAmount));
    await expect.poll(() => resumed.amountCell(second).textContent()).toContain(formatMoney(secondAmount));
  });

  it('asks for a page reload instead of failing silently once the extension is gone from under the page', async () => {
    const { sandbox, browser } = await start();
    const reconciliation = new ReconciliationPage(await browser.context.newPage());
    await reconciliation.goto(sandbox.url);
    expect(await reconciliation.linkButtons().count()).toBeGreaterThan(0);

    // Reloading an unpacked extension in headless Chromium unloads it (and does not load it again):
    // the page's content script is cut off from it, as after an update or when it is turned off.
    const workbench = await browser.context.newPage();
    await workbench.goto(`chrome-extension://${browser.extensionId}/workbench.html`);
    await workbench.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => {});

    // The old script notices at its next use: the user's click.
    await reconciliation.page.bringToFront();
    await reconciliation.linkButtons().first().click();
    const notice = reconciliation.page.getByRole('alert').filter({ hasText: 'Backfill was updated or restarted' });
    await notice.waitFor();
    expect(await notice.getByRole('button', { name: 'Reload page' }).count()).toBe(1);
    expect(await reconciliation.linkButtons().count()).toBe(0);
    // No panel opened, and none left standing by: its frame is removed with the script's other parts
    // (Playwright hears of a removed frame a moment later, so this waits for its word).
    await expect.poll(() => reconciliation.page.frames().filter((frame) => frame.url().includes('panel.html')).length).toBe(0);
  });
});
