import DecimalJs from 'decimal.js';

/**
 * The one Decimal constructor the core uses: a private clone, so nothing else in the bundle can change
 * its settings. 40 significant digits is far beyond any contract value; rounding is always named at the
 * call site, the default (half-up) only applies to divisions that are rounded explicitly afterwards.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ROUND_DOWN = DecimalJs.ROUND_DOWN;
export const ROUND_HALF_UP = DecimalJs.ROUND_HALF_UP;
