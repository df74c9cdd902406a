import Dexie from 'dexie';
import { z } from 'zod';
import { DraftSchema, type Draft, type DraftBasis, type DraftEdits, type Submission } from '@/lib/schemas';
import type { DraftEntry, MarkEntry } from '@/lib/draft-marks';
import { repairDraft } from '@/lib/draft-repair';
import { nowIso } from '@/lib/clock';
import type { BackfillDatabase } from './database';
import { watchQuery } from './watch';
import type { DraftBases } from './draft-bases';
import type { Quarantine } from './quarantine';
import { readable } from './readable';

const DraftHeadSchema = z.object({ revision: z.number().int().nonnegative(), submission: z.object({ state: z.string() }), lineage: DraftSchema.shape.lineage.catch(undefined) });

export type SaveEditsResult =
  | { ok: true; revision: number }
  /** Another tab saved since `baseRevision`: nothing was written; here is what it saved. */
  | { ok: false; reason: 'conflict'; stored: Draft }
  /** The draft is being submitted or was submitted: it is read-only history now. */
  | { ok: false; reason: 'frozen' };

/**
 * Drafts by claim (`drafts`), saved with compare-and-swap on their revision. Every record read back is
 * zod-checked: one that fails is repaired when it can be, or moved to the quarantine, and reported.
 */
export class Drafts {
  constructor(
    private readonly db: BackfillDatabase,
    private readonly quarantine: Quarantine,
    private readonly bases: DraftBases,
  ) {}

  /**
   * The claim's draft. One that fails its schema is repaired when it can be, keeping every amount
   * that can be kept (the original goes to the quarantine), never swapped for an empty draft.
   */
  async get(claimId: string): Promise<Draft | undefined> {
    return this.quarantine.read('drafts', claimId, DraftSchema, (record, now) => {
      const repaired = repairDraft(record, now);
      // A new revision, so a tab still holding the unreadable draft sees that it changed.
      return repaired && { record: { ...repaired.draft, revision: repaired.draft.revision + 1 }, repairs: repaired.repairs };
    });
  }

  /**
   * The contract of the claim's draft, from the drafts' claim-and-contract index alone: a resumed
   * draft's SOV is asked of the host with its claim, and the draft itself (5,000 lines) takes longer to
   * read than the host takes to answer. One index entry is read, in one round trip to the database (a
   * walk of the contract index needed a second, which waited behind the draft's own read, so the SOV was
   * asked for only once the claim had come back). Undefined without a draft (or one whose contract is
   * not a string: then its claim names the contract).
   */
  async contractOf(claimId: string): Promise<string | undefined> {
    const key = await this.db.drafts.where('[claimId+contractId]').between([claimId, Dexie.minKey], [claimId, Dexie.maxKey]).firstKey();
    const contractId: unknown = Array.isArray(key) ? key[1] : undefined;
    return typeof contractId === 'string' ? contractId : undefined;
  }

  /**
   * Saves the user's edits if the stored draft is still at `baseRevision` (compare-and-swap, D7), so a
   * stale tab never overwrites a newer draft without the user choosing to. `basis`, when given, is
   * recorded in the same transaction (the draft now stands on the host's current claim and SOV).
   */
  async saveEdits(edits: DraftEdits, baseRevision: number, basis?: DraftBasis): Promise<SaveEditsResult> {
    const { drafts, draftBases, quarantine } = this.db;
    return this.db.transaction('rw', [drafts, draftBases, quarantine], async (): Promise<SaveEditsResult> => {
      // Only the revision and state are needed to decide: a full check happens when a draft is used.
      const record = await drafts.get(edits.claimId);
      const head = DraftHeadSchema.safeParse(record);
      if (record !== undefined && !head.success) await this.get(edits.claimId); // quarantines it, reported
      const stored = head.success ? head.data : undefined;
      if (stored && stored.submission.state !== 'ready') return { ok: false, reason: 'frozen' };
      if (stored && stored.revision !== baseRevision) {
        const newer = await this.get(edits.claimId);
        if (newer) return { ok: false, reason: 'conflict', stored: newer };
      }
      const revision = (stored?.revision ?? 0) + 1;
      const lineage = stored?.lineage;
      const draft = readable(DraftSchema, { ...edits, revision, updatedAt: nowIso(), submission: { state: 'ready' }, ...(lineage && { lineage }) });
      await drafts.put(draft);
      if (basis) await this.bases.put(basis);
      return { ok: true, revision };
    });
  }

  /** Moves the draft to a new submission state as a new revision (the ledger calls this in its transaction). */
  async putSubmission(draft: Draft, submission: Submission): Promise<void> {
    await this.db.drafts.put({ ...draft, submission, revision: draft.revision + 1, updatedAt: nowIso() });
  }

  /** `all()`, again whenever any tab changes a draft (the drafts page). */
  watchAll(onChange: (list: { entries: DraftEntry[]; unreadable: number }) => void): () => void {
    return watchQuery(() => this.all(), onChange, 'listing drafts');
  }

  /**
   * Every draft with its basis, newest first. Records that fail their schema are counted, not
   * returned; opening the claim quarantines them.
   */
  async all(): Promise<{ entries: DraftEntry[]; unreadable: number }> {
    return this.withBases(await this.bases.readableByClaim());
  }

  private async withBases<B>(basisOf: ReadonlyMap<string, B>): Promise<{ entries: { draft: Draft; basis: B | undefined }[]; unreadable: number }> {
    const drafts = await this.db.drafts.orderBy('updatedAt').reverse().toArray();
    const entries = drafts.flatMap((record) => {
      const parsed = DraftSchema.safeParse(record);
      return parsed.success ? [{ draft: parsed.data, basis: basisOf.get(parsed.data.claimId) }] : [];
    });
    return { entries, unreadable: drafts.length - entries.length };
  }

  /**
   * The contract's drafts other than `claimId`'s, with the claim each was built against, again
   * whenever any tab changes one: what the projection of its SOV lines is worked out from
   * (`projectLines`). The claim's own draft is not read (only its key): the panel saves it after every
   * edit, and reading and checking 5,000 lines back each time would cost more than the projection.
   */
  watchOtherDrafts(contractId: string, claimId: string, onChange: (entries: MarkEntry<Draft>[]) => void): () => void {
    const read = async (): Promise<MarkEntry<Draft>[]> => {
      const keys = await this.db.drafts.where('contractId').equals(contractId).primaryKeys();
      const drafts = await this.db.drafts.bulkGet(keys.filter((key) => key !== claimId));
      const claims = await this.bases.claimsOf(drafts.flatMap((draft) => (draft ? [draft.claimId] : [])));
      return drafts.flatMap((record) => {
        const parsed = record === undefined ? undefined : DraftSchema.safeParse(record);
        return parsed?.success ? [{ draft: parsed.data, basis: claims.get(parsed.data.claimId) }] : [];
      });
    };
    return watchQuery(read, onChange, 'reading the contract’s other drafts');
  }

  /** Calls back with the stored draft whenever any tab or window changes it. */
  watch(claimId: string, onChange: (draft: Draft | undefined) => void): () => void {
    const onRecord = (record: unknown) => {
      const parsed = record === undefined ? undefined : DraftSchema.safeParse(record);
      if (parsed === undefined || parsed.success) onChange(parsed?.data);
    };
    return watchQuery(() => this.db.drafts.get(claimId), onRecord, 'watching the draft');
  }
}
