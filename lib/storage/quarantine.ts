import type { z } from 'zod';
import { nowIso } from '@/lib/clock';
import type { BackfillDatabase } from './database';

/** The tables whose records are checked when read, and set aside here when they fail. */
export type CheckedTable = 'drafts' | 'draftBases';

/** Makes an unreadable record readable again, with what was changed in plain words; null when it cannot. */
export type Repair<T> = (record: unknown, now: string) => { record: T; repairs: string[] } | null;

/**
 * Records that failed their schema when read back, set aside with the reason and never lost; each one is
 * also reported in plain words (`reports`) for the panel to show.
 */
export class Quarantine {
  /** Plain-words reports of records that were set aside. */
  readonly reports: string[] = [];

  constructor(private readonly db: BackfillDatabase) {}

  /** Keeps a record that could not be used, with why. */
  async add(table: CheckedTable, key: string, error: string, record: unknown): Promise<void> {
    await this.db.quarantine.add({ table, key, at: nowIso(), error, record });
  }

  /**
   * Reads and checks a record. One that fails its schema goes to the quarantine with the reason,
   * reported; if `repair` can make it readable, the repaired record takes its place.
   */
  async read<T>(table: CheckedTable, claimId: string, schema: z.ZodType<T>, repair?: Repair<T>): Promise<T | undefined> {
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
      this.reports.push(
        `The saved draft of claim ${claimId} had parts Backfill could not read back. It was repaired and every amount that could be read is kept (the original is in Backfill's quarantine): ${repaired.repairs.join(' ')}`,
      );
      return repaired.record;
    }
    const what = table === 'drafts' ? 'saved draft' : 'record of what the draft was built against';
    const after = table === 'drafts' ? 'and a new one started' : 'and it is recorded again from the host';
    this.reports.push(`The ${what} of claim ${claimId} could not be read, so it was set aside (kept in Backfill's quarantine) ${after}.`);
    return undefined;
  }
}
