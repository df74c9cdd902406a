import type { ClaimIdentity } from './claim-identity';

/**
 * The contract between the content script and the panel page: the panel iframe opens at
 * `panel.html#claim=<claimId>[&contract=<contractNumber>][&invoice=<invoiceNumber>]`, or on a page that
 * shows no claim id `panel.html#contract=…&invoice=…[&vendor=…][&date=<YYYY-MM-DD>]` (URL-encoded with
 * URLSearchParams). It only says which claim to open, as the row shows it, never where to read it
 * from: the panel looks the claim up and re-reads it from the host and trusts nothing else from the
 * page (S4). Building the link is all the content script needs (no schema library there); the panel
 * reads it with `parsePanelHash` (`panel-link-reader.ts`).
 */

/** Hash parameter of each identity field. */
export const PANEL_LINK_PARAMS = {
  claimId: 'claim',
  contractNumber: 'contract',
  invoiceNumber: 'invoice',
  vendorName: 'vendor',
  invoiceDate: 'date',
} as const satisfies Record<keyof ClaimIdentity, string>;

export const IDENTITY_FIELDS = Object.keys(PANEL_LINK_PARAMS) as Array<keyof ClaimIdentity>;

/** The fragment (without `#`) that opens the panel on a claim; with `host`, in its own tab. */
export function buildPanelHash(identity: ClaimIdentity, host?: string): string {
  const params = new URLSearchParams();
  for (const field of IDENTITY_FIELDS) {
    const value = identity[field];
    if (value !== undefined) params.set(PANEL_LINK_PARAMS[field], value);
  }
  if (host !== undefined) params.set('host', host);
  return params.toString();
}

/** The fragment that opens a claim's draft in the panel in its own tab, reading from `host`. */
export function buildAppHash(claimId: string, host: string): string {
  return buildPanelHash({ claimId }, host);
}

/**
 * A panel page loaded ahead of time, before any claim is chosen, opens at `panel.html#standby=<token>`
 * and waits. When the user links a row, the dock posts it `{ type: STANDBY_OPEN, token, hash }`: the
 * token, kept where the page cannot read it, is how the panel knows the message is the dock's and not
 * the page's; `hash` is `buildPanelHash` of the claim. Before that, when the user is about to link a
 * row (the pointer rests on its button, or presses it), the dock may post `STANDBY_READ_AHEAD` with
 * that row's claim: the panel starts reading it, and uses what it read if that claim is then opened.
 * The panel reads both with `readStandbyMessage`.
 */
export const STANDBY_PARAM = 'standby';
export const STANDBY_OPEN = 'backfill/standby-open';
export const STANDBY_READ_AHEAD = 'backfill/standby-read-ahead';

export interface StandbyMessage {
  type: typeof STANDBY_OPEN | typeof STANDBY_READ_AHEAD;
  token: string;
  hash: string;
}

export function buildStandbyHash(token: string): string {
  return new URLSearchParams({ [STANDBY_PARAM]: token }).toString();
}
