import { z } from 'zod';
import { BackfillSchema, SovSchema, YardiClaimSchema } from '../lib/schemas';

/**
 * What the sandbox host keeps in `<dataDir>/sandbox.json`. Lists rather than records, so ids taken
 * from the file can never be object keys like `__proto__`. The file is zod-checked on every load.
 */

export const ContractSchema = z.object({
  id: z.string().min(1).max(200),
  number: z.string().max(200),
  vendorName: z.string().max(500),
  title: z.string().max(500),
});
export type Contract = z.infer<typeof ContractSchema>;

/** A committed backfill and the fingerprint of the request that made it (for idempotent replays). */
export const StoredBackfillSchema = z.object({
  backfill: BackfillSchema,
  fingerprint: z.string().min(1),
});
export type StoredBackfill = z.infer<typeof StoredBackfillSchema>;

export const StateSchema = z.object({
  version: z.literal(1),
  project: z.object({ number: z.string(), name: z.string() }),
  contracts: z.array(ContractSchema),
  sovs: z.array(SovSchema),
  claims: z.array(YardiClaimSchema),
  backfills: z.array(StoredBackfillSchema),
});
export type State = z.infer<typeof StateSchema>;
