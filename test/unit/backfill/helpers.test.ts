import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackfillValidator, clearCode, fillRemaining, spreadEveryCode, spreadRemaining, type HelperResult } from '../../../lib/backfill';
import { Decimal } from '../../../lib/decimal';
import type { Sov, YardiClaim } from '../../../lib/schemas';
import { moneyArb } from '../../support/arbitraries';
import { makeClaim, makeSov } from '../../support/fixtures';

function validator(claim: YardiClaim = makeClaim(), sov: Sov = makeSov()) {
  return new BackfillValidator({ claim, sov, backfilledClaimIds: [] });
}

function patchOf(result: HelperResult) {
  if (!result.ok) throw new Error(result.message);
  return result.patch;
}

describe('fillRemaining', () => {
  it("puts the code's remaining on the line, added to what it has", () => {
    const v = validator();
    v.set('L1', '250.00');
    expect(patchOf(fillRemaining(v, 'L2'))).toEqual({ L2: '750.00' });
    expect(patchOf(fillRemaining(v, 'L1'))).toEqual({ L1: '1000.00' });
  });

  it('does nothing on a balanced code and refuses lines outside the claim', () => {
    const v = validator();
    v.set('L3', '500.00');
    expect(patchOf(fillRemaining(v, 'L3'))).toEqual({});
    expect(fillRemaining(v, 'L4').ok).toBe(false);
    expect(fillRemaining(v, 'L5').ok).toBe(false);
  });
});

describe('spreadRemaining', () => {
  it('spreads in proportion to each line\'s remaining balance and balances the code', () => {
    const v = validator();
    // Room: L1 2000 − 500 = 1500, L2 1000 → 1000 split 600 / 400.
    const patch = patchOf(spreadRemaining(v, '03-300'));
    expect(patch).toEqual({ L1: '600.00', L2: '400.00' });
    v.setMany(patch);
    expect(v.balanceOf('03-300')!.remaining).toBe('0.00');
  });

  it('counts what is already allocated against the room', () => {
    const v = validator();
    v.set('L2', '1000.00');
    v.set('L1', '-200.00');
    // 03-300 remaining 200; L2 is full, so everything goes on L1.
    expect(patchOf(spreadRemaining(v, '03-300'))).toEqual({ L1: '0.00' });
  });

  it('takes an over-allocation back only from what this claim put on the lines', () => {
    const v = validator();
    v.setMany({ L1: '900.00', L2: '300.00' }); // 200 over the 1,000 paid on 03-300
    // L1 has claimed 500 before this claim; that earlier work is never taken back.
    expect(patchOf(spreadRemaining(v, '03-300'))).toEqual({ L1: '750.00', L2: '250.00' });
    v.setMany({ L1: '750.00', L2: '250.00' });
    expect(v.balanceOf('03-300')!.remaining).toBe('0.00');
  });

  it('cuts a mistyped amount back to what its line can take, then spreads the rest', () => {
    // 1,800.00 paid on 03-300; L2 (scheduled 1,000.00) was typed 5,000.00.
    const claim = makeClaim({ total: '2300.00', lines: [{ categoryCode: '03-300', amount: '1800.00' }, { categoryCode: '09-900', amount: '500.00' }] });
    const v = validator(claim);
    v.set('L2', '5000.00');
    const patch = patchOf(spreadRemaining(v, '03-300'));
    // Taken back in proportion alone, L2 would keep all 1,800.00: still past its scheduled value.
    expect(patch).toEqual({ L1: '800.00', L2: '1000.00' });
    v.setMany(patch);
    expect(v.result().issues.filter((issue) => issue.categoryCode === '03-300')).toEqual([]);
  });

  it('also mends a code that balances with a line past its scheduled value, alone or with every code', () => {
    const claim = makeClaim({ total: '2300.00', lines: [{ categoryCode: '03-300', amount: '1800.00' }, { categoryCode: '09-900', amount: '500.00' }] });
    const v = validator(claim);
    v.setMany({ L2: '1800.00', L3: '500.00' });
    expect(v.balanceOf('03-300')!.remaining).toBe('0.00');
    expect(patchOf(spreadRemaining(v, '03-300'))).toEqual({ L1: '800.00', L2: '1000.00' });
    expect(spreadEveryCode(v)).toEqual({ patch: { L1: '800.00', L2: '1000.00' }, spread: ['03-300'], refused: [] });
  });

  it('says what is left once a mistyped amount is cut back, when the rest does not fit', () => {
    // L1 can take 1,500.00 and L2 1,000.00: 2,600.00 paid does not fit, whatever was typed.
    const claim = makeClaim({ total: '3100.00', lines: [{ categoryCode: '03-300', amount: '2600.00' }, { categoryCode: '09-900', amount: '500.00' }] });
    const v = validator(claim);
    v.set('L2', '9000.00');
    expect(spreadRemaining(v, '03-300')).toEqual({
      ok: false,
      message: 'Once every line is back within its bounds (zero to its scheduled value), $1,600.00 does not fit on 03-300: its lines have only $1,500.00 left to claim before their scheduled values.',
    });
  });

  it('says clearly when the remaining does not fit under the scheduled values', () => {
    const claim = makeClaim({ total: '3000.00', lines: [{ categoryCode: '03-300', amount: '2500.01' }, { categoryCode: '09-900', amount: '499.99' }] });
    const result = spreadRemaining(validator(claim), '03-300');
    expect(result).toEqual({ ok: false, message: '$2,500.01 does not fit on 03-300: its lines have only $2,500.00 left to claim before their scheduled values.' });
  });

  it('takes a credit back in proportion to what was claimed, never below zero', () => {
    const claim = makeClaim({ total: '-250.00', lines: [{ categoryCode: '03-300', amount: '-250.00' }] });
    const v = validator(claim);
    expect(patchOf(spreadRemaining(v, '03-300'))).toEqual({ L1: '-250.00' });
    const tooMuch = makeClaim({ total: '-500.01', lines: [{ categoryCode: '03-300', amount: '-500.01' }] });
    expect(spreadRemaining(validator(tooMuch), '03-300').ok).toBe(false);
  });

  it('from nothing or any amounts typed, some past their lines, leaves every line in bounds and balances whenever it fits', () => {
    // Typed: nothing, or anything from a credit of half the line to three times its scheduled value.
    const typedArb = fc.oneof(fc.constant(0n), fc.bigInt(-500n, 3000n));
    const lineArb = fc.record({ scheduled: fc.bigInt(0n, 1_000_000n), claimedPermille: fc.bigInt(0n, 1000n), typedPermille: typedArb });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 12 }), moneyArb(5_000_000n, 1n), (lines, amount) => {
        const cents = (value: bigint) => new Decimal(value.toString()).dividedBy(100).toFixed(2);
        const sov: Sov = {
          contractId: 'C-1',
          lines: lines.map((line, index) => ({
            id: `L${index}`,
            lineNumber: index + 1,
            categoryCode: '03-300',
            description: 'x',
            scheduledValue: cents(line.scheduled),
            claimedToDate: cents((line.scheduled * line.claimedPermille) / 1000n),
          })),
        };
        const claim = makeClaim({ total: amount, lines: [{ categoryCode: '03-300', amount }] });
        const v = validator(claim, sov);
        v.setMany(Object.fromEntries(lines.map((line, index) => [`L${index}`, cents((line.scheduled * line.typedPermille) / 1000n)])));
        const room = sov.lines.reduce((sum, line) => sum.plus(line.scheduledValue).minus(line.claimedToDate), new Decimal(0));
        const result = spreadRemaining(v, '03-300');
        expect(result.ok).toBe(room.greaterThanOrEqualTo(amount));
        if (!result.ok) return;
        v.setMany(result.patch);
        expect(v.result().issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('clearCode', () => {
  it("clears every line of the code and nothing else", () => {
    const v = validator();
    v.setMany({ L1: '1.00', L2: '2.00', L3: '3.00' });
    expect(patchOf(clearCode(v, '03-300'))).toEqual({ L1: '', L2: '' });
  });
});
