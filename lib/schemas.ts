import { z } from 'zod';
import { ClaimIdentitySchema } from './claim-identity-schema';
import { isAllocations, readClaimLine, readSovLine } from './canonical-records';
import { isMoney } from './money-parse';

/**
 * The shapes every part of Backfill agrees on: page data, messages, host API responses, stored drafts.
 * Money fields are canonical two-decimal strings (see `lib/money.ts`), never numbers.
 */

export const MoneySchema = z.string().refine(isMoney, {
  message: 'Expected an amount with two decimals, like "1234.50" or "-12.00".',
});

const IdSchema = z.string().trim().min(1).max(200);
// A claim or contract id goes into host addresses: `.` and `..` would resolve to another path there.
const AddressIdSchema = IdSchema.refine((id) => id !== '.' && id !== '..', 'A claim or contract id cannot be "." or "..".');
export const CategoryCodeSchema = z.string().trim().min(1).max(100);

export const YardiClaimLineSchema = z.object({
  categoryCode: CategoryCodeSchema,
  description: z.string().max(1000).optional(),
  amount: MoneySchema,
});
export type YardiClaimLine = z.infer<typeof YardiClaimLineSchema>;

/**
 * Lines checked by one plain loop (`read`, from `canonical-records.ts`) and by `schema` only where that
 * loop finds a line it would change or refuse: the same lines come out, and the same errors (message
 * and path) are reported. Each panel opens in a fresh page, where code runs cold: 5,000 SOV lines took
 * 83 ms there through a schema per line, and a 300-line claim 21 ms.
 */
function linesCheckedByLoop<T>(read: (line: unknown) => T | null, schema: z.ZodType<T>, minimum = 0) {
  return z
    .array(z.unknown())
    .min(minimum)
    .transform((lines, context): T[] =>
      lines.map((line, index) => {
        const canonical = read(line);
        if (canonical !== null) return canonical;
        const parsed = schema.safeParse(line);
        if (parsed.success) return parsed.data;
        for (const { message, path } of parsed.error.issues) context.issues.push({ code: 'custom', message, input: line, path: [index, ...path] });
        return z.NEVER;
      }),
    );
}

/** A progress claim as Yardi paid it: the read-only source of a backfill. */
export const YardiClaimSchema = z.object({
  id: AddressIdSchema,
  contractId: AddressIdSchema,
  vendorName: z.string().max(500),
  invoiceNumber: z.string().max(200),
  invoiceDate: z.iso.date(),
  total: MoneySchema,
  allocated: z.boolean(),
  lines: linesCheckedByLoop(readClaimLine, YardiClaimLineSchema, 1),
});
export type YardiClaim = z.infer<typeof YardiClaimSchema>;

export const SovLineSchema = z.object({
  id: IdSchema,
  lineNumber: z.number().int().nonnegative(),
  /** null (or blank on the host) means the line is uncoded. */
  categoryCode: CategoryCodeSchema.nullable(),
  description: z.string().max(1000),
  scheduledValue: MoneySchema,
  claimedToDate: MoneySchema,
});
export type SovLine = z.infer<typeof SovLineSchema>;

/** A commitment's Schedule of Values, as the host holds it before the backfill. */
export const SovSchema = z.object({
  contractId: AddressIdSchema,
  lines: linesCheckedByLoop(readSovLine, SovLineSchema),
});
export type Sov = z.infer<typeof SovSchema>;

/**
 * What the user typed per SOV line id. Values are raw strings while a draft is being edited (an empty
 * string means nothing allocated); the validator reports anything that is not an amount.
 */
export type Allocations = Record<string, string>;

/** Checked with one plain loop rather than a schema per entry (`isAllocations`). */
export const AllocationsSchema = z.custom<Allocations>(isAllocations, {
  message: 'Expected the amounts typed per SOV line: each line id 1–200 characters without surrounding spaces, each amount at most 100 characters.',
});

/**
 * `Finished`: a claim of the local source (imported from a Yardi export) whose backfill was prepared and
 * frozen in the workbench, ready to export and to submit from its reconciliation row. A host never says it.
 */
export const ClaimStatusSchema = z.enum(['Unlinked', 'Synced and Approved', 'Finished']);
export type ClaimStatus = z.infer<typeof ClaimStatusSchema>;

/** A Yardi claim as the host reports it: with its Procore status. */
export const HostClaimSchema = YardiClaimSchema.extend({
  status: ClaimStatusSchema,
  backfilled: z.boolean(),
});
export type HostClaim = z.infer<typeof HostClaimSchema>;

export const ReconciliationRowSchema = z.object({
  claimId: AddressIdSchema,
  contractId: AddressIdSchema,
  contractNumber: z.string().max(200),
  vendorName: z.string().max(500),
  invoiceNumber: z.string().max(200),
  invoiceDate: z.iso.date(),
  yardiPtd: MoneySchema,
  procore: MoneySchema,
  difference: MoneySchema,
  status: ClaimStatusSchema,
});
export type ReconciliationRow = z.infer<typeof ReconciliationRowSchema>;

export const BackfillLineSchema = z.object({ sovLineId: IdSchema, amount: MoneySchema });
export type BackfillLine = z.infer<typeof BackfillLineSchema>;

/** How long the claim header's text fields may be; the panel enforces them as the user types. */
export const CLAIM_HEADER_LIMITS = { number: 200, title: 500 } as const;

/** The claim header of the Procore version, defaulted from the Yardi invoice. */
export const ClaimHeaderSchema = z.object({
  number: z.string().max(CLAIM_HEADER_LIMITS.number),
  title: z.string().max(CLAIM_HEADER_LIMITS.title),
  payPeriod: z.iso.date(),
});
export type ClaimHeader = z.infer<typeof ClaimHeaderSchema>;

/** The body of a backfill submission: one amount per SOV line touched, and the claim's header. */
export const BackfillRequestSchema = z.object({
  lines: z.array(BackfillLineSchema).min(1).max(20_000),
  header: ClaimHeaderSchema.optional(),
});
export type BackfillRequest = z.infer<typeof BackfillRequestSchema>;


/** A backfill the host accepted: the Procore progress claim created from a draft. */
export const BackfillSchema = z.object({
  id: IdSchema,
  claimId: IdSchema,
  contractId: IdSchema,
  idempotencyKey: IdSchema,
  lines: z.array(BackfillLineSchema),
  header: ClaimHeaderSchema.optional(),
  total: MoneySchema,
  /** `Finished` for a backfill frozen in the local source (see `ClaimStatusSchema`). */
  status: z.enum(['Synced and Approved', 'Finished']),
  createdAt: z.iso.datetime(),
});
export type Backfill = z.infer<typeof BackfillSchema>;

/** Where a draft is on its way to the host: `ready → submitting → submitted`. */
export const SubmissionSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({
    state: z.literal('submitting'),
    idempotencyKey: IdSchema,
    /** The exact body sent, so every retry resends the same body with the same key. */
    lines: z.array(BackfillLineSchema).min(1),
    header: ClaimHeaderSchema.optional(),
    payloadHash: z.string().min(1),
    startedAt: z.iso.datetime(),
    attempts: z.number().int().nonnegative(),
    lastError: z.string().optional(),
  }),
  z.object({ state: z.literal('submitted'), idempotencyKey: IdSchema, backfill: BackfillSchema }),
]);
export type Submission = z.infer<typeof SubmissionSchema>;

/**
 * A backfill in progress, keyed by claim: what the user typed and where they were. Kept small, since it
 * is saved after every edit; what it was built against is its `DraftBasis`.
 */
export const DraftSchema = z.object({
  claimId: IdSchema,
  contractId: IdSchema,
  header: ClaimHeaderSchema,
  allocations: AllocationsSchema,
  revision: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime(),
  focusedSovLineId: IdSchema.nullable(),
  /** The host origin the claim was read from, so the draft can be reopened in its own tab. */
  hostOrigin: z.url().max(300).optional(),
  submission: SubmissionSchema,
  /**
   * Fingerprints of the versions this draft was handed off as or taken from a file (`draftFingerprint`),
   * oldest first: how a file of it tells a newer version from one that went another way.
   */
  lineage: z.array(z.string().regex(/^[0-9a-f]{16}$/)).max(50).optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** What the user changes in a draft; revision, time, submission state and lineage are the store's to set. */
export const DraftEditsSchema = DraftSchema.omit({ revision: true, updatedAt: true, submission: true, lineage: true });
export type DraftEdits = z.infer<typeof DraftEditsSchema>;

/** The claim and SOV a draft was built against, to tell the user what changed on the host since. */
export const DraftBasisSchema = z.object({
  claimId: IdSchema,
  claim: YardiClaimSchema,
  sov: SovSchema,
  recordedAt: z.iso.datetime(),
});
export type DraftBasis = z.infer<typeof DraftBasisSchema>;

/** One step of a claim's submission, as the audit log records it (the host's word included). */
export const AuditEntrySchema = z.object({
  id: z.number().int().optional(),
  claimId: IdSchema,
  at: z.iso.datetime(),
  event: z.enum(['submitting', 'submitted', 'refused', 'backfilled-elsewhere', 'unconfirmed']),
  detail: z.string().max(5000),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * The claim the panel opened for a row that shows no claim id, under the row's `identityKey`: how the
 * row finds its draft again (the page's words for a contract may not be the host's).
 */
export const RowLinkSchema = z.object({
  key: z.string().min(1).max(2000),
  claimId: IdSchema,
  at: z.iso.datetime(),
});
export type RowLink = z.infer<typeof RowLinkSchema>;

/**
 * A mismatched row a reconciliation page showed (its marks were asked for), under its `identityKey`:
 * a claim the workbench's queue lists before anyone opened it. The page is kept as origin and path
 * only: its query is the host's business.
 */
export const SeenRowSchema = z.object({
  key: z.string().min(1).max(2000),
  identity: ClaimIdentitySchema,
  pageUrl: z.url().max(2000),
  seenAt: z.iso.datetime(),
});
export type SeenRow = z.infer<typeof SeenRowSchema>;

/** The body of every host API error. */
export const HostErrorSchema = z.object({
  error: z.string(),
  rule: z.string().optional(),
  issues: z.array(z.unknown()).optional(),
});
export type HostError = z.infer<typeof HostErrorSchema>;
