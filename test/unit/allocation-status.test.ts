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
    expect(allocationStatus([code('03-300', '100.00', '-0.01')])).toBe('1 code to go, ($0.01) unallocated');
  });

  it('agrees with decimal.js on any remainings, up to the largest amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(moneyArb(), fc.constant('0.00')), { maxLength: 40 }), (remainings) => {
        const open = remainings.filter((remaining) => !new Decimal(remaining).isZero());
        const sum = open.reduce((total, remaining) => total.plus(remaining), new Decimal(0));
        const expected = open.length === 0 ? 'Balanced' : `${open.length} ${open.length === 1 ? 'code' : 'codes'} to go, ${formatMoney(sum)} unallocated`;
        expect(allocationStatus(remainings.map((remaining, index) => code(`C-${index}`, '1.00', remaining)))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
