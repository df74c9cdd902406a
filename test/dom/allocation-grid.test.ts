// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createAllocationGrid } from '../../components/allocation-grid-setup';
import { AmountEditor } from '../../components/amount-editor';
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
    const api = createAllocationGrid(container, { rows, totalRow: totalRow(validator, validator.result().codes), dark: false, onLineFocused: vi.fn() });
    validator.set('L1', '600.00');
    api.applyTransaction({ update: rowsForLines(validator, ['L1']) });
    api.setGridOption('pinnedBottomRowData', [totalRow(validator, validator.result().codes)]);
    api.ensureIndexVisible(1, 'middle');
    api.setFocusedCell(1, 'thisClaim');
    expect(api.getFocusedCell()?.rowIndex).toBe(1);
    expect(api.getDisplayedRowAtIndex(1)?.data).toMatchObject({ id: 'L1', thisClaim: '600.00' });
    expect(api.getCellValue({ rowNode: api.getDisplayedRowAtIndex(1)!, colKey: 'thisClaim' })).toBe('600.00');
    expect(api.getDisplayedRowCount()).toBe(rows.length);
    // The amount editor, on this grid's API (its events too).
    const editor = new AmountEditor(container, api, { onCommit: vi.fn() });
    expect(editor.openAt(1, '5')).toBe(true);
    expect(editor.isOpen).toBe(true);
    editor.destroy();
    api.destroy();
  });

  it('spans a code’s header row over the columns shown, also once the panel is dragged wide', async () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const container = document.createElement('div');
    container.style.height = '400px';
    document.body.append(container);
    const rows = allocationRows(validator, { showOtherLines: true });
    const api = createAllocationGrid(container, { rows, totalRow: totalRow(validator, validator.result().codes), dark: false, onLineFocused: vi.fn() });
    const span = () => vi.waitFor(() => container.querySelector('.code-header')!.getAttribute('aria-colspan'));
    expect(await span()).toBe('5'); // line, description, remaining, this claim, % after
    api.getGridOption('onGridSizeChanged')!({ clientWidth: 900, clientHeight: 400, api, context: undefined, type: 'gridSizeChanged' });
    expect(api.getAllDisplayedColumns().map((column) => column.getColId())).toContain('scheduledValue');
    await vi.waitFor(() => expect(container.querySelector('.code-header')!.getAttribute('aria-colspan')).toBe('7'));
    api.destroy();
  });

  it('starts with the wide columns when the panel is already wide, with no second drawing of its rows', async () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const container = document.createElement('div');
    container.style.height = '400px';
    Object.defineProperty(container, 'clientWidth', { value: 900 });
    document.body.append(container);
    const rows = allocationRows(validator, { showOtherLines: true });
    const api = createAllocationGrid(container, { rows, totalRow: totalRow(validator, validator.result().codes), dark: false, onLineFocused: vi.fn() });
    expect(api.getAllDisplayedColumns().map((column) => column.getColId())).toEqual(['lineNumber', 'description', 'scheduledValue', 'claimedToDate', 'remainingBalance', 'thisClaim', 'percentAfter']);
    await vi.waitFor(() => expect(container.querySelector('.code-header')!.getAttribute('aria-colspan')).toBe('7'));
    api.destroy();
  });
});
