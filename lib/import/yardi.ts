import { IDENTITY_LIMITS, matchKey, readInvoiceDate } from '../claim-identity';
import { Decimal } from '../decimal';
import { MAX_MONEY, formatMoney, isMoney, toMoney, type Money } from '../money';
import { CategoryCodeSchema } from '../schemas';
import { CellReader, remembered, rowList, unreadableRow } from './cells';
import type { CsvRecord } from './csv-records';
import { quoteCell } from '../quote-text';
import { chooseColumns, describeHeaderProblem, matchHeader, type ColumnSpec, type HeaderMatch } from './header';
import type { ImportFailure, ImportOptions, ImportRefusal } from './result';
import { isRecognised, readTable } from './table';

export type YardiField = 'invoiceNumber' | 'invoiceDate' | 'vendorName' | 'contractNumber' | 'categoryCode' | 'amount' | 'allocated';

/** The columns of a Yardi payment export, by the names exports give them; the earlier name wins a tie. */
export const YARDI_COLUMNS: Readonly<Record<YardiField, ColumnSpec>> = {
  invoiceNumber: { label: 'invoice number', aliases: ['Invoice Number', 'Invoice #', 'Inv No', 'Invoice'] },
  invoiceDate: { label: 'invoice date', aliases: ['Invoice Date', 'Inv Date', 'Date'] },
  vendorName: { label: 'vendor', aliases: ['Vendor Name', 'Vendor', 'Payee'] },
  contractNumber: { label: 'contract', aliases: ['Contract', 'Contract #', 'Commitment', 'Job Code', 'Job'] },
  categoryCode: { label: 'category code', aliases: ['Category Code', 'Category', 'Cost Code'] },
  amount: { label: 'amount', aliases: ['Amount Paid', 'Paid Amount', 'Amount'] },
  allocated: { label: 'allocated', aliases: ['Allocated'] },
};

const REQUIRED: readonly YardiField[] = ['invoiceNumber', 'invoiceDate', 'vendorName', 'contractNumber', 'categoryCode', 'amount'];
const CATEGORY_CODE_LENGTH = CategoryCodeSchema.maxLength!;
// A blank cell is not allocated, as a file without the column is.
const ALLOCATED = new Map([
  ['y', true],
  ['yes', true],
  ['true', true],
  ['n', false],
  ['no', false],
  ['false', false],
  ['', false],
]);

export interface ImportedClaimCode {
  categoryCode: string;
  amount: Money;
}

/** A Yardi claim read from a file: what Yardi paid on each category code of one invoice. */
export interface ImportedClaim {
  invoiceNumber: string;
  /** ISO `YYYY-MM-DD`. */
  invoiceDate: string;
  vendorName: string;
  contractNumber: string;
  allocated: boolean;
  /** One entry per category code, in the order the file first names them; repeated codes summed. */
  codes: ImportedClaimCode[];
  /** The exact sum of `codes`. */
  total: Money;
}

export type YardiImport = { ok: true; claims: ImportedClaim[]; refused: ImportRefusal[] } | ImportFailure<YardiField>;

/** A data row that reads as one line of a claim. */
interface ClaimRow {
  row: number;
  key: string;
  invoiceNumber: string;
  invoiceDate: string;
  vendorName: string;
  contractNumber: string;
  allocated: boolean;
  categoryCode: string;
  amount: Money;
}

/** A data row refused for itself: with the claim it belongs to, or the invoice numbers it may belong to. */
interface RefusedRow {
  row: number;
  reason: string;
  key: string | null;
  invoiceKeys: string[];
}

/**
 * Reads a Yardi payment export: a header row, then one row per claim line. Columns are found by the
 * names in `YARDI_COLUMNS`, ignoring case and spaces; other columns are ignored. Rows with the same
 * contract, vendor and invoice number (compared as `matchKey` compares them, as the rest of Backfill
 * does; the first row's spelling is kept) form one claim, whose rows must agree on date and allocation.
 * Category codes compare exactly, without surrounding spaces. Amounts are anything `parseMoney` reads,
 * summed exactly.
 *
 * Invoice dates: `M/D/YYYY` (month first, zeros optional) and `YYYY-MM-DD`, and the other forms
 * `readInvoiceDate` reads on host pages (`YYYY/M/D`, `Mar 31, 2026`, `31 March 2026`), so one date
 * reads the same everywhere in Backfill. Refused rather than guessed: a day the month does not have,
 * a slash date that cannot be month first (`31/03/2026`), dotted dates and two-digit years.
 *
 * Nothing is half imported: a claim with any refused row is refused whole, each of its rows listed.
 * When a refused row cannot be tied to one claim (its quotes or cell count are broken, or it lacks
 * the contract or vendor), every claim whose invoice number it holds is refused with it. Refusals
 * come in file order. Never throws: a file whose header lacks a needed column is `ok: false`.
 */
export function importYardiCsv(text: string, { onProgress, columns = {} }: ImportOptions<YardiField> = {}): YardiImport {
  const refused: ImportRefusal[] = [];
  const groups = new Map<string, ClaimGroup>();
  const groupOf = (key: string) => groups.get(key) ?? groups.set(key, new ClaimGroup()).get(key)!;
  const strays: RefusedRow[] = [];
  const readers: RowReaders = { key: remembered(matchKey), date: remembered(readInvoiceDate) };
  const header = readTable(
    text,
    (cells) => chooseColumns(matchHeader(cells, YARDI_COLUMNS, REQUIRED), columns),
    (record, header) => {
      const read = readRow(record, header, readers);
      if ('reason' in read) {
        refused.push({ row: read.row, reason: read.reason });
        if (read.key !== null) groupOf(read.key).refusedRows.push(read.row);
        else strays.push(read);
      } else {
        groupOf(read.key).add(read);
      }
    },
    onProgress,
  );
  if (!isRecognised(header)) return { ok: false, error: describeHeaderProblem(header, YARDI_COLUMNS), header };
  refuseClaimsNamed(strays, groups.values());

  const claims: ImportedClaim[] = [];
  for (const group of groups.values()) {
    const settled = group.settle();
    if (Array.isArray(settled)) for (const refusal of settled) refused.push(refusal);
    else if (settled !== null) claims.push(settled);
  }
  refused.sort((a, b) => a.row - b.row);
  return { ok: true, claims, refused };
}

interface RowReaders {
  key: (text: string) => string;
  date: (text: string) => string | null;
}

function readRow(record: CsvRecord, header: HeaderMatch<YardiField>, readers: RowReaders): ClaimRow | RefusedRow {
  const { row } = record;
  const unreadable = unreadableRow(record, header.cells.length);
  if (unreadable !== null) return { row, reason: unreadable, key: null, invoiceKeys: keysIn(record.cells) };

  const cells = new CellReader(record.cells, header.found);
  if (cells.isBlank('contractNumber') && cells.isBlank('vendorName') && cells.isBlank('invoiceNumber')) {
    return { row, reason: 'This row names no claim (no contract, vendor or invoice number): a total or a note is not imported.', key: null, invoiceKeys: [] };
  }
  const contractNumber = cells.requiredText('contractNumber', 'contract', IDENTITY_LIMITS.text);
  const vendorName = cells.requiredText('vendorName', 'vendor', IDENTITY_LIMITS.vendorName);
  const invoiceNumber = cells.requiredText('invoiceNumber', 'invoice number', IDENTITY_LIMITS.text);
  const invoiceDate = cells.date('invoiceDate', 'invoice date', readers.date);
  const categoryCode = cells.requiredText('categoryCode', 'category code', CATEGORY_CODE_LENGTH);
  const amount = cells.money('amount', 'amount', 'refuse');
  const allocated = readAllocated(cells);

  const identity = [
    ['contract', contractNumber],
    ['vendor', vendorName],
    ['invoice number', invoiceNumber],
  ] as const;
  const keys = identity.map(([label, text]) => {
    const key = readers.key(text);
    if (text !== '' && key === '') cells.problems.push(`The ${label} ${quoteCell(text)} has no letter or digit to tell it by.`);
    return key;
  });
  const key = keys.every((part) => part !== '') ? keys.join('|') : null;
  if (cells.problems.length > 0 || key === null || invoiceDate === null || amount === null) {
    const invoiceKey = keys[2]!;
    return { row, reason: cells.problems.join(' '), key, invoiceKeys: key === null && invoiceKey !== '' ? [invoiceKey] : [] };
  }
  return { row, key, invoiceNumber, invoiceDate, vendorName, contractNumber, allocated, categoryCode, amount };
}

function readAllocated(cells: CellReader<YardiField>): boolean {
  const text = cells.text('allocated');
  const allocated = ALLOCATED.get(text.toLowerCase());
  if (allocated === undefined) cells.problems.push(`Allocated ${quoteCell(text)} is not Y or N (yes or no, true or false).`);
  return allocated ?? false;
}

/** The invoice keys a row's text could hold, cell by cell and between any commas, quotes and line breaks in it. */
function keysIn(cells: readonly string[]): string[] {
  return cells.flatMap((cell) => cell.split(/[,"\r\n]/).map(matchKey)).filter((key) => key !== '');
}

/** Ties each refused row that names no single claim to every claim whose invoice number it holds. */
function refuseClaimsNamed(strays: readonly RefusedRow[], groups: Iterable<ClaimGroup>): void {
  if (strays.length === 0) return;
  const byInvoice = new Map<string, ClaimGroup[]>();
  for (const group of groups) {
    const invoiceKey = group.invoiceKey();
    if (invoiceKey === null) continue;
    const named = byInvoice.get(invoiceKey);
    if (named) named.push(group);
    else byInvoice.set(invoiceKey, [group]);
  }
  for (const stray of strays) {
    for (const invoiceKey of new Set(stray.invoiceKeys)) {
      for (const group of byInvoice.get(invoiceKey) ?? []) group.suspectRows.push(stray.row);
    }
  }
}

/** The rows of one claim as they are read; settled into a claim, or its rows refused, at the end of the file. */
class ClaimGroup {
  /** Rows of the claim refused for themselves: they refuse the claim. */
  readonly refusedRows: number[] = [];
  /** Refused rows that name no single claim but this claim's invoice number: they may be its rows, so they refuse it too. */
  readonly suspectRows: number[] = [];
  private first: ClaimRow | null = null;
  private readonly rows: number[] = [];
  private readonly contradictions = new Map<number, string>();
  private readonly codes = new Map<string, Decimal>();

  add(row: ClaimRow): void {
    this.rows.push(row.row);
    const first = (this.first ??= row);
    if (row.invoiceDate !== first.invoiceDate) {
      this.contradictions.set(row.row, `The invoice date ${row.invoiceDate} differs from ${first.invoiceDate} on row ${first.row}, for the same invoice.`);
    } else if (row.allocated !== first.allocated) {
      this.contradictions.set(row.row, `Allocated says ${yesNo(row.allocated)} where row ${first.row} says ${yesNo(first.allocated)}, for the same invoice.`);
    }
    const sum = this.codes.get(row.categoryCode);
    this.codes.set(row.categoryCode, sum === undefined ? new Decimal(row.amount) : sum.plus(row.amount));
  }

  invoiceKey(): string | null {
    return this.first === null ? null : matchKey(this.first.invoiceNumber);
  }

  /** The claim; or a refusal for each of its readable rows; or null when it has none. */
  settle(): ImportedClaim | ImportRefusal[] | null {
    const first = this.first;
    if (first === null) return null;
    const causes = [...this.refusedRows, ...this.suspectRows, ...this.contradictions.keys()].sort((a, b) => a - b);
    if (causes.length > 0) {
      const one = causes.length === 1;
      const whole =
        this.suspectRows.length === 0
          ? `Not imported: ${rowList(causes)} of the same claim (${describeClaim(first)}) ${one ? 'was' : 'were'} refused, and a claim is imported whole or not at all.`
          : `Not imported: ${rowList(causes)}, refused, ${one ? 'names' : 'name'} the same invoice (${describeClaim(first)}), and a claim is imported whole or not at all.`;
      return this.rows.map((row) => ({ row, reason: this.contradictions.get(row) ?? whole }));
    }
    const codes = [...this.codes].map(([categoryCode, amount]) => ({ categoryCode, amount: toMoney(amount) }));
    const total = toMoney([...this.codes.values()].reduce((sum, amount) => sum.plus(amount), new Decimal(0)));
    if (!isMoney(total) || codes.some(({ amount }) => !isMoney(amount))) {
      const reason = `Not imported: the claim (${describeClaim(first)}) adds up to more than the largest amount Backfill takes, ${formatMoney(MAX_MONEY)}.`;
      return this.rows.map((row) => ({ row, reason }));
    }
    const { invoiceNumber, invoiceDate, vendorName, contractNumber, allocated } = first;
    return { invoiceNumber, invoiceDate, vendorName, contractNumber, allocated, codes, total };
  }
}

function describeClaim(row: ClaimRow): string {
  return `invoice ${quoteCell(row.invoiceNumber)} of contract ${quoteCell(row.contractNumber)}, vendor ${quoteCell(row.vendorName)}`;
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
