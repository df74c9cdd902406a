import type { ClaimIdentity } from '../claim-identity';
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
 * One way of asking the host for the claims a row names: by contract number and invoice number, or by
 * vendor and invoice number (and invoice date when the page shows one). The host compares the texts by
 * `matchKey`, and a contract number with both the contract's number and its id.
 */
export type ClaimLookup = { contract: string; invoice: string } | { vendor: string; invoice: string; date?: string };

/** A host answers one lookup with at most this many candidates: a list a user can still read. */
export const MAX_CLAIM_CANDIDATES = 50;

/**
 * What an identity resolved to. Candidates are the claims' reconciliation rows: contract, vendor,
 * invoice number and date, and amount (Yardi PTD), for the user to choose from.
 */
export type ClaimMatch =
  | { kind: 'one'; claimId: string }
  | { kind: 'none' }
  | { kind: 'several'; candidates: ReconciliationRow[] };

/**
 * The lookups that resolve an identity without a claim id, best first: contract + invoice number, then
 * vendor + invoice number (+ date). The second runs only when the first finds nothing, which is how a
 * contract number the host does not know in the page's form still finds its claim.
 */
export function claimLookups(identity: ClaimIdentity): ClaimLookup[] {
  const { contractNumber, invoiceNumber, vendorName, invoiceDate } = identity;
  if (invoiceNumber === undefined) return [];
  const lookups: ClaimLookup[] = [];
  if (contractNumber !== undefined) lookups.push({ contract: contractNumber, invoice: invoiceNumber });
  if (vendorName !== undefined) lookups.push(invoiceDate === undefined ? { vendor: vendorName, invoice: invoiceNumber } : { vendor: vendorName, invoice: invoiceNumber, date: invoiceDate });
  return lookups;
}

/**
 * Resolves an identity with `lookup` (one host request per call): a claim id is taken as it is (the
 * panel reads that claim next, as it always has); otherwise the first lookup that finds anything
 * decides.
 */
export async function findClaimWith(identity: ClaimIdentity, lookup: (query: ClaimLookup) => Promise<ReconciliationRow[]>): Promise<ClaimMatch> {
  if (identity.claimId !== undefined) return { kind: 'one', claimId: identity.claimId };
  for (const query of claimLookups(identity)) {
    const candidates = await lookup(query);
    if (candidates.length === 1) return { kind: 'one', claimId: candidates[0]!.claimId };
    if (candidates.length > 1) return { kind: 'several', candidates };
  }
  return { kind: 'none' };
}

/**
 * Everything Backfill needs from the host. One implementation per host (the sandbox today, the real
 * Portfolio Financials later); every reply is zod-validated inside the adapter.
 */
export interface HostAdapter {
  /**
   * The workbench's local source (the user's own files), not a host: nothing is cached from it, and
   * its "submit" finishes a claim locally (`Finished`), to be submitted later from its row.
   */
  readonly local?: true;
  /** The claim a reconciliation row names (see `ClaimIdentity`): exactly one, none, or candidates. */
  findClaim(identity: ClaimIdentity): Promise<ClaimMatch>;
  readClaim(claimId: string): Promise<HostClaim>;
  readSov(contractId: string): Promise<Sov>;
  /** The backfill the host holds for this claim, or null. */
  readBackfill(claimId: string): Promise<Backfill | null>;
  submitBackfill(claimId: string, request: BackfillRequest, idempotencyKey: string): Promise<SubmitOutcome>;
  /** The address of the contract's page on the host (its SOV, where vendors see what is claimed), where it has one. */
  contractPage?(contractId: string): string;
}
