import { z } from 'zod';
import { ClaimIdentitySchema } from './claim-identity-schema';
import { IDENTITY_FIELDS, PANEL_LINK_PARAMS, STANDBY_OPEN, STANDBY_PARAM } from './panel-link';

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

const StandbyOpenSchema = z.object({
  type: z.literal(STANDBY_OPEN),
  token: z.string().regex(TOKEN),
  hash: z.string().max(2000),
});

/**
 * The claim's fragment from a message posted to a panel standing by under `token`, or null when the
 * message is not the dock's (another shape, another token) or names no claim.
 */
export function readStandbyOpen(data: unknown, token: string): string | null {
  const parsed = StandbyOpenSchema.safeParse(data);
  if (!parsed.success || parsed.data.token !== token) return null;
  return parsePanelHash(parsed.data.hash) === null ? null : parsed.data.hash;
}
