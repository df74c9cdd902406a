import type { MarkedDraft } from './canonical-records';
import { identityKey, matchKey, type ClaimIdentity } from './claim-identity';
import { bigCentsOf } from './cents';
import { allocatedCentsOf, hasAmounts } from './draft-allocated';
import type { DraftMark } from './draft-marks-reply';
import { isLocalClaimId } from './local-source/claim-id';
import type { Draft, DraftBasis } from './schemas';

export interface DraftEntry {
  draft: Draft;
  basis: DraftBasis | undefined;
}

/** A draft and the claim it was built against: all a row's mark needs (`readMarkedDraft`). */
export interface MarkEntry<D extends MarkedDraft = MarkedDraft> {
  draft: D;
  basis: Pick<DraftBasis, 'claim'> | undefined;
}

/**
 * The mark of each row (null: no draft), in the order given. A row is matched to a draft by its claim
 * id; else by the claim the panel opened for that very row before (`rowLinks`, by `identityKey`); else
 * by the draft's claim as recorded when the draft was made: invoice number and contract (its id), or
 * invoice number, vendor and date, compared by `matchKey`. A row that matches several drafts that way
 * gets no mark rather than a wrong one. A row with no draft of its own that matches one claim prepared
 * in the workbench (imported from the user's files) the same way is marked prepared.
 */
export function draftMarks(rows: readonly ClaimIdentity[], entries: readonly MarkEntry[], rowLinks: ReadonlyMap<string, string>): Array<DraftMark | null> {
  const byClaimId = new Map(entries.map((entry) => [entry.draft.claimId, entry]));
  const hostByInvoice = byInvoice(entries.filter((entry) => !isLocalClaimId(entry.draft.claimId)));
  const preparedByInvoice = byInvoice(entries.filter((entry) => isLocalClaimId(entry.draft.claimId) && isPrepared(entry.draft)));
  return rows.map((row) => {
    const claimId = row.claimId ?? rowLinks.get(identityKey(row));
    const entry = claimId !== undefined ? byClaimId.get(claimId) : recordedMatch(row, hostByInvoice);
    if (entry !== undefined) return markOf(entry);
    return recordedMatch(row, preparedByInvoice) ? { state: 'prepared' } : null;
  });
}

function byInvoice(entries: readonly MarkEntry[]): Map<string, MarkEntry[]> {
  const map = new Map<string, MarkEntry[]>();
  for (const entry of entries) {
    if (entry.basis === undefined) continue;
    const invoice = matchKey(entry.basis.claim.invoiceNumber);
    map.set(invoice, [...(map.get(invoice) ?? []), entry]);
  }
  return map;
}

/** A workbench draft worth offering: finished, or with an amount typed. */
function isPrepared(draft: MarkedDraft): boolean {
  return draft.submission.state === 'submitted' || hasAmounts(draft.allocations);
}

function recordedMatch(row: ClaimIdentity, byInvoice: ReadonlyMap<string, MarkEntry[]>): MarkEntry | undefined {
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

function markOf({ draft, basis }: MarkEntry): DraftMark {
  if (draft.submission.state !== 'ready') return { state: draft.submission.state };
  const total = basis?.claim.total;
  const totalCents = total === undefined ? 0n : bigCentsOf(total);
  if (totalCents <= 0n) return { state: 'draft', percent: null };
  // What is placed of what Yardi paid, less what is placed beyond it: a draft that allocates more
  // than the claim (a mistyped amount) is not done, and never reads 100. Whole percents, rounded down
  // (toward zero, the same once kept at 0 or more): a row never says 100 early.
  const allocated = allocatedCentsOf(draft);
  const beyond = allocated > totalCents ? allocated - totalCents : 0n;
  const percent = Number(((allocated - 2n * beyond) * 100n) / totalCents);
  return { state: 'draft', percent: Math.max(0, percent) };
}
