import { formatMoney, type Money } from './money';
import { WIDEST_PERCENT_TEXT } from './percent-text';
import type { Sov, YardiClaim } from './schemas';

/** The widest text each figure column of the allocation grid shows for a claim: what it is sized by. */
export interface FigureSamples {
  scheduledValue: string;
  claimedToDate: string;
  remainingBalance: string;
  thisClaim: string;
  percentAfter: string;
}

/**
 * The figure columns' widest texts, from the SOV and the claim, so that each column can be made wide
 * enough to show every figure in full (a contract of millions as well as one of thousands):
 * - scheduled value and claimed to date: the widest on the SOV;
 * - the remaining balance: the widest scheduled value, as a credit (a line allocated past its balance
 *   shows what it is over by in parentheses, and stays readable), or the claim's total (the totals row);
 * - this claim: the widest of the claim's total (the totals row) and its codes' amounts;
 * - % after: the widest percent it shows (`percentText`).
 * Only digit counts are compared: no arithmetic on the amounts.
 */
export function figureSamples(claim: Pick<YardiClaim, 'total' | 'lines'>, sov: Sov): FigureSamples {
  const scheduled = sov.lines.map((line) => line.scheduledValue);
  return {
    scheduledValue: widest(scheduled),
    claimedToDate: widest(sov.lines.map((line) => line.claimedToDate)),
    remainingBalance: widest([...scheduled.map((value) => (value.startsWith('-') ? value : `-${value}`)), claim.total]),
    thisClaim: widest([claim.total, ...claim.lines.map((line) => line.amount)]),
    percentAfter: WIDEST_PERCENT_TEXT,
  };
}

/** `values`' widest as shown (`formatMoney`), eights for its digits. */
function widest(values: readonly Money[]): string {
  let widestLength = 0;
  let widestDigits = 1;
  let widestCredit = false;
  for (const value of values) {
    const credit = value.startsWith('-');
    const digits = value.replace(/^-/, '').split('.')[0]!.replace(/^0+(?=\d)/, '').length;
    // Characters shown beside the cents: digits, thousands commas, parentheses.
    const length = digits + Math.floor((digits - 1) / 3) + (credit ? 2 : 0);
    if (length > widestLength) [widestLength, widestDigits, widestCredit] = [length, digits, credit];
  }
  return formatMoney(`${widestCredit ? '-' : ''}${'8'.repeat(widestDigits)}.88`);
}
