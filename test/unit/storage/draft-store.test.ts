import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackfillDatabase } from '../../../lib/storage/database';
import { DraftStore } from '../../../lib/storage/draft-store';
import type { Draft, DraftEdits } from '../../../lib/schemas';
import { buildBackfillRequest } from '../../../lib/submission';
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
  focusedSovLineId: 'L2',
};

describe('DraftStore', () => {
  it('records the claim and SOV a draft was built against, with the edits', async () => {
    const { drafts } = freshStore();
    const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: '2026-11-25T10:00:00.000Z' };
    await drafts.saveEdits(edits, 0, basis);
    expect(await drafts.basis('YC-1')).toEqual(basis);
    expect(await drafts.basis('YC-2')).toBeUndefined();
  });

  it('saves edits and reads them back exactly, bumping the revision each time', async () => {
    const { drafts } = freshStore();
    expect(await drafts.saveEdits(edits, 0)).toEqual({ ok: true, revision: 1 });
    expect(await drafts.saveEdits({ ...edits, allocations: { ...BALANCED, L2: '399.99' } }, 1)).toEqual({ ok: true, revision: 2 });
    const draft = await drafts.get('YC-1');
    expect(draft).toMatchObject({ ...edits, allocations: { ...BALANCED, L2: '399.99' }, revision: 2, submission: { state: 'ready' } });
  });

  it('keeps the submission state when edits are saved and freezes a draft on its way to the host', async () => {
    const { drafts } = freshStore();
    await drafts.saveEdits(edits, 0);
    const submitting = { state: 'submitting' as const, idempotencyKey: 'k', lines: buildBackfillRequest(BALANCED).lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 };
    await drafts.save('YC-1', submitting);
    expect(await drafts.saveEdits({ ...edits, allocations: {} }, 2)).toEqual({ ok: false, reason: 'frozen' });
    expect(await drafts.get('YC-1')).toMatchObject({ allocations: BALANCED, submission: submitting });
    expect(await drafts.load('YC-1')).toEqual(submitting);
  });

  it('quarantines a stored record whose submission state cannot be read, reports it, and keeps it', async () => {
    const { db, drafts } = freshStore();
    // Guessing a submission state could send a claim twice: such a record is never reused.
    const broken = { ...edits, revision: 1, updatedAt: '2026-11-25T10:00:00.000Z', submission: { state: 'half-sent' } } as unknown as Draft;
    await db.drafts.put(broken);
    expect(await drafts.get('YC-1')).toBeUndefined();
    expect(drafts.quarantined).toEqual([expect.stringContaining('could not be read')]);
    const [kept] = await db.quarantine.toArray();
    expect(kept).toMatchObject({ table: 'drafts', key: 'YC-1', record: broken });
    expect(kept!.error).toContain('submission');
    expect(await db.drafts.count()).toBe(0);
  });

  it('repairs an unreadable draft instead of starting an empty one: every amount kept, the original quarantined', async () => {
    const { db, drafts } = freshStore();
    // What an earlier version let users save: a 600-character title, a six-digit year, an overlong amount.
    const broken = {
      ...edits,
      header: { number: 'N'.repeat(250), title: 'T'.repeat(600), payPeriod: '202024-03-31' },
      allocations: { ...BALANCED, L4: '1'.repeat(120) + '.00' },
      revision: 4,
      updatedAt: '2026-11-25T10:00:00.000Z',
      submission: { state: 'ready' as const },
    };
    await db.drafts.put(broken);
    const draft = await drafts.get('YC-1');
    expect(draft).toMatchObject({
      allocations: BALANCED,
      header: { number: 'N'.repeat(200), title: 'T'.repeat(500), payPeriod: '2026-11-25' },
      revision: 5,
      focusedSovLineId: 'L2',
    });
    expect(drafts.quarantined).toHaveLength(1);
    expect(drafts.quarantined[0]).toMatch(/repaired and every amount that could be read is kept/);
    expect(drafts.quarantined[0]).toMatch(/title had 600 characters/);
    expect(drafts.quarantined[0]).toMatch(/SOV line L4 held "1111/);
    expect((await db.quarantine.toArray())[0]).toMatchObject({ table: 'drafts', key: 'YC-1', record: broken });
    // Repaired on disk: the next read needs no repair, and saving goes on from the new revision.
    const again = new DraftStore(db);
    expect(await again.get('YC-1')).toEqual(draft);
    expect(again.quarantined).toEqual([]);
    expect(await drafts.saveEdits({ ...edits, allocations: { ...BALANCED, L1: '1.00' } }, 5)).toEqual({ ok: true, revision: 6 });
  });

  it('never reports saved what it could not read back: such a draft is not written', async () => {
    const { drafts } = freshStore();
    await drafts.saveEdits(edits, 0);
    await expect(drafts.saveEdits({ ...edits, header: { ...edits.header, title: 'T'.repeat(501) } }, 1)).rejects.toThrow(/could not read back \(header.title\)/);
    await expect(drafts.saveEdits({ ...edits, header: { ...edits.header, payPeriod: '20245-01-01' } }, 1)).rejects.toThrow(/header.payPeriod/);
    expect(await drafts.get('YC-1')).toMatchObject({ revision: 1, header: edits.header });
  });

  it('refuses a stale write: another tab saved since (compare-and-swap on the revision)', async () => {
    const { drafts } = freshStore();
    await drafts.saveEdits(edits, 0);
    await drafts.saveEdits({ ...edits, allocations: { L1: '1.00' } }, 1); // the other tab
    const stale = await drafts.saveEdits({ ...edits, allocations: { L1: '2.00' } }, 1);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', stored: { revision: 2, allocations: { L1: '1.00' } } });
    expect((await drafts.get('YC-1'))!.allocations).toEqual({ L1: '1.00' });
    expect(await drafts.saveEdits({ ...edits, allocations: { L1: '2.00' } }, 2)).toEqual({ ok: true, revision: 3 });
  });

  it('refuses to start sending lines that are not the saved draft (another tab saved since the review)', async () => {
    const { drafts } = freshStore();
    await drafts.saveEdits(edits, 0);
    const reviewed = buildBackfillRequest({ ...BALANCED, L1: '599.99' }).lines;
    await expect(
      drafts.save('YC-1', { state: 'submitting', idempotencyKey: 'k', lines: reviewed, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 }),
    ).rejects.toThrow(/changed in another tab/);
    expect(await drafts.load('YC-1')).toEqual({ state: 'ready' });
  });

  it('puts a submitted backfill in the ledger and the audit log, and never back to ready', async () => {
    const { db, drafts } = freshStore();
    await drafts.saveEdits(edits, 0);
    const lines = buildBackfillRequest(BALANCED).lines;
    await drafts.save('YC-1', { state: 'submitting', idempotencyKey: 'k1', lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 });
    const backfill = { id: 'BF-1', claimId: 'YC-1', contractId: 'C-1', idempotencyKey: 'k1', lines, total: '1500.00', status: 'Synced and Approved' as const, createdAt: '2026-11-25T10:00:01.000Z' };
    await drafts.save('YC-1', { state: 'submitted', idempotencyKey: 'k1', backfill });
    expect(await drafts.submittedBackfill('YC-1')).toEqual(backfill);
    expect((await db.audit.toArray()).map((entry) => entry.event)).toEqual(['submitting', 'submitted']);
    await expect(drafts.save('YC-1', { state: 'ready' })).rejects.toThrow(/already submitted/);
  });

  it('has nothing to submit without a draft and a ready state when none was saved', async () => {
    const { drafts } = freshStore();
    expect(await drafts.load('YC-404')).toEqual({ state: 'ready' });
    await expect(drafts.save('YC-404', { state: 'ready' })).rejects.toThrow(/no draft/);
  });
});
