import { liveQuery } from 'dexie';
import { DraftSchema, type Backfill, type Draft, type HostClaim, type Sov, type Submission } from '@/lib/schemas';
import type { SubmissionStore } from '@/lib/submission';
import { nowIso } from './clock';
import type { AuditEntry, BackfillDatabase } from './db';

/** What the user changes in a draft; revision, time and submission state are the store's to set. */
export type DraftEdits = Omit<Draft, 'revision' | 'updatedAt' | 'submission'>;

export type SaveEditsResult =
  | { ok: true; revision: number }
  /** Another tab saved since `baseRevision`: nothing was written; here is what it saved. */
  | { ok: false; reason: 'conflict'; stored: Draft }
  /** The draft is being submitted or was submitted: it is read-only history now. */
  | { ok: false; reason: 'frozen' };

/**
 * Drafts by claim, plus the ledger of submitted backfills and the audit log. Every record read back
 * is zod-checked: one that fails is moved to the quarantine with the reason and reported, not used.
 */
export class DraftStore implements SubmissionStore {
  /** Plain-words reports of records that were set aside, for the panel to show. */
  readonly quarantined: string[] = [];

  constructor(private readonly db: BackfillDatabase) {}

  async get(claimId: string): Promise<Draft | undefined> {
    const record = await this.db.drafts.get(claimId);
    if (record === undefined) return undefined;
    const parsed = DraftSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    await this.db.transaction('rw', this.db.drafts, this.db.quarantine, async () => {
      await this.db.quarantine.add({ table: 'drafts', key: claimId, at: nowIso(), error: parsed.error.message, record });
      await this.db.drafts.delete(claimId);
    });
    this.quarantined.push(`The saved draft of claim ${claimId} could not be read, so it was set aside (kept in Backfill's quarantine) and a new draft started.`);
    return undefined;
  }

  /**
   * Saves the user's edits if the stored draft is still at `baseRevision` (compare-and-swap, D7), so a
   * stale tab never overwrites a newer draft without the user choosing to.
   */
  async saveEdits(edits: DraftEdits, baseRevision: number): Promise<SaveEditsResult> {
    return this.db.transaction('rw', this.db.drafts, this.db.quarantine, async (): Promise<SaveEditsResult> => {
      const stored = await this.get(edits.claimId);
      const storedRevision = stored?.revision ?? 0;
      if (stored && stored.submission.state !== 'ready') return { ok: false, reason: 'frozen' };
      if (stored && storedRevision !== baseRevision) return { ok: false, reason: 'conflict', stored };
      const draft: Draft = { ...edits, revision: storedRevision + 1, updatedAt: nowIso(), submission: { state: 'ready' } };
      await this.db.drafts.put(DraftSchema.parse(draft));
      return { ok: true, revision: draft.revision };
    });
  }

  /** Calls back with the stored draft whenever any tab or window changes it. */
  watch(claimId: string, onChange: (draft: Draft | undefined) => void): () => void {
    const subscription = liveQuery(() => this.db.drafts.get(claimId)).subscribe({
      next: (record) => {
        const parsed = record === undefined ? undefined : DraftSchema.safeParse(record);
        if (parsed === undefined || parsed.success) onChange(parsed?.data);
      },
      error: (error: unknown) => console.warn('Backfill: watching the draft failed', error),
    });
    return () => subscription.unsubscribe();
  }

  async load(claimId: string): Promise<Submission> {
    return (await this.get(claimId))?.submission ?? { state: 'ready' };
  }

  /**
   * Moves the submission state in one strict transaction with its audit entry; a submitted backfill
   * also enters the local ledger, which refuses a second submission before the host is even asked.
   */
  async save(claimId: string, submission: Submission): Promise<void> {
    const { drafts, ledger, audit, quarantine } = this.db;
    await this.db.transaction('rw', [drafts, ledger, audit, quarantine], async () => {
      const draft = await this.get(claimId);
      if (!draft) throw new Error(`There is no draft of claim ${claimId} to submit.`);
      if (submission.state === 'ready' && draft.submission.state === 'submitted') throw new Error(`Claim ${claimId} is already submitted.`);
      await drafts.put({ ...draft, submission, revision: draft.revision + 1, updatedAt: nowIso() });
      if (submission.state === 'submitted') await ledger.put(submission.backfill);
      const entry = auditEntry(claimId, draft.submission, submission);
      if (entry) await audit.add(entry);
    });
  }

  /** Records how a submission ended when that did not change its state (refused, unconfirmed...). */
  async audit(claimId: string, event: AuditEntry['event'], detail: string): Promise<void> {
    await this.db.audit.add({ claimId, at: nowIso(), event, detail });
  }

  /** The backfill this computer submitted for the claim, if any. */
  async submittedBackfill(claimId: string): Promise<Backfill | undefined> {
    return this.db.ledger.get(claimId);
  }

  async cacheHostData(claim: HostClaim, sov: Sov): Promise<void> {
    const fetchedAt = nowIso();
    await this.db.transaction('rw', this.db.claims, this.db.sovs, async () => {
      await this.db.claims.put({ claimId: claim.id, claim, fetchedAt });
      await this.db.sovs.put({ contractId: sov.contractId, sov, fetchedAt });
    });
  }
}

function auditEntry(claimId: string, from: Submission, to: Submission): AuditEntry | null {
  const at = nowIso();
  if (to.state === 'submitting' && from.state === 'ready') {
    return { claimId, at, event: 'submitting', detail: `Key ${to.idempotencyKey}, ${to.lines.length} lines.` };
  }
  if (to.state === 'submitted') return { claimId, at, event: 'submitted', detail: `Backfill ${to.backfill.id} (key ${to.idempotencyKey}).` };
  if (to.state === 'submitting' && to.lastError) return { claimId, at, event: 'unconfirmed', detail: `Attempt ${to.attempts}: ${to.lastError}` };
  return null;
}
