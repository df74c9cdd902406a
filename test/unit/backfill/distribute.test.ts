import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeProRata } from '../../../lib/backfill';
import { Decimal } from '../../../lib/decimal';
import { moneyArb } from '../../support/arbitraries';

const weightArb = fc.oneof(
  fc.constant('0'),
  fc.bigInt(0n, 10_000_000_00n).map((cents) => new Decimal(cents.toString()).dividedBy(100).toFixed()),
);

function shares(amount: string, weights: string[]): string[] {
  const result = distributeProRata(amount, weights);
  if (!result.ok) throw new Error(result.error);
  return result.shares;
}

describe('distributeProRata', () => {
  it.each([
    ['100.00', ['1', '1', '1'], ['33.34', '33.33', '33.33']],
    ['0.01', ['1', '1'], ['0.01', '0.00']],
    ['0.02', ['1', '1', '1'], ['0.01', '0.01', '0.00']],
    ['10.00', ['0', '3', '1'], ['0.00', '7.50', '2.50']],
    ['-100.00', ['1', '1', '1'], ['-33.34', '-33.33', '-33.33']],
    ['1.00', ['1', '2'], ['0.33', '0.67']],
    ['0.00', ['5', '7'], ['0.00', '0.00']],
  ])('splits %s over %j as %j', (amount, weights, expected) => {
    expect(shares(amount, weights)).toEqual(expected);
  });

  it('refuses all-zero weights instead of dividing by zero', () => {
    expect(distributeProRata('10.00', ['0', '0'])).toEqual({ ok: false, error: 'NO_WEIGHT' });
    expect(distributeProRata('10.00', [])).toEqual({ ok: false, error: 'NO_WEIGHT' });
  });

  it('refuses negative or unreadable weights', () => {
    expect(distributeProRata('10.00', ['1', '-1'])).toEqual({ ok: false, error: 'INVALID_WEIGHT' });
    expect(distributeProRata('10.00', ['1', 'x'])).toEqual({ ok: false, error: 'INVALID_WEIGHT' });
  });

  it('always sums exactly, keeps each share within a cent of its exact part, and gives zero weights zero', () => {
    fc.assert(
      fc.property(moneyArb(), fc.array(weightArb, { minLength: 1, maxLength: 40 }), (amount, weights) => {
        fc.pre(weights.some((weight) => !new Decimal(weight).isZero()));
        const result = shares(amount, weights);
        expect(result).toHaveLength(weights.length);
        const total = result.reduce((sum, share) => sum.plus(share), new Decimal(0));
        expect(total.equals(amount)).toBe(true);
        const weightTotal = weights.reduce((sum, weight) => sum.plus(weight), new Decimal(0));
        result.forEach((share, index) => {
          const exact = new Decimal(amount).times(weights[index]!).dividedBy(weightTotal);
          expect(exact.minus(share).abs().lessThan('0.01')).toBe(true);
          if (new Decimal(weights[index]!).isZero()) expect(share).toBe('0.00');
        });
      }),
      { numRuns: 500 },
    );
  });
});
