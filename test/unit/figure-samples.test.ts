import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figureSamples } from '../../lib/figure-samples';
import { formatMoney } from '../../lib/money';
import { moneyArb } from '../support/arbitraries';
import { makeClaim, makeSov } from '../support/fixtures';

/** A claim and SOV whose figures are `scheduled`, `claimed` and `paid` (one line, one code, each). */
function withFigures(scheduled: string[], claimed: string[], paid: string[], total = paid[0]!) {
  const sov = makeSov();
  const line = sov.lines[0]!;
  const claim = makeClaim();
  return {
    claim: { ...claim, total, lines: paid.map((amount, index) => ({ ...claim.lines[0]!, categoryCode: `0${index}-100`, amount })) },
    sov: { ...sov, lines: scheduled.map((scheduledValue, index) => ({ ...line, id: `L${index}`, scheduledValue, claimedToDate: claimed[index] ?? '0.00' })) },
  };
}

describe('the widest figure each column of the grid shows', () => {
  it('is as wide as any of its figures, as shown: digits, thousands commas and the parentheses of a credit', () => {
    fc.assert(
      fc.property(fc.array(moneyArb(), { minLength: 1, maxLength: 20 }), fc.array(moneyArb(), { minLength: 1, maxLength: 20 }), moneyArb(), (scheduled, paid, total) => {
        const { claim, sov } = withFigures(scheduled, scheduled, paid, total);
        const samples = figureSamples(claim, sov);
        const widest = (values: string[]) => Math.max(...values.map((value) => formatMoney(value).length));
        expect(samples.scheduledValue.length).toBeGreaterThanOrEqual(widest(scheduled));
        expect(samples.claimedToDate.length).toBeGreaterThanOrEqual(widest(scheduled));
        expect(samples.thisClaim.length).toBeGreaterThanOrEqual(widest([total, ...paid]));
        // A line's remaining can be over by as much as it is scheduled, shown as a credit; the totals
        // row's starts at the claim's total.
        expect(samples.remainingBalance.length).toBeGreaterThanOrEqual(widest([...scheduled.map((value) => (value.startsWith('-') ? value : `-${value}`)), total]));
      }),
    );
  });

  it('is no wider than the widest figure: a claim of thousands keeps narrow columns', () => {
    const { claim, sov } = withFigures(['72930.31', '1500.00', '999.99'], ['100.00', '0.00', '5.00'], ['34690.26', '17505.92'], '228934.22');
    expect(figureSamples(claim, sov)).toEqual({
      scheduledValue: '$88,888.88',
      claimedToDate: '$888.88',
      remainingBalance: '($88,888.88)',
      thisClaim: '$888,888.88',
      percentAfter: '-999.99%',
    });
  });

  it('counts a credit’s parentheses: ($1,500.00) is wider than $72,930.31', () => {
    const { claim, sov } = withFigures(['72930.31', '-1500.00'], ['0.00'], ['-1500.00', '72930.31'], '71430.31');
    expect(figureSamples(claim, sov)).toMatchObject({ scheduledValue: '($8,888.88)', thisClaim: '($8,888.88)' });
  });
});
