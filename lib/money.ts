import { Decimal, ROUND_HALF_UP } from './decimal';
import { MAX_MONEY, type Money, type ParseMoneyError } from './money-parse';

export { MAX_MONEY, MONEY_PATTERN, isMoney, parseMoney, type Money, type ParseMoneyError, type ParseMoneyResult } from './money-parse';

// A money string already in canonical form (any length): shown without decimal.js, which took most of
// the time when a paste changed every code and 300 codes' figures were shown again.
const CANONICAL = /^(-?)(0|[1-9]\d*)\.(\d{2})$/;

/** Why typed or pasted text was not taken as an amount, in the one wording every view uses. */
export const MONEY_REFUSAL: Record<Exclude<ParseMoneyError, 'EMPTY'>, string> = {
  INVALID: 'is not an amount',
  PRECISION: 'has more than two decimals, and amounts are never rounded for you',
  TOO_LARGE: `is larger than the largest amount Backfill takes, ${formatMoney(MAX_MONEY)}`,
};
/**
 * The canonical string of a Decimal that is already a whole number of cents. Throws when it is not:
 * rounding must be asked for at the edge that needs it (see `percentComplete`), never by accident.
 */
export function toMoney(value: Decimal): Money {
  if (!value.times(100).isInteger()) throw new RangeError(`Not a whole number of cents: ${value.toString()}`);
  return value.isZero() ? '0.00' : value.toFixed(2);
}

/** Exact sum of money strings. */
export function sumMoney(values: Iterable<Money>): Money {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(value);
  return toMoney(total);
}

/**
 * `$1,234.56`, and a credit in parentheses, `($1,234.56)`, as accountants and the host's pages write
 * it: for display only (`parseMoney` reads it back, but data never travels as display text).
 */
export function formatMoney(value: Money | Decimal): string {
  const canonical = typeof value === 'string' ? CANONICAL.exec(value) : null;
  if (canonical) {
    const [, sign, whole = '0', cents = '00'] = canonical;
    return shown(sign === '-' && (whole !== '0' || cents !== '00'), whole, cents);
  }
  const decimal = typeof value === 'string' ? new Decimal(value) : value;
  const fixed = decimal.abs().toFixed(2, ROUND_HALF_UP);
  const [whole = '0', cents = '00'] = fixed.split('.');
  return shown(decimal.isNegative() && fixed !== '0.00', whole, cents);
}

function shown(credit: boolean, whole: string, cents: string): string {
  let grouped = whole.slice(0, whole.length % 3 || 3);
  for (let start = grouped.length; start < whole.length; start += 3) grouped += `,${whole.slice(start, start + 3)}`;
  return credit ? `($${grouped}.${cents})` : `$${grouped}.${cents}`;
}
