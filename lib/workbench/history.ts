import Papa from 'papaparse';
import { isLocalClaimId } from '../local-source/claim-id';
import { sovLineItem } from '../local-source/records';
import type { Money } from '../money';
import type { AuditEntry, Backfill, DraftBasis } from '../schemas';
import { neutraliseFormula } from '../spreadsheet-formula';

/** A backfill submitted to the host or finished from the files, as the history shows it. */
export interface HistoryEntry {
  claimId: string;
  /** When the host accepted it (or it was finished). */
  at: string;
  contractNumber: string;
  vendorName: string;
  invoiceNumber: string;
  invoiceDate: string;
  total: Money;
  /** Synced and Approved (the host), or Finished (the files). */
  status: Backfill['status'];
  /** The host's reply: the backfill it created; for a finished claim, the local record. */
  reply: string;
  lines: { item: string; description: string; categoryCode: string; amount: Money }[];
  /** Every step of its submission, oldest first: the host's refusals and unconfirmed attempts too. */
  events: AuditEntry[];
}

/**
 * The history of backfills, newest first: each ledger record with the claim and SOV it was built on
 * (for invoice, vendor and line names; a basis that did not read leaves them as ids) and its audit
 * trail.
 */
export function backfillHistory(backfills: readonly Backfill[], bases: ReadonlyMap<string, DraftBasis>, audit: readonly AuditEntry[]): HistoryEntry[] {
  const eventsOf = new Map<string, AuditEntry[]>();
  for (const entry of [...audit].sort((a, b) => a.at.localeCompare(b.at))) (eventsOf.get(entry.claimId) ?? eventsOf.set(entry.claimId, []).get(entry.claimId)!).push(entry);
  return backfills
    .map((backfill): HistoryEntry => {
      const basis = bases.get(backfill.claimId);
      const lineOf = new Map(basis?.sov.lines.map((line) => [line.id, line]));
      return {
        claimId: backfill.claimId,
        at: backfill.createdAt,
        contractNumber: basis?.claim.contractId ?? backfill.contractId,
        vendorName: basis?.claim.vendorName ?? '',
        invoiceNumber: basis?.claim.invoiceNumber ?? backfill.claimId,
        invoiceDate: basis?.claim.invoiceDate ?? '',
        total: backfill.total,
        status: backfill.status,
        reply: isLocalClaimId(backfill.claimId) ? 'Finished here (no host)' : `Backfill ${backfill.id}`,
        lines: backfill.lines.map(({ sovLineId, amount }) => {
          const line = lineOf.get(sovLineId);
          return { item: line ? sovLineItem(line) : sovLineId, description: line?.description ?? '', categoryCode: line?.categoryCode ?? '', amount };
        }),
        events: eventsOf.get(backfill.claimId) ?? [],
      };
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

const HEADER = ['Backfilled at', 'Status', 'Host reply', 'Contract', 'Vendor', 'Invoice #', 'Invoice Date', 'Line', 'Description', 'Category Code', 'Amount'];

/** The history as CSV: one row per SOV line of each backfill, text neutralised against formulas (see `writeBackfillCsv`). */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  const rows: string[][] = [HEADER];
  for (const entry of entries) {
    const claim = [entry.at, entry.status, entry.reply, entry.contractNumber, entry.vendorName, entry.invoiceNumber, entry.invoiceDate].map(neutraliseFormula);
    for (const line of entry.lines) rows.push([...claim, ...[line.item, line.description, line.categoryCode].map(neutraliseFormula), line.amount]);
  }
  return `\ufeff${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: false })}\r\n`;
}
