import { z } from 'zod';
import { LocalClaimSchema, LocalSovSchema } from '../local-source/records';
import { AuditEntrySchema, BackfillSchema, DraftBasisSchema, DraftEditsSchema, DraftSchema } from '../schemas';

/**
 * A Backfill backup: drafts (with what each was built against), the local ledger of finished and
 * submitted backfills, the audit log, and the claims and SOVs imported from files. One file carries a
 * whole profile, or a single draft handed to a colleague. Versioned: this build writes version 1 and
 * reads it, and also the single-draft download of earlier builds (`LegacyDraftFileSchema`).
 */
export const BACKUP_FORMAT = 'backfill-backup';
export const BACKUP_VERSION = 1;

// A draft's basis and its backfill are that claim's: a file cannot slip in another claim's records.
export const BackupDraftSchema = z
  .object({ draft: DraftSchema, basis: DraftBasisSchema.optional() })
  .refine(({ draft, basis }) => basis === undefined || basis.claimId === draft.claimId, 'its basis is of another claim')
  .refine(({ draft }) => draft.submission.state !== 'submitted' || draft.submission.backfill.claimId === draft.claimId, 'its backfill is of another claim');
export type BackupDraft = z.infer<typeof BackupDraftSchema>;

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  drafts: z.array(BackupDraftSchema).refine((drafts) => new Set(drafts.map(({ draft }) => draft.claimId)).size === drafts.length, 'a claim has more than one draft'),
  ledger: z.array(BackfillSchema),
  audit: z.array(AuditEntrySchema.omit({ id: true })),
  localClaims: z.array(LocalClaimSchema),
  localSovs: z.array(LocalSovSchema),
});
export type Backup = z.infer<typeof BackupSchema>;

/** What the panel's "Download the draft" wrote when a draft could not be saved: its edits and when. */
const LegacyDraftFileSchema = DraftEditsSchema.extend({ exportedAt: z.iso.datetime() });

export type ReadBackupResult = { ok: true; backup: Backup; legacy: boolean } | { ok: false; error: string };

/** The largest file read: far above a profile's worth of drafts, and well below what a tab can hold. */
export const MAX_BACKUP_CHARACTERS = 200_000_000;

/** Reads a backup file, checking every record; a file that is not one says what it is not, in plain words. */
export function readBackupFile(text: string): ReadBackupResult {
  if (text.length > MAX_BACKUP_CHARACTERS) return { ok: false, error: `The file is larger than ${MAX_BACKUP_CHARACTERS / 1_000_000} MB, too large to be a Backfill backup.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON, so it is not a Backfill backup.' };
  }
  const head = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number() }).safeParse(json);
  if (head.success) {
    if (head.data.version > BACKUP_VERSION) return { ok: false, error: `The file is a version ${head.data.version} backup, made by a newer Backfill; update the extension to restore it.` };
    const backup = BackupSchema.safeParse(json);
    return backup.success ? { ok: true, backup: backup.data, legacy: false } : { ok: false, error: `The backup cannot be read: ${firstProblem(backup.error)}. Nothing was restored.` };
  }
  const legacy = LegacyDraftFileSchema.safeParse(json);
  if (legacy.success) {
    const { exportedAt, ...edits } = legacy.data;
    const draft = { ...edits, revision: 0, updatedAt: exportedAt, submission: { state: 'ready' as const } };
    return { ok: true, legacy: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, drafts: [{ draft }], ledger: [], audit: [], localClaims: [], localSovs: [] } };
  }
  return { ok: false, error: 'The file is JSON, but neither a Backfill backup nor a downloaded draft.' };
}

/** The first problem zod found, with where: `drafts.3.draft.allocations.L1: Invalid amount`. */
function firstProblem(error: z.ZodError): string {
  const [issue] = error.issues;
  return issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'it does not match its schema';
}

/** A backup as the file is written (readable JSON, one trailing newline). */
export function writeBackup(contents: Omit<Backup, 'format' | 'version'>): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...contents }, null, 1)}\n`;
}
