import { bigCentsOf, moneyOfCents } from './cents';
import { formatMoney } from './money';
import type { CodeBalance } from './backfill';

/**
 * Where the whole allocation stands, in one line for the panel's footer: `Balanced`, or how many codes
 * are still off and, apart, what is still to allocate on codes short of their Yardi amount and what is
 * allocated past it on the others: `3 codes to go, $12,406.10 unallocated, $500.00 over-allocated` (one
 * sum would let a code over hide a code short). Each figure is in the direction of the codes' Yardi
 * amounts, so a credit's reads in parentheses as the reference shows it. Balanced with `problems` left
 * to fix (a line past its scheduled value, text refused in a cell), it says so: the Submit beside it
 * stays shut. Worked out on every keystroke over every code, so in whole cents: a balance's figures are
 * canonical money strings, zero only as `0.00`.
 */
export function allocationStatus(codes: readonly CodeBalance[], problems = 0): string {
  const short = { codes: 0, cents: 0n };
  const past = { codes: 0, cents: 0n };
  for (const { target, remaining } of codes) {
    if (remaining === '0.00') continue;
    const cents = bigCentsOf(remaining);
    // Past the Yardi amount: the remaining points away from it (anything on a code paid nothing is past).
    if (target === '0.00' || cents < 0n !== target.startsWith('-')) {
      past.codes++;
      past.cents -= cents;
    } else {
      short.codes++;
      short.cents += cents;
    }
  }
  const open = short.codes + past.codes;
  if (open === 0) return problems === 0 ? 'Balanced' : `Balanced, ${problems} ${problems === 1 ? 'problem' : 'problems'} to fix`;
  const figures: string[] = [];
  if (short.codes > 0) figures.push(`${formatMoney(moneyOfCents(short.cents))} unallocated`);
  if (past.codes > 0) figures.push(`${formatMoney(moneyOfCents(past.cents))} over-allocated`);
  return `${open} ${open === 1 ? 'code' : 'codes'} to go, ${figures.join(', ')}`;
}
