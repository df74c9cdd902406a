import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { BackfillDatabase } from '../../../lib/storage/database';
import { DraftStore } from '../../../lib/storage/draft-store';
import { BALANCED, makeClaim, makeSov } from '../../support/fixtures';

/** Data exactly as version 1 of Backfill wrote it: drafts only. */
async function writeVersion1(indexedDB: IDBFactory) {
  const v1 = new Dexie('backfill', { indexedDB, IDBKeyRange });
  v1.version(1).stores({ drafts: 'claimId, contractId, updatedAt' });
  const base = { contractId: 'C-1', header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' }, claim: makeClaim(), sov: makeSov(), revision: 3, updatedAt: '2026-10-01T09:00:00.000Z', focusedSovLineId: 'L2' };
  const backfill = { id: 'BF-YC-2', claimId: 'YC-2', contractId: 'C-1', idempotencyKey: 'k', lines: [{ sovLineId: 'L1', amount: '600.00' }], total: '1500.00', status: 'Synced and Approved', createdAt: '2026-10-01T09:00:00.000Z' };
  await v1.table('drafts').bulkPut([
    { ...base, claimId: 'YC-1', allocations: BALANCED, submission: { state: 'ready' } },
    { ...base, claimId: 'YC-2', allocations: { L1: '600.00' }, submission: { state: 'submitted', idempotencyKey: 'k', backfill } },
  ]);
  v1.close();
}

describe('database upgrade', () => {
  it('opens version 1 data with the current code: drafts intact, snapshots kept as bases, submitted ones in the ledger', async () => {
    const indexedDB = new IDBFactory();
    await writeVersion1(indexedDB);
    const db = new BackfillDatabase('backfill', { indexedDB, IDBKeyRange });
    const drafts = new DraftStore(db);
    const ready = await drafts.get('YC-1');
    expect(db.verno).toBe(6);
    expect(await db.localClaims.count()).toBe(0); // version 4: the local source, empty until a file is imported
    expect(await drafts.contractOf('YC-1')).toBe('C-1'); // version 6: drafts written before it are indexed too
    expect(ready).toMatchObject({ allocations: BALANCED, revision: 3, focusedSovLineId: 'L2' });
    expect(await db.drafts.get('YC-1')).not.toHaveProperty('claim'); // the stored record itself is small now
    expect(await drafts.basis('YC-1')).toEqual({ claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-10-01T09:00:00.000Z' });
    expect((await drafts.get('YC-2'))!.submission.state).toBe('submitted');
    expect(await drafts.submittedBackfill('YC-2')).toMatchObject({ id: 'BF-YC-2' });
    expect(await drafts.submittedBackfill('YC-1')).toBeUndefined();
    db.close();
  });
});
