import { describe, expect, it } from 'vitest';
import { applyBackfill, backfillEffect, percentComplete } from '../../../lib/backfill';
import { BALANCED, makeSov } from '../../support/fixtures';

describe('applyBackfill', () => {
  it('moves claimed to date and percent complete up by the allocation, leaving other lines', () => {
    const applied = applyBackfill(makeSov(), BALANCED);
    expect(applied.lines.map((line) => [line.id, line.claimedToDate, line.percentComplete, line.balanceToFinish])).toEqual([
      ['L1', '1100.00', '55.00', '900.00'],
      ['L2', '400.00', '40.00', '600.00'],
      ['L3', '500.00', '83.33', '100.00'],
      ['L4', '0.00', '0.00', '300.00'],
      ['L5', '0.00', '0.00', '800.00'],
    ]);
    expect(applied.totals).toEqual({ scheduledValue: '4700.00', claimedToDate: '2000.00', balanceToFinish: '2700.00', percentComplete: '42.55' });
  });

  it('takes a credit back', () => {
    expect(applyBackfill(makeSov(), { L1: '-500.00' }).lines[0]).toMatchObject({ claimedToDate: '0.00', percentComplete: '0.00' });
  });
});

describe('percentComplete', () => {
  it.each([
    ['1.00', '3.00', '33.33'],
    ['2.00', '3.00', '66.67'],
    ['0.01', '8.00', '0.13'], // 0.125 rounds half-up
    ['5.00', '0.00', '0.00'],
    ['3.00', '3.00', '100.00'],
  ])('%s of %s is %s %%', (claimed, scheduled, percent) => {
    expect(percentComplete(claimed, scheduled)).toBe(percent);
  });
});

describe('backfillEffect', () => {
  it('gives each touched line its percent complete before and after, and the contract’s claimed to date', () => {
    const lines = Object.entries(BALANCED).map(([sovLineId, amount]) => ({ sovLineId, amount }));
    const effect = backfillEffect(applyBackfill(makeSov(), BALANCED), lines);
    expect(effect.lines.map((line) => [line.id, line.percentBefore, line.percentAfter])).toEqual([
      ['L1', '25.00', '55.00'],
      ['L2', '0.00', '40.00'],
      ['L3', '0.00', '83.33'],
    ]);
    // 500.00 of 4,700.00 claimed before (10.64 %), 2,000.00 after (42.55 %).
    expect(effect.contract).toEqual({ claimedBefore: '500.00', claimedAfter: '2000.00', percentBefore: '10.64', percentAfter: '42.55' });
  });
});
