import { identityKey, type ClaimIdentity } from '@/lib/claim-identity';
import { nowIso } from '@/lib/clock';
import type { BackfillDatabase } from './database';

/** Which claim the panel opened for a row that shows no claim id (see `RowLinkSchema`). */
export class RowLinks {
  constructor(private readonly db: BackfillDatabase) {}

  async remember(row: ClaimIdentity, claimId: string): Promise<void> {
    await this.db.rowLinks.put({ key: identityKey(row), claimId, at: nowIso() });
  }
}
