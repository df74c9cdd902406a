import { readBasisClaim, readDraftEdits, readDraftHead, readMarkedDraft, readRowLink } from '@/lib/canonical-records';
import { identityKey, type ClaimIdentity } from '@/lib/claim-identity';
import { nowIso } from '@/lib/clock';
import type { MarkEntry } from '@/lib/draft-marks';
import type { DraftBasis, DraftEdits, SeenRow } from '@/lib/schemas';
import { committed, openExisting, requested } from './idb';
import { announceWorkerWrite, writtenParts } from './worker-writes';

export type WorkerSaveResult =
  | { ok: true; revision: number }
  /** The draft is being submitted or was submitted: it is read-only history now. */
  | { ok: false; reason: 'frozen' }
  /** Another tab saved since: nothing was written; here are its edits (null when they do not read). */
  | { ok: false; reason: 'conflict'; stored: (DraftEdits & { revision: number }) | null };

/**
 * What the service worker reads and writes of Backfill's database, with plain IndexedDB and records
 * checked by hand (`canonical-records.ts`): the edits a closed panel left unsaved, the rows' draft
 * marks, the row links and the rows seen. The same records and rules as the pages' Dexie repositories
 * (`Drafts`, `RowLinks`, `SeenRows`, `Quarantine`); every write is strict (D3), and the pages' live
 * queries are told of it (`announceWorkerWrite`).
 */
export class WorkerStore {
  constructor(
    private readonly factory: IDBFactory = indexedDB,
    private readonly name = 'backfill',
  ) {}

  /**
   * Saves a closed panel's edits if the stored draft is still at `baseRevision` (compare-and-swap, D7),
   * as `Drafts.saveEdits` does. A stored draft whose head does not read is never overwritten: that is a
   * conflict, and opening the claim repairs it.
   */
  async saveEdits(edits: DraftEdits, baseRevision: number, basis?: DraftBasis): Promise<WorkerSaveResult> {
    const saved = await this.withDatabase(async (db) => {
      const transaction = db.transaction(['drafts', 'draftBases'], 'readwrite', { durability: 'strict' });
      const drafts = transaction.objectStore('drafts');
      const bases = transaction.objectStore('draftBases');
      // Named while the transaction is live, as `write` names its parts.
      const written = writtenParts(this.name, basis ? [drafts, bases] : [drafts]);
      const decide = async (): Promise<WorkerSaveResult> => {
        const record: unknown = await requested(drafts.get(edits.claimId));
        const head = record === undefined ? undefined : readDraftHead(record);
        if (head === null) return { ok: false, reason: 'conflict', stored: null };
        if (head !== undefined && head.state !== 'ready') return { ok: false, reason: 'frozen' };
        if (head !== undefined && head.revision !== baseRevision) {
          const stored = readDraftEdits(record);
          return { ok: false, reason: 'conflict', stored: stored && { ...stored, revision: head.revision } };
        }
        const revision = (head?.revision ?? 0) + 1;
        const lineage = head?.lineage;
        drafts.put({ ...edits, revision, updatedAt: nowIso(), submission: { state: 'ready' }, ...(lineage && { lineage }) });
        if (basis) bases.put(basis);
        return { ok: true, revision };
      };
      // Settles once the transaction is on disk (or fails with it), whatever was decided.
      const [result] = await Promise.all([abortingOnThrow(transaction, decide), committed(transaction)]);
      return { result, written };
    });
    if (saved === undefined) throw new Error('Backfill’s database is not there: no page has opened it');
    if (saved.result.ok) announceWorkerWrite(saved.written);
    return saved.result;
  }

  /** Keeps edits that could not be saved without overwriting newer work, in the quarantine (as `Quarantine.add`): never lost. */
  async setAside(edits: DraftEdits, reason: string): Promise<void> {
    const written = await this.write('quarantine', (store) => store.add({ table: 'drafts', key: edits.claimId, at: nowIso(), error: reason, record: edits }));
    if (!written) throw new Error('Backfill’s database is not there: no page has opened it');
  }

  /**
   * What the rows' marks are worked out from (`draftMarks`), in one read: every draft that reads with
   * the claim it was built against, and the claim id linked to each of `rowKeys` that has one
   * (`RowLinks`). Records that do not read count as none; with no database yet, there is nothing.
   */
  async markSources(rowKeys: readonly string[]): Promise<{ entries: MarkEntry[]; links: Map<string, string> }> {
    const read = await this.withDatabase(async (db) => {
      const transaction = db.transaction(['drafts', 'draftBases', 'rowLinks'], 'readonly');
      const rowLinks = transaction.objectStore('rowLinks');
      return Promise.all([
        requested<unknown[]>(transaction.objectStore('drafts').getAll()),
        requested<unknown[]>(transaction.objectStore('draftBases').getAll()),
        Promise.all(rowKeys.map((key) => requested<unknown>(rowLinks.get(key)))),
      ]);
    });
    const [drafts, bases, linkRecords] = read ?? [[], [], []];
    const claimOf = new Map(bases.flatMap((record) => {
      const basis = readBasisClaim(record);
      return basis ? [[basis.claimId, { claim: basis.claim }] as const] : [];
    }));
    const entries = drafts.flatMap((record) => {
      const draft = readMarkedDraft(record);
      return draft ? [{ draft, basis: claimOf.get(draft.claimId) }] : [];
    });
    const links = new Map<string, string>();
    for (const record of linkRecords) {
      const link = readRowLink(record);
      if (link) links.set(link.key, link.claimId);
    }
    return { entries, links };
  }

  /** Records rows shown on `page` (kept as origin and path), as seen now (`SeenRows`). */
  async recordSeenRows(rows: readonly ClaimIdentity[], page: URL): Promise<void> {
    const seenAt = nowIso();
    const pageUrl = `${page.origin}${page.pathname}`;
    const written = await this.write('seenRows', (store) => {
      for (const identity of rows) store.put({ key: identityKey(identity), identity, pageUrl, seenAt } satisfies SeenRow);
    });
    // The caller tries again later (a page makes the database when a claim or the workbench is opened).
    if (!written) throw new Error('Backfill’s database is not there yet: no page has opened it');
  }

  /** Runs `work` on one table in a strict write, and tells the pages once it is on disk; false when the database is not there. */
  private async write(table: string, work: (store: IDBObjectStore) => void): Promise<boolean> {
    const written = await this.withDatabase(async (db) => {
      const transaction = db.transaction(table, 'readwrite', { durability: 'strict' });
      const store = transaction.objectStore(table);
      const parts = writtenParts(this.name, [store]);
      await Promise.all([abortingOnThrow(transaction, async () => work(store)), committed(transaction)]);
      return parts;
    });
    if (written) announceWorkerWrite(written);
    return written !== undefined;
  }

  /** `work` on the database, closed after; undefined when no page has made the database yet. */
  private async withDatabase<T>(work: (db: IDBDatabase) => Promise<T>): Promise<T | undefined> {
    const db = await openExisting(this.factory, this.name);
    if (db === undefined) return undefined;
    try {
      return await work(db);
    } finally {
      db.close();
    }
  }
}

/** `work` in `transaction`, which is aborted if the work throws: nothing of it is half written, as Dexie does. */
async function abortingOnThrow<T>(transaction: IDBTransaction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // A failed request has aborted it already.
    if (transaction.error === null) transaction.abort();
    throw error;
  }
}
