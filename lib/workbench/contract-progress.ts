import { Decimal } from '../decimal';
import { matchKey } from '../claim-identity';
import { toMoney, type Money } from '../money';
import type { QueueEntry, QueueState } from './queue';

/** Where a contract's backfill stands, in money: what Yardi paid, and how much of it is done. */
export interface ContractProgress {
  contractNumber: string;
  claims: number;
  /** Claims whose amount is not known yet (rows seen on a page, before they are opened). */
  withoutAmount: number;
  paid: Money;
  /** Submitted to the host, or finished from the files. */
  backfilled: Money;
  /** Allocated in drafts not submitted yet. */
  inDrafts: Money;
  /** Paid − backfilled − in drafts. */
  left: Money;
  /** The three parts as percentages of what was paid (0–100, one decimal), for the stacked bar. */
  shares: { backfilled: string; inDrafts: string; left: string };
}

const DONE: readonly QueueState[] = ['Submitted', 'Finished', 'Exported'];
const WORKED: readonly QueueState[] = ['Draft', 'Ready', 'Submitting'];

/**
 * The queue's claims per contract (contract numbers compared by `matchKey`), in contract number order
 * as people sort them (SC-9 before SC-1042), whatever order the queue is sorted in. A finished or submitted claim counts its whole Yardi amount as backfilled (it balanced
 * to the cent); a draft counts what it allocates so far.
 */
export function contractProgress(entries: readonly QueueEntry[]): ContractProgress[] {
  const contracts = new Map<string, { contractNumber: string; claims: number; withoutAmount: number; paid: Decimal; backfilled: Decimal; inDrafts: Decimal }>();
  for (const entry of entries) {
    const key = matchKey(entry.contractNumber) || entry.contractNumber;
    let contract = contracts.get(key);
    if (!contract) contracts.set(key, (contract = { contractNumber: entry.contractNumber, claims: 0, withoutAmount: 0, paid: new Decimal(0), backfilled: new Decimal(0), inDrafts: new Decimal(0) }));
    contract.claims++;
    if (entry.total === null) contract.withoutAmount++;
    else contract.paid = contract.paid.plus(entry.total);
    if (DONE.includes(entry.state)) contract.backfilled = contract.backfilled.plus(entry.total ?? entry.allocated);
    else if (WORKED.includes(entry.state)) contract.inDrafts = contract.inDrafts.plus(entry.allocated);
  }
  const byNumber = [...contracts.values()].sort((a, b) => a.contractNumber.localeCompare(b.contractNumber, undefined, { numeric: true }));
  return byNumber.map(({ paid, backfilled, inDrafts, ...counts }) => {
    const left = paid.minus(backfilled).minus(inDrafts);
    const share = (part: Decimal) => (paid.isZero() ? '0.0' : Decimal.max(0, Decimal.min(100, part.dividedBy(paid).times(100))).toFixed(1));
    return {
      ...counts,
      paid: toMoney(paid),
      backfilled: toMoney(backfilled),
      inDrafts: toMoney(inDrafts),
      left: toMoney(left),
      shares: { backfilled: share(backfilled), inDrafts: share(inDrafts), left: share(left) },
    };
  });
}
