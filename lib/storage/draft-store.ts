import { liveQuery } from 'dexie';
import { z } from 'zod';
import {
  DraftBasisSchema,
  DraftSchema,
  HostClaimSchema,
  SovSchema,
  type Backfill,
  type BackfillLine,
  type Draft,
  type DraftBasis,
  type DraftEdits,
  type HostClaim,
  type Sov,
  type Submission,
} from '@/lib/schemas';
import type { DraftEntry } from '@/lib/draft-marks';
import { repairDraft } from '@/lib/draft-repair';
import { buildBackfillRequest, type SubmissionStore } from '@/lib/submission';
import { nowIso } from '@/lib/clock';
import type { AuditEntry, BackfillDatabase } from './database';

const DraftHeadSchema = z.object({ revision: z.number().int().nonnegative(), submission: z.object({ state: z.string() }) });

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

  /**
   * The claim's draft. One that fails its schema is repaired when it can be, keeping every amount
   * that can be kept (the original goes to the quarantine), never swapped for an empty draft.
   */
  async get(claimId: string): Promise<Draft | undefined> {
    return this.read('drafts', claimId, DraftSchema, (record, now) => {
      const repaired = repairDraft(record, now);
      // A new revision, so a tab still holding the unreadable draft sees that it changed.
      return repaired && { record: { ...repaired.draft, revision: repaired.draft.revision + 1 }, repairs: repaired.repairs };
    });
  }

  /** The claim and SOV the draft was built against (rebuilt from the host when unreadable). */
  async basis(claimId: string): Promise<DraftBasis | undefined> {
    return this.read('draftBases', claimId, DraftBasisSchema);
  }

  /**
   * Reads and checks a record. One that fails its schema goes to the quarantine with the reason,
   * reported; if `repair` can make it readable, the repaired record takes its place.
   */
  private async read<T>(
    table: 'drafts' | 'draftBases',
    claimId: string,
    schema: z.ZodType<T>,
    repair?: (record: unknown, now: string) => { record: T; repairs: string[] } | null,
  ): Promise<T | undefined> {
    const record: unknown = await this.db.table(table).get(claimId);
    if (record === undefined) return undefined;
    const parsed = schema.safeParse(record);
    if (parsed.success) return parsed.data;
    const at = nowIso();
    const repaired = repair?.(record, at) ?? null;
    await this.db.transaction('rw', this.db.table(table), this.db.quarantine, async () => {
      await this.db.quarantine.add({ table, key: claimId, at, error: parsed.error.message, record });
      if (repaired) await this.db.table(table).put(repaired.record);
      else await this.db.table(table).delete(claimId);
    });
    if (repaired) {
      this.quarantined.push(
        `The saved draft of claim ${claimId} had parts Backfill could not read back. It was repaired and every amount that could be read is kept (the original is in Backfill's quarantine): ${repaired.repairs.join(' ')}`,
      );
      return repaired.record;
    }
    const what = table === 'drafts' ? 'saved draft' : 'record of what the draft was built against';
    const after = table === 'drafts' ? 'and a new one started' : 'and it is recorded again from the host';
    this.quarantined.push(`The ${what} of claim ${claimId} could not be read, so it was set aside (kept in Backfill's quarantine) ${after}.`);
    return undefined;
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
      // What is reported saved must read back: a record its own schema refuses is never written.
      const draft = readable(DraftSchema, { ...edits, revision, updatedAt: nowIso(), submission: { state: 'ready' } });
      await drafts.put(draft);
      if (basis) await draftBases.put(readable(DraftBasisSchema, basis));
      return { ok: true, revision };
    });
  }

  /** Keeps edits that could not be saved without overwriting newer work, in the quarantine: never lost. */
  async setAside(edits: DraftEdits, reason: string): Promise<void> {
    await this.db.quarantine.add({ table: 'drafts', key: edits.claimId, at: nowIso(), error: reason, record: edits });
  }

  /** `all()`, again whenever any tab changes a draft (the drafts page). */
  watchAll(onChange: (list: { entries: DraftEntry[]; unreadable: number }) => void): () => void {
    const subscription = liveQuery(() => this.all()).subscribe({
      next: onChange,
      error: (error: unknown) => console.warn('Backfill: listing drafts failed', error),
    });
    return () => subscription.unsubscribe();
  }

  /**
   * Every draft with its basis, newest first. Records that fail their schema are counted, not
   * returned; opening the claim quarantines them.
   */
  async all(): Promise<{ entries: DraftEntry[]; unreadable: number }> {
    const [drafts, bases] = await Promise.all([this.db.drafts.orderBy('updatedAt').reverse().toArray(), this.db.draftBases.toArray()]);
    const basisOf = new Map<string, DraftBasis>();
    for (const record of bases) {
      const parsed = DraftBasisSchema.safeParse(record);
      if (parsed.success) basisOf.set(parsed.data.claimId, parsed.data);
    }
    const entries = drafts.flatMap((record) => {
      const parsed = DraftSchema.safeParse(record);
      return parsed.success ? [{ draft: parsed.data, basis: basisOf.get(parsed.data.claimId) }] : [];
    });
    return { entries, unreadable: drafts.length - entries.length };
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
      // What is sent must be what is saved: another tab may have saved since this one was reviewed.
      if (submission.state === 'submitting' && draft.submission.state === 'ready' && !sameLines(buildBackfillRequest(draft.allocations).lines, submission.lines)) {
        throw new Error('the draft was changed in another tab or window since you reviewed it; review it again before submitting');
      }
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

  /** The claim and SOV as last read from the host, for working while it does not answer. */
  async cachedHostData(claimId: string): Promise<{ claim: HostClaim; sov: Sov; fetchedAt: string } | undefined> {
    const cached = await this.db.claims.get(claimId);
    const claim = HostClaimSchema.safeParse(cached?.claim);
    if (!cached || !claim.success) return undefined;
    const sov = SovSchema.safeParse((await this.db.sovs.get(claim.data.contractId))?.sov);
    return sov.success ? { claim: claim.data, sov: sov.data, fetchedAt: cached.fetchedAt } : undefined;
  }

  async cacheHostData(claim: HostClaim, sov: Sov): Promise<void> {
    const fetchedAt = nowIso();
    await this.db.transaction('rw', this.db.claims, this.db.sovs, async () => {
      await this.db.claims.put({ claimId: claim.id, claim, fetchedAt });
      await this.db.sovs.put({ contractId: sov.contractId, sov, fetchedAt });
    });
  }
}

/** The record itself when its schema reads it back; otherwise an error naming the fields that do not. */
function readable<T>(schema: z.ZodType<T>, record: T): T {
  const checked = schema.safeParse(record);
  if (checked.success) return record;
  const fields = [...new Set(checked.error.issues.map((issue) => issue.path.join('.')))].slice(0, 3).join(', ');
  throw new Error(`this draft has a value Backfill could not read back (${fields}), so it was not written`);
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
