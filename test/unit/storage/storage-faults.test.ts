// liveQuery follows the global IndexedDB only, so tests share it and use a database name each.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftAutosave } from '../../../lib/panel/draft-autosave.svelte';
import { BackfillDatabase } from '../../../lib/storage/database';
import { DraftStore } from '../../../lib/storage/draft-store';
import type { DraftBasis } from '../../../lib/schemas';
import { draftEdits, makeClaim, makeSov } from '../../support/fixtures';
import { quotaError, storageFaults } from '../../support/storage-faults';

// IndexedDB failing under a tab (a full disk, an unknown error): the edits stay in memory, nothing
// is half written, the panel says Not saved, and the same edits are saved once storage works again.

const basis: DraftBasis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
const until = (check: () => boolean, timeout = 6000) => vi.waitFor(() => expect(check()).toBe(true), { timeout, interval: 20 });

let databases = 0;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function setup() {
  const db = new BackfillDatabase(`backfill-faults-${++databases}`);
  const faults = storageFaults(db);
  cleanups.push(() => db.close());
  const store = new DraftStore(db);
  let allocations: Record<string, string> = {};
  let basisPending = true;
  const autosave = new DraftAutosave(store, 'YC-1', () => ({ edits: draftEdits(allocations), ...(basisPending && { basis }) }), () => {}, () => (basisPending = false));
  autosave.start(0);
  const type = (next: Record<string, string>) => {
    allocations = next;
    autosave.changed();
  };
  return { db, store, faults, autosave, type };
}

describe('storage faults', () => {
  it.each([
    ['a full disk', quotaError(false), /storage for Backfill is full/],
    ['a full disk reported inside an abort', quotaError(true), /storage for Backfill is full/],
    ['an unknown error', Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' }), /Not saved: Internal error opening backing store/],
  ])('%s: edits kept in memory, Not saved, nothing half written, saved once it clears', async (_, error, says) => {
    const { db, store, faults, autosave, type } = setup();
    // The draft's basis is written in the same transaction: its failure must take the draft with it.
    faults.fail(error, ['draftBases']);
    type({ L1: '600.00', L2: '400.00' });
    await autosave.flush();
    expect(autosave.state).toBe('failed');
    expect(autosave.error).toMatch(says);
    expect(autosave.hasUnsavedEdits).toBe(true);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.draftBases.count()).toBe(0);

    // More edits while storage still fails: all kept.
    faults.fail(error);
    type({ L1: '600.00', L2: '400.00', L3: '500.00' });
    await autosave.flush();
    expect(autosave.state).toBe('failed');
    expect(faults.writes.failed).toBeGreaterThanOrEqual(2);

    faults.clear();
    await until(() => autosave.state === 'saved'); // the retry, 3 s after the failure
    expect((await store.get('YC-1'))?.allocations).toEqual({ L1: '600.00', L2: '400.00', L3: '500.00' });
    expect(await store.basis('YC-1')).toEqual(basis);
    expect(autosave.hasUnsavedEdits).toBe(false);
  }, 15_000);

  it('a submission state that cannot be written leaves the draft, the ledger and the audit log as they were', async () => {
    const { db, store, faults, type, autosave } = setup();
    type({ L1: '600.00' });
    await autosave.flush();
    const before = await store.get('YC-1');
    faults.fail(quotaError(true), ['audit']);
    const lines = [{ sovLineId: 'L1', amount: '600.00' }];
    await expect(store.save('YC-1', { state: 'submitting', idempotencyKey: 'k', lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 })).rejects.toBeTruthy();
    expect(await store.get('YC-1')).toEqual(before);
    expect([await db.ledger.count(), await db.audit.count()]).toEqual([0, 0]);
    faults.clear();
    await store.save('YC-1', { state: 'submitting', idempotencyKey: 'k', lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 });
    expect((await store.get('YC-1'))?.submission.state).toBe('submitting');
    expect(await db.audit.count()).toBe(1);
  });
});
