import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../../lib/workbench/queue';
import { contractProgress } from '../../../lib/workbench/contract-progress';

function entry(contractNumber: string, state: QueueEntry['state'], total: string | null, allocated = '0.00'): QueueEntry {
  return { claimId: `${contractNumber}-${state}-${total}`, source: 'file', contractNumber, vendorName: 'V', invoiceNumber: 'I', invoiceDate: '', total, allocated, state, detail: '', panelHash: null, determined: false };
}

describe('contractProgress', () => {
  it('sums paid, backfilled, in drafts and left per contract, credits included', () => {
    const [sc9, sc1042] = contractProgress([
      entry('SC-1042', 'Finished', '1000.00', '1000.00'),
      entry('sc 1042', 'Draft', '500.00', '125.50'),
      entry('SC-1042', 'Not started', '250.00'),
      entry('SC-1042', 'Not started', null),
      entry('SC-9', 'Submitted', '-100.00', '-100.00'),
    ]);
    expect(sc1042).toEqual({
      contractNumber: 'SC-1042',
      claims: 4,
      withoutAmount: 1,
      paid: '1750.00',
      backfilled: '1000.00',
      inDrafts: '125.50',
      left: '624.50',
      shares: { backfilled: '57.1', inDrafts: '7.2', left: '35.7' },
    });
    expect(sc9).toMatchObject({ paid: '-100.00', backfilled: '-100.00', left: '0.00', shares: { backfilled: '100.0', inDrafts: '0.0', left: '0.0' } });
  });

  it('lists contracts by number as people sort them, not in the queue’s order', () => {
    const listed = contractProgress([entry('SC-1042', 'Draft', '1.00'), entry('SC-9', 'Draft', '1.00'), entry('AB-77', 'Draft', '1.00'), entry('SC-100', 'Draft', '1.00')]);
    expect(listed.map((contract) => contract.contractNumber)).toEqual(['AB-77', 'SC-9', 'SC-100', 'SC-1042']);
  });
});
