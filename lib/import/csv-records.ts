import Papa from 'papaparse';

/** Told how much of the file has been read, from 0 to 1, every `PROGRESS_EVERY` records. */
export type ImportProgress = (fraction: number) => void;

const PROGRESS_EVERY = 1000;

/** One record of a CSV file: its cells, and the line of the file where it starts. */
export interface CsvRecord {
  /**
   * 1-based line of the file where the record starts, as a text editor numbers lines (CRLF, LF or a
   * lone CR each end one). A quoted cell holding line breaks makes a record span several lines.
   */
  row: number;
  /** The cells as written, unquoted; never typed (a code like "0200" stays "0200"). */
  cells: string[];
  /** Set when the record's quotes could not be read: its cells are not to be trusted. */
  quoteError?: string;
}

const QUOTE_ERRORS: Record<string, string> = {
  MissingQuotes: 'A quote opened here is never closed, so the rest of the file was read as one cell.',
  InvalidQuotes: 'A quoted cell here has text after its closing quote; a quote inside a cell must be doubled ("").',
};

/**
 * Reads comma-separated text, UTF-8 with or without a BOM, CRLF, LF or CR line ends, quoted cells
 * holding commas, doubled quotes and line breaks, and hands each record to `onRecord` as it is read
 * (a 50,000-row file is never held as records all at once); `onRecord` returns `'stop'` to read no
 * further. Records whose cells are all blank are skipped (Excel's trailing line end, spacer lines).
 * The delimiter is always a comma: guessing one could split a file on the commas of its amounts.
 */
export function readCsvRecords(text: string, onRecord: (record: CsvRecord) => 'stop' | void, onProgress?: ImportProgress): void {
  // Stripped here rather than by the parser, so the parser's offsets are offsets into `body`.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let start = 0;
  let line = 1;
  let records = 0;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    dynamicTyping: false,
    skipEmptyLines: false,
    step: ({ data: cells, errors, meta }, parser) => {
      const row = line;
      line += countLineBreaks(body, start, meta.cursor);
      start = meta.cursor;
      if (cells.every((cell) => cell.trim() === '')) return;
      const record: CsvRecord = { row, cells };
      const error = errors[0];
      if (error) record.quoteError = QUOTE_ERRORS[error.code] ?? 'The quotes of this row could not be read.';
      if (onRecord(record) === 'stop') parser.abort();
      else if (onProgress && ++records % PROGRESS_EVERY === 0) onProgress(meta.cursor / body.length);
    },
  });
}

/** Line breaks in `text[from, to)`: CRLF counts once, a lone LF or CR once each. */
function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) breaks++;
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) breaks++;
  }
  return breaks;
}
