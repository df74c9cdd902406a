import type { OtherDraft } from './backfill';
import type { MarkEntry } from './draft-marks';
import { isLocalClaimId } from './local-source/claim-id';

/**
 * The drafts of a contract that stack on `claimId`'s lines (`projectLines`), from the same source as
 * this claim (an imported SOV's line ids are not the host's), with the claim each was built against.
 * On a host, the drafts still worked or being sent: a submitted one is in the host's claimed to date
 * once the SOV is read again. From files, finished ones too: an imported SOV's claimed to date is the
 * file's, and finishing adds nothing to it.
 */
export function otherDrafts(claimId: string, entries: readonly MarkEntry[]): OtherDraft[] {
  const local = isLocalClaimId(claimId);
  const counts = (state: string) => state !== 'submitted' || local;
  return entries.flatMap(({ draft, basis }) =>
    draft.claimId === claimId || !counts(draft.submission.state) || !basis || isLocalClaimId(draft.claimId) !== local
      ? []
      : [{ claimId: draft.claimId, invoiceDate: basis.claim.invoiceDate, invoiceNumber: basis.claim.invoiceNumber, label: `${basis.claim.vendorName} ${basis.claim.invoiceNumber}`, allocations: draft.allocations }],
  );
}
