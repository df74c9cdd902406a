import type { DraftEdits, Sov, YardiClaim } from '../../lib/schemas';

/** A small claim: Yardi paid two codes that the SOV spreads over three lines. */
export function makeClaim(overrides: Partial<YardiClaim> = {}): YardiClaim {
  return {
    id: 'YC-1',
    contractId: 'C-1',
    vendorName: 'Granite Ridge Concrete',
    invoiceNumber: 'INV-100',
    invoiceDate: '2026-03-31',
    total: '1500.00',
    allocated: false,
    lines: [
      { categoryCode: '03-300', description: 'Cast-in-place concrete', amount: '1000.00' },
      { categoryCode: '09-900', description: 'Painting', amount: '500.00' },
    ],
    ...overrides,
  };
}

export function makeSov(overrides: Partial<Sov> = {}): Sov {
  return {
    contractId: 'C-1',
    lines: [
      { id: 'L1', lineNumber: 1, categoryCode: '03-300', description: 'Footings', scheduledValue: '2000.00', claimedToDate: '500.00' },
      { id: 'L2', lineNumber: 2, categoryCode: '03-300', description: 'Slabs', scheduledValue: '1000.00', claimedToDate: '0.00' },
      { id: 'L3', lineNumber: 3, categoryCode: '09-900', description: 'Painting', scheduledValue: '600.00', claimedToDate: '0.00' },
      { id: 'L4', lineNumber: 4, categoryCode: null, description: 'General conditions', scheduledValue: '300.00', claimedToDate: '0.00' },
      { id: 'L5', lineNumber: 5, categoryCode: '26-000', description: 'Electrical', scheduledValue: '800.00', claimedToDate: '0.00' },
    ],
    ...overrides,
  };
}

/** A balanced allocation of `makeClaim()` over `makeSov()`. */
export const BALANCED = { L1: '600.00', L2: '400.00', L3: '500.00' };

/** What a tab on claim YC-1 would save: these amounts, under a fixed header. */
export function draftEdits(allocations: Record<string, string>): DraftEdits {
  return {
    claimId: 'YC-1',
    contractId: 'C-1',
    header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' },
    allocations,
    focusedSovLineId: null,
  };
}
