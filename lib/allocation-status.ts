import { Decimal } from './decimal';
import { formatMoney, sumMoney } from './money';
import type { CodeBalance } from './backfill';

/**
 * Where the whole allocation stands, in one line for the panel's footer: `Balanced`, or how many codes
 * are still off and what remains unallocated in all (in parentheses when more is allocated than Yardi
 * paid): `3 codes to go, $12,406.10 unallocated`.
 */
export function allocationStatus(codes: readonly CodeBalance[]): string {
  const open = codes.filter((code) => !new Decimal(code.remaining).isZero());
  if (open.length === 0) return 'Balanced';
  return `${open.length} ${open.length === 1 ? 'code' : 'codes'} to go, ${formatMoney(sumMoney(open.map((code) => code.remaining)))} unallocated`;
}
