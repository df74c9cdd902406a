import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildBackfillRequest } from '../../../lib/submission';
import { BALANCED } from '../../support/fixtures';
import { edits, freshStorage } from '../../support/storage';

describe('Ledger', () => {
  it('keeps the submission state when edits are saved and freezes a draft on its way to the host', async () => {
    const { drafts, ledger } = freshStorage();
    await drafts.saveEdits(edits, 0);
    const submitting = { state: 'submitting' as const, idempotencyKey: 'k', lines: buildBackfillRequest(BALANCED).lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 };
    await ledger.save('YC-1', submitting);
    expect(await drafts.saveEdits({ ...edits, allocations: {} }, 2)).toEqual({ ok: false, reason: 'frozen' });
    expect(await drafts.get('YC-1')).toMatchObject({ allocations: BALANCED, submission: submitting });
    expect(await ledger.load('YC-1')).toEqual(submitting);
  });

  it('refuses to start sending lines that are not the saved draft (another tab saved since the review)', async () => {
    const { drafts, ledger } = freshStorage();
    await drafts.saveEdits(edits, 0);
    const reviewed = buildBackfillRequest({ ...BALANCED, L1: '599.99' }).lines;
    await expect(
      ledger.save('YC-1', { state: 'submitting', idempotencyKey: 'k', lines: reviewed, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 }),
    ).rejects.toThrow(/changed in another tab/);
    expect(await ledger.load('YC-1')).toEqual({ state: 'ready' });
  });

  it('puts a submitted backfill in the ledger and the audit log, and never back to ready', async () => {
    const { db, drafts, ledger } = freshStorage();
    await drafts.saveEdits(edits, 0);
    const lines = buildBackfillRequest(BALANCED).lines;
    await ledger.save('YC-1', { state: 'submitting', idempotencyKey: 'k1', lines, payloadHash: 'h', startedAt: '2026-11-25T10:00:00.000Z', attempts: 0 });
    const backfill = { id: 'BF-1', claimId: 'YC-1', contractId: 'C-1', idempotencyKey: 'k1', lines, total: '1500.00', status: 'Synced and Approved' as const, createdAt: '2026-11-25T10:00:01.000Z' };
    await ledger.save('YC-1', { state: 'submitted', idempotencyKey: 'k1', backfill });
    expect(await ledger.submittedBackfill('YC-1')).toEqual(backfill);
    expect((await db.audit.toArray()).map((entry) => entry.event)).toEqual(['submitting', 'submitted']);
    await expect(ledger.save('YC-1', { state: 'ready' })).rejects.toThrow(/already submitted/);
  });

  it('never takes an unreadable ledger record for no backfill: the claim must not look free again', async () => {
    const { db, ledger } = freshStorage();
    await db.ledger.put({ claimId: 'YC-1', id: 'BF-1', total: 1500 } as never);
    await expect(ledger.submittedBackfill('YC-1')).rejects.toThrow(/cannot be read/);
    expect(await ledger.submittedBackfill('YC-2')).toBeUndefined();
  });

  it('has nothing to submit without a draft and a ready state when none was saved', async () => {
    const { ledger } = freshStorage();
    expect(await ledger.load('YC-404')).toEqual({ state: 'ready' });
    await expect(ledger.save('YC-404', { state: 'ready' })).rejects.toThrow(/no draft/);
  });
});
