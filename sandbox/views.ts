import { Decimal } from '../lib/decimal';
import { toMoney } from '../lib/money';
import type { HostClaim, ReconciliationRow, Sov, YardiClaim } from '../lib/schemas';
import type { Contract, State, StoredBackfill } from './model';

/** Read-only views of the state, shaped as the API and the pages serve them. */

export function findContract(state: State, contractId: string): Contract | undefined {
  return state.contracts.find((contract) => contract.id === contractId);
}

export function findSov(state: State, contractId: string): Sov | undefined {
  return state.sovs.find((sov) => sov.contractId === contractId);
}

export function findClaim(state: State, claimId: string): YardiClaim | undefined {
  return state.claims.find((claim) => claim.id === claimId);
}

export function findBackfill(state: State, claimId: string): StoredBackfill | undefined {
  return state.backfills.find((stored) => stored.backfill.claimId === claimId);
}

export function hostClaim(state: State, claim: YardiClaim): HostClaim {
  const backfilled = findBackfill(state, claim.id) !== undefined;
  return { ...claim, status: backfilled ? 'Synced and Approved' : 'Unlinked', backfilled };
}

/**
 * One row per Yardi payment, by contract number then invoice date. Procore is the linked claim's
 * amount: the backfill's total once backfilled, else nothing ("0.00", shown as a dash).
 */
export function reconciliationRows(state: State): ReconciliationRow[] {
  const rows = state.claims.map((claim): ReconciliationRow => {
    const contract = findContract(state, claim.contractId);
    const backfill = findBackfill(state, claim.id)?.backfill;
    const procore = backfill?.total ?? '0.00';
    return {
      claimId: claim.id,
      contractId: claim.contractId,
      contractNumber: contract?.number ?? claim.contractId,
      vendorName: claim.vendorName,
      invoiceNumber: claim.invoiceNumber,
      invoiceDate: claim.invoiceDate,
      yardiPtd: claim.total,
      procore,
      difference: toMoney(new Decimal(claim.total).minus(procore)),
      status: backfill ? 'Synced and Approved' : 'Unlinked',
    };
  });
  return rows.sort(
    (a, b) =>
      a.contractNumber.localeCompare(b.contractNumber) ||
      a.invoiceDate.localeCompare(b.invoiceDate) ||
      a.claimId.localeCompare(b.claimId),
  );
}
