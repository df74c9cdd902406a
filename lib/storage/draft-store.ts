import type { AuditEntry, Backfill, Draft, DraftBasis, DraftEdits, HostClaim, Sov, Submission } from '@/lib/schemas';
import type { DraftEntry, MarkEntry } from '@/lib/draft-marks';
import type { SubmissionStore } from '@/lib/submission';
import type { BackfillDatabase } from './database';
import { DraftBases } from './draft-bases';
import { Drafts, type SaveEditsResult } from './drafts';
import { HostCache } from './host-cache';
import { Ledger } from './ledger';
import { Quarantine } from './quarantine';

export type { SaveEditsResult } from './drafts';

/**
 * One claim's storage as the panel, the drafts page and the background use it: a thin facade over the
 * repositories of each table (drafts, their bases, the ledger and audit, the host cache, the quarantine),
 * which share one quarantine and so one list of reports.
 */
export class DraftStore implements SubmissionStore {
  private readonly quarantine: Quarantine;
  private readonly bases: DraftBases;
  private readonly drafts: Drafts;
  private readonly ledger: Ledger;
  private readonly hostCache: HostCache;

  constructor(db: BackfillDatabase) {
    this.quarantine = new Quarantine(db);
    this.bases = new DraftBases(db, this.quarantine);
    this.drafts = new Drafts(db, this.quarantine, this.bases);
    this.ledger = new Ledger(db, this.drafts);
    this.hostCache = new HostCache(db);
  }

  /** Plain-words reports of records that were set aside, for the panel to show. */
  get quarantined(): readonly string[] {
    return this.quarantine.reports;
  }

  get(claimId: string): Promise<Draft | undefined> {
    return this.drafts.get(claimId);
  }

  /** The contract of the claim's draft, read without the draft (see `Drafts.contractOf`). */
  contractOf(claimId: string): Promise<string | undefined> {
    return this.drafts.contractOf(claimId);
  }

  basis(claimId: string): Promise<DraftBasis | undefined> {
    return this.bases.get(claimId);
  }

  saveEdits(edits: DraftEdits, baseRevision: number, basis?: DraftBasis): Promise<SaveEditsResult> {
    return this.drafts.saveEdits(edits, baseRevision, basis);
  }

  watchOtherDrafts(contractId: string, claimId: string, onChange: (entries: MarkEntry<Draft>[]) => void): () => void {
    return this.drafts.watchOtherDrafts(contractId, claimId, onChange);
  }

  watchAll(onChange: (list: { entries: DraftEntry[]; unreadable: number }) => void): () => void {
    return this.drafts.watchAll(onChange);
  }

  all(): Promise<{ entries: DraftEntry[]; unreadable: number }> {
    return this.drafts.all();
  }

  watch(claimId: string, onChange: (draft: Draft | undefined) => void): () => void {
    return this.drafts.watch(claimId, onChange);
  }

  load(claimId: string): Promise<Submission> {
    return this.ledger.load(claimId);
  }

  save(claimId: string, submission: Submission): Promise<void> {
    return this.ledger.save(claimId, submission);
  }

  audit(claimId: string, event: AuditEntry['event'], detail: string): Promise<void> {
    return this.ledger.audit(claimId, event, detail);
  }

  submittedBackfill(claimId: string): Promise<Backfill | undefined> {
    return this.ledger.submittedBackfill(claimId);
  }

  cachedHostData(claimId: string): Promise<{ claim: HostClaim; sov: Sov; fetchedAt: string } | undefined> {
    return this.hostCache.read(claimId);
  }

  cacheHostData(claim: HostClaim, sov: Sov): Promise<void> {
    return this.hostCache.write(claim, sov);
  }
}
