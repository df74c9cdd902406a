import { z } from 'zod';
import type { ClaimIdentity } from './reconciliation-row';

/**
 * The contract between the content script and the panel page: the panel iframe opens at
 * `panel.html#claim=<claimId>[&contract=<contractNumber>][&invoice=<invoiceNumber>]`
 * (URL-encoded with URLSearchParams). It only says which claim to open: the panel re-reads the claim
 * from the host and trusts nothing else from the page (S4).
 */

const IdentityTextSchema = z.string().trim().min(1).max(200);

export const PanelLinkSchema = z.object({
  claimId: IdentityTextSchema,
  /** Only for the panel opened in its own tab (the app): the host origin the draft was made on. */
  host: z.url({ protocol: /^https?$/ }).max(300).optional(),
  contractNumber: IdentityTextSchema.optional(),
  invoiceNumber: IdentityTextSchema.optional(),
});
export type PanelLink = z.infer<typeof PanelLinkSchema>;

/** The fragment (without `#`) that opens the panel on a claim. */
export function buildPanelHash(identity: ClaimIdentity): string {
  const params = new URLSearchParams({ claim: identity.claimId });
  if (identity.contractNumber !== undefined) params.set('contract', identity.contractNumber);
  if (identity.invoiceNumber !== undefined) params.set('invoice', identity.invoiceNumber);
  return params.toString();
}

/** The fragment that opens a claim's draft in the panel in its own tab, reading from `host`. */
export function buildAppHash(claimId: string, host: string): string {
  return new URLSearchParams({ claim: claimId, host }).toString();
}

/** Reads `location.hash` (with or without `#`); null when it names no valid claim. */
export function parsePanelHash(hash: string): PanelLink | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const parsed = PanelLinkSchema.safeParse({
    claimId: params.get('claim') ?? undefined,
    contractNumber: params.get('contract') ?? undefined,
    invoiceNumber: params.get('invoice') ?? undefined,
    host: params.get('host') ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}
