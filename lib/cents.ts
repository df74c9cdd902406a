import type { Money } from './money-parse';

/**
 * Money as exact integer cents, for hot loops that would spend their time in decimal.js: an amount
 * has at most 12 whole digits (`MAX_MONEY`), so one is at most 10^14 cents, which a double holds
 * exactly, and the sum of two stays exact too. Longer sums go through `bigint`, or are checked.
 */

// An amount as allocations carry it: a sign, at most 12 whole digits, at most two decimals.
const AMOUNT = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/;

/** The amount in whole cents, exactly, or null when `value` is not such an amount. */
export function centsOf(value: string): number | null {
  const match = AMOUNT.exec(value);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const amount = Number(whole) * 100 + (fraction.length === 2 ? Number(fraction) : Number(fraction) * 10);
  return sign && amount !== 0 ? -amount : amount;
}

/** `centsOf` of a value that must be an amount (a stored or canonical one): a RangeError if it is not. */
export function centsOfAmount(value: string): number {
  const cents = centsOf(value);
  if (cents === null) throw new RangeError(`Not an amount: ${value}`);
  return cents;
}

/** The canonical money string of a whole number of cents; throws past what is counted exactly. */
export function moneyOfCents(amount: number | bigint): Money {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) throw new RangeError('An amount adds up to more than can be counted exactly.');
  const negative = amount < 0;
  const digits = String(negative ? -amount : amount).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A canonical money string as bigint cents: any sum of them stays exact. */
export function bigCentsOf(value: Money): bigint {
  return BigInt(value.replace('.', ''));
}

/**
 * `part` as a percent of `whole` (both in cents), to two decimals, halves away from zero, worked out
 * exactly (no division rounded first). '0.00' for a zero whole. Numbers are worked in numbers while
 * every step stays an exact integer (a grid row is built this way 5,000 times in a paste), else in bigint.
 */
export function percentOfCents(part: number | bigint, whole: number | bigint): string {
  if (typeof part === 'number' && typeof whole === 'number' && Number.isSafeInteger(part) && Number.isSafeInteger(part * 10_000) && Number.isSafeInteger(whole)) {
    return percentOfSafeCents(part, whole);
  }
  const [big, bigWhole] = [BigInt(part), BigInt(whole)];
  if (bigWhole === 0n) return '0.00';
  const scaled = big * 10_000n;
  let hundredths = scaled / bigWhole;
  const rest = scaled % bigWhole;
  if (2n * (rest < 0n ? -rest : rest) >= (bigWhole < 0n ? -bigWhole : bigWhole)) hundredths += scaled < 0n !== bigWhole < 0n ? -1n : 1n;
  return moneyOfCents(hundredths);
}

/** `percentOfCents` where `part × 10,000` and `whole` are safe integers: every step below is exact. */
function percentOfSafeCents(part: number, whole: number): string {
  if (whole === 0) return '0.00';
  const scaled = part * 10_000;
  // Truncated, the quotient is the exact one: rounding it could only reach the next whole number for
  // |scaled| ≥ 2^53. The remainder is exact too, as |hundredths × whole| ≤ |scaled|.
  let hundredths = Math.trunc(scaled / whole);
  const rest = scaled - hundredths * whole;
  if (2 * Math.abs(rest) >= Math.abs(whole)) hundredths += Math.sign(scaled) * Math.sign(whole);
  return moneyOfCents(hundredths);
}
