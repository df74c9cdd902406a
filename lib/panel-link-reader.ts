import { z } from 'zod';
import { ClaimIdentitySchema } from './claim-identity-schema';
import { IDENTITY_FIELDS, PANEL_LINK_PARAMS } from './panel-link';

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
