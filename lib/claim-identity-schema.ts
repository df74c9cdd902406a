import { z } from 'zod';
import { IDENTITY_LIMITS, isCompleteIdentity } from './claim-identity';

const IdentityTextSchema = z.string().trim().min(1).max(IDENTITY_LIMITS.text);

/** An identity as it crosses a boundary (panel URL, messages): bounded texts, an ISO date, complete. */
export const ClaimIdentitySchema = z
  .strictObject({
    claimId: IdentityTextSchema.optional(),
    contractNumber: IdentityTextSchema.optional(),
    invoiceNumber: IdentityTextSchema.optional(),
    vendorName: z.string().trim().min(1).max(IDENTITY_LIMITS.vendorName).optional(),
    invoiceDate: z.iso.date().optional(),
  })
  .refine(isCompleteIdentity, 'names no claim: give a claim id, a contract and invoice number, or a vendor, invoice number and date');
