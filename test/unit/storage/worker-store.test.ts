import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { identityKey } from '../../../lib/claim-identity';
import { DraftSchema } from '../../../lib/schemas';
import { RowLinks } from '../../../lib/storage/row-links';
import { WorkerStore } from '../../../lib/storage/worker-store';
import { draftEdits, makeClaim, makeSov } from '../../support/fixtures';
import { freshStorage } from '../../support/storage';

const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };

/** The database as the pages make it (Dexie), with the service worker's store over it. */
async function opened() {
  const storage = freshStorage();
  await storage.db.open();
  return storage;
}

describe('the service worker’s store', () => {
  it('saves with the same compare-and-swap as the pages, and the pages read its draft and basis back', async () => {
    const { drafts, bases, worker } = await opened();
    expect(await worker.saveEdits(draftEdits({ L1: '1.00' }), 0, basis)).toEqual({ ok: true, revision: 1 });
    expect(await drafts.saveEdits(draftEdits({ L1: '2.00' }), 1)).toEqual({ ok: true, revision: 2 });
    expect(await worker.saveEdits(draftEdits({ L1: '3.00' }), 2)).toEqual({ ok: true, revision: 3 });
    const draft = await drafts.get('YC-1');
    expect(draft).toMatchObject({ allocations: { L1: '3.00' }, revision: 3, submission: { state: 'ready' } });
    expect(DraftSchema.parse(draft)).toEqual(draft);
    expect(await bases.get('YC-1')).toEqual(basis);
  });

  it('never overwrites a newer draft: it answers with the edits that stand', async () => {
    const { drafts, worker } = await opened();
    await drafts.saveEdits(draftEdits({ L1: '1.00' }), 0);
    await drafts.saveEdits(draftEdits({ L2: '2.00' }), 1);
    expect(await worker.saveEdits(draftEdits({ L1: '9.00' }), 1)).toEqual({ ok: false, reason: 'conflict', stored: { ...draftEdits({ L2: '2.00' }), revision: 2 } });
    expect(await drafts.get('YC-1')).toMatchObject({ allocations: { L2: '2.00' }, revision: 2 });
  });

  it('leaves a draft whose head does not read as it is (a conflict), for opening the claim to repair', async () => {
    const { db, worker } = await opened();
    const damaged = { ...draftEdits({ L1: '1.00' }), revision: 'two', updatedAt: '2026-11-25T10:00:00.000Z', submission: { state: 'ready' } };
    await db.drafts.put(damaged as never);
    expect(await worker.saveEdits(draftEdits({ L1: '9.00' }), 0)).toEqual({ ok: false, reason: 'conflict', stored: null });
    expect(await db.drafts.get('YC-1')).toEqual(damaged);
  });

  it('refuses to change a draft being submitted, and keeps a draft’s lineage', async () => {
    const { db, drafts, worker } = await opened();
    await drafts.saveEdits(draftEdits({ L1: '1.00' }), 0);
    const stored = (await drafts.get('YC-1'))!;
    await db.drafts.put({ ...stored, lineage: ['0123456789abcdef'] });
    expect(await worker.saveEdits(draftEdits({ L1: '2.00' }), 1)).toEqual({ ok: true, revision: 2 });
    expect(await drafts.get('YC-1')).toMatchObject({ allocations: { L1: '2.00' }, lineage: ['0123456789abcdef'] });
    await db.drafts.put({ ...(await drafts.get('YC-1'))!, submission: { state: 'submitted', idempotencyKey: 'k-1', backfill: { id: 'B-1', claimId: 'YC-1', contractId: 'C-1', idempotencyKey: 'k-1', lines: [], total: '0.00', status: 'Synced and Approved', createdAt: '2026-11-25T10:00:00.000Z' } } });
    expect(await worker.saveEdits(draftEdits({ L1: '3.00' }), 2)).toEqual({ ok: false, reason: 'frozen' });
  });

  it('writes nothing of a save that fails halfway (as Dexie, it aborts the whole transaction)', async () => {
    const { drafts, bases, worker } = await opened();
    const uncloneable = { ...basis, recordedAt: () => 'now' } as never;
    await expect(worker.saveEdits(draftEdits({ L1: '1.00' }), 0, uncloneable)).rejects.toThrow();
    expect(await drafts.get('YC-1')).toBeUndefined();
    expect(await bases.get('YC-1')).toBeUndefined();
  });

  it('sets edits aside in the quarantine, as the pages do', async () => {
    const { db, worker } = await opened();
    await worker.setAside(draftEdits({ L1: '1.00' }), 'Left unsaved by a panel.');
    expect(await db.quarantine.toArray()).toEqual([expect.objectContaining({ table: 'drafts', key: 'YC-1', error: 'Left unsaved by a panel.', record: draftEdits({ L1: '1.00' }) })]);
  });

  it('reads the drafts and their claims, and the rows’ links, for the rows’ marks, skipping what does not read', async () => {
    const { db, drafts, worker } = await opened();
    await drafts.saveEdits(draftEdits({ L1: '1.00' }), 0, basis);
    await drafts.saveEdits({ ...draftEdits({}), claimId: 'YC-2' }, 0, { ...basis, claimId: 'YC-2', claim: makeClaim({ id: 'YC-2' }) });
    await db.draftBases.put({ ...basis, claimId: 'YC-2', claim: { ...makeClaim({ id: 'YC-2' }), total: 'lots' } });
    await db.drafts.put({ claimId: 'YC-3', allocations: [] } as never);
    await new RowLinks(db).remember({ contractNumber: 'SC-1', invoiceNumber: 'A-1' }, 'YC-2');
    await db.rowLinks.put({ key: 'damaged', claimId: '', at: 'yesterday' });
    const { entries, links } = await worker.markSources([identityKey({ contractNumber: 'SC-1', invoiceNumber: 'A-1' }), 'damaged', 'unknown']);
    expect(links).toEqual(new Map([[identityKey({ contractNumber: 'SC-1', invoiceNumber: 'A-1' }), 'YC-2']]));
    expect(entries.map(({ draft, basis }) => [draft.claimId, draft.allocations, basis?.claim.id])).toEqual(
      expect.arrayContaining([
        ['YC-1', { L1: '1.00' }, 'YC-1'],
        ['YC-2', {}, undefined],
      ]),
    );
    expect(entries).toHaveLength(2);
  });

  it('tells the pages’ watches of its writes (Dexie’s live queries see only what Dexie writes)', async () => {
    const { drafts, worker } = await opened();
    const seen: Array<string | undefined> = [];
    const listed: number[] = [];
    const stops = [drafts.watch('YC-1', (draft) => seen.push(draft?.allocations.L1)), drafts.watchAll(({ entries }) => listed.push(entries.length))];
    await expect.poll(() => [seen, listed]).toEqual([[undefined], [0]]);
    await worker.saveEdits(draftEdits({ L1: '4.00' }), 0, basis);
    await expect.poll(() => [seen, listed]).toEqual([[undefined, '4.00'], [0, 1]]);
    stops.forEach((stop) => stop());
  });

  it('never makes the database: with none yet, no marks, and a save that fails', async () => {
    const factory = new IDBFactory();
    const worker = new WorkerStore(factory, 'not-made');
    expect(await worker.markSources(['k'])).toEqual({ entries: [], links: new Map() });
    await expect(worker.saveEdits(draftEdits({ L1: '1.00' }), 0)).rejects.toThrow('no page has opened it');
    // Rows seen are recorded on a later visit, once a page has made the database.
    await expect(worker.recordSeenRows([{ claimId: 'YC-1' }], new URL('https://pf.example.com/recon'))).rejects.toThrow('no page has opened it');
    expect(await factory.databases()).toEqual([]);
  });
});
