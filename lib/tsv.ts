import Papa from 'papaparse';
import { neutraliseFormula } from './spreadsheet-formula';

/**
 * Reads tab-separated text as Excel and Google Sheets put it on the clipboard: CRLF, LF or CR line
 * ends, quoted cells holding tabs, newlines or doubled quotes, a BOM, and Excel's trailing line end.
 * Every value stays a string (never typed: a code like "0200" must not become 200).
 */
export function parseTsv(text: string): string[][] {
  const { data } = Papa.parse<string[]>(text, { delimiter: '\t', newline: undefined, dynamicTyping: false, skipEmptyLines: false });
  const rows = data.map((row) => row.map((cell) => cell ?? ''));
  const last = rows.at(-1);
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

/**
 * Writes rows as TSV that pastes back into Excel: cells with tabs, quotes or line breaks are quoted,
 * and free text that would start a formula is neutralised with a leading apostrophe. Amounts are
 * written with `amount: true` cells left as they are (a "-12.00" is a number, not a formula).
 */
export function toTsv(rows: { text: string; amount?: boolean }[][]): string {
  return rows
    .map((row) =>
      row
        .map(({ text, amount }) => {
          const safe = amount ? text : neutraliseFormula(text);
          return /[\t\n\r"]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
        })
        .join('\t'),
    )
    .join('\r\n');
}
