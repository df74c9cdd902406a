import { bigCentsOf, moneyOfCents } from './cents';
import { isMoney, type Money } from './money-parse';
import type { Draft } from './schemas';

/** The sum of a draft's amounts, in cents (text that is not an amount counts as nothing). */
export function allocatedCentsOf(draft: Pick<Draft, 'allocations'>): bigint {
  let sum = 0n;
  for (const value of Object.values(draft.allocations)) if (isMoney(value)) sum += bigCentsOf(value);
  return sum;
}

/** The sum of a draft's amounts (text that is not an amount counts as nothing). */
export function allocatedOf(draft: Pick<Draft, 'allocations'>): Money {
  return moneyOfCents(allocatedCentsOf(draft));
}

/** Something is typed on at least one line (an emptied line holds ''). */
export function hasAmounts(allocations: Draft['allocations']): boolean {
  return Object.values(allocations).some((amount) => amount.trim() !== '');
}
