import { describe, expect, it } from 'vitest';
import { readBackupFile, writeBackup, type Backup } from '../../../lib/backup/backup-file';
import { draftFingerprint, extendLineage, relateDrafts } from '../../../lib/backup/lineage';
import { planRestore, type ProfileContents } from '../../../lib/backup/restore-plan';
import { localClaim, localSov } from '../../../lib/local-source/records';
import type { Backfill, Draft } from '../../../lib/schemas';
import { makeClaim, makeSov } from '../../support/fixtures';
import { IMPORTED } from '../../support/local-source';

const AT = '2026-11-30T10:00:00.000Z';

function draft(claimId: string, allocations: Record<string, string>, extra: Partial<Draft> = {}): Draft {
  return { claimId, contractId: 'C-1', header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' }, allocations, revision: 3, updatedAt: AT, focusedSovLineId: null, submission: { state: 'ready' }, ...extra };
}

const backfill: Backfill = { id: 'BF-1', claimId: 'YC-2', contractId: 'C-1', idempotencyKey: 'k', lines: [{ sovLineId: 'L1', amount: '10.00' }], total: '10.00', status: 'Synced and Approved', createdAt: AT };
const imported = localClaim(IMPORTED, 'payments.csv', AT);
const contents: Omit<Backup, 'format' | 'version'> = {
  exportedAt: AT,
  drafts: [{ draft: draft('YC-1', { L1: '600.00' }), basis: { claimId: 'YC-1', claim: makeClaim(), sov: makeSov(), recordedAt: AT } }],
  ledger: [backfill],
  audit: [{ claimId: 'YC-2', at: AT, event: 'submitted', detail: 'Backfill BF-1 (key k).' }],
  localClaims: [imported],
  localSovs: [localSov('SC-1042', [], 'g703.csv', AT)],
};

describe('the backup file', () => {
  it('reads back what it wrote, every record checked', () => {
    const read = readBackupFile(writeBackup(contents));
    expect(read).toEqual({ ok: true, legacy: false, backup: { format: 'backfill-backup', version: 1, ...contents } });
  });

  it('reads the single-draft download of earlier builds as a backup of that draft', () => {
    const download = JSON.stringify({ exportedAt: AT, claimId: 'YC-1', contractId: 'C-1', header: { number: 'PC-1', title: 'March', payPeriod: '2026-03-31' }, allocations: { L1: '5.00' }, focusedSovLineId: 'L1' });
    const read = readBackupFile(download);
    expect(read.ok && read.legacy).toBe(true);
    expect(read.ok && read.backup.drafts).toEqual([{ draft: { claimId: 'YC-1', contractId: 'C-1', header: { number: 'PC-1', title: 'March', payPeriod: '2026-03-31' }, allocations: { L1: '5.00' }, focusedSovLineId: 'L1', revision: 0, updatedAt: AT, submission: { state: 'ready' } } }]);
  });

  it('says what is wrong with a file that is not one, and where', () => {
    expect(readBackupFile('{"format":')).toEqual({ ok: false, error: 'The file is not JSON, so it is not a Backfill backup.' });
    expect(readBackupFile('{"rows":[]}')).toEqual({ ok: false, error: 'The file is JSON, but neither a Backfill backup nor a downloaded draft.' });
    expect(readBackupFile(JSON.stringify({ format: 'backfill-backup', version: 2 }))).toEqual({ ok: false, error: 'The file is a version 2 backup, made by a newer Backfill; update the extension to restore it.' });
    const bad = JSON.parse(writeBackup(contents)) as { drafts: { draft: { revision: number } }[] };
    bad.drafts[0]!.draft.revision = -1;
    const read = readBackupFile(JSON.stringify(bad));
    expect(read.ok ? '' : read.error).toMatch(/^The backup cannot be read: drafts\.0\.draft\.revision: .+\. Nothing was restored\.$/);
  });
});

describe('draft lineage', () => {
  const start = draft('YC-1', { L1: '600.00' });
  const handedOff = { ...start, lineage: extendLineage(undefined, draftFingerprint(start)) };
  const theirs = { ...draft('YC-1', { L1: '650.00' }), lineage: handedOff.lineage };
  const mineLater = { ...draft('YC-1', { L1: '700.00' }), lineage: handedOff.lineage };

  it('tells the same content, a newer and an older version, and two that went their own ways', () => {
    expect(draftFingerprint(draft('YC-9', { L2: '', L1: '600.00' }))).toBe(draftFingerprint(start));
    const sameLater: Draft = { ...start, revision: 9 };
    expect(relateDrafts(start, sameLater)).toBe('same');
    expect(relateDrafts(handedOff, theirs)).toBe('theirs-newer');
    expect(relateDrafts({ ...theirs, lineage: extendLineage(theirs.lineage, draftFingerprint(theirs)) }, handedOff)).toBe('mine-newer');
    expect(relateDrafts(mineLater, theirs)).toBe('diverged');
  });

  it('keeps each fingerprint once, the newest last, at most fifty', () => {
    const long = Array.from({ length: 60 }, (_, index) => index.toString(16).padStart(16, '0'));
    expect(extendLineage(long, long[3]!)).toHaveLength(50);
    expect(extendLineage(['a', 'b'], 'a')).toEqual(['b', 'a']);
  });
});

describe('planRestore', () => {
  const empty: ProfileContents = { drafts: new Map(), ledger: new Map(), audit: [], localClaims: new Map(), localSovs: new Map() };
  const backup = (drafts: Draft[]): Backup => ({ format: 'backfill-backup', version: 1, ...contents, drafts: drafts.map((each) => ({ draft: each })) });

  it('does not take a draft that was being submitted when the file was made', () => {
    const sending = draft('YC-1', { L1: '1.00' }, { submission: { state: 'submitting', idempotencyKey: 'k', lines: [{ sovLineId: 'L1', amount: '1.00' }], payloadHash: 'h', startedAt: AT, attempts: 1 } });
    expect(planRestore(backup([sending]), empty).drafts[0]!.outcome).toBe('in-flight');
  });

  it('adds everything to an empty profile', () => {
    const plan = planRestore(backup([draft('YC-1', { L1: '1.00' })]), empty);
    expect(plan.drafts.map((each) => each.outcome)).toEqual(['add']);
    expect([plan.ledger.length, plan.audit.length, plan.localClaims.length, plan.localSovs.length]).toEqual([1, 1, 1, 1]);
  });

  it('skips what is already here, keeps what differs here, and lets the user settle drafts that went their own ways', () => {
    const base = draft('YC-1', { L1: '1.00' });
    // What was handed off of YC-2 and YC-3 before.
    const lineage2 = extendLineage(undefined, draftFingerprint(draft('YC-2', { L1: '2.00' })));
    const lineage3 = extendLineage(undefined, draftFingerprint(draft('YC-3', { L1: '3.00' })));
    const submitted = draft('YC-4', { L1: '10.00' }, { submission: { state: 'submitted', idempotencyKey: 'k', backfill: { ...backfill, claimId: 'YC-4' } } });
    const here: ProfileContents = {
      drafts: new Map([
        ['YC-1', base],
        ['YC-2', { ...draft('YC-2', { L1: '2.00' }), lineage: lineage2 }],
        ['YC-3', { ...draft('YC-3', { L1: '3.50' }), lineage: lineage3 }],
        ['YC-4', submitted],
        ['YC-5', { ...draft('YC-5', { L1: '5.00' }) }],
      ]),
      ledger: new Map([['YC-2', { ...backfill, id: 'BF-OTHER' }]]),
      audit: contents.audit,
      localClaims: new Map([[imported.id, { ...imported, total: '1.00' }]]),
      localSovs: new Map(),
    };
    const plan = planRestore(
      backup([
        { ...base, revision: 8 },
        // YC-2 here is the version handed off; the file's went on from it.
        { ...draft('YC-2', { L1: '2.50' }), lineage: lineage2 },
        // YC-3 here went on from the version handed off, and so did the file's, differently.
        { ...draft('YC-3', { L1: '3.75' }), lineage: lineage3 },
        draft('YC-4', { L1: '99.00' }),
        draft('YC-5', { L1: '5.00' }, { submission: { state: 'submitted', idempotencyKey: 'k5', backfill: { ...backfill, claimId: 'YC-5' } } }),
      ]),
      here,
    );
    expect(plan.drafts.map((each) => [each.theirs.draft.claimId, each.outcome])).toEqual([
      ['YC-1', 'same'],
      ['YC-2', 'newer'],
      ['YC-3', 'conflict'],
      ['YC-4', 'frozen'],
      ['YC-5', 'submitted'],
    ]);
    expect(plan.ledger).toEqual([]);
    expect(plan.ledgerKept).toEqual(['YC-2']);
    expect(plan.audit).toEqual([]);
    expect(plan.localClaims).toEqual([]);
    expect(plan.localClaimsKept).toEqual([imported]);
  });
});

describe('a file that slips in another claim’s records', () => {
  it('is refused whole, saying which record', () => {
    const other = JSON.parse(writeBackup(contents)) as { drafts: { basis: { claimId: string } }[] };
    other.drafts[0]!.basis.claimId = 'YC-9';
    const read = readBackupFile(JSON.stringify(other));
    expect(read.ok ? '' : read.error).toBe('The backup cannot be read: drafts.0: its basis is of another claim. Nothing was restored.');
    const twice = JSON.parse(writeBackup(contents)) as { drafts: unknown[] };
    twice.drafts.push(twice.drafts[0]);
    const readTwice = readBackupFile(JSON.stringify(twice));
    expect(readTwice.ok ? '' : readTwice.error).toBe('The backup cannot be read: drafts: a claim has more than one draft. Nothing was restored.');
  });
});
