import { z } from 'zod';
import { ClaimIdentitySchema } from './claim-identity-schema';
import { MAX_MARKED_ROWS } from './draft-marks-reply';
import type { AllocationChanges } from './allocation-changes';
import { isAllocationChanges } from './canonical-records';
import { DraftBasisSchema, DraftEditsSchema } from './schemas';

/**
 * Messages between the extension's parts, one zod schema each (S4). Every receiver checks the
 * sender and parses with these schemas, or with a reader checked by hand against them where a schema
 * library would weigh too much (the content script and the service worker: `page-message-reader.ts`,
 * `content-request-reader.ts`, `draft-guard-reader.ts`); anything that does not parse is dropped with a
 * logged reason, never half-handled.
 *
 * Page messages go from the panel (an extension page in an iframe) through the background to the
 * content script in the tab's top frame. The content script opens the panel with the row's claim in
 * the iframe URL (see `panel-link.ts`), and the panel re-reads that claim from the host; it asks the
 * background only what its rows should show (`drafts/marks`), and on a company host to open a claim.
 *
 * Draft guard messages go from the panel to the background over a port (`DRAFT_GUARD_PORT`).
 */

const ClaimIdSchema = z.string().trim().min(1).max(200);

/** The panel asks to be closed (Esc or its own close button inside the iframe). */
export const PanelCloseMessageSchema = z.strictObject({ type: z.literal('panel/close') });

/**
 * The panel submitted a backfill for this claim: the page's row button goes away at once and stays
 * away across re-renders until the row shows the claim matched. `row` is the identity the panel was
 * opened with when the row shows no claim id (the page knows its rows by that, not by the claim id).
 */
export const ClaimSubmittedMessageSchema = z.strictObject({
  type: z.literal('claim/submitted'),
  claimId: ClaimIdSchema,
  row: ClaimIdentitySchema.optional(),
});

/**
 * The content script on a company host asks to open a claim (the one thing it may ask, S4): the
 * background opens the panel in its own tab, since the panel may be framed only on built-in hosts.
 * The claim is named by its id, or as its row shows it (`row`) when the page shows no id.
 */
export const ClaimOpenMessageSchema = z.union([
  z.strictObject({ type: z.literal('claim/open'), claimId: ClaimIdSchema }),
  z.strictObject({ type: z.literal('claim/open'), row: ClaimIdentitySchema }),
]);
export type ClaimOpenMessage = z.infer<typeof ClaimOpenMessageSchema>;

/** A draft was saved in this tab's panel: the page asks again what its rows should show (`drafts/marks`). */
export const DraftsChangedMessageSchema = z.strictObject({ type: z.literal('drafts/changed') });

export const PageMessageSchema = z.discriminatedUnion('type', [PanelCloseMessageSchema, ClaimSubmittedMessageSchema, DraftsChangedMessageSchema]);
export type PageMessage = z.infer<typeof PageMessageSchema>;
export type PageMessageType = PageMessage['type'];

/**
 * The content script asks what its rows should show of the extension's own work (a draft badge, a
 * backfill the page does not show yet). The answer is read from the extension's storage by the
 * background, never from the page's storage.
 */
export const DraftMarksRequestSchema = z.strictObject({
  type: z.literal('drafts/marks'),
  rows: z.array(ClaimIdentitySchema).max(MAX_MARKED_ROWS),
});
export type DraftMarksRequest = z.infer<typeof DraftMarksRequestSchema>;

/** What the content script may ask the background, from a host page's top frame. */
export const ContentRequestSchema = z.union([ClaimOpenMessageSchema, DraftMarksRequestSchema]);

/** Every page message is answered with whether it was delivered and handled; a failure is data. */
export const PageReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), reason: z.string().max(500) }),
]);
export type PageReply = z.infer<typeof PageReplySchema>;

/**
 * The panel's latest edits not yet on disk, built on `baseRevision`. With `writing`, the panel is
 * writing exactly these now as revision `baseRevision + 1`: if that lands just before the panel goes
 * away, the background can tell it is the panel's own write, not another tab's.
 */
export const DraftUnsavedMessageSchema = z.strictObject({
  type: z.literal('draft/unsaved'),
  edits: DraftEditsSchema,
  basis: DraftBasisSchema.optional(),
  baseRevision: z.number().int().nonnegative(),
  writing: z.boolean().optional(),
});

export type DraftUnsavedMessage = z.infer<typeof DraftUnsavedMessageSchema>;

/** Checked with one plain loop, as the allocations themselves are (`AllocationsSchema`). */
const AllocationChangesSchema = z.custom<AllocationChanges>(isAllocationChanges, {
  message: 'Expected the changed amounts per SOV line: each line id 1–200 characters without surrounding spaces, each amount at most 100 characters or null.',
});

/**
 * The same as `draft/unsaved`, sent as what changed since the previous one on this port: the lines
 * whose amounts changed (`allocationChanges`) and the rest of the edits whole. The basis comes once.
 * A 5,000-line draft is not copied to the background on every keystroke.
 */
export const DraftUnsavedChangesMessageSchema = z.strictObject({
  type: z.literal('draft/unsaved-changes'),
  edits: DraftEditsSchema.omit({ allocations: true }),
  changes: AllocationChangesSchema,
  basis: DraftBasisSchema.optional(),
  baseRevision: z.number().int().nonnegative(),
  writing: z.boolean().optional(),
});

/** Everything the panel has is on disk: there is nothing to save if it goes away now. */
export const DraftSavedMessageSchema = z.strictObject({ type: z.literal('draft/saved') });

export const DraftGuardMessageSchema = z.discriminatedUnion('type', [DraftUnsavedMessageSchema, DraftUnsavedChangesMessageSchema, DraftSavedMessageSchema]);
export type DraftGuardMessage = z.infer<typeof DraftGuardMessageSchema>;
