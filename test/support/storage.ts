import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DraftEdits } from '../../lib/schemas';
import { BackfillDatabase } from '../../lib/storage/database';
import { DraftBases } from '../../lib/storage/draft-bases';
import { Drafts } from '../../lib/storage/drafts';
import { HostCache } from '../../lib/storage/host-cache';
import { Ledger } from '../../lib/storage/ledger';
import { LocalSource } from '../../lib/storage/local-source';
import { BackupStore } from '../../lib/storage/backup-store';
import { Quarantine } from '../../lib/storage/quarantine';
import { WorkerStore } from '../../lib/storage/worker-store';
import { BALANCED } from './fixtures';

/** Each table's repository over one database, sharing one quarantine as `DraftStore` does. */
export function storage(db: BackfillDatabase) {
  const quarantine = new Quarantine(db);
  const bases = new DraftBases(db, quarantine);
  const drafts = new Drafts(db, quarantine, bases);
  return { db, quarantine, bases, drafts, ledger: new Ledger(db, drafts), hostCache: new HostCache(db), localSource: new LocalSource(db), backups: new BackupStore(db, quarantine) };
}

/** `storage` over a new, empty database of its own, with the service worker's store of the same database. */
export function freshStorage() {
  const factory = new IDBFactory();
  return { ...storage(new BackfillDatabase('backfill-test', { indexedDB: factory, IDBKeyRange })), worker: new WorkerStore(factory, 'backfill-test') };
}

/** What a tab on claim YC-1 saves: the balanced amounts, focused on L2. */
export const edits: DraftEdits = {
  claimId: 'YC-1',
  contractId: 'C-1',
  header: { number: 'INV-100', title: 'Backfill', payPeriod: '2026-03-31' },
  allocations: BALANCED,
  focusedSovLineId: 'L2',
};
