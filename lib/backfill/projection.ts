import { centsOf, moneyOfCents } from '../cents';
import { formatMoney, type Money } from '../money';
import { joinList } from '../quote-text';
import type { Allocations } from '../schemas';

/** Where a claim stands among the claims of its contract: invoices are worked in their own order. */
export interface ClaimOrder {
  claimId: string;
  /** ISO date. */
  invoiceDate: string;
  invoiceNumber: string;
}

/** Another unsubmitted draft on the same contract. */
export interface OtherDraft extends ClaimOrder {
  /** How the user knows it: vendor and invoice number. */
  label: string;
  allocations: Allocations;
}

/** What the other drafts of a contract put on one SOV line. */
export interface LineProjection {
  /** The sum of the drafts that come before this claim: added to the line's claimed to date. */
  earlier: Money;
  /** The sum of the drafts that come after it. */
  later: Money;
  /** Each draft with an amount on the line, in invoice order. */
  drafts: { label: string; amount: Money; earlier: boolean }[];
}

/** The other drafts' amounts per SOV line; a line no other draft touches is absent. */
export type Projection = ReadonlyMap<string, LineProjection>;

/**
 * Whether claim `a` comes before `b`: by invoice date, then invoice number (`INV-9` before `INV-10`),
 * then claim id, so every pair has one order and two drafts never both count the other as earlier.
 */
export function comesBefore(a: ClaimOrder, b: ClaimOrder): boolean {
  const order = a.invoiceDate.localeCompare(b.invoiceDate) || a.invoiceNumber.localeCompare(b.invoiceNumber, 'en', { numeric: true, sensitivity: 'base' }) || (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0);
  return order < 0;
}

/**
 * The projection of `self`'s contract: for each SOV line, what the other unsubmitted drafts put on it,
 * split into those whose invoices come earlier (the line's projected claimed to date is the host's
 * plus these) and later (which together with this draft may still overrun it). Summed in exact
 * integer cents: a contract's drafts hold thousands of amounts, re-summed whenever one is saved.
 */
export function projectLines(self: ClaimOrder, others: readonly OtherDraft[]): Projection {
  const sums = new Map<string, { earlier: number; later: number; drafts: LineProjection['drafts'] }>();
  const ordered = others.filter((other) => other.claimId !== self.claimId).sort((a, b) => (comesBefore(a, b) ? -1 : 1));
  for (const other of ordered) {
    const earlier = comesBefore(other, self);
    for (const [sovLineId, value] of Object.entries(other.allocations)) {
      const amount = centsOf(value);
      if (!amount) continue; // nothing, or not an amount
      let line = sums.get(sovLineId);
      if (!line) sums.set(sovLineId, (line = { earlier: 0, later: 0, drafts: [] }));
      if (earlier) line.earlier += amount;
      else line.later += amount;
      // Checked at every step: a sum that left the exact range could come back into it wrong.
      if (!Number.isSafeInteger(line.earlier) || !Number.isSafeInteger(line.later)) throw new RangeError('The drafts on this line add up to more than can be counted exactly.');
      line.drafts.push({ label: other.label, amount: moneyOfCents(amount), earlier });
    }
  }
  const projection = new Map<string, LineProjection>();
  for (const [sovLineId, line] of sums) projection.set(sovLineId, { earlier: moneyOfCents(line.earlier), later: moneyOfCents(line.later), drafts: line.drafts });
  return projection;
}

/** Whether two projections of a line hold the same drafts with the same amounts. */
export function sameLineProjection(a: LineProjection | undefined, b: LineProjection | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.earlier === b.earlier && a.later === b.later && a.drafts.length === b.drafts.length && a.drafts.every((draft, index) => draft.label === b.drafts[index]!.label && draft.amount === b.drafts[index]!.amount && draft.earlier === b.drafts[index]!.earlier);
}

/** "Acme INV-7 for $400.00 and Acme INV-8 for ($100.00)": the drafts of a line, earlier or later ones. */
export function describeDrafts(line: LineProjection, earlier: boolean): string {
  const drafts = line.drafts.filter((draft) => draft.earlier === earlier).map((draft) => `${draft.label} for ${formatMoney(draft.amount)}`);
  return joinList(drafts, 'and');
}
