import { formatMoney, sumMoney, type Money } from '../money';
import { CategoryCodeSchema, SovLineSchema } from '../schemas';
import { CellReader, rowList, unreadableRow } from './cells';
import type { CsvRecord } from './csv-records';
import { ITEM_NUMBER_LENGTH } from '../local-source/records';
import { quoteCell } from '../quote-text';
import { chooseColumns, describeHeaderProblem, matchHeader, type ColumnSpec, type HeaderMatch } from './header';
import type { ImportFailure, ImportOptions, ImportRefusal } from './result';
import { isRecognised, readTable } from './table';

export type SovField =
  | 'number'
  | 'description'
  | 'categoryCode'
  | 'scheduledValue'
  | 'claimedToDate'
  | 'completedPrevious'
  | 'completedThisPeriod'
  | 'materialsStored';

const PARTS = ['completedPrevious', 'completedThisPeriod', 'materialsStored'] as const;

/** The columns of an SOV or G703 continuation sheet export, by the names exports give them; the earlier name wins a tie. */
export const SOV_COLUMNS: Readonly<Record<SovField, ColumnSpec>> = {
  number: { label: 'item number', aliases: ['Item', 'Item #', 'Item No', 'Line', 'Line #', 'Line No', '#'] },
  description: { label: 'description', aliases: ['Description', 'Description of Work'] },
  categoryCode: { label: 'cost code', aliases: ['Cost Code', 'Category Code', 'Code'] },
  scheduledValue: { label: 'scheduled value', aliases: ['Scheduled Value'] },
  claimedToDate: {
    label: 'claimed to date',
    aliases: ['Total Completed and Stored', 'Total Completed and Stored to Date', 'Claimed to Date', 'Billed to Date'],
    otherwise: 'all three of Completed Previous, Completed This Period and Materials Stored',
  },
  completedPrevious: { label: 'completed previous', aliases: ['Completed Previous', 'From Previous Application'] },
  completedThisPeriod: { label: 'completed this period', aliases: ['Completed This Period', 'This Period'] },
  materialsStored: { label: 'materials stored', aliases: ['Materials Stored', 'Materials Presently Stored'] },
};

const REQUIRED: readonly SovField[] = ['number', 'description', 'categoryCode', 'scheduledValue'];
const CATEGORY_CODE_LENGTH = CategoryCodeSchema.maxLength!;
const DESCRIPTION_LENGTH = SovLineSchema.shape.description.maxLength!;


/** An SOV line read from a file. */
export interface ImportedSovLine {
  /** The item as the file writes it, leading zeros kept (`007`, `3.1`). */
  number: string;
  description: string;
  /** null for an uncoded line (a blank cost code). */
  categoryCode: string | null;
  scheduledValue: Money;
  /** Total completed and stored to date (G703 column G). */
  claimedToDate: Money;
}

export type SovImport = { ok: true; lines: ImportedSovLine[]; refused: ImportRefusal[] } | ImportFailure<SovField>;

/**
 * Reads an SOV or G703 continuation sheet export: a header row, then one row per SOV line. Columns are
 * found by the names in `SOV_COLUMNS`, ignoring case and spaces; other columns (percent complete,
 * balance to finish, retainage) are ignored. Claimed to date is the total column when the file has
 * one, else the sum of its three parts (a blank part is zero). When a row has both, they must agree;
 * a blank total with parts is read from the parts. Two readable rows with the same item are both
 * refused: which line is meant cannot be told. Never throws: a file whose header lacks a needed column
 * is `ok: false`.
 */
export function importSovCsv(text: string, { onProgress, columns = {} }: ImportOptions<SovField> = {}): SovImport {
  const refused: ImportRefusal[] = [];
  const read: { row: number; line: ImportedSovLine }[] = [];
  const rowsOfItem = new Map<string, number[]>();
  const header = readTable(text, (cells) => chooseColumns(matchSovHeader(cells), columns), (record, header) => {
    const line = readLine(record, header);
    if ('reason' in line) {
      refused.push(line);
      return;
    }
    read.push({ row: record.row, line });
    const rows = rowsOfItem.get(line.number);
    if (rows) rows.push(record.row);
    else rowsOfItem.set(line.number, [record.row]);
  }, onProgress);
  if (!isRecognised(header)) return { ok: false, error: describeHeaderProblem(header, SOV_COLUMNS), header };

  const lines: ImportedSovLine[] = [];
  for (const { row, line } of read) {
    const rows = rowsOfItem.get(line.number)!;
    if (rows.length === 1) lines.push(line);
    else refused.push({ row, reason: `Item ${quoteCell(line.number)} is also on ${rowList(rows.filter((other) => other !== row))}: which line is meant cannot be told.` });
  }
  refused.sort((a, b) => a.row - b.row);
  return { ok: true, lines, refused };
}

function matchSovHeader(cells: readonly string[]): HeaderMatch<SovField> {
  const header = matchHeader(cells, SOV_COLUMNS, REQUIRED);
  // Claimed to date is needed from the total column, or else from all three of its parts.
  if (header.found.claimedToDate === undefined && !header.ambiguous.includes('claimedToDate') && PARTS.some((part) => header.found[part] === undefined)) {
    header.missing.push('claimedToDate');
  }
  return header;
}

function readLine(record: CsvRecord, header: HeaderMatch<SovField>): ImportedSovLine | ImportRefusal {
  const { row } = record;
  const unreadable = unreadableRow(record, header.cells.length);
  if (unreadable !== null) return { row, reason: unreadable };

  const cells = new CellReader(record.cells, header.found);
  const number = cells.requiredText('number', 'item number', ITEM_NUMBER_LENGTH);
  const description = cells.text('description');
  cells.checkLength(description, 'description', DESCRIPTION_LENGTH);
  const categoryCode = cells.text('categoryCode');
  cells.checkLength(categoryCode, 'cost code', CATEGORY_CODE_LENGTH);
  const scheduledValue = cells.money('scheduledValue', 'scheduled value', 'refuse');
  const claimedToDate = readClaimedToDate(cells, header);
  if (cells.problems.length > 0 || scheduledValue === null || claimedToDate === null) return { row, reason: cells.problems.join(' ') };
  return { number, description, categoryCode: categoryCode === '' ? null : categoryCode, scheduledValue, claimedToDate };
}

/** The total column, checked against its parts when the file has both; else the parts' sum. */
function readClaimedToDate(cells: CellReader<SovField>, header: HeaderMatch<SovField>): Money | null {
  const hasParts = PARTS.every((part) => header.found[part] !== undefined);
  const parts = hasParts ? PARTS.map((part) => cells.money(part, SOV_COLUMNS[part].label, 'zero')) : [];
  const sumOfParts = hasParts && parts.every((part): part is Money => part !== null) ? sumMoney(parts) : null;
  if (header.found.claimedToDate === undefined || (hasParts && cells.isBlank('claimedToDate'))) return sumOfParts;

  const total = cells.money('claimedToDate', 'claimed to date', 'refuse');
  if (total !== null && sumOfParts !== null && total !== sumOfParts) {
    const [previous, thisPeriod, stored] = parts.map((part) => formatMoney(part!));
    cells.problems.push(
      `The total completed and stored, ${formatMoney(total)}, differs from its parts: ${previous!} previous + ${thisPeriod!} this period + ${stored!} stored = ${formatMoney(sumOfParts)}.`,
    );
  }
  return total;
}
