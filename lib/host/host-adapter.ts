import type { Backfill, BackfillRequest, HostClaim, HostError, ReconciliationRow, Sov } from '../schemas';

/** How a backfill submission ended, as far as the host told us. */
export type SubmitOutcome =
  /** The host holds this backfill: created now (201) or replayed for the same key (200). */
  | { kind: 'accepted'; backfill: Backfill }
  /** The host refused it and created nothing (rules, schema, or the same key with another body). */
  | { kind: 'refused'; status: number; error: HostError }
  /** The claim already has a backfill made with another key. */
  | { kind: 'already-backfilled'; error: HostError }
  /** A request with this key is still being processed: ask again later. */
  | { kind: 'in-flight' };

/**
 * A failure that leaves the outcome unknown (network error, timeout, 5xx, a reply we cannot read):
 * the request may or may not have been committed, so the claim must be re-read before resending.
 */
export class HostUnavailableError extends Error {
  override readonly name = 'HostUnavailableError';
}

/** A reply that does not match the host's documented shape: never acted upon. */
export class HostResponseError extends Error {
  override readonly name = 'HostResponseError';
}

/**
 * Everything Backfill needs from the host. One implementation per host (the sandbox today, the real
 * Portfolio Financials later); every reply is zod-validated inside the adapter.
 */
export interface HostAdapter {
  readReconciliation(): Promise<ReconciliationRow[]>;
  readClaim(claimId: string): Promise<HostClaim>;
  readSov(contractId: string): Promise<Sov>;
  /** The backfill the host holds for this claim, or null. */
  readBackfill(claimId: string): Promise<Backfill | null>;
  submitBackfill(claimId: string, request: BackfillRequest, idempotencyKey: string): Promise<SubmitOutcome>;
}
