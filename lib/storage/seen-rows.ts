import { RowLinkSchema, SeenRowSchema } from '@/lib/schemas';
import type { SeenClaim } from '@/lib/workbench/queue';
import type { BackfillDatabase } from './database';
import { watchQuery } from './watch';

/** The rows reconciliation pages showed (`seenRows`): claims known before any draft is made. */
export class SeenRows {
  constructor(private readonly db: BackfillDatabase) {}

  /** Every row that reads back, with its claim id where one is known; unreadable records are skipped. */
  async all(): Promise<SeenClaim[]> {
    const [rows, links] = await Promise.all([this.db.seenRows.toArray(), this.db.rowLinks.toArray()]);
    const claimIdOf = new Map(links.flatMap((link) => {
      const parsed = RowLinkSchema.safeParse(link);
      return parsed.success ? [[parsed.data.key, parsed.data.claimId] as const] : [];
    }));
    return rows.flatMap((record) => {
      const parsed = SeenRowSchema.safeParse(record);
      return parsed.success ? [{ row: parsed.data, claimId: parsed.data.identity.claimId ?? claimIdOf.get(parsed.data.key) }] : [];
    });
  }

  watch(onChange: (claims: SeenClaim[]) => void): () => void {
    return watchQuery(() => this.all(), onChange, 'reading the rows seen on reconciliation pages');
  }
}
