import { identityKey, matchKey, type ClaimIdentity } from './claim-identity';
import { Decimal } from './decimal';
import { allocatedOf } from './draft-summary';
import type { Draft, DraftBasis } from './schemas';

/**
 * What a reconciliation row shows about the extension's own work on its claim: a draft and how far it
 * is allocated, a submission under way, or a backfill the page does not show yet.
 */
export type DraftMark =
  /** `percent`: allocated of what Yardi paid, whole percent rounded down (100 only when all of it); null when unknown. */
  | { state: 'draft'; percent: number | null }
  | { state: 'submitting' }
  | { state: 'submitted' };

/** At most this many rows in one `drafts/marks` request (a page with more asks in several). */
export const MAX_MARKED_ROWS = 2000;

export interface DraftEntry {
  draft: Draft;
  basis: DraftBasis | undefined;
}

/**
 * The mark of each row (null: no draft), in the order given. A row is matched to a draft by its claim
 * id; else by the claim the panel opened for that very row before (`rowLinks`, by `identityKey`); else
 * by the draft's claim as recorded when the draft was made: invoice number and contract (its id), or
 * invoice number, vendor and date, compared by `matchKey`. A row that matches several drafts that way
 * gets no mark rather than a wrong one.
 */
export function draftMarks(rows: readonly ClaimIdentity[], entries: readonly DraftEntry[], rowLinks: ReadonlyMap<string, string>): Array<DraftMark | null> {
  const byClaimId = new Map(entries.map((entry) => [entry.draft.claimId, entry]));
  const byInvoice = new Map<string, DraftEntry[]>();
  for (const entry of entries) {
    if (entry.basis === undefined) continue;
    const invoice = matchKey(entry.basis.claim.invoiceNumber);
    byInvoice.set(invoice, [...(byInvoice.get(invoice) ?? []), entry]);
  }
  return rows.map((row) => {
    const claimId = row.claimId ?? rowLinks.get(identityKey(row));
    const entry = claimId !== undefined ? byClaimId.get(claimId) : recordedMatch(row, byInvoice);
    return entry === undefined ? null : markOf(entry);
  });
}

function recordedMatch(row: ClaimIdentity, byInvoice: ReadonlyMap<string, DraftEntry[]>): DraftEntry | undefined {
  if (row.invoiceNumber === undefined) return undefined;
  const candidates = byInvoice.get(matchKey(row.invoiceNumber)) ?? [];
  const contract = row.contractNumber === undefined ? undefined : matchKey(row.contractNumber);
  const vendor = row.vendorName === undefined ? undefined : matchKey(row.vendorName);
  const matches = candidates.filter(({ basis }) => {
    const claim = basis!.claim;
    if (contract !== undefined && matchKey(claim.contractId) === contract) return true;
    return vendor !== undefined && row.invoiceDate !== undefined && matchKey(claim.vendorName) === vendor && claim.invoiceDate === row.invoiceDate;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function markOf({ draft, basis }: DraftEntry): DraftMark {
  if (draft.submission.state !== 'ready') return { state: draft.submission.state };
  const total = basis?.claim.total;
  if (total === undefined || new Decimal(total).lte(0)) return { state: 'draft', percent: null };
  const percent = allocatedOf(draft).div(total).times(100).floor().toNumber();
  return { state: 'draft', percent: Math.min(100, Math.max(0, percent)) };
}

/**
 * The background's answer to `drafts/marks`, checked by hand (the content script carries no schema
 * library): one mark or null per row asked about, or null when the answer is not that.
 */
export function readDraftMarksReply(reply: unknown, rows: number): Array<DraftMark | null> | null {
  if (typeof reply !== 'object' || reply === null || !('marks' in reply) || !Array.isArray(reply.marks)) return null;
  const marks: unknown[] = reply.marks;
  if (marks.length !== rows) return null;
  const read = marks.map(readMark);
  return read.every((mark) => mark !== undefined) ? read : null;
}

function readMark(mark: unknown): DraftMark | null | undefined {
  if (mark === null) return null;
  if (typeof mark !== 'object' || !('state' in mark)) return undefined;
  if (mark.state === 'submitting' || mark.state === 'submitted') return { state: mark.state };
  if (mark.state !== 'draft' || !('percent' in mark)) return undefined;
  const { percent } = mark;
  if (percent === null) return { state: 'draft', percent: null };
  return Number.isInteger(percent) && (percent as number) >= 0 && (percent as number) <= 100 ? { state: 'draft', percent: percent as number } : undefined;
}
