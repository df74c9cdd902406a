import { matchKey } from '../lib/claim-identity';
import { Decimal } from '../lib/decimal';
import type { ClaimLookup } from '../lib/host/host-adapter';
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

/**
 * The reconciliation rows of the claims a lookup names, compared by `matchKey`. A contract number
 * matches a contract's number or its id (the page shows `SC-1042`, the claim belongs to `C-1042`); a
 * vendor its name; with a date, only claims invoiced on that day.
 */
export function lookUpClaims(state: State, lookup: ClaimLookup): ReconciliationRow[] {
  const invoice = matchKey(lookup.invoice);
  let named: (row: ReconciliationRow) => boolean;
  if ('contract' in lookup) {
    const contract = matchKey(lookup.contract);
    named = (row) => matchKey(row.contractNumber) === contract || matchKey(row.contractId) === contract;
  } else {
    const vendor = matchKey(lookup.vendor);
    named = (row) => matchKey(row.vendorName) === vendor && (lookup.date === undefined || row.invoiceDate === lookup.date);
  }
  return reconciliationRows(state).filter((row) => matchKey(row.invoiceNumber) === invoice && named(row));
}
