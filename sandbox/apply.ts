import { applyBackfill } from '../lib/backfill';
import type { Allocations, Sov } from '../lib/schemas';

/** The SOV as the host stores it after a backfill: each line's claimed to date moved up (applyBackfill). */
export function sovAfterBackfill(sov: Sov, allocations: Allocations): Sov {
  const applied = applyBackfill(sov, allocations);
  return {
    contractId: sov.contractId,
    lines: sov.lines.map((line, index) => ({ ...line, claimedToDate: applied.lines[index]!.claimedToDate })),
  };
}
