import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Backfill, DraftBasis } from '../../../lib/schemas';
import { backfillHistory, historyCsv } from '../../../lib/workbench/history';
import { makeClaim, makeSov } from '../../support/fixtures';

const submitted: Backfill = { id: 'BF-9', claimId: 'YC-1', contractId: 'C-1', idempotencyKey: 'k1', lines: [{ sovLineId: 'L1', amount: '600.00' }, { sovLineId: 'L3', amount: '-5.00' }], total: '595.00', status: 'Synced and Approved', createdAt: '2026-11-02T10:00:00.000Z' };
const finished: Backfill = { id: 'F-1', claimId: 'local-00000000000000aa', contractId: 'SC-9', idempotencyKey: 'k2', lines: [{ sovLineId: 'item:007', amount: '10.00' }], total: '10.00', status: 'Finished', createdAt: '2026-11-03T10:00:00.000Z' };
const basis: DraftBasis = { claimId: 'YC-1', claim: makeClaim({ vendorName: '=HYPERLINK("x")' }), sov: makeSov(), recordedAt: '2026-11-01T00:00:00.000Z' };
const audit: AuditEntry[] = [
  { claimId: 'YC-1', at: '2026-11-02T10:00:00.000Z', event: 'submitted', detail: 'Backfill BF-9 (key k1).' },
  { claimId: 'YC-1', at: '2026-11-01T09:00:00.000Z', event: 'refused', detail: 'Line 1 would pass its scheduled value.' },
];

describe('the backfill history', () => {
  it('lists each backfill newest first, with its claim, its lines as the SOV names them, the host’s reply and every step', () => {
    const [first, second] = backfillHistory([submitted, finished], new Map([['YC-1', basis]]), audit);
    expect(first).toMatchObject({ claimId: 'local-00000000000000aa', invoiceNumber: 'local-00000000000000aa', status: 'Finished', reply: 'Finished here (no host)', lines: [{ item: 'item:007', amount: '10.00' }] });
    expect(second).toMatchObject({ contractNumber: 'C-1', invoiceNumber: 'INV-100', invoiceDate: '2026-03-31', reply: 'Backfill BF-9', total: '595.00' });
    expect(second!.lines).toEqual([
      { item: '1', description: 'Footings', categoryCode: '03-300', amount: '600.00' },
      { item: '3', description: 'Painting', categoryCode: '09-900', amount: '-5.00' },
    ]);
    expect(second!.events.map((event) => event.event)).toEqual(['refused', 'submitted']);
  });

  it('exports one row per SOV line, text neutralised, amounts as plain decimals', () => {
    const csv = historyCsv(backfillHistory([submitted], new Map([['YC-1', basis]]), audit));
    const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Backfilled at', 'Status', 'Host reply', 'Contract', 'Vendor', 'Invoice #', 'Invoice Date', 'Line', 'Description', 'Category Code', 'Amount']);
    expect(rows.slice(1).map((row) => [row[4], row[7], row[10]])).toEqual([
      ["'=HYPERLINK(\"x\")", '1', '600.00'],
      ["'=HYPERLINK(\"x\")", '3', '-5.00'],
    ]);
  });
});
