import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { BackfillDatabase } from '../../../lib/storage/database';
import { DraftStore } from '../../../lib/storage/draft-store';
import { UnsavedEdits } from '../../../lib/extension/unsaved-edits';
import { WorkerStore } from '../../../lib/storage/worker-store';
import { draftEdits, makeClaim, makeSov } from '../../support/fixtures';

/** The pages' database (made by Dexie, read back through `DraftStore`), and the service worker's follower writing to it. */
async function setup() {
  const factory = new IDBFactory();
  const db = new BackfillDatabase('backfill-unsaved-edits', { indexedDB: factory, IDBKeyRange });
  await db.open();
  const worker = new WorkerStore(factory, 'backfill-unsaved-edits');
  return { db, store: new DraftStore(db), worker, unsaved: new UnsavedEdits(worker) };
}

describe('the edits a panel left unsaved', () => {
  it('are saved, with the basis of a new draft, when the panel goes away', async () => {
    const { store, unsaved } = await setup();
    const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00' }), basis, baseRevision: 0 });
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00', L2: '2.00' }), basis, baseRevision: 0 });
    expect(await unsaved.save()).toBe('saved');
    expect(await store.get('YC-1')).toMatchObject({ allocations: { L1: '1.00', L2: '2.00' }, revision: 1 });
    expect(await store.basis('YC-1')).toEqual(basis);
  });

  it('are nothing to save once the panel said everything is on disk', async () => {
    const { store, unsaved } = await setup();
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00' }), baseRevision: 0 });
    unsaved.follow({ type: 'draft/saved' });
    expect(await unsaved.save()).toBe('nothing-unsaved');
    expect(await store.get('YC-1')).toBeUndefined();
  });

  it('are saved on top of the panel’s own write that landed just before it went away', async () => {
    const { store, unsaved } = await setup();
    await store.saveEdits(draftEdits({ L1: '1.00' }), 0);
    // The panel writes revision 2, types more meanwhile, and is gone before it hears the write landed.
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.50' }), baseRevision: 1, writing: true });
    await store.saveEdits(draftEdits({ L1: '1.50' }), 1);
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.50', L2: '2.00' }), baseRevision: 1 });
    expect(await unsaved.save()).toBe('saved');
    expect(await store.get('YC-1')).toMatchObject({ allocations: { L1: '1.50', L2: '2.00' }, revision: 3 });
  });

  it('are not written twice when the panel’s own write of them landed', async () => {
    const { store, unsaved } = await setup();
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00' }), baseRevision: 0, writing: true });
    await store.saveEdits(draftEdits({ L1: '1.00' }), 0);
    expect(await unsaved.save()).toBe('saved-by-the-panel');
    expect(await store.get('YC-1')).toMatchObject({ allocations: { L1: '1.00' }, revision: 1 });
  });

  it('are saved when the panel’s own write never landed (its frame went first)', async () => {
    const { store, unsaved } = await setup();
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00' }), baseRevision: 0, writing: true });
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00', L2: '2.00' }), baseRevision: 0 });
    expect(await unsaved.save()).toBe('saved');
    expect(await store.get('YC-1')).toMatchObject({ allocations: { L1: '1.00', L2: '2.00' }, revision: 1 });
  });

  it('never overwrite another tab’s draft saved before the panel’s own write could land, and are kept aside', async () => {
    const { db, store, unsaved } = await setup();
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00' }), baseRevision: 0, writing: true });
    await store.saveEdits(draftEdits({ L3: '9.00' }), 0); // the other tab's, at the revision ours would have had
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00', L2: '2.00' }), baseRevision: 0 });
    expect(await unsaved.save()).toBe('conflict');
    expect(await store.get('YC-1')).toMatchObject({ allocations: { L3: '9.00' }, revision: 1 });
    expect(await db.quarantine.toArray()).toEqual([expect.objectContaining({ key: 'YC-1', record: draftEdits({ L1: '1.00', L2: '2.00' }) })]);
  });

  it('never overwrite another tab’s draft saved after the panel’s own write landed', async () => {
    const { store, unsaved } = await setup();
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00' }), baseRevision: 0, writing: true });
    await store.saveEdits(draftEdits({ L1: '1.00' }), 0);
    await store.saveEdits(draftEdits({ L1: '1.00', L3: '9.00' }), 1);
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00', L2: '2.00' }), baseRevision: 0 });
    expect(await unsaved.save()).toBe('conflict');
    expect(await store.get('YC-1')).toMatchObject({ allocations: { L1: '1.00', L3: '9.00' }, revision: 2 });
  });

  it('leave a draft being submitted alone', async () => {
    const { store, unsaved } = await setup();
    await store.saveEdits(draftEdits({ L1: '1.00' }), 0);
    await store.save('YC-1', { state: 'submitting', idempotencyKey: 'k-1', lines: [{ sovLineId: 'L1', amount: '1.00' }], payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 });
    unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '2.00' }), baseRevision: 2 });
    expect(await unsaved.save()).toBe('frozen');
    expect(await store.get('YC-1')).toMatchObject({ allocations: { L1: '1.00' }, submission: { state: 'submitting' } });
  });

  describe('sent as changes (after the first snapshot on a port)', () => {
    const { allocations: _allocations, ...rest } = draftEdits({});

    it('apply them to the edits last told, and save the result with the basis given before', async () => {
      const { store, unsaved } = await setup();
      const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
      unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00', L3: '3.00' }), basis, baseRevision: 0 });
      expect(unsaved.follow({ type: 'draft/unsaved-changes', edits: { ...rest, focusedSovLineId: 'L2' }, changes: { L2: '2.00', L3: null }, baseRevision: 0 })).toBe(true);
      expect(await unsaved.save()).toBe('saved');
      expect(await store.get('YC-1')).toMatchObject({ allocations: { L1: '1.00', L2: '2.00' }, focusedSovLineId: 'L2', revision: 1 });
      expect(await store.basis('YC-1')).toEqual(basis);
    });

    it('apply them on top of edits the panel had saved, without the basis saved with those', async () => {
      const { store, worker, unsaved } = await setup();
      const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
      unsaved.follow({ type: 'draft/unsaved', edits: draftEdits({ L1: '1.00' }), basis, baseRevision: 0, writing: true });
      await store.saveEdits(draftEdits({ L1: '1.00' }), 0, basis);
      unsaved.follow({ type: 'draft/saved' });
      expect(await unsaved.save()).toBe('nothing-unsaved');
      unsaved.follow({ type: 'draft/unsaved-changes', edits: rest, changes: { L2: '2.00' }, baseRevision: 1 });
      const put = vi.spyOn(worker, 'saveEdits');
      expect(await unsaved.save()).toBe('saved');
      expect(put).toHaveBeenCalledWith(draftEdits({ L1: '1.00', L2: '2.00' }), 1, undefined);
      expect(await store.get('YC-1')).toMatchObject({ allocations: { L1: '1.00', L2: '2.00' }, revision: 2 });
    });

    it('are refused, and nothing is saved, when no whole snapshot came before them', async () => {
      const { store, unsaved } = await setup();
      expect(unsaved.follow({ type: 'draft/unsaved-changes', edits: rest, changes: { L1: '1.00' }, baseRevision: 0 })).toBe(false);
      expect(await unsaved.save()).toBe('nothing-unsaved');
      expect(await store.get('YC-1')).toBeUndefined();
    });
  });
});
