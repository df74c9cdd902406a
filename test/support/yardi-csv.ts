import Papa from 'papaparse';
import type { ImportedClaim } from '../../lib/import';
import type { Money } from '../../lib/money';

export const YARDI_HEADER = ['Contract', 'Vendor', 'Invoice #', 'Invoice Date', 'Category Code', 'Amount', 'Allocated'];

/** One Yardi export row per category code of each claim, claims one after another. */
export function yardiRows(claims: readonly ImportedClaim[], writeAmount: (amount: Money) => string = (amount) => amount): string[][] {
  return claims.flatMap((claim) =>
    claim.codes.map(({ categoryCode, amount }) => [
      claim.contractNumber,
      claim.vendorName,
      claim.invoiceNumber,
      claim.invoiceDate,
      categoryCode,
      writeAmount(amount),
      claim.allocated ? 'Y' : 'N',
    ]),
  );
}

/** A Yardi payment export as a spreadsheet writes it: header, rows, CRLF. */
export function yardiCsv(rows: readonly string[][], header: readonly string[] = YARDI_HEADER, newline = '\r\n'): string {
  return Papa.unparse([[...header], ...rows.map((row) => [...row])], { newline, escapeFormulae: false });
}
