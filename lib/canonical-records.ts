import type { AllocationChanges } from './allocation-changes';
import { isIsoDate, isIsoDateTime } from './dates';
import { isMoney } from './money-parse';
import type { Allocations, DraftBasis, DraftEdits, SovLine, Submission, YardiClaim, YardiClaimLine } from './schemas';

/**
 * Stored drafts and their bases checked by hand, for the service worker (which carries no schema
 * library) and for the hot paths of the schemas themselves. Each reader accepts a value only when its
 * schema in `schemas.ts` would return it unchanged (ids and codes already trimmed, money canonical), and
 * returns what that schema returns: the same fields in the same order, unknown keys dropped. It answers
 * null for anything else, including what the schema would accept only after trimming: values written
 * by Backfill are canonical, so only a damaged record meets that. The unit tests hold each reader to its
 * schema.
 */

type Fields = Record<string, unknown>;

/** The value as a plain object's fields, or null for anything else (null, an array, a string...). */
export function fieldsOf(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** `IdSchema`: 1–200 characters, no surrounding spaces. */
function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200 && value.trim() === value;
}

/** `AddressIdSchema`: an id that resolves to no other path in a host address. */
function isAddressId(value: unknown): value is string {
  return isId(value) && value !== '.' && value !== '..';
}

function isCategoryCode(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 100 && value.trim() === value;
}

function isMoneyText(value: unknown): value is string {
  return typeof value === 'string' && isMoney(value);
}

/** `z.url().max(max)` returning the text unchanged: `z.url()` trims it and drops tabs and line breaks. */
function isCanonicalUrl(value: unknown, max: number): value is string {
  return isText(value, max) && value.trim() === value && !/[\t\n\r]/.test(value) && URL.canParse(value);
}

/** A whole number of 0 or more, as `z.number().int().nonnegative()` takes it: a revision, a line number. */
export function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** One stored allocation: a SOV line id (1–200 characters, no surrounding spaces) and at most 100 characters typed for it. */
export function isAllocationEntry(sovLineId: string, value: unknown): value is string {
  return isId(sovLineId) && isText(value, 100);
}

/**
 * Every entry of a per-SOV-line object is an allocation (or, with `emptied`, null), by one plain loop:
 * a draft is checked on every save and read, and a 5,000-line draft costs 0.5 ms this way against 5 ms
 * entry by entry.
 */
function isPerLine(value: unknown, emptied: boolean): boolean {
  const fields = fieldsOf(value);
  if (fields === null) return false;
  for (const sovLineId in fields) {
    if (!Object.hasOwn(fields, sovLineId) || (emptied && fields[sovLineId] === null)) continue;
    if (!isAllocationEntry(sovLineId, fields[sovLineId])) return false;
  }
  return true;
}

/** The amounts typed per SOV line (`AllocationsSchema`). */
export function isAllocations(value: unknown): value is Allocations {
  return isPerLine(value, false);
}

/** Changed amounts per SOV line (`null`: emptied), as the draft guard sends them. */
export function isAllocationChanges(value: unknown): value is AllocationChanges {
  return isPerLine(value, true);
}

/** A line that `SovLineSchema` would return as it is: trimmed ids and codes, whole line numbers, canonical money. */
export function isCanonicalSovLine(value: unknown): value is SovLine {
  const line = fieldsOf(value);
  if (line === null) return false;
  const { id, lineNumber, categoryCode, description, scheduledValue, claimedToDate } = line;
  return (
    isId(id) &&
    isWholeNumber(lineNumber) &&
    (categoryCode === null || isCategoryCode(categoryCode)) &&
    isText(description, 1000) &&
    isMoneyText(scheduledValue) &&
    isMoneyText(claimedToDate)
  );
}

/** `SovLineSchema`: the fields it keeps, in its order. */
export function readSovLine(value: unknown): SovLine | null {
  if (!isCanonicalSovLine(value)) return null;
  const { id, lineNumber, categoryCode, description, scheduledValue, claimedToDate } = value;
  return { id, lineNumber, categoryCode, description, scheduledValue, claimedToDate };
}

/** `ClaimHeaderSchema`. */
function readHeader(value: unknown): DraftEdits['header'] | null {
  const header = fieldsOf(value);
  if (header === null) return null;
  const { number, title, payPeriod } = header;
  return isText(number, 200) && isText(title, 500) && typeof payPeriod === 'string' && isIsoDate(payPeriod) ? { number, title, payPeriod } : null;
}

/** `DraftEditsSchema` without its amounts (as `draft/unsaved-changes` carries them). */
export function readDraftEditsHead(value: unknown): Omit<DraftEdits, 'allocations'> | null {
  const fields = fieldsOf(value);
  if (fields === null) return null;
  const { claimId, contractId, focusedSovLineId, hostOrigin } = fields;
  const header = readHeader(fields.header);
  if (!isId(claimId) || !isId(contractId) || header === null || !(focusedSovLineId === null || isId(focusedSovLineId))) return null;
  if (hostOrigin !== undefined && !isCanonicalUrl(hostOrigin, 300)) return null;
  return { claimId, contractId, header, focusedSovLineId, ...(hostOrigin !== undefined && { hostOrigin }) };
}

/** `DraftEditsSchema`: what the user changes in a draft (a whole stored draft reads as its edits too). */
export function readDraftEdits(value: unknown): DraftEdits | null {
  const head = readDraftEditsHead(value);
  const allocations = (value as Fields | null)?.allocations;
  if (head === null || !isAllocations(allocations)) return null;
  const { claimId, contractId, header, focusedSovLineId, hostOrigin } = head;
  return { claimId, contractId, header, allocations, focusedSovLineId, ...(hostOrigin !== undefined && { hostOrigin }) };
}

/** `YardiClaimLineSchema`. */
export function readClaimLine(value: unknown): YardiClaimLine | null {
  const line = fieldsOf(value);
  if (line === null) return null;
  const { categoryCode, description, amount } = line;
  if (!isCategoryCode(categoryCode) || !isMoneyText(amount) || !(description === undefined || isText(description, 1000))) return null;
  return { categoryCode, ...(description !== undefined && { description }), amount };
}

/** `YardiClaimSchema`: a progress claim as Yardi paid it. */
export function readYardiClaim(value: unknown): YardiClaim | null {
  const claim = fieldsOf(value);
  if (claim === null || !Array.isArray(claim.lines) || claim.lines.length === 0) return null;
  const { id, contractId, vendorName, invoiceNumber, invoiceDate, total, allocated } = claim;
  if (!isAddressId(id) || !isAddressId(contractId) || !isText(vendorName, 500) || !isText(invoiceNumber, 200)) return null;
  if (typeof invoiceDate !== 'string' || !isIsoDate(invoiceDate) || !isMoneyText(total) || typeof allocated !== 'boolean') return null;
  const lines: YardiClaimLine[] = [];
  for (const value of claim.lines as unknown[]) {
    const line = readClaimLine(value);
    if (line === null) return null;
    lines.push(line);
  }
  return { id, contractId, vendorName, invoiceNumber, invoiceDate, total, allocated, lines };
}

/** `DraftBasisSchema`: the claim and SOV a draft was built against. */
export function readDraftBasis(value: unknown): DraftBasis | null {
  const fields = fieldsOf(value);
  const sov = fieldsOf(fields?.sov);
  if (fields === null || sov === null || !Array.isArray(sov.lines)) return null;
  const { claimId, recordedAt } = fields;
  const claim = readYardiClaim(fields.claim);
  if (!isId(claimId) || claim === null || !isAddressId(sov.contractId) || typeof recordedAt !== 'string' || !isIsoDateTime(recordedAt)) return null;
  const lines: SovLine[] = [];
  for (const value of sov.lines as unknown[]) {
    const line = readSovLine(value);
    if (line === null) return null;
    lines.push(line);
  }
  return { claimId, claim, sov: { contractId: sov.contractId, lines }, recordedAt };
}

/** The claim a stored basis holds, its SOV left unread (`DraftBasisSchema.pick({ claimId, claim })`). */
export function readBasisClaim(value: unknown): Pick<DraftBasis, 'claimId' | 'claim'> | null {
  const fields = fieldsOf(value);
  const claim = readYardiClaim(fields?.claim);
  return fields !== null && isId(fields.claimId) && claim !== null ? { claimId: fields.claimId, claim } : null;
}

const SUBMISSION_STATES: ReadonlySet<unknown> = new Set<Submission['state']>(['ready', 'submitting', 'submitted']);

/** What a stored draft's compare-and-swap decides on: its revision, where its submission is, and its lineage when that reads. */
export interface DraftHead {
  revision: number;
  state: Submission['state'];
  lineage?: string[];
}

/** The head of a stored draft, or null when its revision or submission state does not read. */
export function readDraftHead(value: unknown): DraftHead | null {
  const fields = fieldsOf(value);
  const state = fieldsOf(fields?.submission)?.state;
  if (fields === null || !isWholeNumber(fields.revision) || !SUBMISSION_STATES.has(state)) return null;
  const { lineage } = fields;
  const readableLineage = Array.isArray(lineage) && lineage.length <= 50 && lineage.every((print) => typeof print === 'string' && /^[0-9a-f]{16}$/.test(print));
  return { revision: fields.revision, state: state as Submission['state'], ...(readableLineage && { lineage: lineage as string[] }) };
}

/** What a row's mark needs of a stored draft: its claim, where its submission is, and its amounts. */
export interface MarkedDraft {
  claimId: string;
  submission: { state: Submission['state'] };
  allocations: Allocations;
}

export function readMarkedDraft(value: unknown): MarkedDraft | null {
  const fields = fieldsOf(value);
  const state = fieldsOf(fields?.submission)?.state;
  if (fields === null || !isId(fields.claimId) || !SUBMISSION_STATES.has(state) || !isAllocations(fields.allocations)) return null;
  return { claimId: fields.claimId, submission: { state: state as Submission['state'] }, allocations: fields.allocations };
}

/** `RowLinkSchema`: the claim the panel opened for a row that shows no claim id. */
export function readRowLink(value: unknown): { key: string; claimId: string; at: string } | null {
  const link = fieldsOf(value);
  if (link === null) return null;
  const { key, claimId, at } = link;
  return typeof key === 'string' && key.length >= 1 && key.length <= 2000 && isId(claimId) && typeof at === 'string' && isIsoDateTime(at) ? { key, claimId, at } : null;
}
