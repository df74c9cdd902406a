import { describe, expect, it } from 'vitest';
import { draftSummary } from '../../lib/draft-summary';
import type { Draft } from '../../lib/schemas';
import { makeClaim, makeSov } from '../support/fixtures';

const draft: Draft = {
  claimId: 'YC-1',
  contractId: 'C-1',
  header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' },
  allocations: { L1: '600.00', L2: '0.10', L3: '' },
  revision: 4,
  updatedAt: '2026-11-25T10:00:00.000Z',
  focusedSovLineId: null,
  hostOrigin: 'http://127.0.0.1:5180',
  submission: { state: 'ready' },
};

describe('draftSummary', () => {
  it('says whose claim it is, how much is allocated exactly, and where it stands', () => {
    const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T09:00:00.000Z' };
    expect(draftSummary(draft, basis)).toEqual({
      claimId: 'YC-1',
      vendorName: 'Granite Ridge Concrete',
      invoiceNumber: 'INV-100',
      total: '1500.00',
      allocated: '600.10',
      state: 'Draft',
      updatedAt: '2026-11-25T10:00:00.000Z',
      hostOrigin: 'http://127.0.0.1:5180',
    });
  });

  it('still lists a draft whose basis is missing', () => {
    expect(draftSummary({ ...draft, hostOrigin: undefined }, undefined)).toMatchObject({ vendorName: '', total: null, hostOrigin: null });
  });
});
