import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocationRows, lineRow, pasteTargets, rowPlaces, rowsAt } from '../../lib/allocation-rows';
import { BackfillValidator } from '../../lib/backfill';
import { Decimal, ROUND_HALF_UP } from '../../lib/decimal';
import { toMoney } from '../../lib/money';
import { makeClaim, makeSov } from '../support/fixtures';
import { moneyArb } from '../support/arbitraries';

describe('pasteTargets', () => {
  it("lists the grid's rows in display order, the other SOV lines included and read-only", () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    const targets = pasteTargets(validator);
    expect(targets.map(({ id }) => id)).toEqual(allocationRows(validator, { showOtherLines: true }).map(({ id }) => id));
    expect(targets.filter(({ editable }) => editable).map(({ id }) => id)).toEqual(['L1', 'L2', 'L3']);
    expect(targets.find(({ id }) => id === 'L5')).toEqual({ id: 'L5', editable: false, line: { lineNumber: 5, categoryCode: '26-000', description: 'Electrical' } });
    expect(targets.find(({ id }) => id === 'code:03-300')).toEqual({ id: 'code:03-300', editable: false, line: null });
  });
});

describe('rowPlaces', () => {
  it('places every row as the grid shows it, and the rows built at a run of places are those rows', () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    validator.setMany({ L1: '600.00', L3: '5' });
    for (const showOtherLines of [false, true]) {
      const rows = allocationRows(validator, { showOtherLines });
      const places = rowPlaces(validator, { showOtherLines });
      expect(places.map(({ id, kind }) => ({ id, kind }))).toEqual(rows.map(({ id, kind }) => ({ id, kind })));
      expect(rowsAt(validator, places.slice(2, 5))).toEqual(rows.slice(2, 5));
    }
    const places = rowPlaces(validator, { showOtherLines: true });
    expect(places.filter(({ editable }) => editable).map(({ id }) => id)).toEqual(['L1', 'L2', 'L3']);
    expect(places.find(({ id }) => id === 'code:09-900')).toEqual({ kind: 'code', id: 'code:09-900', categoryCode: '09-900', editable: false });
    expect(places.find(({ id }) => id === 'L4')).toEqual({ kind: 'line', id: 'L4', categoryCode: null, editable: false });
  });
});

describe('lineRow', () => {
  it('gives a line its figures after this claim, and its problems apart from its warnings', () => {
    const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov(), backfilledClaimIds: [] });
    validator.setMany({ L1: '600.00', L2: 'ten' });
    const [footings, slabs] = makeSov().lines;
    expect(lineRow(validator, footings!)).toEqual({
      kind: 'line',
      id: 'L1',
      lineNumber: 1,
      categoryCode: '03-300',
      description: 'Footings',
      scheduledValue: '2000.00',
      claimedToDate: '500.00',
      projectedToDate: '500.00', // no other draft on the line
      otherDrafts: '',
      remainingBalance: '900.00',
      thisClaim: '600.00',
      percentAfter: '55.00',
      editable: true,
      problems: [],
      warnings: [],
    });
    const refused = lineRow(validator, slabs!);
    expect(refused.problems).toHaveLength(1);
    expect(refused.problems[0]).toMatch(/ten/);
    expect(refused.warnings).toEqual([]);
  });

  it('works its figures out as decimal.js does, to the cent, whatever the amounts and the other drafts', () => {
    // Other drafts may add up past what a number counts exactly (on paper): bigint takes over there.
    const earlier = fc.option(fc.oneof(moneyArb(), moneyArb(10n ** 20n, 0n)), { nil: undefined });
    fc.assert(
      fc.property(moneyArb(10n ** 14n - 1n, 0n), moneyArb(10n ** 14n - 1n, 0n), moneyArb(), earlier, (scheduled, claimed, amount, drafts) => {
        const line = { id: 'L1', lineNumber: 1, categoryCode: '03-300', description: 'Footings', scheduledValue: scheduled, claimedToDate: claimed };
        const validator = new BackfillValidator({ claim: makeClaim(), sov: makeSov({ lines: [line] }), backfilledClaimIds: [] });
        if (drafts !== undefined) validator.setProjection(new Map([['L1', { earlier: drafts, later: '0.00', drafts: [{ label: 'INV-7', amount: drafts, earlier: true }] }]]));
        validator.setMany({ L1: amount });
        const projected = new Decimal(claimed).plus(drafts ?? '0');
        const after = projected.plus(amount);
        const percent = new Decimal(scheduled).isZero() ? new Decimal(0) : after.times(100).dividedBy(scheduled).toDecimalPlaces(2, ROUND_HALF_UP);
        const row = lineRow(validator, line);
        expect(row.projectedToDate).toBe(toMoney(projected));
        expect(row.remainingBalance).toBe(toMoney(new Decimal(scheduled).minus(after)));
        expect(row.percentAfter).toBe(percent.isZero() ? '0.00' : percent.toFixed(2));
      }),
      { numRuns: 500 },
    );
  });
});
