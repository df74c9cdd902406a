import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readBackupFile, writeBackup } from '../../../lib/backup/backup-file';
import { planRestore } from '../../../lib/backup/restore-plan';
import { localClaim } from '../../../lib/local-source/records';
import type { Backfill } from '../../../lib/schemas';
import { makeClaim, makeSov } from '../../support/fixtures';
import { IMPORTED } from '../../support/local-source';
import { edits, freshStorage } from '../../support/storage';

const AT = '2026-11-30T10:00:00.000Z';
const basis = { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: AT };

/** A profile with a draft of YC-1, a finished backfill of YC-2 with its audit trail, and an imported claim. */
async function workedProfile() {
  const profile = freshStorage();
  await profile.drafts.saveEdits(edits, 0, basis);
  const backfill: Backfill = { id: 'BF-1', claimId: 'YC-2', contractId: 'C-1', idempotencyKey: 'k', lines: [{ sovLineId: 'L1', amount: '10.00' }], total: '10.00', status: 'Synced and Approved', createdAt: AT };
  await profile.db.ledger.put(backfill);
  await profile.db.audit.add({ claimId: 'YC-2', at: AT, event: 'submitted', detail: 'Backfill BF-1 (key k).' });
  await profile.localSource.putClaims([localClaim(IMPORTED, 'payments.csv', AT)]);
  return profile;
}

async function restoreInto(profile: ReturnType<typeof freshStorage>, file: string, choices = new Map<string, 'mine' | 'theirs'>()) {
  const read = readBackupFile(file);
  if (!read.ok) throw new Error(read.error);
  return profile.backups.restore(planRestore(read.backup, await profile.backups.here()), choices);
}

describe('BackupStore', () => {
  it('restores a whole profile into a fresh one: every amount, the ledger and the history', async () => {
    const from = await workedProfile();
    const { contents, unreadable } = await from.backups.backup();
    expect(unreadable).toBe(0);
    const into = freshStorage();
    const report = await restoreInto(into, writeBackup(contents));
    expect(report).toMatchObject({ drafts: { add: 1 }, restoredClaimIds: ['YC-1'], ledger: 1, audit: 1, localClaims: 1 });
    expect((await into.drafts.get('YC-1'))?.allocations).toEqual(edits.allocations);
    expect(await into.bases.get('YC-1')).toEqual(basis);
    expect(await into.ledger.submittedBackfill('YC-2')).toEqual(await from.ledger.submittedBackfill('YC-2'));
    expect(await into.db.audit.count()).toBe(1);
    // The same file again adds nothing twice.
    expect(await restoreInto(into, writeBackup(contents))).toMatchObject({ drafts: { same: 1 }, restoredClaimIds: [], ledger: 0, audit: 0, localClaims: 0 });
    expect(await into.db.audit.count()).toBe(1);
  });

  it('hands a draft off and takes a colleague’s later version of it back as newer; two that went their own ways are the user’s to settle', async () => {
    const mine = await workedProfile();
    const handOff = await mine.backups.backup(['YC-1']);
    expect(handOff.contents.drafts.map(({ draft }) => draft.claimId)).toEqual(['YC-1']);
    expect(handOff.contents.ledger).toEqual([]);
    const colleague = freshStorage();
    await restoreInto(colleague, writeBackup(handOff.contents));
    const theirs = await colleague.drafts.get('YC-1');
    await colleague.drafts.saveEdits({ ...edits, allocations: { ...edits.allocations, L1: '650.00' } }, theirs!.revision, undefined);
    const back = writeBackup((await colleague.backups.backup(['YC-1'])).contents);

    expect(await restoreInto(mine, back)).toMatchObject({ drafts: { newer: 1 }, restoredClaimIds: ['YC-1'] });
    expect((await mine.drafts.get('YC-1'))?.allocations.L1).toBe('650.00');

    // Now both change it: the colleague's file is a conflict, and nothing happens until the user chooses.
    const now = await mine.drafts.get('YC-1');
    await mine.drafts.saveEdits({ ...edits, allocations: { ...edits.allocations, L1: '700.00' } }, now!.revision, undefined);
    const again = await colleague.drafts.get('YC-1');
    await colleague.drafts.saveEdits({ ...edits, allocations: { ...edits.allocations, L1: '640.00' } }, again!.revision, undefined);
    const conflicting = writeBackup((await colleague.backups.backup(['YC-1'])).contents);
    await expect(restoreInto(mine, conflicting)).rejects.toThrow('choose which version of the draft of claim YC-1 to keep; nothing was restored');
    expect((await mine.drafts.get('YC-1'))?.allocations.L1).toBe('700.00');
    await restoreInto(mine, conflicting, new Map([['YC-1', 'theirs']]));
    expect((await mine.drafts.get('YC-1'))?.allocations.L1).toBe('640.00');
    // Mine is set aside, not lost.
    const setAside = (await mine.db.quarantine.toArray()).findLast((record) => record.key === 'YC-1');
    expect(setAside?.error).toBe('Replaced by the version in a restored file (as you chose).');
    expect((setAside?.record as { allocations: Record<string, string> }).allocations.L1).toBe('700.00');
  });

  it('restores nothing when a draft changed in another tab after the plan was made', async () => {
    const from = await workedProfile();
    const file = writeBackup((await from.backups.backup()).contents);
    const into = freshStorage();
    await into.drafts.saveEdits({ ...edits, allocations: { L1: '1.00' } }, 0, basis);
    const read = readBackupFile(file);
    const plan = planRestore(read.ok ? read.backup : (undefined as never), await into.backups.here());
    await into.drafts.saveEdits({ ...edits, allocations: { L1: '2.00' } }, 1, undefined);
    await expect(into.backups.restore(plan, new Map([['YC-1', 'theirs']]))).rejects.toThrow('changed in another tab');
    expect(await into.db.ledger.count()).toBe(0);
    expect((await into.drafts.get('YC-1'))?.allocations).toEqual({ L1: '2.00' });
  });
});
