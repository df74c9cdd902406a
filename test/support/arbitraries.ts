import fc from 'fast-check';
import { toMoney } from '../../lib/money';
import { Decimal } from '../../lib/decimal';

/** Canonical money strings from -max to max dollars, built from integer cents (never floats). */
export function moneyArb(maxCents = 10_000_000_000_00n, minCents = -maxCents): fc.Arbitrary<string> {
  return fc.bigInt(minCents, maxCents).map((cents) => toMoney(new Decimal(cents.toString()).dividedBy(100)));
}
