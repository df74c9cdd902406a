import { expect, it } from 'vitest';
import { formatMoney } from '../../lib/money';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import type { ExtensionBrowser } from './browser';
import { hostAndBrowserPerTest } from './sandbox-session';

// A claim on the 5,000-line contract (`--scale large`): the grid opens on its first rows and takes the
// rest in steps after its first frame; none of that may show in what the user can do.
const start = hostAndBrowserPerTest();

/** The sandbox's reconciliation page in a new tab (a window of `size`, if given), and the panel on the claim's Procore version. */
async function openProcoreVersion(browser: ExtensionBrowser, url: string, claimId: string, size?: { width: number; height: number }) {
  const page = await browser.context.newPage();
  if (size) await page.setViewportSize(size);
  const reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(url);
  await reconciliation.linkButtonOf(claimId).click();
  const frame = await reconciliation.panelFrame();
  const panel = new PanelPage(reconciliation.panel());
  await panel.button('Build the Procore version').click();
  return { page, reconciliation, frame, panel };
}

it('on a 5,000-line contract, goes at once to a code far down, keeps what is typed there, reopens on it, and shows every row and code', async () => {
  const { sandbox, browser } = await start({ scale: 'large' });
  const claim = await sandbox.claim(SEED_CLAIMS.large);
  const sov = await sandbox.sov(claim.contractId);
  // The 50th code (the last the list of what is left names): about 900 rows down.
  const code = claim.lines[49]!.categoryCode;
  const [firstLine, secondLine] = sov.lines.filter((line) => line.categoryCode === code);

  const { page, reconciliation, panel } = await openProcoreVersion(browser, sandbox.url, claim.id);
  await panel.frame.getByRole('button', { name: new RegExp(`^${code} still needs`) }).click();
  await expect.poll(() => panel.focusedRowId()).toBe(firstLine!.id);
  await page.keyboard.type('12.34');
  await page.keyboard.press('Enter');
  await expect.poll(() => panel.amountCell(firstLine!.id).textContent()).toBe(formatMoney('12.34'));
  await expect.poll(() => panel.focusedRowId()).toBe(secondLine!.id);
  await panel.waitSaved();

  // Reopened, the draft opens on the line the user was on, far past the first rows.
  await page.keyboard.press('Escape');
  await page.locator('backfill-panel-dock').waitFor({ state: 'detached' });
  await reconciliation.linkButtonOf(claim.id).click();
  await reconciliation.panelFrame();
  await expect.poll(() => panel.focusedRowId(), { timeout: 15_000 }).toBe(secondLine!.id);
  expect(await panel.amountCell(firstLine!.id).textContent()).toBe(formatMoney('12.34'));

  // Every row goes in: the grid tells screen readers it has them all (its header row, each code's
  // header row and lines, and the totals row).
  const codes = new Set(claim.lines.map((line) => line.categoryCode));
  const rows = 1 + codes.size + sov.lines.filter((line) => codes.has(line.categoryCode!)).length + 1;
  await expect.poll(() => panel.frame.locator('[role="treegrid"], [role="grid"]').first().getAttribute('aria-rowcount')).toBe(String(rows));
  // And the pinned Yardi reference lists every code, after its first few.
  await expect.poll(() => panel.frame.locator('section.reference [role="row"][data-code]').count()).toBe(codes.size);
});

it('keeps two rows in view past the line typed into, as amounts go in one after another down a grid longer than its view', async () => {
  const { sandbox, browser } = await start({ scale: 'walkthrough' });
  const claim = await sandbox.claim(SEED_CLAIMS.walkthrough);
  const sov = await sandbox.sov(claim.contractId);
  // A window where the whole grid fits in the panel (at 900 px its last rows are below the panel's fold).
  const { page, frame, panel } = await openProcoreVersion(browser, sandbox.url, claim.id, { width: 1600, height: 1000 });
  /**
   * How many of the two rows past the focused one show, at least their upper half: what shows there is
   * them, not the totals row, the footer or nothing. (The grid's horizontal scroll strip, 16 px, lies
   * over the lower half of its last row.)
   */
  const rowsInViewPastFocus = () =>
    frame.evaluate(() => {
      const focused = Number(document.querySelector('.ag-row-focus')?.getAttribute('row-index'));
      let shown = 0;
      for (let index = focused + 1; index <= focused + 2; index++) {
        const row = document.querySelector(`.ag-grid-scrolling-rows [row-index="${index}"]`);
        const box = row?.getBoundingClientRect();
        const at = (y: number) => document.elementFromPoint(box!.left + box!.width / 2, y)?.closest('[row-index]') === row;
        if (box && at(box.top + 1) && at(box.top + box.height / 2 - 1)) shown++;
      }
      return shown;
    });
  await panel.amountCell(sov.lines[0]!.id).click();
  const rowsShown = await frame.evaluate(() => Math.round(document.querySelector('.ag-grid-viewport')!.clientHeight / 32));
  expect(sov.lines.length).toBeGreaterThan(rowsShown + 4); // the typing goes past the grid's bottom edge
  for (let typed = 0; typed < rowsShown + 2; typed++) {
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(rowsInViewPastFocus).toBe(2);
  }
});

it('keeps an amount being typed on its line while the grid scrolls under the editor, out of sight and back', async () => {
  const { sandbox, browser } = await start({ scale: 'walkthrough' });
  const claim = await sandbox.claim(SEED_CLAIMS.walkthrough);
  const sov = await sandbox.sov(claim.contractId);
  const { page, frame, panel } = await openProcoreVersion(browser, sandbox.url, claim.id);
  const line = sov.lines[4]!;
  const cell = panel.amountCell(line.id);
  const editor = frame.locator('input.amount-editor');
  await cell.click();
  await page.keyboard.type('4');
  const grid = (await frame.locator('.ag-grid-viewport').boundingBox())!;
  await page.mouse.move(grid.x + grid.width / 2, grid.y + grid.height / 2);
  const offset = async () => {
    const [over, under] = await Promise.all([editor.boundingBox(), cell.boundingBox()]);
    return Math.round(over!.y - under!.y);
  };
  const scrolled = () => frame.evaluate(() => document.querySelector('.ag-grid-viewport')!.scrollTop);
  // The editor moves with its cell in the frame the grid scrolls in: no frame shows it off its line.
  const offsetInScrollFrame = await frame.evaluate(
    (lineId) =>
      new Promise<number>((resolve) => {
        document.querySelector('.ag-grid-viewport')!.scrollTop += 40;
        requestAnimationFrame(() => {
          const over = document.querySelector('input.amount-editor')!.getBoundingClientRect();
          const under = document.querySelector(`.ag-row[row-id="${lineId}"] [col-id="thisClaim"]`)!.getBoundingClientRect();
          resolve(Math.round(over.top - under.top));
        });
      }),
    line.id,
  );
  expect(await scrolled()).toBeGreaterThan(0);
  expect(offsetInScrollFrame).toBe(0);
  // Scrolled far past it: the edit stays open, out of sight, and keeps what is typed.
  await page.mouse.wheel(0, 4000);
  await expect.poll(async () => (await editor.boundingBox())!.y < grid.y).toBe(true); // above the grid's top, with its line
  await expect.poll(offset).toBe(0);
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect.poll(() => cell.textContent()).toBe(formatMoney('42')); // back in view, on the next line
  expect(await editor.isVisible()).toBe(false);
});
