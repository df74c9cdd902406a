import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigCentsOf, centsOf, centsOfAmount, moneyOfCents, percentOfCents } from '../../lib/cents';
import { Decimal, ROUND_HALF_UP } from '../../lib/decimal';
import { MAX_MONEY, toMoney } from '../../lib/money';

const MAX_CENTS = Number(MAX_MONEY.replace('.', ''));

// An amount as an allocation may hold it: sign, 1–12 whole digits (leading zeros too), 0–2 decimals.
const amountText = fc
  .tuple(fc.boolean(), fc.stringMatching(/^\d{1,12}$/), fc.constantFrom('', '.', '.5', '.05', '.50', '.99', '.1'))
  .filter(([, , fraction]) => fraction !== '.')
  .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction}`);

describe('exact integer cents', () => {
  it('reads every amount an allocation may hold as decimal.js does, to the cent', () => {
    fc.assert(
      fc.property(amountText, (text) => {
        const cents = centsOf(text)!;
        expect(Number.isSafeInteger(cents)).toBe(true);
        expect(moneyOfCents(cents)).toBe(toMoney(new Decimal(text)));
      }),
    );
  });

  it('refuses what is not such an amount: three decimals, 13 digits, grouping, signs and spaces', () => {
    for (const text of ['1.005', '1234567890123', '1,000.00', '+5', ' 5', '5 ', '', '.5', '5.', '--5', '1e3', '０']) expect(centsOf(text)).toBeNull();
    // Where a value must be an amount, one that is not is an error, never counted as zero.
    expect(() => centsOfAmount('1,000.00')).toThrow(RangeError);
    expect(centsOfAmount('-12.5')).toBe(-1250);
  });

  it('writes canonical money for numbers and bigints, zero without a sign, and refuses an inexact number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }), (cents) => {
        expect(moneyOfCents(cents)).toBe(toMoney(new Decimal(cents).dividedBy(100)));
        expect(moneyOfCents(BigInt(cents))).toBe(moneyOfCents(cents));
      }),
    );
    expect([moneyOfCents(-0), centsOf('-0.00'), moneyOfCents(-5), moneyOfCents(123456789012345678901n)]).toEqual(['0.00', 0, '-0.05', '1234567890123456789.01']);
    expect(() => moneyOfCents(2 ** 53)).toThrow(RangeError);
  });

  it('reads canonical money as bigint cents, past what a number holds', () => {
    expect([bigCentsOf('0.00'), bigCentsOf('-0.00'), bigCentsOf('-12.05'), bigCentsOf(MAX_MONEY) * 1000n]).toEqual([0n, 0n, -1205n, 99999999999999000n]);
  });

  it('works a percent out as decimal.js does at 40 digits, halves away from zero', () => {
    const cents = fc.bigInt(-(10n ** 16n), 10n ** 16n);
    fc.assert(
      fc.property(cents, cents, (part, whole) => {
        const percent = whole === 0n ? new Decimal(0) : new Decimal(String(part)).times(100).dividedBy(String(whole)).toDecimalPlaces(2, ROUND_HALF_UP);
        expect(percentOfCents(part, whole)).toBe(percent.isZero() ? '0.00' : percent.toFixed(2));
      }),
      { numRuns: 500 },
    );
    // Exact halves, and a zero scheduled value.
    expect([percentOfCents(1n, 200n), percentOfCents(-1n, 200n), percentOfCents(1n, 3n), percentOfCents(5n, 0n)]).toEqual(['0.50', '-0.50', '33.33', '0.00']);
    expect([percentOfCents(1n, 20_000n), percentOfCents(-1n, 20_000n), percentOfCents(1n, 20_001n)]).toEqual(['0.01', '-0.01', '0.00']);
  });

  it('works a percent out in numbers exactly as in bigint, up to where numbers stop being exact', () => {
    const safe = Math.floor(Number.MAX_SAFE_INTEGER / 10_000);
    const part = fc.oneof(fc.integer({ min: -safe, max: safe }), fc.integer({ min: -20_000, max: 20_000 }));
    const whole = fc.oneof(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), fc.integer({ min: -20_000, max: 20_000 }));
    fc.assert(
      fc.property(part, whole, (part, whole) => {
        expect(percentOfCents(part, whole)).toBe(percentOfCents(BigInt(part), BigInt(whole)));
      }),
      { numRuns: 2000 },
    );
    // Quotients a hair under and over a whole number of hundredths, where a rounded division is one off.
    const near = [safe, safe - 1, 2 ** 40 + 1, 10 ** 14, 99_999_999_999_999];
    for (const part of near) {
      for (const whole of [part * 10_000 + 1, part * 10_000 - 1, part, part + 1, part - 1, 3, 7, 2 * part + 1]) {
        if (!Number.isSafeInteger(whole)) continue;
        expect(percentOfCents(part, whole)).toBe(percentOfCents(BigInt(part), BigInt(whole)));
        expect(percentOfCents(-part, whole)).toBe(percentOfCents(-BigInt(part), BigInt(whole)));
      }
    }
    // Past exact numbers, bigint takes over.
    expect(percentOfCents(2 ** 53, 3)).toBe(percentOfCents(2n ** 53n, 3n));
  });
});
