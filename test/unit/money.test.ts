import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MONEY, formatMoney, isMoney, parseMoney, sumMoney, toMoney } from '../../lib/money';
import { Decimal } from '../../lib/decimal';
import { moneyArb } from '../support/arbitraries';

describe('parseMoney', () => {
  it.each([
    ['1234.5', '1234.50'],
    ['1234', '1234.00'],
    ['1,234.56', '1234.56'],
    ['$1,234.56', '1234.56'],
    ['-$1,234.56', '-1234.56'],
    ['$-1,234.56', '-1234.56'],
    ['(1,234.56)', '-1234.56'],
    ['($1,234.56)', '-1234.56'],
    ['\u22121,234.56', '-1234.56'],
    ['  12.00 ', '12.00'],
    ['\u00a0$ 1,000,000.01\u00a0', '1000000.01'],
    ['$ (12.00)', null],
    ['( $12.00 )', '-12.00'],
    ['0', '0.00'],
    ['-0', '0.00'],
    ['.5', '0.50'],
    ['7.', '7.00'],
    ['007.10', '7.10'],
    ['1.230', '1.23'],
  ])('reads %j as %j', (text, expected) => {
    const result = parseMoney(text);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it.each(['abc', '12a', '1e5', '1E5', '1,23', '12,34.00', '1.234,56', '--1', '-(1.00)', '(-1.00)', '-$-1', '+1', '$', '-', '.', '1.2.3', '1 234', 'Infinity', 'NaN', '0x10', '$1,234.56 USD'])(
    'refuses %j as INVALID',
    (text) => {
      expect(parseMoney(text)).toEqual({ ok: false, error: 'INVALID' });
    },
  );

  it.each(['1.234', '0.001', '-1.005', '$1,234.567'])('refuses %j as PRECISION, never rounding', (text) => {
    expect(parseMoney(text)).toEqual({ ok: false, error: 'PRECISION' });
  });

  it.each([
    ['1' + '0'.repeat(44) + '.00', 'a 45-digit amount'],
    ['1,000,000,000,000.00', 'a trillion'],
    ['($1,000,000,000,000)', 'a trillion credit'],
    ['-1000000000000', 'a trillion below zero'],
  ])('refuses %j (%s) as TOO_LARGE: past MAX_MONEY a total could no longer be exact', (text) => {
    expect(parseMoney(text)).toEqual({ ok: false, error: 'TOO_LARGE' });
  });

  it.each([MAX_MONEY, '-999,999,999,999.99', '000999999999999.99'])('takes %j, within MAX_MONEY', (text) => {
    expect(parseMoney(text).ok).toBe(true);
  });

  it.each(['', '   ', '\u00a0\t'])('says %j is EMPTY', (text) => {
    expect(parseMoney(text)).toEqual({ ok: false, error: 'EMPTY' });
  });

  it('round-trips every amount through formatMoney', () => {
    fc.assert(
      fc.property(moneyArb(), (value) => {
        expect(parseMoney(formatMoney(value))).toEqual({ ok: true, value });
      }),
    );
  });

  it('reads every canonical string as itself', () => {
    fc.assert(
      fc.property(moneyArb(), (value) => {
        expect(parseMoney(value)).toEqual({ ok: true, value });
      }),
    );
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseMoney(text);
        if (result.ok) expect(isMoney(result.value)).toBe(true);
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    ['1234.56', '$1,234.56'],
    ['-1234.56', '($1,234.56)'],
    ['0.00', '$0.00'],
    ['1000000.00', '$1,000,000.00'],
    ['-0.05', '($0.05)'],
    ['999.99', '$999.99'],
  ])('shows %s as %s', (value, shown) => {
    expect(formatMoney(value)).toBe(shown);
  });

  it.each([
    ['-0.00', '$0.00'],
    ['12.345', '$12.35'],
    ['-12.345', '($12.35)'],
    ['012.00', '$12.00'],
    ['1e3', '$1,000.00'],
    ['123456789012345678.90', '$123,456,789,012,345,678.90'],
  ])('shows %s, which is not canonical money, as %s', (value, shown) => {
    expect(formatMoney(value)).toBe(shown);
    expect(formatMoney(new Decimal(value))).toBe(shown);
  });

  it('shows a canonical string as its amount worked out in decimal.js', () => {
    const fromDecimal = (value: string) => {
      const decimal = new Decimal(value);
      const digits = decimal.abs().toFixed(2).split('.');
      const grouped = digits[0]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      return decimal.isNegative() && !decimal.isZero() ? `($${grouped}.${digits[1]})` : `$${grouped}.${digits[1]}`;
    };
    fc.assert(
      fc.property(fc.oneof(moneyArb(), moneyArb(10n ** 30n)), (value) => {
        expect(formatMoney(value)).toBe(fromDecimal(value));
        expect(formatMoney(new Decimal(value))).toBe(fromDecimal(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonical money', () => {
  it('accepts only two-decimal strings without a negative zero', () => {
    expect(isMoney('12.00')).toBe(true);
    expect(isMoney('-12.00')).toBe(true);
    expect(isMoney('12.0')).toBe(false);
    expect(isMoney('012.00')).toBe(false);
    expect(isMoney('-0.00')).toBe(false);
    expect(isMoney('1,200.00')).toBe(false);
    expect(isMoney(MAX_MONEY)).toBe(true);
    expect(isMoney('1000000000000.00')).toBe(false);
  });

  it('refuses to turn a fraction of a cent into money silently', () => {
    expect(() => toMoney(new Decimal('0.005'))).toThrow(RangeError);
  });

  it('sums exactly where binary floats drift', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(Array.from({ length: 1000 }, () => '0.01'))).toBe('10.00');
  });
});
