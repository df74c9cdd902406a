import Dexie, { type EntityTable } from 'dexie';
import type { Draft } from '@/lib/schemas';

/**
 * Backfill's one database, in the extension's origin only (D1): never the host page's. Every
 * transaction is strict (D3): a draft or a submission state is only reported saved once it is on disk.
 */
export class BackfillDatabase extends Dexie {
  drafts!: EntityTable<Draft, 'claimId'>;

  constructor(name = 'backfill', options: ConstructorParameters<typeof Dexie>[1] = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ drafts: 'claimId, contractId, updatedAt' });
  }
}

let database: BackfillDatabase | undefined;

/** The page's shared connection, opened on first use. */
export function backfillDatabase(): BackfillDatabase {
  database ??= new BackfillDatabase();
  return database;
}
