import { z } from 'zod';
import { ClaimIdentitySchema } from './claim-identity-schema';
import { IDENTITY_FIELDS, PANEL_LINK_PARAMS, STANDBY_OPEN, STANDBY_PARAM, STANDBY_READ_AHEAD } from './panel-link';

export const PanelLinkSchema = z.object({
  identity: ClaimIdentitySchema,
  /** Only for the panel opened in its own tab (the app): the host origin the draft was made on. */
  host: z.url({ protocol: /^https?$/ }).max(300).optional(),
});
export type PanelLink = z.infer<typeof PanelLinkSchema>;

/** Reads `location.hash` (with or without `#`); null when it names no claim by valid fields. */
export function parsePanelHash(hash: string): PanelLink | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const identity: Record<string, string> = {};
  for (const field of IDENTITY_FIELDS) {
    const value = params.get(PANEL_LINK_PARAMS[field]);
    if (value !== null) identity[field] = value;
  }
  const parsed = PanelLinkSchema.safeParse({ identity, host: params.get('host') ?? undefined });
  return parsed.success ? parsed.data : null;
}

// A token is long enough not to be guessed (the dock makes UUIDs), and nothing but letters, digits and dashes.
const TOKEN = /^[\w-]{16,64}$/;

/** The standby token in `location.hash` (`buildStandbyHash`), or null when the panel was opened on a claim. */
export function readStandbyToken(hash: string): string | null {
  const token = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get(STANDBY_PARAM);
  return token !== null && TOKEN.test(token) ? token : null;
}

const StandbyMessageSchema = z.object({
  type: z.enum([STANDBY_OPEN, STANDBY_READ_AHEAD]),
  token: z.string().regex(TOKEN),
  hash: z.string().max(2000),
});

/** What the dock tells a panel standing by: open this claim, or read it ahead (`StandbyMessage`). */
export interface StandbyRequest {
  open: boolean;
  /** The claim's fragment (`buildPanelHash`). */
  hash: string;
}

/**
 * The dock's message to a panel standing by under `token`, or null when the message is not the dock's
 * (another shape, another token) or names no claim.
 */
export function readStandbyMessage(data: unknown, token: string): StandbyRequest | null {
  const parsed = StandbyMessageSchema.safeParse(data);
  if (!parsed.success || parsed.data.token !== token || parsePanelHash(parsed.data.hash) === null) return null;
  return { open: parsed.data.type === STANDBY_OPEN, hash: parsed.data.hash };
}
