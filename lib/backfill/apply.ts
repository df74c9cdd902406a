import { bigCentsOf, percentOfCents } from '../cents';
import { Decimal } from '../decimal';
import { sumMoney, toMoney, type Money } from '../money';
import type { Allocations, Sov, SovLine } from '../schemas';

export interface AppliedSovLine extends SovLine {
  /** Percent of the scheduled value claimed to date, two decimals, half-up ("45.50" means 45.5 %). */
  percentComplete: string;
  balanceToFinish: Money;
}

export interface AppliedSov {
  contractId: string;
  lines: AppliedSovLine[];
  totals: { scheduledValue: Money; claimedToDate: Money; balanceToFinish: Money; percentComplete: string };
}

/**
 * Percent complete of a scheduled value, two decimals, halves away from zero; a zero scheduled value is
 * 0 %. Both are whole cents (`percentOfCents`, the one rule the grid's rows use too).
 */
export function percentComplete(claimedToDate: Decimal | Money, scheduledValue: Decimal | Money): string {
  const cents = (value: Decimal | Money) => bigCentsOf(typeof value === 'string' ? value : toMoney(value));
  return percentOfCents(cents(claimedToDate), cents(scheduledValue));
}

/**
 * The SOV as it stands after a backfill: each line's claimed to date moves up by its allocation (empty
 * or missing means nothing), with percent complete and balance to finish, plus the contract's totals.
 * Amounts must already be valid (run `validateBackfill` first); an invalid one throws.
 */
export function applyBackfill(sov: Sov, allocations: Allocations): AppliedSov {
  let scheduledTotal = new Decimal(0);
  let claimedTotal = new Decimal(0);
  const lines = sov.lines.map((line) => {
    const value = allocations[line.id];
    const claimed = new Decimal(line.claimedToDate).plus(value ? value : 0);
    scheduledTotal = scheduledTotal.plus(line.scheduledValue);
    claimedTotal = claimedTotal.plus(claimed);
    return {
      ...line,
      claimedToDate: toMoney(claimed),
      percentComplete: percentComplete(claimed, line.scheduledValue),
      balanceToFinish: toMoney(new Decimal(line.scheduledValue).minus(claimed)),
    };
  });
  return {
    contractId: sov.contractId,
    lines,
    totals: {
      scheduledValue: toMoney(scheduledTotal),
      claimedToDate: toMoney(claimedTotal),
      balanceToFinish: toMoney(scheduledTotal.minus(claimedTotal)),
      percentComplete: percentComplete(claimedTotal, scheduledTotal),
    },
  };
}

export interface LineEffect {
  id: string;
  lineNumber: number;
  description: string;
  percentBefore: string;
  percentAfter: string;
}

export interface BackfillEffect {
  lines: LineEffect[];
  /** The contract's claimed to date and percent complete, before and after the backfill. */
  contract: { claimedBefore: Money; claimedAfter: Money; percentBefore: string; percentAfter: string };
}

/**
 * What a backfill did, for the done step: percent complete before → after on each line it touched,
 * and the contract's claimed to date before → after. `sovAfter` is the SOV with the backfill in it; the
 * figures before are it less the backfill's amounts.
 */
export function backfillEffect(sovAfter: AppliedSov, lines: ReadonlyArray<{ sovLineId: string; amount: Money }>): BackfillEffect {
  const amountOf = new Map(lines.map((line) => [line.sovLineId, line.amount]));
  const touched = sovAfter.lines.filter((line) => amountOf.has(line.id));
  const added = sumMoney(lines.map((line) => line.amount));
  const claimedBefore = new Decimal(sovAfter.totals.claimedToDate).minus(added);
  return {
    lines: touched.map((line) => ({
      id: line.id,
      lineNumber: line.lineNumber,
      description: line.description,
      percentBefore: percentComplete(new Decimal(line.claimedToDate).minus(amountOf.get(line.id)!), line.scheduledValue),
      percentAfter: line.percentComplete,
    })),
    contract: {
      claimedBefore: toMoney(claimedBefore),
      claimedAfter: sovAfter.totals.claimedToDate,
      percentBefore: percentComplete(claimedBefore, sovAfter.totals.scheduledValue),
      percentAfter: sovAfter.totals.percentComplete,
    },
  };
}
