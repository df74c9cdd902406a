import { z } from 'zod';
import { matchKey } from '../claim-identity';
import { fnv1a64 } from '../fnv1a';
import { LOCAL_CLAIM_PREFIX } from './claim-id';
import type { ImportedClaim, ImportedSovLine } from '../import';
import { CategoryCodeSchema, MoneySchema, type HostClaim, type Sov, type SovLine } from '../schemas';

/**
 * The local source: Yardi claims and SOVs imported from the user's own files, kept in the extension's
 * database and worked like the host's (the same rules, the same allocation view), offline.
 */

const TextSchema = z.string().max(500);

/** A Yardi claim imported from a payment export. Its id is worked out from what names it (`localClaimId`). */
export const LocalClaimSchema = z.object({
  id: z.string().regex(/^local-[0-9a-f]{16}$/),
  contractNumber: z.string().trim().min(1).max(200),
  vendorName: TextSchema,
  invoiceNumber: z.string().trim().min(1).max(200),
  invoiceDate: z.iso.date(),
  allocated: z.boolean(),
  codes: z.array(z.object({ categoryCode: CategoryCodeSchema, amount: MoneySchema })).min(1),
  total: MoneySchema,
  /** `matchKey` of the contract number: how the claim finds its SOV. */
  contractKey: z.string().min(1).max(200),
  /** `matchKey` of the invoice number: how a reconciliation row finds the claim prepared here. */
  invoiceKey: z.string().min(1).max(200),
  importedAt: z.iso.datetime(),
  /** The file it came from, as the user named it. */
  fileName: TextSchema,
  /** When its finished backfill was last exported (CSV or JSON); absent until then. */
  exportedAt: z.iso.datetime().optional(),
});
export type LocalClaim = z.infer<typeof LocalClaimSchema>;

/** An item number is at most this long: it names its SOV line (`item:<number>`, a line id of at most 200). */
export const ITEM_NUMBER_LENGTH = 100;

export const LocalSovLineSchema = z.object({
  number: z.string().trim().min(1).max(ITEM_NUMBER_LENGTH),
  description: z.string().max(1000),
  categoryCode: CategoryCodeSchema.nullable(),
  scheduledValue: MoneySchema,
  claimedToDate: MoneySchema,
});

/** A contract's SOV imported from an SOV or G703 export, under the contract number the user gave it. */
export const LocalSovSchema = z.object({
  contractKey: z.string().min(1).max(200),
  contractNumber: z.string().trim().min(1).max(200),
  lines: z.array(LocalSovLineSchema),
  importedAt: z.iso.datetime(),
  fileName: TextSchema,
});
export type LocalSov = z.infer<typeof LocalSovSchema>;

/** How the local source compares contract and invoice numbers: by `matchKey`, or as written when that leaves nothing (`---`). */
export function localKey(text: string): string {
  return matchKey(text) || text.trim();
}

/**
 * A claim's id in the local source: a 64-bit FNV-1a hash of contract, vendor and invoice number as
 * `matchKey` compares them, the same three that make one claim in a Yardi export. The same claim read
 * from another export (other spacing, other case) gets the same id, so it is never added twice.
 */
export function localClaimId(claim: Pick<ImportedClaim, 'contractNumber' | 'vendorName' | 'invoiceNumber'>): string {
  return `${LOCAL_CLAIM_PREFIX}${fnv1a64([claim.contractNumber, claim.vendorName, claim.invoiceNumber].map(matchKey).join('\u0000'))}`;
}

/** An imported claim as a local record. */
export function localClaim(claim: ImportedClaim, fileName: string, importedAt: string): LocalClaim {
  return { ...claim, id: localClaimId(claim), contractKey: localKey(claim.contractNumber), invoiceKey: localKey(claim.invoiceNumber), importedAt, fileName };
}

/** An imported SOV as a local record of the contract the user named. */
export function localSov(contractNumber: string, lines: readonly ImportedSovLine[], fileName: string, importedAt: string): LocalSov {
  return { contractKey: localKey(contractNumber), contractNumber: contractNumber.trim(), lines: [...lines], importedAt, fileName };
}

/**
 * A local claim as the allocation view reads a host's claim. Its contract id is the contract number
 * the file gives; `backfilled` is what the local ledger says (a finished claim is never finished twice).
 */
export function localHostClaim(claim: LocalClaim, finished: boolean): HostClaim {
  return {
    id: claim.id,
    contractId: claim.contractNumber,
    vendorName: claim.vendorName,
    invoiceNumber: claim.invoiceNumber,
    invoiceDate: claim.invoiceDate,
    total: claim.total,
    allocated: claim.allocated,
    lines: claim.codes.map(({ categoryCode, amount }) => ({ categoryCode, amount })),
    status: finished ? 'Finished' : 'Unlinked',
    backfilled: finished,
  };
}

/**
 * A local SOV as the allocation view reads a host's. A line's id is its item as the file writes it
 * (`item:007`), so a draft keeps its amounts when the SOV is imported again; its number is the item
 * read as a whole number where it is one, else its place in the file. `contractId` is the contract
 * as the claim names it (the file's number; the SOV was matched to it by `localKey`).
 */
export function localHostSov(sov: LocalSov, contractId = sov.contractNumber): Sov {
  return {
    contractId,
    lines: sov.lines.map((line, index) => ({
      id: sovLineIdOfItem(line.number),
      lineNumber: /^\d{1,9}$/.test(line.number) ? Number(line.number) : index + 1,
      categoryCode: line.categoryCode,
      description: line.description,
      scheduledValue: line.scheduledValue,
      claimedToDate: line.claimedToDate,
    })),
  };
}

/**
 * `localHostSov` built once per contract as the claims name it: the claims of one contract then share
 * one SOV object, which the validator indexes once for all of them.
 */
export function hostSovCache(): (sov: LocalSov, contractId: string) => Sov {
  const built = new Map<string, Sov>();
  return (sov, contractId) => built.get(contractId) ?? built.set(contractId, localHostSov(sov, contractId)).get(contractId)!;
}

const ITEM_PREFIX = 'item:';

export function sovLineIdOfItem(item: string): string {
  return `${ITEM_PREFIX}${item}`;
}

/** An SOV line's item as its file wrote it (`item:007` is `007`); a host's line, its number. */
export function sovLineItem(line: Pick<SovLine, 'id' | 'lineNumber'>): string {
  return line.id.startsWith(ITEM_PREFIX) ? line.id.slice(ITEM_PREFIX.length) : String(line.lineNumber);
}
