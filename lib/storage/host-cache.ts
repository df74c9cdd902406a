import { z } from 'zod';
import { HostClaimSchema, SovSchema, type HostClaim, type Sov } from '@/lib/schemas';

// Shown to the user as when the cached claim was read.
const FetchedAtSchema = z.iso.datetime();
import { nowIso } from '@/lib/clock';
import type { BackfillDatabase } from './database';

/** The claim and SOV as last read from the host (`claims`, `sovs`), for working while it does not answer. */
export class HostCache {
  constructor(private readonly db: BackfillDatabase) {}

  /** The cached claim and its SOV, when both read back. */
  async read(claimId: string): Promise<{ claim: HostClaim; sov: Sov; fetchedAt: string } | undefined> {
    const cached = await this.db.claims.get(claimId);
    const claim = HostClaimSchema.safeParse(cached?.claim);
    const fetchedAt = FetchedAtSchema.safeParse(cached?.fetchedAt);
    if (!claim.success || !fetchedAt.success) return undefined;
    const sov = SovSchema.safeParse((await this.db.sovs.get(claim.data.contractId))?.sov);
    return sov.success ? { claim: claim.data, sov: sov.data, fetchedAt: fetchedAt.data } : undefined;
  }

  async write(claim: HostClaim, sov: Sov): Promise<void> {
    const fetchedAt = nowIso();
    await this.db.transaction('rw', this.db.claims, this.db.sovs, async () => {
      await this.db.claims.put({ claimId: claim.id, claim, fetchedAt });
      await this.db.sovs.put({ contractId: sov.contractId, sov, fetchedAt });
    });
  }
}
