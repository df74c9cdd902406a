// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createAllocationGrid } from '../../components/allocation-grid-setup';
import { allocationRows, rowsForLines, totalRow } from '../../lib/allocation-rows';
import { BackfillValidator } from '../../lib/backfill';
import { makeClaim, makeSov } from '../support/fixtures';

// With dev validations on (as in tests and dev builds), a grid API whose module we did not register
// throws here instead of silently doing nothing in production.
describe('allocation grid modules', () => {
  it('registers every module the grid uses', () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const container = document.createElement('div');
    container.style.height = '400px';
    document.body.append(container);
    const rows = allocationRows(validator, { showOtherLines: true });
    const api = createAllocationGrid(container, { rows, totalRow: totalRow(validator, validator.result().codes), dark: false, onEdit: vi.fn(), onLineFocused: vi.fn() });
    validator.set('L1', '600.00');
    api.applyTransaction({ update: rowsForLines(validator, ['L1']) });
    api.setGridOption('pinnedBottomRowData', [totalRow(validator, validator.result().codes)]);
    api.ensureIndexVisible(1, 'middle');
    api.setFocusedCell(1, 'thisClaim');
    expect(api.getFocusedCell()?.rowIndex).toBe(1);
    expect(api.getDisplayedRowAtIndex(1)?.data).toMatchObject({ id: 'L1', thisClaim: '600.00' });
    expect(api.getCellValue({ rowNode: api.getDisplayedRowAtIndex(1)!, colKey: 'thisClaim' })).toBe('600.00');
    expect(api.getEditingCells()).toEqual([]);
    expect(api.getDisplayedRowCount()).toBe(rows.length);
    api.destroy();
  });

  it('spans a code’s header row over the columns shown, also once the panel is dragged wide', async () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const container = document.createElement('div');
    container.style.height = '400px';
    document.body.append(container);
    const rows = allocationRows(validator, { showOtherLines: true });
    const api = createAllocationGrid(container, { rows, totalRow: totalRow(validator, validator.result().codes), dark: false, onEdit: vi.fn(), onLineFocused: vi.fn() });
    const span = () => vi.waitFor(() => container.querySelector('.code-header')!.getAttribute('aria-colspan'));
    expect(await span()).toBe('5'); // line, description, remaining, this claim, % after
    api.getGridOption('onGridSizeChanged')!({ clientWidth: 900, clientHeight: 400, api, context: undefined, type: 'gridSizeChanged' });
    expect(api.getAllDisplayedColumns().map((column) => column.getColId())).toContain('scheduledValue');
    await vi.waitFor(() => expect(container.querySelector('.code-header')!.getAttribute('aria-colspan')).toBe('7'));
    api.destroy();
  });

  it('redraws what an edit changed, and writes no text of a redrawn row again that stayed the same', async () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const container = document.createElement('div');
    container.style.height = '400px';
    document.body.append(container);
    const api = createAllocationGrid(container, { rows: allocationRows(validator, { showOtherLines: false }), totalRow: totalRow(validator, validator.result().codes), dark: false, onEdit: vi.fn(), onLineFocused: vi.fn() });
    // As the panel redraws an edit: the lines' rows, their codes' header rows and the totals row take
    // their new figures in place, and every cell of them is redrawn.
    const redraw = (sovLineIds: string[]) => {
      const rows = [...rowsForLines(validator, sovLineIds), totalRow(validator, validator.result().codes)];
      const nodes = rows.map((row) => (row.kind === 'total' ? api.getPinnedBottomRow(0)! : api.getRowNode(row.id)!));
      nodes.forEach((node, index) => Object.assign(node.data!, rows[index]));
      api.refreshCells({ rowNodes: nodes, force: true, suppressFlash: true });
    };
    const header = await vi.waitFor(() => container.querySelector<HTMLElement>('.code-header[data-code="03-300"]')!);
    const cell = (id: string, selector: string) => container.querySelector(`.ag-row[row-id="${id}"] ${selector}`)!;
    await vi.waitFor(() => expect(cell('L2', '.this-claim')).not.toBeNull());
    const texts = () => [header.querySelector('.code')!.firstChild, header.querySelector('.description')!.firstChild, cell('L2', '.this-claim').firstChild, cell('L2', '.description-head').firstChild];
    const before = texts();
    expect(header.querySelector('.remaining')!.textContent).toBe('Remaining $1,000.00');

    validator.set('L1', '600.00');
    redraw(['L1', 'L2']);
    expect(header.querySelector('.remaining')!.textContent).toBe('Remaining $400.00');
    expect(cell('L1', '.this-claim').textContent).toBe('$600.00');
    expect(container.querySelector('.ag-grid-pinned-bottom-rows .this-claim')!.textContent).toBe('$600.00');
    // The code, its description and the untouched line L2 keep the very text they had.
    texts().forEach((text, index) => expect(text).toBe(before[index]));

    // A problem shows, then goes once the amount is mended; the code says when it is balanced.
    validator.set('L1', '9999.00');
    redraw(['L1']);
    expect(cell('L1', '.problem-icon')?.textContent).toBe('⚠');
    expect(cell('L1', '.this-claim').textContent).toContain('$9,999.00');
    validator.set('L1', '600.00');
    validator.set('L2', '400.00');
    redraw(['L1', 'L2']);
    expect(cell('L1', '.problem-icon')).toBeNull();
    expect(cell('L1', '.this-claim').textContent).toBe('$600.00');
    expect(header.classList.contains('balanced')).toBe(true);
    expect(header.querySelector('.remaining')!.textContent).toBe('✓ Balanced');
    api.destroy();
  });

  it('starts with the wide columns when the panel is already wide, with no second drawing of its rows', async () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const container = document.createElement('div');
    container.style.height = '400px';
    Object.defineProperty(container, 'clientWidth', { value: 900 });
    document.body.append(container);
    const rows = allocationRows(validator, { showOtherLines: true });
    const api = createAllocationGrid(container, { rows, totalRow: totalRow(validator, validator.result().codes), dark: false, onEdit: vi.fn(), onLineFocused: vi.fn() });
    expect(api.getAllDisplayedColumns().map((column) => column.getColId())).toEqual(['lineNumber', 'description', 'scheduledValue', 'claimedToDate', 'remainingBalance', 'thisClaim', 'percentAfter']);
    await vi.waitFor(() => expect(container.querySelector('.code-header')!.getAttribute('aria-colspan')).toBe('7'));
    api.destroy();
  });
});
