import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../lib/decimal';
import { formatMoney } from '../../lib/money';
import type { Sov } from '../../lib/schemas';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, hostAndBrowserPerTest } from './sandbox-session';

// The north star, scripted on a seeded 10-code, 40-line claim at 1440 × 900: from the row's button to
// Synced and Approved in at most 6 user actions. Each click, paste and keystroke counts as one, and so
// does each scroll the user would need to bring the next control into view.
const start = hostAndBrowserPerTest();
const VIEWPORT = { width: 1440, height: 900 };
const MAX_ACTIONS = 6;

/** Counts what the user does: one per action, and one more when its target is out of view first. */
class ActionCounter {
  count = 0;
  readonly log: string[] = [];

  async click(target: Locator, name: string): Promise<void> {
    await this.bringIntoView(target, name);
    this.note(name);
    await target.click();
  }

  async paste(panel: PanelPage, text: string): Promise<void> {
    this.note('paste');
    await panel.paste(text);
  }

  private note(name: string): void {
    this.count++;
    this.log.push(name);
  }

  private async bringIntoView(target: Locator, name: string): Promise<void> {
    await target.waitFor();
    const box = await target.boundingBox();
    const inView = box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT.height && box.x >= 0 && box.x + box.width <= VIEWPORT.width;
    if (!inView) this.note(`scroll to ${name}`);
  }
}

describe('the north star: a 10-code, 40-line claim backfilled in at most 6 actions', () => {
  it.each(['Spread every code', 'one paste of the amounts'])('with %s', async (path) => {
    const { sandbox, browser } = await start({ scale: 'walkthrough' });
    const claim = await sandbox.claim(SEED_CLAIMS.walkthrough);
    const sov = await sandbox.sov(claim.contractId);
    expect([claim.lines.length, sov.lines.length]).toEqual([10, 40]);
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    const reconciliation = new ReconciliationPage(page);
    await reconciliation.goto(sandbox.url);
    const actions = new ActionCounter();

    await actions.click(reconciliation.linkButtonOf(claim.id), 'Link Progress Claim');
    const panel = new PanelPage(reconciliation.panel());
    await actions.click(panel.button('Build the Procore version'), 'Build the Procore version');
    if (path === 'Spread every code') {
      await actions.click(panel.button('Spread every code'), 'Spread every code');
    } else {
      // The amounts as an accountant's sheet lists them: the grid's order, code by code.
      const allocation = balancedAllocation(claim, sov);
      const inGridOrder = claim.lines.flatMap((code) => sov.lines.filter((line) => line.categoryCode === code.categoryCode).map((line) => allocation[line.id] ?? ''));
      const first = sov.lines.find((line) => line.categoryCode === claim.lines[0]!.categoryCode)!;
      await actions.click(panel.amountCell(first.id), 'the first line');
      await actions.paste(panel, inGridOrder.join('\n'));
    }
    // Every code the grid shows says so in its header row too, as the reference above the grid does
    // (both steps change more lines than the grid draws).
    const headers = panel.frame.locator('.code-header[data-code]');
    await expect.poll(() => headers.count()).toBeGreaterThan(1);
    await expect.poll(() => headers.locator('.remaining').allTextContents()).toEqual(Array((await headers.count()) as number).fill('✓ Balanced'));
    await actions.click(panel.button('Review and submit'), 'Review and submit');
    const submit = panel.frame.locator('button[data-visible="true"]', { hasText: 'Submit backfill' });
    await actions.click(submit, 'Submit backfill');
    await panel.heading('Synced and Approved').waitFor({ timeout: 20_000 });
    expect((await sandbox.claim(claim.id)).backfilled).toBe(true);
    console.log(`north star, ${path}: ${actions.count} actions (${actions.log.join(', ')})`);
    expect(actions.count).toBeLessThanOrEqual(MAX_ACTIONS);
  });
});

describe('Spread every code after a mistyped amount', () => {
  it('cuts the line back to what it can take and spreads the rest: balanced, ready to submit', async () => {
    const { sandbox, browser } = await start({ scale: 'walkthrough' });
    const claim = await sandbox.claim(SEED_CLAIMS.walkthrough);
    const sov = await sandbox.sov(claim.contractId);
    // A line that cannot take its code's whole amount, typed far past its scheduled value.
    const room = (line: Sov['lines'][number]) => new Decimal(line.scheduledValue).minus(line.claimedToDate);
    const small = (line: Sov['lines'][number]) => claim.lines.some((paid) => paid.categoryCode === line.categoryCode && room(line).lessThan(paid.amount));
    const line = sov.lines.find(small)!;
    const page = await browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    const reconciliation = new ReconciliationPage(page);
    await reconciliation.goto(sandbox.url);
    await reconciliation.linkButtonOf(claim.id).click();
    const panel = new PanelPage(reconciliation.panel());
    await panel.button('Build the Procore version').click();
    await panel.typeAmount(line.id, '999,999.00');
    await panel.button('Spread every code').click();
    await expect.poll(() => panel.frame.locator('footer.submit-bar [role="status"]').textContent()).toBe('Balanced');
    await expect.poll(() => panel.amountCell(line.id).textContent()).toBe(formatMoney(room(line).toFixed(2)));
    await expect.poll(() => panel.button('Review and submit').isEnabled()).toBe(true);
  });
});
