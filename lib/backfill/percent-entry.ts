import { Decimal, ROUND_HALF_UP } from '../decimal';
import { toMoney, type Money } from '../money';
import type { SovLine } from '../schemas';

// A percent as typed: digits with up to four decimals, then `%` (spaces allowed around it).
const PERCENT = /^\s*(-?\d{1,3}(?:\.\d{1,4})?)\s*%\s*$/;

/** True when the text is a percent complete to enter (`45%`), not an amount. */
export function isPercentEntry(text: string): boolean {
  return PERCENT.test(text);
}

export type PercentEntry = { ok: true; amount: Money } | { ok: false; message: string };

/**
 * The amount that brings a line to a new percent complete to date, as pay applications bill: the
 * scheduled value times the percent, to the cent (half-up), less what is claimed to date. `45%` on a
 * $10,000.00 line claimed to $2,500.00 is $2,000.00. A percent below what is claimed gives a credit; past
 * 100 % or below 0 % is refused. The code's balance still has to be met exactly: the grid shows what
 * remains, and Remaining to this line settles it.
 */
export function amountForPercentComplete(line: Pick<SovLine, 'scheduledValue' | 'claimedToDate'>, text: string): PercentEntry {
  const match = PERCENT.exec(text);
  if (!match) return { ok: false, message: `"${text.trim()}" is not a percent complete, such as 45%.` };
  const percent = new Decimal(match[1]!);
  if (percent.isNegative() || percent.greaterThan(100)) return { ok: false, message: 'A percent complete is between 0% and 100%.' };
  const toDate = new Decimal(line.scheduledValue).times(percent).dividedBy(100).toDecimalPlaces(2, ROUND_HALF_UP);
  return { ok: true, amount: toMoney(toDate.minus(line.claimedToDate)) };
}
