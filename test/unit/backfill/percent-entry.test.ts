import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountForPercentComplete, isPercentEntry } from '../../../lib/backfill';
import { Decimal } from '../../../lib/decimal';

const LINE = { scheduledValue: '10000.00', claimedToDate: '2500.00' };

describe('entry by percent complete', () => {
  it('bills the line up to the percent typed: scheduled × percent, less claimed to date', () => {
    expect(amountForPercentComplete(LINE, '45%')).toEqual({ ok: true, amount: '2000.00' });
    expect(amountForPercentComplete(LINE, ' 100 % ')).toEqual({ ok: true, amount: '7500.00' });
    expect(amountForPercentComplete(LINE, '25%')).toEqual({ ok: true, amount: '0.00' });
    // Below what is claimed: a credit.
    expect(amountForPercentComplete(LINE, '20%')).toEqual({ ok: true, amount: '-500.00' });
  });

  it('rounds the amount to date half-up to the cent, never the percent', () => {
    expect(amountForPercentComplete({ scheduledValue: '333.33', claimedToDate: '0.00' }, '33.3333%')).toEqual({ ok: true, amount: '111.11' });
    expect(amountForPercentComplete({ scheduledValue: '0.10', claimedToDate: '0.00' }, '5%')).toEqual({ ok: true, amount: '0.01' });
  });

  it('refuses what is not a percent complete, saying how to write one', () => {
    expect(amountForPercentComplete(LINE, '101%')).toEqual({ ok: false, message: 'A percent complete is between 0% and 100%.' });
    expect(amountForPercentComplete(LINE, '-5%')).toEqual({ ok: false, message: 'A percent complete is between 0% and 100%.' });
    expect(amountForPercentComplete(LINE, '45')).toEqual({ ok: false, message: '"45" is not a percent complete, such as 45%.' });
    expect(isPercentEntry('1,000.00')).toBe(false);
    expect(isPercentEntry('12.5%')).toBe(true);
  });

  it('brings the line to exactly the percent typed, to the cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), fc.integer({ min: 0, max: 100_0000 }), (scheduledCents, tenThousandths) => {
        const scheduled = new Decimal(scheduledCents).dividedBy(100);
        const line = { scheduledValue: scheduled.toFixed(2), claimedToDate: scheduled.dividedBy(3).toFixed(2) };
        const percent = new Decimal(tenThousandths).dividedBy(10_000);
        const entry = amountForPercentComplete(line, `${percent.toFixed()}%`);
        if (!entry.ok) throw new Error(entry.message);
        const toDate = new Decimal(line.claimedToDate).plus(entry.amount);
        expect(toDate.minus(scheduled.times(percent).dividedBy(100)).abs().lessThanOrEqualTo('0.005')).toBe(true);
      }),
    );
  });
});
