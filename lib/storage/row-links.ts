import { identityKey, type ClaimIdentity } from '@/lib/claim-identity';
import { RowLinkSchema } from '@/lib/schemas';
import { nowIso } from '@/lib/clock';
import type { BackfillDatabase } from './database';

/** Which claim the panel opened for a row that shows no claim id (see `RowLinkSchema`). */
export class RowLinks {
  constructor(private readonly db: BackfillDatabase) {}

  async remember(row: ClaimIdentity, claimId: string): Promise<void> {
    await this.db.rowLinks.put({ key: identityKey(row), claimId, at: nowIso() });
  }

  /** The claim id of each row key that has one; unreadable records count as none. */
  async claimIds(keys: readonly string[]): Promise<Map<string, string>> {
    const records: unknown[] = await this.db.rowLinks.bulkGet([...keys]);
    const links = new Map<string, string>();
    for (const record of records) {
      const parsed = RowLinkSchema.safeParse(record);
      if (parsed.success) links.set(parsed.data.key, parsed.data.claimId);
    }
    return links;
  }
}
