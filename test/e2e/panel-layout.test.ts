import { describe, expect, it } from 'vitest';
import { Decimal } from '../../lib/decimal';
import { middleEllipsis } from '../../lib/middle-ellipsis';
import { SEED_CLAIMS, SEED_CONTRACTS } from '../../sandbox/seed';
import { PanelPage } from './panel-page';
import { ReconciliationPage } from './reconciliation-page';
import { hostAndBrowserPerTest } from './sandbox-session';

// The allocation grid where it is used: the docked panel at its default width, on common windows,
// 900 px tall, with the seeded 10-code, 40-line claim.
const start = hostAndBrowserPerTest();

/** The walkthrough claim's grid in the docked panel, in a window `width` × 900 (`edit` changes the seeded data first). */
async function openGridAt(width: number, edit?: Parameters<typeof start>[1]) {
  const { sandbox, browser } = await start({ scale: 'walkthrough' }, edit);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const reconciliation = new ReconciliationPage(page);
  await reconciliation.goto(sandbox.url);
  await reconciliation.linkButtonOf(SEED_CLAIMS.walkthrough).click();
  const frame = await reconciliation.panelFrame();
  await new PanelPage(reconciliation.panel()).button('Build the Procore version').click();
  await frame.locator('.ag-row[row-id$="-L4"]').first().waitFor();
  // The figure columns are widened for their widest texts a frame after the first rows show.
  await frame.waitForFunction(() => performance.getEntriesByName('backfill:columns-fitted').length > 0);
  return frame;
}

const COLUMNS_ALWAYS_SHOWN = ['lineNumber', 'description', 'remainingBalance', 'thisClaim', 'percentAfter'];

describe('the panel at its default width', () => {
  it.each([1280, 1440, 1920])('at %i × 900 shows every line’s columns in full, no sideways scrolling, and at least 12 grid rows', async (width) => {
    const frame = await openGridAt(width);
    const layout = await frame.evaluate((columns) => {
      const clipped = (element: Element | null) => element !== null && element.scrollWidth > element.clientWidth + 1;
      const headers = columns.map((column) => document.querySelector(`.ag-header-cell[col-id="${column}"]`));
      const footer = document.querySelector('footer.submit-bar')!.getBoundingClientRect();
      const reference = document.querySelector('section.reference')!.getBoundingClientRect();
      const gridHeader = document.querySelector('.ag-header')!.getBoundingClientRect();
      // Rows of the grid's body (each row is drawn in every column section: counted once, by id).
      const bodyRows = [...document.querySelectorAll('.ag-row[row-id]')].filter((row) => row.closest('.ag-grid-pinned-bottom-rows-container, .ag-grid-pinned-top-rows-container') === null);
      const rows = new Set(
        bodyRows
          .filter((row) => {
            const box = row.getBoundingClientRect();
            return box.height > 0 && box.top >= reference.bottom && box.bottom <= footer.top;
          })
          .map((row) => row.getAttribute('row-id')),
      );
      const percentCells = [...document.querySelectorAll('.ag-row .ag-cell[col-id="percentAfter"]')];
      // The lines' remaining balances and the totals row's remaining, as shown on the seeded claim.
      const remainingCells = [...document.querySelectorAll('.ag-row .ag-cell[col-id="remainingBalance"]')];
      return {
        missing: columns.filter((_, index) => headers[index] === null),
        clippedHeaders: columns.filter((_, index) => clipped(headers[index]!.querySelector('.ag-header-cell-text'))),
        clippedPercents: percentCells.filter((cell) => clipped(cell.querySelector('.ag-cell-value') ?? cell)).length,
        clippedRemaining: remainingCells.filter((cell) => clipped(cell.querySelector('.ag-cell-value') ?? cell)).length,
        // The grid's one scroller, both ways (AG Grid 36): columns wider than it scroll sideways.
        sideways: clipped(document.querySelector('.ag-grid-viewport')),
        gridHeaderBelowReference: gridHeader.top >= reference.bottom - 1,
        rowsInView: rows.size,
      };
    }, COLUMNS_ALWAYS_SHOWN);
    console.log(`panel at ${width} × 900:`, JSON.stringify(layout));
    expect(layout).toMatchObject({ missing: [], clippedHeaders: [], clippedPercents: 0, clippedRemaining: 0, sideways: false, gridHeaderBelowReference: true });
    expect(layout.rowsInView).toBeGreaterThanOrEqual(12);
  });
});

describe('long SOV descriptions', () => {
  // As real SOVs read: long, and alike up to their last words (the area or level).
  const AREAS = ['Level 1', 'Level 2', 'Level 3', 'Roof'];
  const described = (index: number) => `Blocking and backing for wall-mounted casework and accessories, ${AREAS[index % 4]}`;

  it.each([1280, 1440, 1920])('at %i × 900 end every line’s description in view, so lines of one code are told apart', async (width) => {
    const frame = await openGridAt(width, (data) => {
      const sov = data.sovs.find((candidate) => candidate.contractId === SEED_CONTRACTS.walkthrough)!;
      sov.lines.forEach((line, index) => (line.description = described(index)));
    });
    const shown = await frame.evaluate(() =>
      [1, 2, 3, 4].map((line) => {
        const cell = document.querySelector(`.ag-row[row-id$="-L${line}"] .ag-cell[col-id="description"]`)!;
        const box = cell.getBoundingClientRect();
        const tail = cell.querySelector('.description-tail')!;
        const tailBox = tail.getBoundingClientRect();
        return {
          tail: tail.textContent,
          whole: tail.scrollWidth <= tail.clientWidth + 1 && tailBox.left >= box.left && tailBox.right <= box.right + 1,
        };
      }),
    );
    console.log(`descriptions at ${width} × 900:`, JSON.stringify(shown));
    expect(shown).toEqual(AREAS.map((_, index) => ({ tail: middleEllipsis(described(index)).tail, whole: true })));
  });
});

describe('the figures of a contract of millions', () => {
  // The walkthrough contract made large: a line scheduled at $4.5M, a line already billed in full, and
  // $1.2M more paid on the first code, so that spread, a line takes over a million in this claim.
  const MILLION = '1200000.00';
  const large: Parameters<typeof start>[1] = (data) => {
    const sov = data.sovs.find((candidate) => candidate.contractId === SEED_CONTRACTS.walkthrough)!;
    sov.lines[0]!.scheduledValue = '4500000.00';
    sov.lines[1]!.claimedToDate = sov.lines[1]!.scheduledValue;
    const claim = data.claims.find((candidate) => candidate.id === SEED_CLAIMS.walkthrough)!;
    const first = claim.lines.find((line) => line.categoryCode === sov.lines[0]!.categoryCode)!;
    first.amount = new Decimal(first.amount).plus(MILLION).toFixed(2);
    claim.total = new Decimal(claim.total).plus(MILLION).toFixed(2);
  };

  it.each([1280, 1440, 1920])('at %i × 900 show in full, spread or not: remaining balances, this claim, the totals row and % after', async (width) => {
    const frame = await openGridAt(width, large);
    const figures = () =>
      frame.evaluate(() => {
        const clipped = (cell: Element) => {
          const value = cell.querySelector('.ag-cell-value, .this-claim') ?? cell;
          return value.scrollWidth > value.clientWidth + 1 || cell.scrollWidth > cell.clientWidth + 1;
        };
        const cells = [...document.querySelectorAll('.ag-row .ag-cell[col-id="remainingBalance"], .ag-row .ag-cell[col-id="thisClaim"], .ag-row .ag-cell[col-id="percentAfter"]')];
        // Wider figure columns narrow the description, never widen the grid past its view (sideways scrolling).
        const sideways = clipped(document.querySelector('.ag-grid-viewport')!) ? ['sideways scrolling'] : [];
        return { clipped: [...sideways, ...cells.filter(clipped).map((cell) => cell.textContent)], texts: cells.map((cell) => cell.textContent?.trim() ?? '') };
      });
    // The columns take their widths once the grid's first frame is drawn.
    await expect.poll(async () => (await figures()).clipped).toEqual([]);
    const before = await figures();
    await new PanelPage(frame).button('Spread every code').click();
    await frame.getByText(/Spread the remaining of \d+ codes/).waitFor();
    const after = await figures();
    console.log(`figures of millions at ${width} × 900:`, JSON.stringify({ before: before.clipped, after: after.clipped }));
    // The large figures are there to be shown: a remaining of millions, a line at 100%, and this claim's millions.
    expect(before.texts.some((text) => /^\$4,\d{3},\d{3}\.\d{2}$/.test(text))).toBe(true);
    expect(before.texts).toContain('100.00%');
    expect(after.texts.some((text) => /^\$1,\d{3},\d{3}\.\d{2}$/.test(text))).toBe(true);
    expect(after.clipped).toEqual([]);
    // A mistyped amount, far past its line's scheduled value, shows in full too, and its % after.
    const typo = (await frame.locator('.ag-row[row-id$="-L5"]').first().getAttribute('row-id'))!;
    await new PanelPage(frame).typeAmount(typo, '999,999.00');
    await expect.poll(async () => (await figures()).texts).toContain('> 999%');
    expect((await figures()).clipped).toEqual([]);
  });
});

describe('while the claim is read', () => {
  it('names it as its row does (the invoice), not by the host’s id', async () => {
    const { sandbox, browser } = await start({ scale: 'walkthrough', latencyMs: 1500 });
    const page = await browser.context.newPage();
    const reconciliation = new ReconciliationPage(page);
    await reconciliation.goto(sandbox.url);
    const claim = await sandbox.claim(SEED_CLAIMS.walkthrough);
    await reconciliation.linkButtonOf(SEED_CLAIMS.walkthrough).click();
    const frame = await reconciliation.panelFrame();
    const status = frame.getByRole('status').filter({ hasText: /^Reading / });
    await expect.poll(() => status.textContent()).toBe(`Reading invoice ${claim.invoiceNumber} from the host…`);
  });
});

describe('in a tab of its own', () => {
  it('at 1440 × 900 adds the scheduled value and claimed to date, every header in full', async () => {
    const frame = await openGridAt(1440);
    const [tab] = await Promise.all([frame.page().context().waitForEvent('page'), frame.getByRole('link', { name: 'Open in a tab' }).click()]);
    await tab.setViewportSize({ width: 1440, height: 900 });
    await new PanelPage(tab).button('Build the Procore version').click();
    await tab.locator('.ag-row[row-id$="-L4"]').first().waitFor();
    const headers = await tab.evaluate(() =>
      [...document.querySelectorAll('.ag-header-cell[col-id]')].map((header) => {
        const text = header.querySelector('.ag-header-cell-text')!;
        return { column: header.getAttribute('col-id'), text: text.textContent, whole: text.scrollWidth <= text.clientWidth + 1 };
      }),
    );
    expect(headers.map((header) => header.column)).toEqual([...COLUMNS_ALWAYS_SHOWN.slice(0, 2), 'scheduledValue', 'claimedToDate', ...COLUMNS_ALWAYS_SHOWN.slice(2)]);
    expect(headers.filter((header) => !header.whole)).toEqual([]);
  });
});
