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
  /** The row, read with the identity (null for a row not identified: most rows are never visited). */
  row: Element | null;
  /** The row's last cell, where the button goes (so the table keeps its column count); read with the row. */
  lastCell: Element | undefined;
  amounts: RowAmounts;
  /**
   * The row's claim, read only for a mismatched row (it goes into the panel's URL) or for every row
   * when asked (`identifyEveryRow`); null for other rows, and for rows that name no claim.
   */
  identity: ClaimIdentity | null;
}

interface RowCells {
  /** The cell covering grid column `column` (0-based), spans counted. */
  at(column: number): Element | undefined;
  last: Element | undefined;
}

/** A grid's data rows, read row by row. */
interface RowwiseGrid {
  columns: ReconciliationColumns;
  dataRows: Element[];
  /** The cells of a data row; null for a further row of column headers. */
  cells(row: Element): RowCells | null;
}

/**
 * A regular table (header in <thead>, body rows of plain cells, every one with both amount cells):
 * its amount cells listed column by column, one entry per data row. Reading two lists of cells costs
 * far less than visiting each row for them; a row is visited only when it needs identifying.
 */
interface ColumnwiseTable {
  columns: ReconciliationColumns;
  yardiPtd: NodeListOf<Element>;
  procore: NodeListOf<Element>;
}

type Classify = typeof classifyRowAmounts;

/** Every element that can hold reconciliation rows: tables and ARIA grids. */
export const GRID_SELECTOR = 'table,[role="grid"],[role="table"],[role="treegrid"]';
const ARIA_ROW = '[role="row"]';
const ARIA_CELL = '[role="columnheader"],[role="rowheader"],[role="cell"],[role="gridcell"]';
// The header is near the top; looking further would cost time on every table of every page.
const HEADER_SEARCH_ROWS = 5;
// Column numbers come from the page (colspan, aria-colindex): a huge one must not build a huge array.
const MAX_COLUMNS = 500;

/**
 * Every reconciliation row in `root`, table by table, in page order, read one row at a time so a scan
 * can stop between rows and give the page its main thread back. `classify` decides each row from its
 * amount texts (pass a remembering one when scanning the same page again and again). Only mismatched
 * rows are identified (the others need no button), unless `identifyEveryRow`. The tables and each
 * table's rows are listed when reading reaches them: rows the page removes later are still read,
 * harmlessly, and rows it adds are for the next scan.
 */
export function* reconciliationRows(
  root: Document | Element,
  classify: Classify = classifyRowAmounts,
  identifyEveryRow = false,
): Generator<ReconciliationRowReading, void, undefined> {
  for (const grid of root.querySelectorAll(GRID_SELECTOR)) {
    const rows = grid.tagName === 'TABLE' ? tableRows(grid as HTMLTableElement) : ariaGridRows(grid);
    if (rows === null) continue;
    const { columns } = rows;
    const identified = (amounts: RowAmounts) => identifyEveryRow || amounts.status === 'mismatched';
    if ('yardiPtd' in rows) {
      for (let index = 0; index < rows.yardiPtd.length; index++) {
        const yardiCell = rows.yardiPtd[index]!;
        const amounts = classify({ yardiPtd: yardiCell.textContent ?? '', procore: rows.procore[index]!.textContent ?? '' });
        if (!identified(amounts)) {
          yield { row: null, lastCell: undefined, amounts, identity: null };
          continue;
        }
        const row = yardiCell.parentElement!;
        yield identify(row, indexedCells(row), columns, amounts);
      }
      continue;
    }
    for (const row of rows.dataRows) {
      const cells = rows.cells(row);
      if (cells === null) continue;
      const yardiPtd = cells.at(columns.yardiPtd)?.textContent;
      const procore = cells.at(columns.procore)?.textContent;
      const amounts: RowAmounts =
        yardiPtd == null || procore == null
          ? { status: 'unreadable', reason: 'the row has no Yardi PTD or Procore cell' }
          : classify({ yardiPtd, procore });
      yield identified(amounts) ? identify(row, cells, columns, amounts) : { row, lastCell: undefined, amounts, identity: null };
    }
  }
}

/** The reading of a row with its claim, as far as the row names one. */
function identify(row: Element, cells: RowCells, columns: ReconciliationColumns, amounts: RowAmounts): ReconciliationRowReading {
  const text = (column: number | undefined) => (column === undefined ? undefined : (cells.at(column)?.textContent ?? undefined));
  const dataClaimId = row.getAttribute('data-claim-id');
  // Vendor and date only matter where no claim id is offered: two cells a row not read otherwise.
  const byWhatItShows = dataClaimId === null && columns.claim === undefined;
  const identity = readClaimIdentity({
    dataClaimId,
    claim: text(columns.claim),
    contract: text(columns.contract),
    invoice: text(columns.invoice),
    ...(byWhatItShows && { vendor: text(columns.vendor), date: text(columns.date) }),
  });
  return { row, lastCell: cells.last, amounts, identity };
}

function headerTexts(cells: RowCells, count: number): Array<string | undefined> {
  return Array.from({ length: count }, (_, column) => cells.at(column)?.textContent ?? undefined);
}

// ---- <table> markup ----

function tableRows(table: HTMLTableElement): RowwiseGrid | ColumnwiseTable | null {
  const rows = table.rows;
  // `rows` lists <thead> rows first, then the body, then <tfoot>: the header is among the first few.
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const header = rows[index]!;
    const headerCells = walkedCells(header);
    const columns = matchReconciliationColumns(headerTexts(headerCells, headerCells.count));
    if (columns === null) continue;
    // Without a colspan in the body rows, column n is simply the row's child n. (A row holding
    // anything but cells, which no HTML parser makes, is not looked for: that would cost a scan of
    // every cell on every page change.)
    const irregular = table.querySelector(':scope > tbody > tr > td[colspan], :scope > tbody > tr > th[colspan], :scope > tr > [colspan]');
    if (irregular !== null) return { columns, dataRows: bodyRowsAfter(table, header), cells: walkedCells };
    if (header.parentElement?.tagName === 'THEAD') {
      const columnwise = columnwiseTable(table, columns);
      if (columnwise !== null) return columnwise;
    }
    return { columns, dataRows: bodyRowsAfter(table, header), cells: indexedCells };
  }
  return null;
}

/**
 * The amount cells of a regular table's body rows, or null when the rows do not pair them up: a row
 * straight under <table>, or a row lacking one of them (in a `<th>`, or missing). Every body row
 * follows the <thead> header.
 */
function columnwiseTable(table: HTMLTableElement, columns: ReconciliationColumns): ColumnwiseTable | null {
  let bodyRows = 0;
  for (let section = table.firstElementChild; section !== null; section = section.nextElementSibling) {
    if (section.tagName === 'TR') return null;
    if (section.tagName === 'TBODY') bodyRows += section.childElementCount;
  }
  // A type selector on the right lets the browser reject most elements at once: several times faster.
  const column = (index: number) => `:scope > tbody > tr > td:nth-child(${index + 1})`;
  const yardiPtd = table.querySelectorAll(column(columns.yardiPtd));
  const procore = table.querySelectorAll(column(columns.procore));
  // Each row gives each list at most one cell: equal counts mean every row gave both, in row order.
  return yardiPtd.length === bodyRows && procore.length === bodyRows ? { columns, yardiPtd, procore } : null;
}

/** A row's cells by position, for rows without colspans (`children` is cheaper than `cells` in a content script). */
function indexedCells(row: Element): RowCells {
  const cells = row.children;
  return { at: (column) => cells[column], last: row.lastElementChild ?? undefined };
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

function ariaGridRows(grid: Element): RowwiseGrid | null {
  const rows: Element[] = [];
  for (const row of grid.querySelectorAll(ARIA_ROW)) {
    // Rows of a grid nested inside this one belong to that grid.
    if (row.parentElement?.closest(GRID_SELECTOR) === grid) rows.push(row);
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
