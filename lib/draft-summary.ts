import { Decimal } from './decimal';
import { isMoney, toMoney, type Money } from './money';
import type { Draft, DraftBasis } from './schemas';

export interface DraftSummary {
  claimId: string;
  vendorName: string;
  invoiceNumber: string;
  /** What Yardi paid (the claim's total when the draft was built), or null when not recorded. */
  total: Money | null;
  allocated: Money;
  state: 'Draft' | 'Submitting' | 'Synced and Approved';
  updatedAt: string;
  hostOrigin: string | null;
}

const STATES = { ready: 'Draft', submitting: 'Submitting', submitted: 'Synced and Approved' } as const;

/** One line of the drafts list: whose claim, how far allocated, where it stands. */
export function draftSummary(draft: Draft, basis: DraftBasis | undefined): DraftSummary {
  const allocated = allocatedOf(draft);
  return {
    claimId: draft.claimId,
    vendorName: basis?.claim.vendorName ?? '',
    invoiceNumber: basis?.claim.invoiceNumber ?? '',
    total: basis?.claim.total ?? null,
    allocated: toMoney(allocated),
    state: STATES[draft.submission.state],
    updatedAt: draft.updatedAt,
    hostOrigin: draft.hostOrigin ?? null,
  };
}

/** The sum of a draft's amounts (text that is not an amount counts as nothing). */
export function allocatedOf(draft: Draft): Decimal {
  return Object.values(draft.allocations)
    .filter((value) => isMoney(value))
    .reduce((sum, value) => sum.plus(value), new Decimal(0));
}
