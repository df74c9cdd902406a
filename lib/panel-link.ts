import { z } from 'zod';
import { ClaimIdentitySchema, type ClaimIdentity } from './claim-identity';

/**
 * The contract between the content script and the panel page: the panel iframe opens at
 * `panel.html#claim=<claimId>[&contract=<contractNumber>][&invoice=<invoiceNumber>]`, or on a page that
 * shows no claim id `panel.html#contract=…&invoice=…[&vendor=…][&date=<YYYY-MM-DD>]` (URL-encoded with
 * URLSearchParams). It only says which claim to open, as the row shows it, never where to read it
 * from: the panel looks the claim up and re-reads it from the host and trusts nothing else from the
 * page (S4).
 */

/** Hash parameter of each identity field. */
const PARAMS = {
  claimId: 'claim',
  contractNumber: 'contract',
  invoiceNumber: 'invoice',
  vendorName: 'vendor',
  invoiceDate: 'date',
} as const satisfies Record<keyof ClaimIdentity, string>;

const IDENTITY_FIELDS = Object.keys(PARAMS) as Array<keyof ClaimIdentity>;

export const PanelLinkSchema = z.object({
  identity: ClaimIdentitySchema,
  /** Only for the panel opened in its own tab (the app): the host origin the draft was made on. */
  host: z.url({ protocol: /^https?$/ }).max(300).optional(),
});
export type PanelLink = z.infer<typeof PanelLinkSchema>;

/** The fragment (without `#`) that opens the panel on a claim; with `host`, in its own tab. */
export function buildPanelHash(identity: ClaimIdentity, host?: string): string {
  const params = new URLSearchParams();
  for (const field of IDENTITY_FIELDS) {
    const value = identity[field];
    if (value !== undefined) params.set(PARAMS[field], value);
  }
  if (host !== undefined) params.set('host', host);
  return params.toString();
}

/** The fragment that opens a claim's draft in the panel in its own tab, reading from `host`. */
export function buildAppHash(claimId: string, host: string): string {
  return buildPanelHash({ claimId }, host);
}

/** Reads `location.hash` (with or without `#`); null when it names no claim by valid fields. */
export function parsePanelHash(hash: string): PanelLink | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const identity: Record<string, string> = {};
  for (const field of IDENTITY_FIELDS) {
    const value = params.get(PARAMS[field]);
    if (value !== null) identity[field] = value;
  }
  const parsed = PanelLinkSchema.safeParse({ identity, host: params.get('host') ?? undefined });
  return parsed.success ? parsed.data : null;
}
