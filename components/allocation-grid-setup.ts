import {
  CellApiModule,
  CellStyleModule,
  ColumnApiModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  EventApiModule,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  TooltipModule,
  colorSchemeDark,
  colorSchemeLight,
  createGrid,
  enableDevValidations,
  themeQuartz,
  type ColDef,
  type GridApi,
  type GridOptions,
  type IRowNode,
  type ICellRendererComp,
  type ICellRendererParams,
  type Module,
} from 'ag-grid-community';
import type { AllocationRow, TotalRow } from '@/lib/allocation-rows';
import { formatMoney, isMoney } from '@/lib/money';
import { middleEllipsis } from '@/lib/middle-ellipsis';
import { percentText } from '@/lib/percent-text';

export type GridRow = AllocationRow | TotalRow;

/** Only the modules the grid uses (no AllCommunityModule): about a third less to ship. */
export const ALLOCATION_GRID_MODULES: Module[] = [
  ClientSideRowModelModule,
  ColumnApiModule,
  ClientSideRowModelApiModule,
  // The amount editor follows its cell as the panel or a column is resized (`AmountEditor`).
  EventApiModule,
  PinnedRowModule,
  TooltipModule,
  CellApiModule,
  CellStyleModule,
  RowStyleModule,
  RowApiModule,
  ScrollApiModule,
  RenderApiModule,
];

// A module we forgot fails silently in production; in dev and tests it must fail loudly.
if (import.meta.env.MODE !== 'production') enableDevValidations({ throwOn: ['error'] });

/** The grid follows the panel's look (theme.css variables), light or dark. */
export function gridTheme(dark: boolean) {
  return themeQuartz.withPart(dark ? colorSchemeDark : colorSchemeLight).withParams({
    fontFamily: 'inherit',
    fontSize: 13,
    accentColor: dark ? '#f47c3c' : '#c2410c',
    rowHeight: 32,
    headerHeight: 34,
    wrapperBorderRadius: 6,
  });
}

// Amounts show as money; anything else (a refused entry kept visible in its cell) shows as typed.
const money = (value: unknown) => (typeof value !== 'string' ? '' : isMoney(value) ? formatMoney(value) : value);

/** Text only: page and user data are never parsed as HTML (S3). */
function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The full-width header of a category code: Yardi amount, allocated, and the live remaining. */
export class CodeHeaderRenderer implements ICellRendererComp<GridRow> {
  private gui = element('div', 'code-header');

  init(params: ICellRendererParams<GridRow>): void {
    // A full-width row still needs a cell for assistive technology (a grid row holds cells): this one
    // spans every column shown.
    this.gui.setAttribute('role', 'gridcell');
    this.gui.setAttribute('aria-colspan', String(params.api.getAllDisplayedColumns().length));
    this.render(params.data);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<GridRow>): boolean {
    this.render(params.data);
    return true;
  }

  private render(row: GridRow | undefined): void {
    this.gui.replaceChildren();
    if (row?.kind === 'other') {
      this.gui.append(element('strong', 'code', `Other SOV lines (${row.count}), read-only: the claim did not pay their codes`));
      return;
    }
    if (row?.kind !== 'code') return;
    const code = row;
    this.gui.dataset.code = code.categoryCode;
    this.gui.classList.toggle('balanced', code.balanced);
    // What is left comes first: in a narrow panel the description gives way, never the remaining.
    this.gui.append(
      element('strong', 'code', code.categoryCode),
      element('span', 'figure remaining', code.balanced ? '✓ Balanced' : `Remaining ${formatMoney(code.remaining)}`),
      element('span', 'figure', `of ${formatMoney(code.target)} paid`),
      element('span', 'description', code.description),
    );
  }
}

/** The "This claim" cell: the amount, or a warning icon and text when the line has a problem. */
export class ThisClaimRenderer implements ICellRendererComp<GridRow> {
  private gui = element('span', 'this-claim');

  init(params: ICellRendererParams<GridRow>): void {
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<GridRow>): boolean {
    const row = params.data;
    this.gui.replaceChildren();
    if (row?.kind === 'total') {
      this.gui.textContent = formatMoney(row.allocated);
      return true;
    }
    if (row?.kind !== 'line') return true;
    const problems = [...row.problems, ...row.warnings];
    if (problems.length > 0) {
      const label = row.problems.length > 0 ? 'Problem' : 'To look at';
      this.gui.append(element('span', 'problem-icon', '⚠'), element('span', 'visually-hidden', `${label}: ${problems.join(' ')} `));
    }
    this.gui.append(document.createTextNode(money(row.thisClaim)));
    return true;
  }
}

/**
 * A line's description, cut in its middle when the column is too narrow (`middleEllipsis`): lines of
 * one code that differ only at the end stay apart. The whole text is in the tooltip.
 */
export class DescriptionRenderer implements ICellRendererComp<GridRow> {
  private gui = element('span', 'line-description');
  private head = element('span', 'description-head');
  private tail = element('span', 'description-tail');
  // The space between them, for copying and screen readers (a flex box does not draw it: a margin does).
  private space = document.createTextNode('');

  init(params: ICellRendererParams<GridRow>): void {
    this.gui.append(this.head, this.space, this.tail);
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<GridRow>): boolean {
    const { head, tail, gap } = middleEllipsis(typeof params.value === 'string' ? params.value : '');
    this.head.textContent = head;
    this.tail.textContent = tail;
    this.space.data = gap ? ' ' : '';
    this.tail.classList.toggle('gap', gap);
    return true;
  }
}

/** Wide enough for the scheduled value and claimed to date beside the columns every width shows. */
const WIDE_GRID = 784;

/**
 * The grid's columns. Every width shows the line, its description, its remaining balance, This claim
 * and % after in full; the scheduled value and claimed to date join them when the grid is wide
 * (the user dragged the panel wider, see `WIDE_GRID`), and are always in the description's tooltip. The code is in
 * the code's header row above its lines.
 */
export function columnDefs(wide = false): ColDef<GridRow>[] {
  const line = (row: GridRow | undefined) => (row?.kind === 'line' ? row : undefined);
  return [
    { headerName: 'Line', colId: 'lineNumber', valueGetter: ({ data }) => line(data)?.lineNumber, width: 60 },
    {
      headerName: 'Description',
      colId: 'description',
      // The totals row: short, so a narrow description column never cuts it.
      valueGetter: ({ data }) => (data?.kind === 'total' ? 'Total' : line(data)?.description),
      tooltip: ({ data }) => {
        const row = line(data);
        return row
          ? [
              `${row.description} · ${row.categoryCode ?? 'Uncoded'} · scheduled ${money(row.scheduledValue)} · claimed to date ${money(row.claimedToDate)}`,
              row.otherDrafts && `with earlier drafts ${money(row.projectedToDate)} (other drafts on this line, ${row.otherDrafts})`,
              `remaining ${money(row.remainingBalance)}`,
            ]
              .filter(Boolean)
              .join(' · ')
          : undefined;
      },
      cellRenderer: DescriptionRenderer,
      flex: 1,
      // The end of a description (the area or level, where lines of a code differ) still shows, and a
      // contract of millions' wider figures fit beside it in the default panel (no sideways scrolling).
      minWidth: 100,
    },
    { headerName: 'Scheduled', colId: 'scheduledValue', valueGetter: ({ data }) => line(data)?.scheduledValue, valueFormatter: ({ value }) => money(value), type: 'rightAligned', width: 116, hide: !wide },
    // Wide enough for its header in full.
    { headerName: 'Claimed to date', colId: 'claimedToDate', valueGetter: ({ data }) => line(data)?.claimedToDate, valueFormatter: ({ value }) => money(value), type: 'rightAligned', width: 140, hide: !wide },
    {
      headerName: 'Remaining',
      colId: 'remainingBalance',
      valueGetter: ({ data }) => (data?.kind === 'total' ? data.remaining : line(data)?.remainingBalance),
      // On the totals row: what the claim still has to place (the footer says it in words).
      valueFormatter: ({ value }) => money(value),
      // Other drafts of the contract on the line: the remaining counts the earlier ones, and says so.
      cellClassRules: { 'cell-projected': ({ data }) => data?.kind === 'line' && data.otherDrafts !== '' },
      tooltip: ({ data }) =>
        data?.kind === 'line' && data.otherDrafts ? `After claimed to date ${money(data.claimedToDate)}, the earlier drafts (to ${money(data.projectedToDate)}) and this claim. Other drafts on this line: ${data.otherDrafts}.` : undefined,
      type: 'rightAligned',
      width: 124,
    },
    {
      headerName: 'This claim',
      colId: 'thisClaim',
      // The totals row shows what is allocated in all: a value, so the grid refreshes it on change.
      valueGetter: ({ data }) => (data?.kind === 'line' ? data.thisClaim : data?.kind === 'total' ? data.allocated : undefined),
      // Typed into through `AmountEditor`, not AG Grid's editors: the draft model owns the value.
      cellRenderer: ThisClaimRenderer,
      cellClassRules: {
        'cell-editable': ({ data }) => data?.kind === 'line' && data.editable,
        'cell-error': ({ data }) => data?.kind === 'line' && data.problems.length > 0,
        'cell-warning': ({ data }) => data?.kind === 'line' && data.problems.length === 0 && data.warnings.length > 0,
      },
      tooltip: ({ data }) => (data?.kind === 'line' && data.problems.length + data.warnings.length > 0 ? [...data.problems, ...data.warnings].join(' ') : undefined),
      type: 'rightAligned',
      width: 118,
      pinned: 'right',
    },
    // Wide enough for a line billed in full, 100.00%; `fitFigureColumns` widens it after the first frame for the widest it shows.
    { headerName: '% after', colId: 'percentAfter', valueGetter: ({ data }) => (data?.kind === 'line' ? percentText(data.percentAfter) : ''), type: 'rightAligned', width: 92, pinned: 'right' },
  ];
}

export interface AllocationGridSetup {
  /** The first rows, and the totals row pinned below them (none in a grid made before its claim is read). */
  rows: GridRow[];
  totalRow: GridRow | null;
  dark: boolean;
  onLineFocused: (sovLineId: string) => void;
  /** The first rows are on screen: the grid can be used. */
  onFirstRender?: () => void;
}

/** A code's header row, or the other lines' toggle: drawn across the whole grid. */
function isFullWidth(row: GridRow | undefined): boolean {
  return row?.kind === 'code' || row?.kind === 'other';
}

function codeHeaderRows(api: GridApi<GridRow>): IRowNode<GridRow>[] {
  const rows: IRowNode<GridRow>[] = [];
  api.forEachNode((node) => {
    if (isFullWidth(node.data)) rows.push(node);
  });
  return rows;
}

/**
 * The allocation grid's options, showing `rows` (plain objects, by id; the caller replaces them later)
 * with the columns for a grid `startWide` or not. Kept apart from creating the grid so that
 * `npm run bench` can weigh each of its features against a bare grid.
 */
export function allocationGridOptions(
  { rows, totalRow, dark, onLineFocused, onFirstRender }: AllocationGridSetup,
  startWide: boolean,
): GridOptions<GridRow> {
  let shownWide = startWide;
  return {
    theme: gridTheme(dark),
    columnDefs: columnDefs(shownWide),
    rowData: rows,
    pinnedBottomRowData: totalRow ? [totalRow] : [],
    defaultColDef: { sortable: false, suppressMovable: true, resizable: true },
    getRowId: ({ data }) => data.id,
    isFullWidthRow: ({ rowNode }) => isFullWidth(rowNode.data),
    fullWidthCellRenderer: CodeHeaderRenderer,
    getRowClass: ({ data }) => (data?.kind === 'line' && !data.editable ? 'row-read-only' : undefined),
    // Up and down go from line to line: a code's header row is passed over, as Excel passes merged
    // headings when moving through a column of amounts.
    navigateToNextCell: ({ api, key, nextCellPosition, previousCellPosition }) => {
      if (!nextCellPosition || nextCellPosition.rowPinned || (key !== 'ArrowDown' && key !== 'ArrowUp')) return nextCellPosition;
      const step = key === 'ArrowDown' ? 1 : -1;
      for (let rowIndex = nextCellPosition.rowIndex; rowIndex >= 0 && rowIndex < api.getDisplayedRowCount(); rowIndex += step) {
        if (api.getDisplayedRowAtIndex(rowIndex)?.data?.kind === 'line') return { ...nextCellPosition, rowIndex, rowPinned: null };
      }
      return previousCellPosition;
    },
    tooltipShowDelay: 200,
    // Paste is ours (Community has no clipboard module): see AllocationGrid's paste listener.
    suppressClipboardPaste: true,
    ensureDomOrder: true,
    // Four rows drawn past each edge of the view, not AG Grid's ten: a third fewer rows to draw when the
    // panel opens (about 10 ms of its first frame, in traces), and still a row ready for Enter and arrows.
    rowBuffer: 4,
    // Seven columns: render them all, so every cell is there for keyboard and screen-reader users.
    suppressColumnVirtualisation: true,
    // Dragged wider, the panel shows the scheduled value and claimed to date as columns too.
    onGridSizeChanged: ({ api, clientWidth }) => {
      const wide = clientWidth >= WIDE_GRID;
      if (wide !== shownWide) {
        shownWide = wide;
        api.setColumnsVisible(['scheduledValue', 'claimedToDate'], wide);
        // The code header rows span the columns shown: drawn again, they span the new count.
        api.redrawRows({ rowNodes: codeHeaderRows(api) });
      }
    },
    onFirstDataRendered: () => onFirstRender?.(),
    onCellFocused: ({ api, rowIndex, rowPinned }) => {
      const row = rowIndex === null || rowPinned ? undefined : api.getDisplayedRowAtIndex(rowIndex)?.data;
      if (row?.kind === 'line') onLineFocused(row.id);
    },
  };
}

/** The allocation grid with only our modules (`allocationGridOptions`). */
export function createAllocationGrid(container: HTMLElement, setup: AllocationGridSetup): GridApi<GridRow> {
  // The columns for the width the grid starts at: changed after the first render, every row is drawn again.
  return createGrid<GridRow>(container, allocationGridOptions(setup, container.clientWidth >= WIDE_GRID), { modules: ALLOCATION_GRID_MODULES });
}
