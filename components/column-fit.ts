import type { GridApi } from 'ag-grid-community';
import type { FigureSamples } from '@/lib/figure-samples';
import type { GridRow } from './allocation-grid-setup';

/**
 * Widens each figure column that is narrower than its widest text (`figureSamples`), measured in the
 * font, padding and border the grid's theme gives its cells, so that every figure shows in full; a
 * column is never made narrower than it was set. The description, the grid's one flexible column,
 * makes room, down to its least width. The text is measured on a canvas, from the cells' style: no
 * layout is forced.
 */
export function fitFigureColumns(api: GridApi<GridRow>, grid: HTMLElement, samples: FigureSamples): void {
  const wrapper = grid.querySelector('.ag-root-wrapper');
  const context = document.createElement('canvas').getContext('2d');
  if (!wrapper || !context) return;
  // A cell in a row of the grid's own, styled by its theme as its cells are; the totals row's figures
  // (this claim, remaining) in that pinned row's heavier weight.
  const probe = document.createElement('div');
  probe.style.display = 'none';
  const cells = ['ag-row', 'ag-row ag-row-pinned'].map((className) => {
    const row = probe.appendChild(document.createElement('div'));
    row.className = className;
    const cell = row.appendChild(document.createElement('div'));
    cell.className = 'ag-cell ag-right-aligned-cell';
    return cell;
  });
  wrapper.append(probe);
  const [plain, totals] = cells.map((cell) => {
    const style = getComputedStyle(cell);
    const frame = [style.paddingLeft, style.paddingRight, style.borderLeftWidth, style.borderRightWidth].reduce((sum, length) => sum + parseFloat(length), 0);
    return { font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`, frame };
  });
  probe.remove();
  const wider = Object.entries(samples).flatMap(([key, text]) => {
    const { font, frame } = IN_TOTALS_ROW.has(key) ? totals! : plain!;
    context.font = font;
    // A pixel or two over the text: the canvas and the cell may round its width apart.
    const newWidth = Math.ceil(context.measureText(text).width + frame) + 2;
    return newWidth > (api.getColumn(key)?.getActualWidth() ?? newWidth) ? [{ key, newWidth }] : [];
  });
  // With the description's flex applied again: resizing a column, AG Grid re-flexes only the columns
  // right of it, and the description, left of the figures, kept its width (18 px of sideways scrolling).
  if (wider.length > 0) api.applyColumnState({ state: [...wider.map(({ key, newWidth }) => ({ colId: key, width: newWidth })), { colId: 'description', flex: 1 }] });
}

/** The figure columns the totals row shows a figure in. */
const IN_TOTALS_ROW = new Set(['remainingBalance', 'thisClaim']);
