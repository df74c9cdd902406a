import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackfillDatabase } from '../../../entrypoints/panel/db';
import { DraftStore, type DraftEdits } from '../../../entrypoints/panel/draft-store';
import { BALANCED, makeClaim, makeSov } from '../../support/fixtures';

function freshStore() {
  const db = new BackfillDatabase('backfill-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, drafts: new DraftStore(db) };
}

const edits: DraftEdits = {
  claimId: 'YC-1',
  contractId: 'C-1',
  header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' },
  allocations: BALANCED,
  claim: makeClaim(),
  sov: makeSov(),
  focusedSovLineId: 'L2',
};

describe('DraftStore', () => {
  it('saves edits and reads them back exactly, bumping the revision each time', async () => {
    const { drafts } = freshStore();
    await drafts.saveEdits(edits);
    await drafts.saveEdits({ ...edits, allocations: { ...BALANCED, L2: '399.99' } });
    const draft = await drafts.get('YC-1');
    expect(draft).toMatchObject({ ...edits, allocations: { ...BALANCED, L2: '399.99' }, revision: 2, submission: { state: 'ready' } });
  });

  it('keeps the submission state when edits are saved and freezes a draft on its way to the host', async () => {
    const { drafts } = freshStore();
    await drafts.saveEdits(edits);
    const submitting = { state: 'submitting' as const, idempotencyKey: 'k', lines: [{ sovLineId: 'L1', amount: '600.00' }], payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 };
    await drafts.save('YC-1', submitting);
    await drafts.saveEdits({ ...edits, allocations: {} });
    expect(await drafts.get('YC-1')).toMatchObject({ allocations: BALANCED, submission: submitting });
    expect(await drafts.load('YC-1')).toEqual(submitting);
  });

  it('reports a stored record that is not a valid draft instead of using it', async () => {
    const { db, drafts } = freshStore();
    await db.drafts.put({ ...edits, revision: 1, updatedAt: 'yesterday', submission: { state: 'ready' } });
    await expect(drafts.get('YC-1')).rejects.toThrow(/cannot be read/);
  });

  it('has nothing to submit without a draft and a ready state when none was saved', async () => {
    const { drafts } = freshStore();
    expect(await drafts.load('YC-404')).toEqual({ state: 'ready' });
    await expect(drafts.save('YC-404', { state: 'ready' })).rejects.toThrow(/no draft/);
  });
});
