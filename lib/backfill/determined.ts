import { emptyPatch, type AllocationPatch } from './helpers';
import type { BackfillValidator } from './validate';

/**
 * The one allocation a claim can have when each of its codes is on exactly one SOV line (a G703 sheet
 * with one line per code): every code's Yardi amount on its line. Null when any code has no line or
 * several, as the user must then choose how to spread it.
 */
export function determinedAllocation(validator: BackfillValidator): AllocationPatch | null {
  const patch = emptyPatch();
  for (const categoryCode of new Set(validator.claim.lines.map((line) => line.categoryCode))) {
    const lines = validator.linesOf(categoryCode);
    if (lines.length !== 1) return null;
    const { target } = validator.balanceOf(categoryCode)!;
    patch[lines[0]!.id] = target === '0.00' ? '' : target;
  }
  return patch;
}
