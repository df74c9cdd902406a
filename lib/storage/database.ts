import Dexie, { type EntityTable } from 'dexie';
import type { LocalClaim, LocalSov } from '@/lib/local-source/records';
import type { AuditEntry, Backfill, Draft, DraftBasis, HostClaim, RowLink, SeenRow, Sov } from '@/lib/schemas';

export interface CachedClaim {
  claimId: string;
  claim: HostClaim;
  fetchedAt: string;
}

export interface CachedSov {
  contractId: string;
  sov: Sov;
  fetchedAt: string;
}

/** A record that failed its schema when read back: set aside with the reason, never lost. */
export interface QuarantinedRecord {
  id?: number;
  table: string;
  key: string;
  at: string;
  error: string;
  record: unknown;
}

/** A version 1 draft: it carried its claim and SOV snapshots itself. */
interface DraftV1 extends Draft {
  claim?: DraftBasis['claim'];
  sov?: DraftBasis['sov'];
}

/**
 * Backfill's one database, in the extension's origin only (D1), never the host page's. Every
 * transaction is strict (D3): a draft or a submission state is reported saved only once it is on disk.
 *
 * Version 1 held drafts with their claim and SOV snapshots inside. Version 2 moves the snapshots to
 * `draftBases` (so the draft saved after each edit stays small), and adds the claim and SOV caches,
 * the local ledger of submitted backfills (filled from drafts already submitted), the audit log and
 * the quarantine. Version 3 adds the row links (`RowLinkSchema`). Version 4 adds the local source:
 * claims and SOVs imported from the user's files (`lib/local-source/records.ts`). Version 5 adds the rows
 * seen on reconciliation pages (`SeenRowSchema`). Version 6 indexes each draft's contract by its claim
 * (`Drafts.contractOf`).
 */
export class BackfillDatabase extends Dexie {
  drafts!: EntityTable<Draft, 'claimId'>;
  draftBases!: EntityTable<DraftBasis, 'claimId'>;
  claims!: EntityTable<CachedClaim, 'claimId'>;
  sovs!: EntityTable<CachedSov, 'contractId'>;
  ledger!: EntityTable<Backfill, 'claimId'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  quarantine!: EntityTable<QuarantinedRecord, 'id'>;
  rowLinks!: EntityTable<RowLink, 'key'>;
  localClaims!: EntityTable<LocalClaim, 'id'>;
  localSovs!: EntityTable<LocalSov, 'contractKey'>;
  seenRows!: EntityTable<SeenRow, 'key'>;

  constructor(name = 'backfill', options: ConstructorParameters<typeof Dexie>[1] = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ drafts: 'claimId, contractId, updatedAt' });
    this.version(2)
      .stores({
        drafts: 'claimId, contractId, updatedAt',
        draftBases: 'claimId',
        claims: 'claimId',
        sovs: 'contractId',
        ledger: 'claimId',
        audit: '++id, claimId, at',
        quarantine: '++id, table, at',
      })
      .upgrade(async (tx) => {
        const drafts = await tx.table<DraftV1, string>('drafts').toArray();
        await tx.table('draftBases').bulkPut(
          drafts.flatMap(({ claimId, claim, sov, updatedAt }) => (claim && sov ? [{ claimId, claim, sov, recordedAt: updatedAt }] : [])),
        );
        // The ledger must know every backfill this computer already submitted.
        await tx.table('ledger').bulkPut(drafts.flatMap(({ submission }) => (submission?.state === 'submitted' ? [submission.backfill] : [])));
        await tx.table('drafts').bulkPut(drafts.map(({ claim: _claim, sov: _sov, ...draft }) => draft));
      });
    this.version(3).stores({ rowLinks: 'key' });
    this.version(4).stores({ localClaims: 'id, contractKey, invoiceKey', localSovs: 'contractKey' });
    this.version(5).stores({ seenRows: 'key' });
    this.version(6).stores({ drafts: 'claimId, contractId, updatedAt, [claimId+contractId]' });
  }
}

let database: BackfillDatabase | undefined;

/** The page's shared connection, opened on first use. */
export function backfillDatabase(): BackfillDatabase {
  database ??= new BackfillDatabase();
  return database;
}
