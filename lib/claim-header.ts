import { CLAIM_HEADER_LIMITS, ClaimHeaderSchema, type ClaimHeader } from './schemas';

/*
 * The Procore claim header as the user types it, checked at input against the very schema that reads
 * it back from storage (`ClaimHeaderSchema`), so a header that was taken can always be read back.
 */

/** The header as the claim's Yardi invoice suggests it: its number, a title naming it, its date. */
export function defaultClaimHeader(claim: { invoiceNumber: string; invoiceDate: string }): ClaimHeader {
  return { number: claim.invoiceNumber, title: `Backfill of Yardi invoice ${claim.invoiceNumber}`, payPeriod: claim.invoiceDate };
}

/** Why a typed header field cannot be kept, in plain words, or null when it can. */
export function claimHeaderProblem(field: keyof ClaimHeader, value: string): string | null {
  if (field === 'payPeriod') {
    return ClaimHeaderSchema.shape.payPeriod.safeParse(value).success ? null : 'The pay period must be a date with a four-digit year, such as 2026-03-31; the date typed was not kept.';
  }
  const limit = CLAIM_HEADER_LIMITS[field as keyof typeof CLAIM_HEADER_LIMITS];
  const name = field === 'number' ? 'claim number' : 'title';
  return value.length > limit ? `The ${name} can be at most ${limit} characters; this one has ${value.length}, so it was not kept.` : null;
}
