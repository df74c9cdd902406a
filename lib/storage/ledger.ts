import { BackfillSchema, type AuditEntry, type Backfill, type BackfillLine, type Submission } from '@/lib/schemas';
import { buildBackfillRequest, type SubmissionStore } from '@/lib/submission';
import { nowIso } from '@/lib/clock';
import type { BackfillDatabase } from './database';
import type { Drafts } from './drafts';

/**
 * Where each claim's submission stands: its state on the draft, the local ledger of submitted
 * backfills (`ledger`) and the audit log (`audit`), moved together in one strict transaction.
 */
export class Ledger implements SubmissionStore {
  constructor(
    private readonly db: BackfillDatabase,
    private readonly drafts: Drafts,
  ) {}

  async load(claimId: string): Promise<Submission> {
    return (await this.drafts.get(claimId))?.submission ?? { state: 'ready' };
  }

  /**
   * Moves the submission state in one strict transaction with its audit entry; a submitted backfill
   * also enters the local ledger, which refuses a second submission before the host is even asked.
   */
  async save(claimId: string, submission: Submission): Promise<void> {
    const { drafts, ledger, audit, quarantine } = this.db;
    await this.db.transaction('rw', [drafts, ledger, audit, quarantine], async () => {
      const draft = await this.drafts.get(claimId);
      if (!draft) throw new Error(`There is no draft of claim ${claimId} to submit.`);
      if (submission.state === 'ready' && draft.submission.state === 'submitted') throw new Error(`Claim ${claimId} is already submitted.`);
      // What is sent must be what is saved: another tab may have saved since this one was reviewed.
      if (submission.state === 'submitting' && draft.submission.state === 'ready' && !sameLines(buildBackfillRequest(draft.allocations).lines, submission.lines)) {
        throw new Error('the draft was changed in another tab or window since you reviewed it; review it again before submitting');
      }
      await this.drafts.putSubmission(draft, submission);
      if (submission.state === 'submitted') await ledger.put(submission.backfill);
      const entry = auditEntry(claimId, draft.submission, submission);
      if (entry) await audit.add(entry);
    });
  }

  /** Records how a submission ended when that did not change its state (refused, unconfirmed...). */
  async audit(claimId: string, event: AuditEntry['event'], detail: string): Promise<void> {
    await this.db.audit.add({ claimId, at: nowIso(), event, detail });
  }

  /**
   * The backfill this computer submitted (or finished) for the claim, if any. A record that does not
   * read is an error, never "none": the claim must not look free for a second backfill.
   */
  async submittedBackfill(claimId: string): Promise<Backfill | undefined> {
    const record: unknown = await this.db.ledger.get(claimId);
    if (record === undefined) return undefined;
    const parsed = BackfillSchema.safeParse(record);
    if (!parsed.success) throw new Error(`the local ledger's record of claim ${claimId} cannot be read, so nothing more is sent, finished or exported for it`);
    return parsed.data;
  }
}

function sameLines(a: BackfillLine[], b: BackfillLine[]): boolean {
  return a.length === b.length && a.every((line, index) => line.sovLineId === b[index]!.sovLineId && line.amount === b[index]!.amount);
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
