import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackfillDatabase } from '../../../lib/storage/database';
import { DraftStore } from '../../../lib/storage/draft-store';
import type { Draft } from '../../../lib/schemas';
import { buildBackfillRequest } from '../../../lib/submission';
import { BALANCED, makeClaim, makeSov } from '../../support/fixtures';
import { edits } from '../../support/storage';

// The facade only: each repository has its own tests (drafts, ledger, quarantine, host cache).
function freshStore() {
  const db = new BackfillDatabase('backfill-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, store: new DraftStore(db) };
}

describe('DraftStore', () => {
  it('saves, reads and submits a draft through the repositories of its tables', async () => {
    const { store } = freshStore();
    const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
    expect(await store.saveEdits(edits, 0, basis)).toEqual({ ok: true, revision: 1 });
    expect(await store.get('YC-1')).toMatchObject({ ...edits, revision: 1 });
    expect(await store.basis('YC-1')).toEqual(basis);
    expect((await store.all()).entries).toEqual([{ draft: await store.get('YC-1'), basis }]);
    const submitting = { state: 'submitting' as const, idempotencyKey: 'k', lines: buildBackfillRequest(BALANCED).lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 };
    await store.save('YC-1', submitting);
    expect(await store.load('YC-1')).toEqual(submitting);
    expect(await store.saveEdits(edits, 2)).toEqual({ ok: false, reason: 'frozen' });
    expect(await store.submittedBackfill('YC-1')).toBeUndefined();
  });

  it('keeps the host data for working offline', async () => {
    const { store } = freshStore();
    const claim = { ...makeClaim(), status: 'Unlinked' as const, backfilled: false };
    await store.cacheHostData(claim, makeSov());
    expect(await store.cachedHostData('YC-1')).toMatchObject({ claim, sov: makeSov() });
  });

  it('reports what any of its repositories set aside, in one list', async () => {
    const { db, store } = freshStore();
    await db.drafts.put({ ...edits, revision: 1, updatedAt: '2026-11-25T10:00:00.000Z', submission: { state: 'half-sent' } } as unknown as Draft);
    await db.draftBases.put({ claimId: 'YC-1', claim: makeClaim(), sov: { contractId: 'C-1' } } as never);
    expect(await store.load('YC-1')).toEqual({ state: 'ready' }); // through the ledger
    expect(await store.basis('YC-1')).toBeUndefined();
    expect(store.quarantined).toEqual([expect.stringContaining('saved draft of claim YC-1'), expect.stringContaining('built against')]);
  });
});
