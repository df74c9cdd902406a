import { BackfillValidator, spreadRemaining } from '../lib/backfill';
import type { Allocations, Sov, YardiClaim } from '../lib/schemas';

/**
 * A valid allocation of a whole claim: each code's amount spread over its SOV lines in proportion to
 * their room (the panel's own "spread" helper). The seed uses it for historical backfills; tests use it
 * to submit claims the rules accept. Throws when a code cannot fit.
 */
export function balancedAllocation(claim: YardiClaim, sov: Sov): Allocations {
  const validator = new BackfillValidator({ claim, sov, backfilledClaimIds: [] });
  for (const code of new Set(claim.lines.map((line) => line.categoryCode))) {
    const spread = spreadRemaining(validator, code);
    if (!spread.ok) throw new Error(`Claim ${claim.id}: ${spread.message}`);
    validator.setMany(spread.patch);
  }
  return validator.allocations();
}
