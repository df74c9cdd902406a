import { DraftBasisSchema, type DraftBasis } from '@/lib/schemas';
import type { BackfillDatabase } from './database';
import type { Quarantine } from './quarantine';
import { readable } from './readable';

const BasisClaimSchema = DraftBasisSchema.pick({ claimId: true, claim: true });

/** The claim and SOV each draft was built against (`draftBases`), kept apart so a saved draft stays small. */
export class DraftBases {
  constructor(
    private readonly db: BackfillDatabase,
    private readonly quarantine: Quarantine,
  ) {}

  /** The claim's basis (rebuilt from the host when unreadable: the unreadable one is quarantined). */
  get(claimId: string): Promise<DraftBasis | undefined> {
    return this.quarantine.read('draftBases', claimId, DraftBasisSchema);
  }

  /** Records a basis; one its schema would not read back is refused (an error), never written. */
  async put(basis: DraftBasis): Promise<void> {
    await this.db.draftBases.put(readable(DraftBasisSchema, basis));
  }

  /** The claim of these claims' bases that read, by claim id (their SOVs are not checked). */
  async claimsOf(claimIds: readonly string[]): Promise<Map<string, Pick<DraftBasis, 'claim'>>> {
    const claimOf = new Map<string, Pick<DraftBasis, 'claim'>>();
    for (const record of await this.db.draftBases.bulkGet([...claimIds])) {
      const parsed = BasisClaimSchema.safeParse(record);
      if (parsed.success) claimOf.set(parsed.data.claimId, { claim: parsed.data.claim });
    }
    return claimOf;
  }

  /** Every readable basis by claim id; unreadable ones are left out (opening their claim quarantines them). */
  async readableByClaim(): Promise<Map<string, DraftBasis>> {
    const basisOf = new Map<string, DraftBasis>();
    for (const record of await this.db.draftBases.toArray()) {
      const parsed = DraftBasisSchema.safeParse(record);
      if (parsed.success) basisOf.set(parsed.data.claimId, parsed.data);
    }
    return basisOf;
  }
}
