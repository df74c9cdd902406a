import { Decimal, ROUND_DOWN } from '../decimal';
import { toMoney, type Money } from '../money';

export type DistributeResult = { ok: true; shares: Money[] } | { ok: false; error: 'NO_WEIGHT' | 'INVALID_WEIGHT' };

/**
 * Splits `amount` over `weights` (non-negative decimal strings) by the largest-remainder method: each
 * share is its exact pro-rata part truncated to the cent, then the cents left over go one each to the
 * largest truncated remainders, ties to the earlier position. The shares sum to `amount` exactly and
 * each is within one cent of its exact part; a zero weight gets zero. All-zero weights is an error.
 * Negative amounts split the same way with every share negative.
 */
export function distributeProRata(amount: Money, weights: readonly string[]): DistributeResult {
  const parsed: Decimal[] = [];
  for (const weight of weights) {
    let value: Decimal;
    try {
      value = new Decimal(weight);
    } catch {
      return { ok: false, error: 'INVALID_WEIGHT' };
    }
    if (value.isNegative() || !value.isFinite()) return { ok: false, error: 'INVALID_WEIGHT' };
    parsed.push(value);
  }
  const totalWeight = parsed.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
  if (totalWeight.isZero()) return { ok: false, error: 'NO_WEIGHT' };

  const total = new Decimal(amount);
  const cents = total.abs().times(100);
  const exact = parsed.map((weight) => cents.times(weight).dividedBy(totalWeight));
  const floors = exact.map((share) => share.toDecimalPlaces(0, ROUND_DOWN));
  let leftover = cents.minus(floors.reduce((sum, share) => sum.plus(share), new Decimal(0)));

  // Stable sort by remainder, largest first: equal remainders keep their order (ties to the earlier).
  const order = exact
    .map((share, index) => ({ index, remainder: share.minus(floors[index]!) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder));
  for (const { index } of order) {
    if (leftover.lessThanOrEqualTo(0)) break;
    floors[index] = floors[index]!.plus(1);
    leftover = leftover.minus(1);
  }
  const sign = total.isNegative() ? -1 : 1;
  return { ok: true, shares: floors.map((share) => toMoney(share.times(sign).dividedBy(100))) };
}
