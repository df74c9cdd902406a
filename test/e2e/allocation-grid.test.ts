import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMoney, sumMoney } from '../../lib/money';
import { Decimal } from '../../lib/decimal';
import type { HostClaim, Sov } from '../../lib/schemas';
import { SEED_CLAIMS } from '../../sandbox/seed';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { balancedAllocation, freshSandbox } from './sandbox-session';

// The allocation grid as a spreadsheet user drives it: keyboard, rejected input, paste, helpers.
let browser: ExtensionBrowser;
let sandbox: Awaited<ReturnType<typeof freshSandbox>>;
let page: Page;
let panel: PanelPage;
let claim: HostClaim;
let sov: Sov;

beforeEach(async () => {
  [browser, sandbox] = await Promise.all([launchWithExtension(), freshSandbox()]);
  claim = await sandbox.claim(SEED_CLAIMS.ordinary);
  sov = await sandbox.sov(claim.contractId);
  page = await browser.context.newPage();
  const reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(sandbox.url);
  await reconciliation.linkButtonOf(claim.id).click();
  await reconciliation.panelFrame();
  panel = new PanelPage(reconciliation.panel());
  await panel.button('Build the Procore version').click();
  await panel.amountCell(linesOf(claim.lines[0]!.categoryCode)[0]!).waitFor();
});

afterEach(async () => {
  await browser?.close();
  await sandbox?.close();
});

const linesOf = (code: string) => sov.lines.filter((line) => line.categoryCode === code).map((line) => line.id);
const cellText = (lineId: string) => panel.amountCell(lineId).textContent();

describe('the allocation grid', () => {
  it('is usable from the keyboard alone: type, Enter down, Esc cancels, Delete clears, F2 edits', async () => {
    const [first, second, third] = linesOf('03-300');
    await panel.amountCell(first!).click();
    await page.keyboard.type('1,234.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(first!)).toBe('$1,234.50');
    await expect.poll(() => panel.focusedRowId()).toBe(second); // Enter moves down, as in Excel
    // The closed editor leaves no caret behind (the browser would work it out on every keystroke).
    expect(await panel.selectionType()).not.toBe('Caret');

    await page.keyboard.type('99');
    expect(await panel.selectionType()).toBe('Caret'); // typing in the cell's editor
    await page.keyboard.press('Escape'); // cancels the edit, keeps the panel open
    await expect.poll(() => cellText(second!)).toBe('');
    expect(await panel.heading('Link Progress Claim').isVisible()).toBe(true);
    expect(await panel.selectionType()).not.toBe('Caret');

    await page.keyboard.type('(12.00)');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(second!)).toBe('($12.00)');
    await expect.poll(() => panel.focusedRowId()).toBe(third);

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Delete');
    await expect.poll(() => cellText(second!)).toBe('');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('F2');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(first!)).toBe('$1,234.50'); // the editor held "1234.50"; one decimal gone is the same amount
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('F2');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(first!)).toBe('$42.00');
  });

  it('keeps Excel’s keys in the amount editor: arrows end an amount typed over a cell and move the caret in one opened to change; Tab goes right; a double click opens the amount', async () => {
    const [first, second] = linesOf('03-300');
    const line = sov.lines.find((candidate) => candidate.id === first)!;
    const editor = panel.frame.locator('input.amount-editor');
    await panel.amountCell(first!).click();
    await page.keyboard.type('10');
    // Named for screen readers by its line.
    expect(await panel.frame.getByRole('textbox', { name: `This claim, line ${line.lineNumber}, ${line.description}` }).inputValue()).toBe('10');
    await page.keyboard.press('ArrowDown'); // typed over the cell: the arrow ends the edit and moves on
    await expect.poll(() => cellText(first!)).toBe('$10.00');
    await expect.poll(() => panel.focusedRowId()).toBe(second);

    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('F2'); // opened to change: the arrows move the caret, the edit stays open
    await page.keyboard.press('Home');
    await page.keyboard.type('2');
    await page.keyboard.press('ArrowDown');
    expect(await editor.inputValue()).toBe('210.00');
    expect(await panel.focusedRowId()).toBe(first);
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(first!)).toBe('$210.00');
    await expect.poll(() => panel.focusedRowId()).toBe(second);

    await page.keyboard.type('3');
    await page.keyboard.press('Tab'); // ends the edit, on to the cell to the right
    await expect.poll(() => cellText(second!)).toBe('$3.00');
    expect(await panel.frame.locator('.ag-cell-focus').getAttribute('col-id')).toBe('percentAfter');

    await panel.amountCell(first!).dblclick();
    expect(await editor.inputValue()).toBe('210.00');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(first!)).toBe('$210.50');
  });

  it('keeps every keystroke typed into a field clicked while a cell was being edited', async () => {
    const [first] = linesOf('03-300');
    await panel.amountCell(first!).click();
    await page.keyboard.type('5');
    const title = panel.frame.getByLabel('Title');
    await title.click(); // ends the edit; the caret the click put in the field is the user's
    await page.keyboard.type('abc');
    await expect.poll(() => title.inputValue()).toContain('abc');
    await expect.poll(() => cellText(first!)).toBe('$5.00');
    await panel.amountCell(first!).click();
    await page.keyboard.type('7');
    const number = panel.frame.getByLabel('Number');
    await number.click();
    await page.keyboard.type('N-1');
    await expect.poll(() => number.inputValue()).toContain('N-1');
    await expect.poll(() => cellText(first!)).toBe('$7.00');
  });

  it('refuses what is not an amount, says why in the cell, and stores nothing', async () => {
    const [first] = linesOf('03-300');
    const before = await panel.remaining('03-300').textContent();
    await panel.typeAmount(first!, '12.345');
    await expect.poll(() => cellText(first!)).toContain('12.345');
    await expect.poll(() => cellText(first!)).toContain('⚠');
    await expect.poll(() => panel.notice().textContent()).toContain('was not stored');
    expect(await panel.remaining('03-300').textContent()).toBe(before);
    await panel.typeAmount(first!, '12.34');
    await expect.poll(() => cellText(first!)).toBe('$12.34');
  });

  describe('paste never puts an amount on the wrong line', () => {
    // The claim's lines in grid order (by code, in claim order) with a balanced allocation of them.
    const allocated = () => {
      const allocation = balancedAllocation(claim, sov);
      return { allocation, ids: Object.keys(allocation), lineNumber: (id: string) => sov.lines.find((line) => line.id === id)!.lineNumber };
    };
    const expectAllocated = async (allocation: Record<string, string>) => {
      for (const [id, amount] of Object.entries(allocation)) await expect.poll(() => cellText(id)).toBe(formatMoney(amount));
      await expect.poll(() => panel.button('Review and submit').isEnabled()).toBe(true);
    };

    it('skips the header row of a pasted column and says so', async () => {
      const { allocation, ids } = allocated();
      await panel.amountCell(ids[0]!).click();
      await panel.paste(`This claim\r\n${ids.map((id) => formatMoney(allocation[id]!)).join('\r\n')}\r\n`);
      await expect.poll(() => panel.notice().textContent()).toMatch(new RegExp(`^${ids.length} amounts placed on lines [0-9–, ]+; header skipped$`));
      await expectAllocated(allocation);
    });

    it('places a line, description and amount block by line number, in shuffled order, wherever the focus is', async () => {
      const { allocation, ids, lineNumber } = allocated();
      // Sorted by description, as a subcontractor's export might be: nothing like the grid's order.
      const rows = sov.lines.filter((line) => ids.includes(line.id)).sort((a, b) => a.description.localeCompare(b.description));
      expect(rows.map((line) => line.id)).not.toEqual(ids);
      await panel.amountCell(ids.at(-1)!).click(); // by position, this block would run past the last line
      await panel.paste(rows.map((line) => `${lineNumber(line.id)}\t${line.description}\t${formatMoney(allocation[line.id]!)}`).join('\r\n'));
      await expect.poll(() => panel.notice().textContent()).toBe(`${ids.length} amounts placed by line number`);
      await expectAllocated(allocation);
    });

    it('takes a block pasted into an open editor as a block at its line, not as text in the cell', async () => {
      const { allocation, ids } = allocated();
      await panel.amountCell(ids[0]!).click();
      await page.keyboard.type('9'); // an amount begun, then the block pasted over it
      await panel.paste(`${ids.map((id) => allocation[id]).join('\r\n')}\r\n`);
      await expect.poll(() => panel.notice().textContent()).toMatch(new RegExp(`^${ids.length} amounts placed on lines `));
      await expectAllocated(allocation);
      expect(await panel.frame.locator('input.amount-editor').isVisible()).toBe(false);
      await expect.poll(() => panel.focusedRowId()).toBe(ids[0]);
    });

    it('changes nothing when the block does not fit, and says exactly why', async () => {
      await panel.frame.getByLabel('Show other SOV lines').check();
      const { ids, lineNumber } = allocated();
      const [beforeLast, last] = ids.slice(-2) as [string, string];
      await panel.typeAmount(last, '1.00');
      await expect.poll(() => cellText(last)).toBe('$1.00');
      await panel.amountCell(beforeLast).click();
      await panel.paste('10\n20\n30\n');
      await expect.poll(() => panel.notice().textContent()).toBe(`Nothing pasted: 1 row ran past line ${lineNumber(last)}, the claim's last line.`);
      expect(await panel.notice().getAttribute('class')).toContain('error');
      expect(await cellText(beforeLast)).toBe('');
      expect(await cellText(last)).toBe('$1.00');
      const others = sov.lines.filter((line) => !ids.includes(line.id));
      for (const line of others) expect(await cellText(line.id)).toBe('');
      // The refused paste is no undo step: Ctrl+Z takes back the typed amount.
      await page.keyboard.press('Control+z');
      await expect.poll(() => cellText(last)).toBe('');
    });
  });

  it('helpers fill, spread and clear a code exactly, each one undo step', async () => {
    const code = claim.lines[0]!.categoryCode;
    const target = formatMoney(sumMoney(claim.lines.filter((line) => line.categoryCode === code).map((line) => line.amount)));
    const [first] = linesOf(code);
    await panel.amountCell(first!).click();
    await page.keyboard.press('Alt+r');
    await expect.poll(() => cellText(first!)).toBe(target);
    await expect.poll(() => panel.remaining(code).textContent()).toContain('Balanced');

    await page.keyboard.press('Alt+c');
    await expect.poll(() => cellText(first!)).toBe('');
    await page.keyboard.press('Alt+s');
    await expect.poll(() => panel.remaining(code).textContent()).toContain('Balanced');
    const spread = await Promise.all(linesOf(code).map((id) => cellText(id)));
    expect(spread.filter((text) => text !== '').length).toBe(linesOf(code).length);

    await page.keyboard.press('Control+z');
    await expect.poll(() => cellText(first!)).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(() => cellText(first!)).toBe(spread[0]);
  });

  it('opens Submit exactly when every code is allocated to the cent', async () => {
    const allocation = balancedAllocation(claim, sov);
    const review = panel.button('Review and submit');
    const ids = Object.keys(allocation);
    await panel.amountCell(ids[0]!).click();
    await panel.paste(ids.map((id) => allocation[id]).join('\n'));
    await expect.poll(() => review.isEnabled()).toBe(true);
    const [lineId, amount] = Object.entries(allocation)[0]!;
    await panel.typeAmount(lineId, new Decimal(amount).plus('0.01').toFixed(2));
    await expect.poll(() => review.isDisabled()).toBe(true);
    await expect.poll(() => panel.frame.getByRole('button', { name: /is over by \$0\.01/ }).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => review.isEnabled()).toBe(true);
  });

  it('copies the allocation from the docked panel: the allocated lines as TSV, on the clipboard', async () => {
    const [first, second] = linesOf('03-300');
    await panel.typeAmount(first!, '1,000.00');
    await panel.typeAmount(second!, '(250.5)');
    await panel.button('Copy allocation').click();
    await panel.frame.getByText('Copied 2 allocated lines as TSV.').waitFor();
    await browser.context.grantPermissions(['clipboard-read'], { origin: sandbox.url });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const byLine = Object.fromEntries(sov.lines.map((line) => [line.id, line]));
    const rows = copied.trim().split(/\r?\n/).map((row) => row.split('\t'));
    // Each row names its line and ends with its amount, as a plain number Excel reads.
    expect(rows.map((row) => [row[0], row.at(-1)])).toEqual([
      [String(byLine[first!]!.lineNumber), '1000.00'],
      [String(byLine[second!]!.lineNumber), '-250.50'],
    ]);
  });

  it('goes from empty to balanced with Spread every code, the footer saying what is left all along', async () => {
    const status = panel.frame.locator('footer.submit-bar [role="status"]');
    const unallocated = formatMoney(sumMoney(claim.lines.map((line) => line.amount)));
    await expect.poll(() => status.textContent()).toBe(`${new Set(claim.lines.map((line) => line.categoryCode)).size} codes to go, ${unallocated} unallocated`);
    await panel.button('Spread every code').click();
    await expect.poll(() => status.textContent()).toBe('Balanced');
    await expect.poll(() => panel.button('Review and submit').isEnabled()).toBe(true);
    // The footer stays in view, however far the panel is scrolled.
    await panel.frame.locator('body').evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await panel.frame.locator('body').evaluate(() => window.scrollTo(0, 0));
    const box = await panel.button('Review and submit').boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    // One step: Undo takes it all back.
    await panel.button('Undo').click();
    await expect.poll(() => status.textContent()).toContain('codes to go');
  });

  it('bills a line by percent complete to date: 45% typed is the amount that gets it there', async () => {
    const line = sov.lines.find((candidate) => candidate.id === linesOf('03-300')[0])!;
    const toDate = new Decimal(line.scheduledValue).times('0.45').toDecimalPlaces(2);
    await panel.typeAmount(line.id, '45%');
    await expect.poll(() => cellText(line.id)).toBe(formatMoney(toDate.minus(line.claimedToDate).toFixed(2)));
  });

  it('passes over code header rows with the arrows, and takes a character typed on a header as an amount', async () => {
    const [firstCode, secondCode] = claim.lines.map((line) => line.categoryCode);
    const lastOfFirst = linesOf(firstCode!).at(-1)!;
    const firstOfSecond = linesOf(secondCode!)[0]!;
    await panel.amountCell(lastOfFirst).click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => panel.focusedRowId()).toBe(firstOfSecond);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => panel.focusedRowId()).toBe(lastOfFirst);
    // Focus on the second code's header row, then type: the amount lands on its first line.
    await panel.frame.locator(`.code-header[data-code="${secondCode}"]`).click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(firstOfSecond)).toBe('$5.00');
    // Enter passes over them too, after an amount and with none typed.
    await panel.amountCell(lastOfFirst).click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(lastOfFirst)).toBe('$7.00');
    await expect.poll(() => panel.focusedRowId()).toBe(firstOfSecond);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => panel.focusedRowId()).toBe(lastOfFirst);
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.focusedRowId()).toBe(firstOfSecond);
  });

  it('lists text it refused on a line as a blocker, jumps to it, and drops it once the line has an amount', async () => {
    const allocation = balancedAllocation(claim, sov);
    const ids = Object.keys(allocation);
    await panel.amountCell(ids[0]!).click();
    await panel.paste(ids.map((id) => allocation[id]).join('\n'));
    const review = panel.button('Review and submit');
    await expect.poll(() => review.isEnabled()).toBe(true);
    const lineId = ids.at(-1)!;
    const lineNumber = sov.lines.find((line) => line.id === lineId)!.lineNumber;
    await panel.typeAmount(lineId, '6OO');
    const blocker = panel.frame.getByRole('button', { name: `Line ${lineNumber}: "6OO" is not an amount and was not stored.` });
    await blocker.waitFor();
    await expect.poll(() => review.isDisabled()).toBe(true);
    // Every code is still balanced (nothing was stored): the footer says what stops the submit.
    const status = panel.frame.locator('footer.submit-bar [role="status"]');
    await expect.poll(() => status.textContent()).toBe('Balanced, 1 problem to fix');
    await panel.amountCell(ids[0]!).click();
    await blocker.click();
    await expect.poll(() => panel.focusedRowId()).toBe(lineId);
    await panel.typeAmount(lineId, allocation[lineId]!);
    await expect.poll(() => blocker.count()).toBe(0);
    await expect.poll(() => review.isEnabled()).toBe(true);
    await expect.poll(() => status.textContent()).toBe('Balanced');
  });

  it('shows the claim in the grid its panel page made while waiting for it, out of sight and out of reach until then', async () => {
    await panel.typeAmount(linesOf('03-300')[0]!, '125.00');
    await page.keyboard.press('Escape'); // closed: another panel page loads for the next claim
    await expect.poll(() => page.frames().some((frame) => frame.url().includes('#standby=')), { timeout: 15_000 }).toBe(true);
    const standby = page.frames().find((frame) => frame.url().includes('#standby='))!;
    await standby.waitForLoadState('load');
    const madeAhead = await standby.waitForFunction(() => {
      const grid = document.querySelector<HTMLElement>('.ag-root-wrapper');
      if (!grid) return undefined;
      grid.dataset.testMark = 'made ahead'; // to know it again once the claim shows
      return { inert: grid.closest('[inert]') !== null, hidden: getComputedStyle(grid).visibility === 'hidden' };
    }, undefined, { polling: 100 }); // a page out of sight draws no frames: Playwright's default polls on them
    expect(await madeAhead.jsonValue()).toEqual({ inert: true, hidden: true });

    const reconciliation = new ReconciliationPage(page);
    await reconciliation.linkButtonOf(claim.id).click();
    expect(await reconciliation.panelFrame()).toBe(standby);
    await expect.poll(() => cellText(linesOf('03-300')[0]!)).toBe('$125.00'); // the draft, resumed
    const shown = await standby.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ag-root-wrapper')].map((grid) => ({
        mark: grid.dataset.testMark,
        inert: grid.closest('[inert]') !== null,
        hidden: getComputedStyle(grid).visibility === 'hidden',
        seen: grid.checkVisibility({ visibilityProperty: true }),
      })),
    );
    expect(shown).toEqual([{ mark: 'made ahead', inert: false, hidden: false, seen: true }]);
  });
});
