import type { z } from 'zod';
import type { Backup, BackupDraft } from '@/lib/backup/backup-file';
import { draftFingerprint, extendLineage } from '@/lib/backup/lineage';
import type { DraftOutcome, ProfileContents, RestorePlan } from '@/lib/backup/restore-plan';
import { nowIso } from '@/lib/clock';
import { LocalClaimSchema, LocalSovSchema } from '@/lib/local-source/records';
import { AuditEntrySchema, BackfillSchema, DraftBasisSchema, DraftSchema, type Draft } from '@/lib/schemas';
import type { BackfillDatabase } from './database';
import type { Quarantine } from './quarantine';

/** For each draft in conflict, the version the user chose to keep. */
export type ConflictChoices = ReadonlyMap<string, 'mine' | 'theirs'>;

/** What a restore did, per draft outcome, and how many other records it added. */
export interface RestoreReport {
  drafts: Record<DraftOutcome, number>;
  /** Claims whose draft here is now the file's (added, newer, or chosen in a conflict). */
  restoredClaimIds: string[];
  ledger: number;
  audit: number;
  localClaims: number;
  localSovs: number;
}

/** Backups and hand-offs: every table a profile's work lives in, read whole and restored in one transaction. */
export class BackupStore {
  constructor(
    private readonly db: BackfillDatabase,
    private readonly quarantine: Quarantine,
  ) {}

  /**
   * A backup's contents: every draft (or only `claimIds`' drafts, a hand-off, with their imported claim
   * and SOV) with its basis, the ledger, the audit log and the local source. Records that no longer
   * read are left out and counted. Each draft carries its fingerprint in its lineage, and keeps it
   * here too, so a later version of it is known when it comes back.
   */
  async backup(claimIds?: readonly string[]): Promise<{ contents: Omit<Backup, 'format' | 'version'>; unreadable: number }> {
    const { drafts, draftBases, ledger, audit, localClaims, localSovs } = this.db;
    return this.db.transaction('rw', [drafts, draftBases, ledger, audit, localClaims, localSovs], async () => {
      const only = claimIds && new Set(claimIds);
      const draftRecords = only ? await drafts.bulkGet([...only]) : await drafts.toArray();
      const read = readAll(DraftSchema, draftRecords.filter((record) => record !== undefined));
      const basisOf = new Map(readAll(DraftBasisSchema, await draftBases.bulkGet(read.records.map((draft) => draft.claimId))).records.map((basis) => [basis.claimId, basis]));
      const handedOff: BackupDraft[] = [];
      for (const draft of read.records) {
        const lineage = extendLineage(draft.lineage, draftFingerprint(draft));
        await drafts.update(draft.claimId, { lineage });
        const basis = basisOf.get(draft.claimId);
        handedOff.push({ draft: { ...draft, lineage }, ...(basis && { basis }) });
      }
      const backfills = readAll(BackfillSchema, await ledger.toArray());
      const entries = readAll(AuditEntrySchema, await audit.toArray());
      const claims = readAll(LocalClaimSchema, await localClaims.toArray());
      const sovs = readAll(LocalSovSchema, await localSovs.toArray());
      const inHandOff = <T extends { claimId: string }>(record: T) => !only || only.has(record.claimId);
      const keptClaims = claims.records.filter((claim) => !only || only.has(claim.id));
      const contractKeys = new Set(keptClaims.map((claim) => claim.contractKey));
      return {
        contents: {
          exportedAt: nowIso(),
          drafts: handedOff,
          ledger: backfills.records.filter(inHandOff),
          audit: entries.records.filter(inHandOff).map(({ id: _id, ...entry }) => entry),
          localClaims: keptClaims,
          localSovs: sovs.records.filter((sov) => !only || contractKeys.has(sov.contractKey)),
        },
        unreadable: read.unreadable + backfills.unreadable + entries.unreadable + claims.unreadable + sovs.unreadable,
      };
    });
  }

  /** What this profile holds, as a restore plan meets it (`planRestore`). */
  async here(): Promise<ProfileContents> {
    const [drafts, ledger, audit, localClaims, localSovs] = await Promise.all([
      this.db.drafts.toArray(),
      this.db.ledger.toArray(),
      this.db.audit.toArray(),
      this.db.localClaims.toArray(),
      this.db.localSovs.toArray(),
    ]);
    return {
      drafts: new Map(readAll(DraftSchema, drafts).records.map((draft) => [draft.claimId, draft])),
      ledger: new Map(readAll(BackfillSchema, ledger).records.map((backfill) => [backfill.claimId, backfill])),
      audit: readAll(AuditEntrySchema, audit).records,
      localClaims: new Map(readAll(LocalClaimSchema, localClaims).records.map((claim) => [claim.id, claim])),
      localSovs: new Map(readAll(LocalSovSchema, localSovs).records.map((sov) => [sov.contractKey, sov])),
    };
  }

  /**
   * Restores what the plan says, in one transaction: all of it or, when a draft here changed since
   * the plan was made (another tab), nothing. The version of a draft not kept in a conflict is set
   * aside in the quarantine, never dropped.
   */
  async restore(plan: RestorePlan, choices: ConflictChoices): Promise<RestoreReport> {
    const { drafts, draftBases, ledger, audit, localClaims, localSovs, quarantine } = this.db;
    const report: RestoreReport = { drafts: { add: 0, same: 0, newer: 0, submitted: 0, older: 0, frozen: 0, 'in-flight': 0, conflict: 0 }, restoredClaimIds: [], ledger: 0, audit: 0, localClaims: 0, localSovs: 0 };
    await this.db.transaction('rw', [drafts, draftBases, ledger, audit, localClaims, localSovs, quarantine], async () => {
      const now = nowIso();
      for (const { theirs, mine, outcome } of plan.drafts) {
        const { claimId } = theirs.draft;
        const record: unknown = await drafts.get(claimId);
        const current = record === undefined ? undefined : DraftSchema.safeParse(record);
        if ((current?.success ? current.data.revision : undefined) !== mine?.revision) {
          throw new Error(`the draft of claim ${claimId} changed in another tab while you were choosing; nothing was restored, restore the file again`);
        }
        // A record here that no longer reads is set aside before anything takes its place, never overwritten.
        if (current && !current.success) await this.quarantine.add('drafts', claimId, 'Could not be read; a restored file put its draft in its place.', record);
        report.drafts[outcome]++;
        const choice = outcome === 'conflict' ? choices.get(claimId) : undefined;
        if (outcome === 'conflict' && !choice) throw new Error(`choose which version of the draft of claim ${claimId} to keep; nothing was restored`);
        if (choice === 'mine') await this.quarantine.add('drafts', claimId, 'The version in a restored file, not kept: you chose the one here.', theirs.draft);
        if (!(outcome === 'add' || outcome === 'newer' || outcome === 'submitted' || choice === 'theirs')) continue;
        // The version here is set aside whenever one from the file replaces it: nothing typed here is lost.
        if (mine) await this.quarantine.add('drafts', claimId, `Replaced by the version in a restored file (${choice === 'theirs' ? 'as you chose' : outcome}).`, mine);
        await drafts.put(restoredDraft(theirs.draft, mine, now));
        if (theirs.basis) await draftBases.put(theirs.basis);
        // A draft submitted elsewhere brings its backfill: this profile must never send a second one.
        if (theirs.draft.submission.state === 'submitted' && (await ledger.get(claimId)) === undefined) {
          await ledger.put(theirs.draft.submission.backfill);
          report.ledger++;
        }
        report.restoredClaimIds.push(claimId);
      }
      for (const backfill of plan.ledger) {
        if ((await ledger.get(backfill.claimId)) !== undefined) continue;
        await ledger.put(backfill);
        report.ledger++;
      }
      await audit.bulkAdd(plan.audit);
      report.audit = plan.audit.length;
      for (const claim of plan.localClaims) {
        if ((await localClaims.get(claim.id)) !== undefined) continue;
        await localClaims.put(claim);
        report.localClaims++;
      }
      for (const sov of plan.localSovs) {
        if ((await localSovs.get(sov.contractKey)) !== undefined) continue;
        await localSovs.put(sov);
        report.localSovs++;
      }
    });
    return report;
  }
}

/** The file's draft as it is kept here: a revision past this one's, so open tabs see it changed. */
function restoredDraft(theirs: Draft, mine: Draft | undefined, now: string): Draft {
  return { ...theirs, revision: (mine?.revision ?? 0) + 1, updatedAt: now, lineage: extendLineage(theirs.lineage, draftFingerprint(theirs)) };
}

/** The records that read back, and how many did not. */
function readAll<T>(schema: z.ZodType<T>, records: readonly unknown[]): { records: T[]; unreadable: number } {
  const read = records.flatMap((record) => {
    const parsed = schema.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
  return { records: read, unreadable: records.length - read.length };
}
