import { MONEY_REFUSAL, parseMoney, type Money } from '../money';
import type { CsvRecord } from './csv-records';
import { quoteCell } from '../quote-text';

/** `row 7`, `rows 7 and 9`, `rows 7, 9, 12, 15, 20 and 3 more`. */
export function rowList(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]!}`;
  const shown = rows.slice(0, 5);
  const rest = rows.length - shown.length;
  return rest > 0 ? `rows ${shown.join(', ')} and ${rest} more` : `rows ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
}

/**
 * Reads the cells of one data row by field, collecting what is wrong as sentences a person can act on.
 * A row with any problem is refused, so the values returned alongside problems are never used.
 */
export class CellReader<F extends string> {
  readonly problems: string[] = [];

  constructor(
    private readonly cells: readonly string[],
    private readonly columns: Partial<Record<F, number>>,
  ) {}

  /** The cell without surrounding spaces; '' when the file has no column for the field. */
  text(field: F): string {
    const column = this.columns[field];
    return column === undefined ? '' : (this.cells[column] ?? '').trim();
  }

  /** Text that must be there and fit what Backfill stores (`maxLength` characters). */
  requiredText(field: F, label: string, maxLength: number): string {
    const text = this.text(field);
    if (text === '') this.problems.push(`No ${label}.`);
    else this.checkLength(text, label, maxLength);
    return text;
  }

  /** Refuses text longer than Backfill stores for it. */
  checkLength(text: string, label: string, maxLength: number): void {
    if (text.length > maxLength) this.problems.push(`The ${label} is ${text.length.toLocaleString('en-US')} characters long; at most ${maxLength} are taken.`);
  }

  isBlank(field: F): boolean {
    return this.text(field) === '';
  }

  /**
   * An amount in any form `parseMoney` reads. A blank cell is refused, or counts as zero when
   * `blank` is `'zero'`. Null when the cell was refused.
   */
  money(field: F, label: string, blank: 'refuse' | 'zero'): Money | null {
    const text = this.text(field);
    const parsed = parseMoney(text);
    if (parsed.ok) return parsed.value;
    if (parsed.error === 'EMPTY') {
      if (blank === 'zero') return '0.00';
      this.problems.push(`No ${label}.`);
    } else {
      this.problems.push(`The ${label} ${quoteCell(text)} ${MONEY_REFUSAL[parsed.error]}.`);
    }
    return null;
  }

  /** A date read to ISO `YYYY-MM-DD` by `readDate`, which gives null for text it will not read. Null when the cell was refused. */
  date(field: F, label: string, readDate: (text: string) => string | null): string | null {
    const text = this.text(field);
    if (text === '') {
      this.problems.push(`No ${label}.`);
      return null;
    }
    const date = readDate(text);
    if (date === null) this.problems.push(`The ${label} ${quoteCell(text)} is not a date that can be read for sure: write M/D/YYYY or YYYY-MM-DD.`);
    return date;
  }
}

/**
 * `read`, remembered by text for the length of one import: a claim's contract, vendor, invoice number
 * and date come back on each of its rows, and reading each once keeps a large import within budget.
 */
export function remembered<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    const value = read(text);
    known.set(text, value);
    return value;
  };
}

/**
 * Why a data row cannot be read against a header of `width` columns, or null when it can. A row
 * with another number of cells than the header is refused: an unquoted `1,234.56` would otherwise
 * shift every cell after it into the wrong column.
 */
export function unreadableRow(record: CsvRecord, width: number): string | null {
  if (record.quoteError !== undefined) return record.quoteError;
  const count = record.cells.length;
  if (count > width) return `This row has ${count} cells where the header has ${width}: a cell holding a comma must be in quotes.`;
  if (count < width) return `This row has ${count} cells where the header has ${width}.`;
  return null;
}
