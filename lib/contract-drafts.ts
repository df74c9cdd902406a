import type { OtherDraft } from './backfill';
import type { MarkEntry } from './draft-marks';
import { isLocalClaimId } from './local-source/records';

/**
 * The drafts of a contract that stack on `claimId`'s lines (`projectLines`): the others still being
 * worked (submitted ones are in the host's claimed to date), from the same source as this claim (an
 * imported SOV's line ids are not the host's), with the claim each was built against.
 */
export function otherDrafts(claimId: string, entries: readonly MarkEntry[]): OtherDraft[] {
  const local = isLocalClaimId(claimId);
  return entries.flatMap(({ draft, basis }) =>
    draft.claimId === claimId || draft.submission.state !== 'ready' || !basis || isLocalClaimId(draft.claimId) !== local
      ? []
      : [{ claimId: draft.claimId, invoiceDate: basis.claim.invoiceDate, invoiceNumber: basis.claim.invoiceNumber, label: `${basis.claim.vendorName} ${basis.claim.invoiceNumber}`, allocations: draft.allocations }],
  );
}
