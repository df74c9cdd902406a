import { readCsvRecords, type CsvRecord, type ImportProgress } from './csv-records';
import type { HeaderMatch } from './header';

/** True when the header names every needed field, each by one column. */
export function isRecognised<F extends string>(header: HeaderMatch<F>): boolean {
  return header.missing.length === 0 && header.ambiguous.length === 0;
}

/**
 * Reads a CSV file as a table: its first record is the header row, matched by `matchHeaderRow`; each
 * record after it goes to `onRow` with that match. A header that is not recognised stops the reading
 * there. Returns the header's match (that of no cells for an empty file).
 */
export function readTable<F extends string>(
  text: string,
  matchHeaderRow: (cells: readonly string[]) => HeaderMatch<F>,
  onRow: (record: CsvRecord, header: HeaderMatch<F>) => void,
  onProgress?: ImportProgress,
): HeaderMatch<F> {
  let header: HeaderMatch<F> | undefined;
  readCsvRecords(text, (record) => {
    if (header === undefined) {
      header = matchHeaderRow(record.cells);
      return isRecognised(header) ? undefined : 'stop';
    }
    onRow(record, header);
  }, onProgress);
  return header ?? matchHeaderRow([]);
}
