import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../lib/decimal';
import { carryAllocation, preparedCandidates } from '../../../lib/local-source/prepared';
import { localClaim, localHostSov, localSov } from '../../../lib/local-source/records';
import { toMoney } from '../../../lib/money';
import { makeClaim, makeSov } from '../../support/fixtures';
import { IMPORTED } from '../../support/local-source';

const AT = '2026-11-30T10:00:00.000Z';
// makeSov(): L1 Footings and L2 Slabs on 03-300, L3 Painting on 09-900, L4 uncoded, L5 Electrical.
const host = makeSov();
const prepared = localHostSov(
  localSov(
    'C-1',
    [
      { number: '001', description: 'Footings', categoryCode: '03-300', scheduledValue: '2000.00', claimedToDate: '500.00' },
      { number: '9', description: 'SLABS', categoryCode: '03-300', scheduledValue: '1000.00', claimedToDate: '0.00' },
      { number: '3', description: 'Painting', categoryCode: '09-900', scheduledValue: '600.00', claimedToDate: '0.00' },
      { number: '12', description: 'Sealant', categoryCode: '07-900', scheduledValue: '100.00', claimedToDate: '0.00' },
    ],
    'g703.csv',
    AT,
  ),
);

describe('carrying a prepared allocation to the host’s SOV', () => {
  it('places each amount on the line of the same number and code, else of the same code and description', () => {
    const carried = carryAllocation(prepared, { 'item:001': '600.00', 'item:9': '400.00', 'item:3': '500.00', 'item:12': '' }, host);
    expect(carried.allocations).toEqual({ L1: '600.00', L2: '400.00', L3: '500.00' });
    expect(carried.placed).toBe(3);
    expect(carried.notes).toEqual(['Line 9 of your file is line 2 on the host (same code and description).']);
  });

  it('places an amount on a host line whose id is spelled __proto__ as on any other', () => {
    const hostWithProto = { ...host, lines: host.lines.map((line) => (line.id === 'L1' ? { ...line, id: '__proto__' } : line)) };
    const carried = carryAllocation(prepared, { 'item:001': '600.00', 'item:9': '400.00' }, hostWithProto);
    expect(Object.entries(carried.allocations)).toEqual([['__proto__', '600.00'], ['L2', '400.00']]);
    expect(carried.placed).toBe(2);
  });

  it('lists an amount with no line to go to, and never guesses one', () => {
    const carried = carryAllocation(prepared, { 'item:12': '75.00' }, host);
    expect(carried.allocations).toEqual({});
    expect(carried.notes).toEqual([`Line 12 (Sealant, code 07-900): "75.00" was not placed, as the host's SOV has no line with that number or description under that code.`]);
  });

  it('loses no cent: what is placed plus what is listed is what was prepared', () => {
    const ids = prepared.lines.map((line) => line.id);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { minLength: ids.length, maxLength: ids.length }), (cents) => {
        const allocations = Object.fromEntries(ids.map((id, index) => [id, toMoney(new Decimal(cents[index]!).div(100))]));
        const carried = carryAllocation(prepared, allocations, host);
        const placed = Object.values(carried.allocations).reduce((sum, amount) => sum.plus(amount), new Decimal(0));
        const listed = carried.notes.flatMap((note) => /"(-?\d+\.\d\d)" was not placed/.exec(note)?.[1] ?? []).reduce((sum, amount) => sum.plus(amount), new Decimal(0));
        expect(placed.plus(listed).equals(Object.values(allocations).reduce((sum, amount) => sum.plus(amount), new Decimal(0)))).toBe(true);
      }),
    );
  });
});

describe('the prepared claim of a host claim', () => {
  const file = localClaim({ ...IMPORTED, contractNumber: 'C-1', vendorName: 'Granite Ridge Concrete', invoiceNumber: 'INV-100' }, 'payments.csv', AT);

  it('is the imported claim with the same invoice and contract, or the same invoice, vendor and date', () => {
    expect(preparedCandidates(makeClaim(), [file])).toEqual([file]);
    const shownOtherwise = { ...file, contractNumber: 'SC-0001' };
    expect(preparedCandidates(makeClaim(), [shownOtherwise])).toEqual([shownOtherwise]);
    expect(preparedCandidates(makeClaim(), [{ ...shownOtherwise, invoiceDate: '2026-04-01' }])).toEqual([]);
    expect(preparedCandidates(makeClaim({ invoiceNumber: 'INV-101' }), [file])).toEqual([]);
  });
});
