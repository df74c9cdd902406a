import { DraftSchema, type Draft, type Submission } from '@/lib/schemas';
import type { SubmissionStore } from '@/lib/submission';
import type { BackfillDatabase } from './db';

/** What the user changes in a draft; revision, time and submission state are the store's to set. */
export type DraftEdits = Omit<Draft, 'revision' | 'updatedAt' | 'submission'>;

/** Drafts by claim: every record read back is zod-checked, so a bad record is reported, not used. */
export class DraftStore implements SubmissionStore {
  constructor(private readonly db: BackfillDatabase) {}

  async get(claimId: string): Promise<Draft | undefined> {
    const record = await this.db.drafts.get(claimId);
    if (record === undefined) return undefined;
    const parsed = DraftSchema.safeParse(record);
    if (!parsed.success) throw new Error(`The saved draft of claim ${claimId} cannot be read: ${parsed.error.message}`);
    return parsed.data;
  }

  /** Saves the user's edits, keeping the stored submission state (only `save` moves it). */
  async saveEdits(edits: DraftEdits): Promise<void> {
    await this.db.transaction('rw', this.db.drafts, async () => {
      const stored = await this.get(edits.claimId);
      if (stored && stored.submission.state !== 'ready') return; // a draft on its way to the host is frozen
      const draft: Draft = { ...edits, revision: (stored?.revision ?? 0) + 1, updatedAt: new Date().toISOString(), submission: { state: 'ready' } };
      await this.db.drafts.put(DraftSchema.parse(draft));
    });
  }

  async load(claimId: string): Promise<Submission> {
    return (await this.get(claimId))?.submission ?? { state: 'ready' };
  }

  /** Changes only the submission state, in one strict transaction with the read. */
  async save(claimId: string, submission: Submission): Promise<void> {
    await this.db.transaction('rw', this.db.drafts, async () => {
      const draft = await this.get(claimId);
      if (!draft) throw new Error(`There is no draft of claim ${claimId} to submit.`);
      await this.db.drafts.put({ ...draft, submission, revision: draft.revision + 1, updatedAt: new Date().toISOString() });
    });
  }
}
