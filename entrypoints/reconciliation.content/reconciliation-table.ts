import type { ClaimIdentity } from '@/lib/claim-identity';
import {
  classifyRowAmounts,
  matchReconciliationColumns,
  readClaimIdentity,
  type ReconciliationColumns,
  type RowAmounts,
} from '@/lib/reconciliation-row';

/**
 * Reads reconciliation tables off the host page, in `<table>` markup or as ARIA grids. Only reads:
 * text via `textContent`, never HTML, and nothing here changes the page. Runs after every page change
 * over thousands of rows, so each row touches only the cells it needs (in a content script every
 * element touched costs a wrapper object of its own).
 */

export interface ReconciliationRowReading {
  row: Element;
  /** The row's last cell: the button goes inside it, so the table keeps its column count. */
  lastCell: Element | undefined;
  amounts: RowAmounts;
  /**
   * The row's claim. Contract, invoice number, vendor and date are read only for a mismatched row
   * (they go into the panel's URL), or for every row when asked (`identifyEveryRow`); other rows get
   * their claim id alone, or null.
   */
  identity: ClaimIdentity | null;
}

interface RowCells {
  /** The cell covering grid column `column` (0-based), spans counted. */
  at(column: number): Element | undefined;
  last: Element | undefined;
}

interface GridRows {
  columns: ReconciliationColumns;
  dataRows: Element[];
  /** The cells of a data row; null for a further row of column headers. */
  cells(row: Element): RowCells | null;
}

type Classify = typeof classifyRowAmounts;

const ARIA_GRID = '[role="grid"],[role="table"],[role="treegrid"]';
const ARIA_ROW = '[role="row"]';
const ARIA_CELL = '[role="columnheader"],[role="rowheader"],[role="cell"],[role="gridcell"]';
// The header is near the top; looking further would cost time on every table of every page.
const HEADER_SEARCH_ROWS = 5;
// Column numbers come from the page (colspan, aria-colindex): a huge one must not build a huge array.
const MAX_COLUMNS = 500;

/**
 * Every reconciliation row in `root`, table by table, in page order. `classify` decides each row from
 * its amount texts (pass a remembering one when scanning the same page again and again). With
 * `identifyEveryRow`, matched and unreadable rows are identified in full too (costs a few cells a row).
 */
export function readReconciliationRows(
  root: Document | Element,
  classify: Classify = classifyRowAmounts,
  identifyEveryRow = false,
): ReconciliationRowReading[] {
  const readings: ReconciliationRowReading[] = [];
  for (const grid of root.querySelectorAll(`table,${ARIA_GRID}`)) {
    const rows = grid.tagName === 'TABLE' ? tableRows(grid as HTMLTableElement) : ariaGridRows(grid);
    if (rows === null) continue;
    const { columns } = rows;
    for (const row of rows.dataRows) {
      const cells = rows.cells(row);
      if (cells === null) continue;
      const text = (column: number | undefined) => (column === undefined ? undefined : cells.at(column)?.textContent);
      const yardiPtd = text(columns.yardiPtd);
      const procore = text(columns.procore);
      const amounts: RowAmounts =
        yardiPtd === undefined || procore === undefined
          ? { status: 'unreadable', reason: 'the row has no Yardi PTD or Procore cell' }
          : classify({ yardiPtd, procore });
      const identified = identifyEveryRow || amounts.status === 'mismatched';
      const dataClaimId = row.getAttribute('data-claim-id');
      // Vendor and date only matter where no claim id is offered: two cells a row not read otherwise.
      const byWhatItShows = identified && dataClaimId === null && columns.claim === undefined;
      const identity = readClaimIdentity({
        dataClaimId,
        claim: text(columns.claim),
        ...(identified && { contract: text(columns.contract), invoice: text(columns.invoice) }),
        ...(byWhatItShows && { vendor: text(columns.vendor), date: text(columns.date) }),
      });
      readings.push({ row, lastCell: cells.last, amounts, identity });
    }
  }
  return readings;
}

function headerTexts(cells: RowCells, count: number): Array<string | undefined> {
  return Array.from({ length: count }, (_, column) => cells.at(column)?.textContent ?? undefined);
}

// ---- <table> markup ----

function tableRows(table: HTMLTableElement): GridRows | null {
  const rows = table.rows;
  // `rows` lists <thead> rows first, then the body, then <tfoot>: the header is among the first few.
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const header = rows[index]!;
    const headerCells = walkedCells(header);
    const columns = matchReconciliationColumns(headerTexts(headerCells, headerCells.count));
    if (columns === null) continue;
    // Without a colspan in the body, column n is simply the row's cell n: index just the cells read.
    const bodySpans = table.querySelector(':scope > tbody > tr > [colspan], :scope > tr > [colspan]') !== null;
    return { columns, dataRows: bodyRowsAfter(table, header), cells: bodySpans ? walkedCells : indexedCells };
  }
  return null;
}

function indexedCells(row: Element): RowCells {
  const cells = (row as HTMLTableRowElement).cells;
  return { at: (column) => cells[column], last: cells[cells.length - 1] };
}

/** Cells laid out by their spans; only table cells have `colSpan`, which tells them from anything else. */
function walkedCells(row: Element): RowCells & { count: number } {
  const byColumn: Element[] = [];
  let last: Element | undefined;
  for (let cell = row.firstElementChild; cell !== null; cell = cell.nextElementSibling) {
    const span = (cell as Partial<HTMLTableCellElement>).colSpan;
    if (span === undefined) continue;
    for (let column = Math.min(Math.max(1, span), MAX_COLUMNS); column > 0 && byColumn.length < MAX_COLUMNS; column--) {
      byColumn.push(cell);
    }
    last = cell;
  }
  return { at: (column) => byColumn[column], last, count: byColumn.length };
}

/**
 * The rows after the header, outside <thead> and <tfoot> (headings and totals, never a claim). Walks
 * siblings: on big tables indexing the `rows` collection costs several times more.
 */
function bodyRowsAfter(table: HTMLTableElement, header: Element): Element[] {
  const rows: Element[] = [];
  let afterHeader = header.parentElement?.tagName === 'THEAD';
  for (let section = table.firstElementChild; section !== null; section = section.nextElementSibling) {
    const name = section.tagName;
    if (name === 'TR') {
      // Rows straight under <table> (built by script without a <tbody>).
      if (afterHeader) rows.push(section);
      afterHeader ||= section === header;
    } else if (name === 'TBODY') {
      for (let row = section.firstElementChild; row !== null; row = row.nextElementSibling) {
        if (afterHeader && row.tagName === 'TR') rows.push(row);
        afterHeader ||= row === header;
      }
    }
  }
  return rows;
}

// ---- ARIA grids ----

function ariaGridRows(grid: Element): GridRows | null {
  const rows: Element[] = [];
  for (const row of grid.querySelectorAll(ARIA_ROW)) {
    // Rows of a grid nested inside this one belong to that grid.
    if (row.parentElement?.closest(`table,${ARIA_GRID}`) === grid) rows.push(row);
  }
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const header = ariaCells(rows[index]!);
    if (!header.hasColumnHeaders) continue;
    const columns = matchReconciliationColumns(headerTexts(header, header.count));
    if (columns === null) continue;
    return {
      columns,
      dataRows: rows.slice(index + 1),
      cells(row) {
        const cells = ariaCells(row);
        // A second row of column headers is not a claim.
        return cells.hasColumnHeaders ? null : cells;
      },
    };
  }
  return null;
}

function ariaCells(row: Element): RowCells & { count: number; hasColumnHeaders: boolean } {
  const byColumn: Array<Element | undefined> = [];
  let last: Element | undefined;
  let hasColumnHeaders = false;
  for (const cell of row.querySelectorAll(ARIA_CELL)) {
    if (cell.parentElement?.closest(ARIA_ROW) !== row) continue;
    // Virtualised grids skip columns and say where a cell is with aria-colindex (1-based).
    const colIndex = Number.parseInt(cell.getAttribute('aria-colindex') ?? '', 10);
    const column = colIndex >= 1 ? colIndex - 1 : byColumn.length;
    const span = Math.max(1, Number.parseInt(cell.getAttribute('aria-colspan') ?? '', 10) || 1);
    for (let offset = 0; offset < span && column + offset < MAX_COLUMNS; offset++) byColumn[column + offset] = cell;
    last = cell;
    hasColumnHeaders ||= cell.getAttribute('role') === 'columnheader';
  }
  return { at: (column) => byColumn[column], last, count: byColumn.length, hasColumnHeaders };
}
