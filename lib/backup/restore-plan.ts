import { sameLocalClaim, sameSovLines } from '../local-source/import-plan';
import type { LocalClaim, LocalSov } from '../local-source/records';
import type { AuditEntry, Backfill, Draft } from '../schemas';
import type { Backup, BackupDraft } from './backup-file';
import { relateDrafts } from './lineage';

/** What this profile holds that a restore meets (keyed by claim, or by contract for SOVs). */
export interface ProfileContents {
  drafts: ReadonlyMap<string, Draft>;
  ledger: ReadonlyMap<string, Backfill>;
  audit: readonly Omit<AuditEntry, 'id'>[];
  localClaims: ReadonlyMap<string, LocalClaim>;
  localSovs: ReadonlyMap<string, LocalSov>;
}

/**
 * What restoring does with one draft of the file:
 * - add: this profile has no draft of the claim;
 * - same: it has this very content: skipped;
 * - newer: the file's draft is a later version of this one: it replaces it;
 * - submitted: the file's draft was submitted there: it replaces this one, which then cannot be sent;
 * - older: this one is a later version of the file's: kept;
 * - frozen: this one is being submitted or was submitted: it never becomes editable again, kept;
 * - in-flight: the file's draft was being submitted when the file was made: not taken (the host has
 *   the word on that submission), this one is kept;
 * - conflict: each changed on its own; the user chooses.
 * Whenever a draft from the file replaces one here, the one here is set aside, not lost.
 */
export type DraftOutcome = 'add' | 'same' | 'newer' | 'submitted' | 'older' | 'frozen' | 'in-flight' | 'conflict';

export interface DraftRestore {
  theirs: BackupDraft;
  mine: Draft | undefined;
  outcome: DraftOutcome;
}

export interface RestorePlan {
  drafts: DraftRestore[];
  /** Ledger records to add; `ledgerKept` are claims whose record here differs from the file's (this one is kept). */
  ledger: Backfill[];
  ledgerKept: string[];
  audit: Omit<AuditEntry, 'id'>[];
  /** Imported claims and SOVs to add; the `Kept` lists differ from the file's, and stay as they are here. */
  localClaims: LocalClaim[];
  localClaimsKept: LocalClaim[];
  localSovs: LocalSov[];
  localSovsKept: LocalSov[];
}

/**
 * Plans a restore of `backup` into a profile holding `here`, record by record; nothing is merged
 * blindly. A claim's backfill is never lost nor doubled: a ledger record is only ever added, and a
 * draft submitted in either place stays submitted.
 */
export function planRestore(backup: Backup, here: ProfileContents): RestorePlan {
  const drafts = backup.drafts.map((theirs): DraftRestore => {
    const mine = here.drafts.get(theirs.draft.claimId);
    return { theirs, mine, outcome: draftOutcome(theirs.draft, mine) };
  });
  const ledger = backup.ledger.filter((backfill) => !here.ledger.has(backfill.claimId));
  const ledgerKept = backup.ledger.filter((backfill) => here.ledger.has(backfill.claimId) && JSON.stringify(here.ledger.get(backfill.claimId)) !== JSON.stringify(backfill)).map((backfill) => backfill.claimId);
  const auditKey = (entry: Omit<AuditEntry, 'id'>) => JSON.stringify([entry.claimId, entry.at, entry.event, entry.detail]);
  const known = new Set(here.audit.map(auditKey));
  const audit = backup.audit.filter((entry) => !known.has(auditKey(entry)));
  const [localClaims, localClaimsKept] = split(backup.localClaims, (claim) => here.localClaims.get(claim.id), sameLocalClaim);
  const [localSovs, localSovsKept] = split(backup.localSovs, (sov) => here.localSovs.get(sov.contractKey), sameSovLines);
  return { drafts, ledger, ledgerKept, audit, localClaims, localClaimsKept, localSovs, localSovsKept };
}

function draftOutcome(theirs: Draft, mine: Draft | undefined): DraftOutcome {
  if (theirs.submission.state === 'submitting' && mine?.submission.state !== 'submitting') return 'in-flight';
  if (!mine) return 'add';
  if (mine.submission.state !== 'ready') return theirs.submission.state === mine.submission.state && relateDrafts(mine, theirs) === 'same' ? 'same' : 'frozen';
  if (theirs.submission.state === 'submitted') return 'submitted';
  switch (relateDrafts(mine, theirs)) {
    case 'same':
      return 'same';
    case 'theirs-newer':
      return 'newer';
    case 'mine-newer':
      return 'older';
    case 'diverged':
      return 'conflict';
  }
}

/** The records to add (not here yet), and those here in another form (kept as they are). */
function split<T>(records: readonly T[], hereOf: (record: T) => T | undefined, same: (a: T, b: T) => boolean): [T[], T[]] {
  const added: T[] = [];
  const kept: T[] = [];
  for (const record of records) {
    const here = hereOf(record);
    if (here === undefined) added.push(record);
    else if (!same(here, record)) kept.push(record);
  }
  return [added, kept];
}
