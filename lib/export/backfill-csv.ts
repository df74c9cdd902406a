import Papa from 'papaparse';
import { sumMoney, type Money } from '../money';
import { sovLineItem } from '../local-source/records';
import type { Backfill, Sov } from '../schemas';
import { neutraliseFormula } from '../spreadsheet-formula';

/** One SOV line of a backfill and the amount backfilled on it. */
export interface BackfillExportLine {
  /** The SOV line's item as the host or file shows it. */
  number: string;
  description: string;
  categoryCode: string;
  amount: Money;
}

/** A finished or submitted backfill, as it is written to a file: the claim it backfills and its lines. */
export interface BackfillExport {
  contractNumber: string;
  vendorName: string;
  invoiceNumber: string;
  /** ISO `YYYY-MM-DD`. */
  invoiceDate: string;
  lines: BackfillExportLine[];
}

const HEADER = ['Contract', 'Vendor', 'Invoice #', 'Invoice Date', 'Line', 'Description', 'Category Code', 'Amount'];

/**
 * Backfills as CSV for a spreadsheet: one row per SOV line, then a total row per backfill (its label in
 * the Description column, every claim column blank, so the row cannot be taken for a line). The
 * columns are named as the Yardi importer knows them, so a file read back with `importYardiCsv` gives
 * each backfill's claim: its amounts per category code and its total.
 *
 * Text cells that a spreadsheet would run as a formula are neutralised (`neutraliseFormula`); amounts
 * are canonical decimals (`-12.00`), never neutralised. A BOM leads the file, so Excel reads it as
 * UTF-8, and lines end in CRLF as Excel writes them.
 */
export function writeBackfillCsv(backfills: readonly BackfillExport[]): string {
  const rows: string[][] = [HEADER];
  for (const backfill of backfills) {
    const claim = [backfill.contractNumber, backfill.vendorName, backfill.invoiceNumber, backfill.invoiceDate].map(neutraliseFormula);
    for (const line of backfill.lines) {
      rows.push([...claim, ...[line.number, line.description, line.categoryCode].map(neutraliseFormula), line.amount]);
    }
    rows.push(['', '', '', '', '', 'Total', '', sumMoney(backfill.lines.map((line) => line.amount))]);
  }
  return `\ufeff${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: false })}\r\n`;
}

/** A backfill as it is exported: the claim it backfills, and its lines as the SOV names them. */
export function backfillExport(claim: { contractNumber: string; vendorName: string; invoiceNumber: string; invoiceDate: string }, sov: Sov, backfill: Pick<Backfill, 'lines'>): BackfillExport {
  const lineOf = new Map(sov.lines.map((line) => [line.id, line]));
  return {
    ...claim,
    lines: backfill.lines.map(({ sovLineId, amount }) => {
      const line = lineOf.get(sovLineId);
      return { number: line ? sovLineItem(line) : sovLineId, description: line?.description ?? '', categoryCode: line?.categoryCode ?? '', amount };
    }),
  };
}

/** The exact body of a backfill request, as JSON a person can read. */
export function backfillRequestJson(backfill: Pick<Backfill, 'lines' | 'header'>): string {
  return `${JSON.stringify(backfill.header ? { lines: backfill.lines, header: backfill.header } : { lines: backfill.lines }, null, 2)}\n`;
}
