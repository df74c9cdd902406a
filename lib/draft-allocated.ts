import { Decimal } from './decimal';
import { isMoney } from './money';
import type { Draft } from './schemas';

/** The sum of a draft's amounts (text that is not an amount counts as nothing). */
export function allocatedOf(draft: Pick<Draft, 'allocations'>): Decimal {
  return Object.values(draft.allocations)
    .filter((value) => isMoney(value))
    .reduce((sum, value) => sum.plus(value), new Decimal(0));
}

/** Something is typed on at least one line (an emptied line holds ''). */
export function hasAmounts(allocations: Draft['allocations']): boolean {
  return Object.values(allocations).some((amount) => amount.trim() !== '');
}
