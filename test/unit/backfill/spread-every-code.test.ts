import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackfillValidator, spreadEveryCode } from '../../../lib/backfill';
import type { Sov, YardiClaim } from '../../../lib/schemas';
import { makeClaim, makeSov } from '../../support/fixtures';

function validator(claim: YardiClaim = makeClaim(), sov: Sov = makeSov()) {
  return new BackfillValidator({ claim, sov, backfilledClaimIds: [] });
}

describe('spreadEveryCode', () => {
  it('takes an empty claim to balanced in one patch', () => {
    const v = validator();
    const result = spreadEveryCode(v);
    expect(result).toEqual({ patch: { L1: '600.00', L2: '400.00', L3: '500.00' }, spread: ['03-300', '09-900'], refused: [] });
    v.setMany(result.patch);
    expect(v.result().canSubmit).toBe(true);
  });

  it('leaves balanced codes alone and spreads only what remains, on top of what is there', () => {
    const v = validator();
    v.set('L3', '500.00');
    v.set('L1', '100.00');
    const result = spreadEveryCode(v);
    expect(result.spread).toEqual(['03-300']);
    expect(result.patch.L3).toBeUndefined();
    v.setMany(result.patch);
    expect(v.result().codes.map((code) => code.remaining)).toEqual(['0.00', '0.00']);
  });

  it('names a code whose remaining does not fit, and still spreads the others', () => {
    // 09-900 pays 700.00 but its one line has only 600.00 left before its scheduled value.
    const v = validator(makeClaim({ total: '1700.00', lines: [makeClaim().lines[0]!, { categoryCode: '09-900', description: 'Painting', amount: '700.00' }] }));
    const result = spreadEveryCode(v);
    expect(result.spread).toEqual(['03-300']);
    expect(result.refused).toEqual([{ categoryCode: '09-900', message: expect.stringContaining('does not fit on 09-900') }]);
    expect(Object.keys(result.patch).sort()).toEqual(['L1', 'L2']);
  });

  it('balances every code that fits, to the cent, whatever the amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150_000 }), fc.integer({ min: 1, max: 60_000 }), (concreteCents, paintingCents) => {
        const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        const base = makeClaim();
        const claim = makeClaim({
          total: money(concreteCents + paintingCents),
          lines: [
            { ...base.lines[0]!, amount: money(concreteCents) },
            { ...base.lines[1]!, amount: money(paintingCents) },
          ],
        });
        const v = validator(claim);
        const result = spreadEveryCode(v);
        v.setMany(result.patch);
        const remaining = Object.fromEntries(v.result().codes.map((code) => [code.categoryCode, code.remaining]));
        for (const code of result.spread) expect(remaining[code]).toBe('0.00');
        expect(result.spread.length + result.refused.length).toBe(2);
      }),
    );
  });
});
