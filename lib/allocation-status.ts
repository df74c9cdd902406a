import { bigCentsOf, moneyOfCents } from './cents';
import { formatMoney } from './money';
import type { CodeBalance } from './backfill';

/**
 * Where the whole allocation stands, in one line for the panel's footer: `Balanced`, or how many codes
 * are still off and what remains unallocated in all (in parentheses when more is allocated than Yardi
 * paid): `3 codes to go, $12,406.10 unallocated`. Balanced with `problems` left to fix (a line past its
 * scheduled value, text refused in a cell), it says so: the Submit beside it stays shut. Worked out on
 * every keystroke over every code, so in whole cents: a balance's figures are canonical money strings,
 * zero only as `0.00`.
 */
export function allocationStatus(codes: readonly CodeBalance[], problems = 0): string {
  let open = 0;
  let unallocated = 0n;
  for (const { remaining } of codes) {
    if (remaining === '0.00') continue;
    open++;
    unallocated += bigCentsOf(remaining);
  }
  if (open === 0) return problems === 0 ? 'Balanced' : `Balanced, ${problems} ${problems === 1 ? 'problem' : 'problems'} to fix`;
  return `${open} ${open === 1 ? 'code' : 'codes'} to go, ${formatMoney(moneyOfCents(unallocated))} unallocated`;
}
