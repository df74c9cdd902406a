import { AuditEntrySchema, BackfillSchema, DraftBasisSchema, type AuditEntry, type Backfill, type DraftBasis } from '@/lib/schemas';
import type { BackfillDatabase } from './database';
import { watchQuery } from './watch';

/** What the history is built from: the ledger, the bases of its claims and the audit log, as read back. */
export interface HistoryRecords {
  backfills: Backfill[];
  bases: Map<string, DraftBasis>;
  audit: AuditEntry[];
  /** Ledger or audit records that no longer read: counted, never shown as something else. */
  unreadable: number;
}

/** The local ledger and audit log, read for the workbench's history (`backfillHistory`). */
export class BackfillHistory {
  constructor(private readonly db: BackfillDatabase) {}

  async read(): Promise<HistoryRecords> {
    const [ledger, audit] = await Promise.all([this.db.ledger.toArray(), this.db.audit.toArray()]);
    const backfills = ledger.flatMap((record) => {
      const parsed = BackfillSchema.safeParse(record);
      return parsed.success ? [parsed.data] : [];
    });
    const entries = audit.flatMap((record) => {
      const parsed = AuditEntrySchema.safeParse(record);
      return parsed.success ? [parsed.data] : [];
    });
    const bases = new Map<string, DraftBasis>();
    for (const record of await this.db.draftBases.bulkGet(backfills.map((backfill) => backfill.claimId))) {
      const parsed = DraftBasisSchema.safeParse(record);
      if (parsed.success) bases.set(parsed.data.claimId, parsed.data);
    }
    return { backfills, bases, audit: entries, unreadable: ledger.length - backfills.length + audit.length - entries.length };
  }

  watch(onChange: (records: HistoryRecords) => void): () => void {
    return watchQuery(() => this.read(), onChange, 'reading the history');
  }
}
