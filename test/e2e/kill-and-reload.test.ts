import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { formatMoney } from '../../lib/money';
import { createPrng } from '../../sandbox/prng';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { launchKillable, type KillableBrowser } from './killable-browser';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, freshSandbox } from './sandbox-session';

// Kill-and-reload, 20 seeded runs on one profile: a few edits, then 0–500 ms after the last one the
// tab is closed, its renderer crashed or the browser SIGKILLed; relaunched, every edit shown as Saved
// is back exactly (and after leaving the docked panel by closing or crashing, every edit at all).

const RUNS = Number(process.env.KILL_RUNS ?? 20);
const SEED = Number(process.env.KILL_SEED ?? 20261201);
type Leave = 'close the tab' | 'crash the renderer' | 'kill the browser';
const LEAVES: Leave[] = ['close the tab', 'crash the renderer', 'kill the browser'];

let sandbox: Awaited<ReturnType<typeof freshSandbox>> | undefined;
let browser: KillableBrowser | undefined;
let profileDir: string | undefined;
afterAll(async () => {
  await browser?.kill();
  await sandbox?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true, maxRetries: 5 });
});

async function openPanel(context: BrowserContext, claimId: string) {
  const page = await context.newPage();
  const reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(sandbox!.url);
  const link = reconciliation.linkButtonOf(claimId);
  // A page loaded while a relaunched Chromium is still loading its extensions gets no content script
  // (Chromium's doing, as for any extension): as a user would, load it again.
  await link.waitFor({ timeout: 10_000 }).catch(() => reconciliation.goto(sandbox!.url));
  await link.click();
  const panel = new PanelPage(reconciliation.panel());
  const build = panel.button('Build the Procore version');
  await panel.frame.locator('.ag-root').or(build).first().waitFor();
  if (await build.isVisible()) await build.click();
  await panel.frame.locator('.ag-root').waitFor();
  return { page, panel };
}

/** What the grid shows on each line, as formatted money ('' for nothing). */
async function shown(panel: PanelPage, lineIds: readonly string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(lineIds.map(async (lineId) => [lineId, ((await panel.amountCell(lineId).textContent()) ?? '').replace('⚠', '').trim()] as const));
  return Object.fromEntries(entries);
}

describe('kill and reload', () => {
  it(`keeps every edit shown as Saved through ${RUNS} seeded runs of closing, crashing and killing (seed ${SEED})`, async () => {
    sandbox = await freshSandbox();
    profileDir = await mkdtemp(join(tmpdir(), 'backfill-kill-runs-'));
    const claim = await sandbox.claim(SEED_CLAIMS.ordinaryMechanical);
    const lineIds = Object.keys(balancedAllocation(claim, await sandbox.sov(claim.contractId)));
    const prng = createPrng(SEED);
    // What the grid showed when the last run's edits were known to be on disk, and what was typed after.
    let saved: Record<string, string> = Object.fromEntries(lineIds.map((id) => [id, '']));
    let typedAfter: Record<string, string> | null = null;
    const tally: Record<Leave, number> = { 'close the tab': 0, 'crash the renderer': 0, 'kill the browser': 0 };

    for (let run = 0; run < RUNS; run++) {
      browser = await launchKillable(profileDir);
      const { page, panel } = await openPanel(browser.context, claim.id);
      await panel.amountCell(lineIds[0]!).waitFor();
      const resumed = await shown(panel, lineIds);
      // Every edit shown as Saved is back; an edit typed after it may be back too, or not.
      expect([saved, ...(typedAfter ? [typedAfter] : [])], `run ${run}`).toContainEqual(resumed);
      saved = resumed;

      const edits = prng.int(1, 4);
      const leave = LEAVES[prng.int(0, LEAVES.length - 1)]!;
      tally[leave]++;
      const typed = { ...saved };
      for (let edit = 0; edit < edits; edit++) {
        const lineId = lineIds[prng.int(0, lineIds.length - 1)]!;
        const amount = (prng.int(1, 9_999_99) / 100).toFixed(2);
        await panel.typeAmount(lineId, amount);
        typed[lineId] = formatMoney(amount);
        if (edit < edits - 1) {
          await panel.waitSaved();
          saved = { ...typed };
        }
      }
      await new Promise((resolve) => setTimeout(resolve, prng.int(0, 500)));
      const savedBeforeLeaving = (await panel.saveState().getAttribute('data-save-state')) === 'saved';
      console.log(`run ${run}: ${edits} edits, then ${leave}${savedBeforeLeaving ? ' (shown Saved)' : ''}`);

      if (leave === 'kill the browser') {
        await browser.kill();
        browser = undefined;
        if (savedBeforeLeaving) saved = typed;
        typedAfter = typed;
        continue;
      }
      if (leave === 'close the tab') await page.close();
      else {
        const session = await browser.context.newCDPSession(page);
        // The session dies with the renderer, so the command is never answered: wait for the crash.
        const crashed = page.waitForEvent('crash');
        void session.send('Page.crash').catch(() => {});
        await crashed;
      }
      // Leaving a docked panel, even by a crash, saves every edit typed (the draft guard, D2).
      const again = await openPanel(browser.context, claim.id);
      await expect.poll(() => shown(again.panel, lineIds), { timeout: 10_000 }).toEqual(typed);
      saved = typed;
      typedAfter = null;
      await browser.kill();
      browser = undefined;
    }
    console.log(`kill and reload: ${RUNS} runs (seed ${SEED}):`, tally);
    expect(Object.values(tally).every((count) => count > 0)).toBe(true);
  }, 600_000);
});
