import { describe, expect, it } from 'vitest';
import { allocationStatus } from '../../lib/allocation-status';

const code = (categoryCode: string, target: string, remaining: string) => ({ categoryCode, target, allocated: '0.00', remaining });

describe('allocationStatus', () => {
  it('says Balanced when every code is met to the cent', () => {
    expect(allocationStatus([code('03-300', '100.00', '0.00'), code('09-900', '-5.00', '0.00')])).toBe('Balanced');
  });

  it('counts the codes still off and adds what remains on them, exactly', () => {
    expect(allocationStatus([code('03-300', '100.00', '12000.05'), code('09-900', '5.00', '406.05'), code('26-000', '1.00', '0.00')])).toBe(
      '2 codes to go, $12,406.10 unallocated',
    );
    expect(allocationStatus([code('03-300', '100.00', '-0.01')])).toBe('1 code to go, ($0.01) unallocated');
  });
});
