import type { z } from 'zod';
import { LocalClaimSchema, LocalSovSchema, type LocalClaim, type LocalSov } from '@/lib/local-source/records';
import type { BackfillDatabase } from './database';
import { watchQuery } from './watch';

/** Everything in the local source, as read back: records that fail their schema are counted, not used. */
export interface LocalSourceContents {
  claims: LocalClaim[];
  sovs: LocalSov[];
  unreadable: number;
}

/** The local source's tables (`localClaims`, `localSovs`): what the workbench imported from files. */
export class LocalSource {
  constructor(private readonly db: BackfillDatabase) {}

  async claim(claimId: string): Promise<LocalClaim | undefined> {
    return readBack(LocalClaimSchema, await this.db.localClaims.get(claimId));
  }

  async sov(contractKey: string): Promise<LocalSov | undefined> {
    return readBack(LocalSovSchema, await this.db.localSovs.get(contractKey));
  }

  /** Every local claim with this invoice number (its `matchKey`). */
  async claimsWithInvoice(invoiceKey: string): Promise<LocalClaim[]> {
    const records = await this.db.localClaims.where('invoiceKey').equals(invoiceKey).toArray();
    return records.flatMap((record) => readBack(LocalClaimSchema, record) ?? []);
  }

  async all(): Promise<LocalSourceContents> {
    const [claimRecords, sovRecords] = await Promise.all([this.db.localClaims.toArray(), this.db.localSovs.toArray()]);
    const claims = claimRecords.flatMap((record) => readBack(LocalClaimSchema, record) ?? []);
    const sovs = sovRecords.flatMap((record) => readBack(LocalSovSchema, record) ?? []);
    return { claims, sovs, unreadable: claimRecords.length - claims.length + sovRecords.length - sovs.length };
  }

  watch(onChange: (contents: LocalSourceContents) => void): () => void {
    return watchQuery(() => this.all(), onChange, 'reading the local source');
  }

  /** Stores one file's claims in one strict transaction: all of them, or none. */
  async putClaims(claims: readonly LocalClaim[]): Promise<void> {
    for (const claim of claims) LocalClaimSchema.parse(claim);
    await this.db.transaction('rw', this.db.localClaims, () => this.db.localClaims.bulkPut([...claims]));
  }

  /** Records that these claims' finished backfills were exported: the queue then says so. */
  async markExported(claimIds: readonly string[], at: string): Promise<void> {
    await this.db.transaction('rw', this.db.localClaims, () => this.db.localClaims.where(':id').anyOf([...claimIds]).modify({ exportedAt: at }));
  }

  async putSov(sov: LocalSov): Promise<void> {
    await this.db.localSovs.put(LocalSovSchema.parse(sov));
  }
}

function readBack<T>(schema: z.ZodType<T>, record: unknown): T | undefined {
  if (record === undefined) return undefined;
  const parsed = schema.safeParse(record);
  return parsed.success ? parsed.data : undefined;
}
