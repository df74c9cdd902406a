import { describe, expect, it } from 'vitest';
import { otherDrafts } from '../../lib/contract-drafts';
import type { MarkEntry } from '../../lib/draft-marks';
import type { Draft } from '../../lib/schemas';
import { makeClaim } from '../support/fixtures';

const AT = '2026-11-30T10:00:00.000Z';

function entry(claimId: string, submission: Draft['submission'] = { state: 'ready' }, withBasis = true): MarkEntry {
  const draft: Draft = { claimId, contractId: 'C-1', header: { number: 'X', title: 'X', payPeriod: '2026-03-31' }, allocations: { L1: '10.00' }, revision: 1, updatedAt: AT, focusedSovLineId: null, submission };
  return { draft, basis: withBasis ? { claim: makeClaim({ id: claimId, invoiceNumber: `INV-${claimId}` }) } : undefined };
}

describe('otherDrafts', () => {
  it('takes the contract’s other drafts still worked or being sent (finished ones too, from files), from the same source, with their invoice', () => {
    const backfill = { id: 'b', claimId: 'YC-3', contractId: 'C-1', idempotencyKey: 'k', lines: [], total: '0.00', status: 'Synced and Approved' as const, createdAt: AT };
    const entries = [
      entry('YC-1'),
      entry('YC-2'),
      entry('YC-3', { state: 'submitted', idempotencyKey: 'k', backfill }),
      entry('YC-4', undefined, false),
      entry('local-00000000000000aa'),
    ];
    expect(otherDrafts('YC-1', entries)).toEqual([{ claimId: 'YC-2', invoiceDate: '2026-03-31', invoiceNumber: 'INV-YC-2', label: 'Granite Ridge Concrete INV-YC-2', allocations: { L1: '10.00' } }]);
    expect(otherDrafts('local-00000000000000bb', [...entries, entry('local-00000000000000cc', { state: 'submitted', idempotencyKey: 'k', backfill })]).map((other) => other.claimId)).toEqual([
      'local-00000000000000aa',
      'local-00000000000000cc',
    ]);
    const sending = { state: 'submitting' as const, idempotencyKey: 'k2', lines: [{ sovLineId: 'L1', amount: '10.00' }], payloadHash: 'h', startedAt: AT, attempts: 0 };
    expect(otherDrafts('YC-1', [entry('YC-6', sending)]).map((other) => other.claimId)).toEqual(['YC-6']);
  });
});
