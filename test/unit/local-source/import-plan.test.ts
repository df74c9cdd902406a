import { describe, expect, it } from 'vitest';
import { claimsToStore, planClaimImport, planSovImport } from '../../../lib/local-source/import-plan';
import { localClaim, localSov } from '../../../lib/local-source/records';
import { IMPORTED } from '../../support/local-source';

const first = localClaim(IMPORTED, 'march.csv', '2026-11-01T00:00:00.000Z');
const other = localClaim({ ...IMPORTED, invoiceNumber: 'INV-8' }, 'march.csv', '2026-11-01T00:00:00.000Z');

describe('planning an import', () => {
  it('adds what is new, and nothing twice when the same file comes again from another time and name', () => {
    const again = localClaim(IMPORTED, 'march (1).csv', '2026-11-02T00:00:00.000Z');
    const plan = planClaimImport([again, other], new Map([[first.id, first]]), new Set());
    expect(plan.added).toEqual([other]);
    expect(plan.unchanged).toEqual([first]);
    expect(claimsToStore(plan)).toEqual([other]);
  });

  it('updates a claim whose amounts changed, but never one finished already', () => {
    const changed = localClaim({ ...IMPORTED, codes: [{ categoryCode: '03-300', amount: '1500.00' }], total: '1500.00' }, 'april.csv', '2026-11-02T00:00:00.000Z');
    expect(planClaimImport([changed], new Map([[first.id, first]]), new Set()).updated).toEqual([changed]);
    const frozen = planClaimImport([changed], new Map([[first.id, first]]), new Set([first.id]));
    expect(frozen).toMatchObject({ updated: [], finished: [first] });
    expect(claimsToStore(frozen)).toEqual([]);
  });

  it('tells a new SOV from one replaced or the same', () => {
    const line = { number: '1', description: 'Footings', categoryCode: '03-300', scheduledValue: '2000.00', claimedToDate: '0.00' };
    const sov = localSov('SC-1042', [line], 'g703.csv', '2026-11-01T00:00:00.000Z');
    expect(planSovImport(sov, undefined)).toBe('added');
    expect(planSovImport(localSov('SC-1042', [line], 'again.csv', '2026-11-02T00:00:00.000Z'), sov)).toBe('unchanged');
    expect(planSovImport(localSov('SC-1042', [{ ...line, claimedToDate: '10.00' }], 'g703.csv', '2026-11-02T00:00:00.000Z'), sov)).toBe('replaced');
  });
});
