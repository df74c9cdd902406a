import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationStatus } from '../../lib/allocation-status';
import { Decimal } from '../../lib/decimal';
import { formatMoney } from '../../lib/money';
import { moneyArb } from '../support/arbitraries';

const code = (categoryCode: string, target: string, remaining: string) => ({ categoryCode, target, allocated: '0.00', remaining });

describe('allocationStatus', () => {
  it('says Balanced when every code is met to the cent', () => {
    expect(allocationStatus([code('03-300', '100.00', '0.00'), code('09-900', '-5.00', '0.00')])).toBe('Balanced');
  });

  it('says what is left to fix when every code is balanced but other problems stop the submit', () => {
    const balanced = [code('03-300', '100.00', '0.00')];
    expect(allocationStatus(balanced, 1)).toBe('Balanced, 1 problem to fix');
    expect(allocationStatus(balanced, 3)).toBe('Balanced, 3 problems to fix');
    // Codes still off come first: the problems are listed below the grid with the rest.
    expect(allocationStatus([code('03-300', '100.00', '5.00')], 2)).toBe('1 code to go, $5.00 unallocated');
  });

  it('counts the codes still off and adds what remains on them, exactly', () => {
    expect(allocationStatus([code('03-300', '100.00', '12000.05'), code('09-900', '5.00', '406.05'), code('26-000', '1.00', '0.00')])).toBe(
      '2 codes to go, $12,406.10 unallocated',
    );
  });

  it('says apart what is over-allocated, so a code over never hides a code short', () => {
    expect(allocationStatus([code('03-300', '100.00', '-0.01')])).toBe('1 code to go, $0.01 over-allocated');
    expect(allocationStatus([code('03-300', '100.00', '500.00'), code('09-900', '200.00', '-500.00')])).toBe('2 codes to go, $500.00 unallocated, $500.00 over-allocated');
    // Anything on a code Yardi paid nothing on is over.
    expect(allocationStatus([code('03-300', '0.00', '-3.00')])).toBe('1 code to go, $3.00 over-allocated');
  });

  it('reads a credit in parentheses, in the direction of its Yardi amount, as the reference does', () => {
    expect(allocationStatus([code('03-300', '-250.00', '-250.00')])).toBe('1 code to go, ($250.00) unallocated');
    expect(allocationStatus([code('03-300', '-250.00', '50.00')])).toBe('1 code to go, ($50.00) over-allocated');
  });

  it('agrees with decimal.js on any targets and remainings, up to the largest amounts', () => {
    const codeArb = fc.record({ target: fc.oneof(moneyArb(), fc.constant('0.00')), remaining: fc.oneof(moneyArb(), fc.constant('0.00')) });
    fc.assert(
      fc.property(fc.array(codeArb, { maxLength: 40 }), (balances) => {
        const open = balances.filter(({ remaining }) => !new Decimal(remaining).isZero());
        const isPast = ({ target, remaining }: { target: string; remaining: string }) => new Decimal(target).isZero() || new Decimal(remaining).isNegative() !== new Decimal(target).isNegative();
        const short = open.filter((balance) => !isPast(balance));
        const past = open.filter(isPast);
        const figures = [
          ...(short.length > 0 ? [`${formatMoney(short.reduce((sum, { remaining }) => sum.plus(remaining), new Decimal(0)))} unallocated`] : []),
          ...(past.length > 0 ? [`${formatMoney(past.reduce((sum, { remaining }) => sum.minus(remaining), new Decimal(0)))} over-allocated`] : []),
        ];
        const expected = open.length === 0 ? 'Balanced' : `${open.length} ${open.length === 1 ? 'code' : 'codes'} to go, ${figures.join(', ')}`;
        expect(allocationStatus(balances.map(({ target, remaining }, index) => code(`C-${index}`, target, remaining)))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
