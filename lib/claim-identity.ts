import { formatDate, isIsoDate } from './dates';

/**
 * Which claim a reconciliation row is about, as the page shows it. Real pages rarely show a claim id;
 * they show contract, vendor, invoice number and date. A row's identity is the best the page offers,
 * in this order: a claim id; else contract number + invoice number; else vendor + invoice number +
 * invoice date. Fields beyond the best complete set are kept: they are what resolution falls back on
 * when the page shows a contract number in a form the host does not know.
 */
export interface ClaimIdentity {
  claimId?: string;
  contractNumber?: string;
  invoiceNumber?: string;
  vendorName?: string;
  /** ISO `YYYY-MM-DD`, read from the page by `readInvoiceDate`. */
  invoiceDate?: string;
}

export const IDENTITY_LIMITS = { text: 200, vendorName: 500 } as const;

/** True when the identity names a claim by one of the three accepted sets of fields. */
export function isCompleteIdentity(identity: ClaimIdentity): boolean {
  if (identity.claimId !== undefined) return true;
  if (identity.invoiceNumber === undefined) return false;
  return identity.contractNumber !== undefined || (identity.vendorName !== undefined && identity.invoiceDate !== undefined);
}

/**
 * One string per claim a row names, for telling rows and open panels apart: the claim id when the
 * page gives one, else the identity's fields. Two rows with equal keys name the same claim.
 */
export function identityKey(identity: ClaimIdentity): string {
  if (identity.claimId !== undefined) return `claim:${identity.claimId}`;
  return JSON.stringify([identity.contractNumber ?? null, identity.invoiceNumber, identity.vendorName ?? null, identity.invoiceDate ?? null]);
}

/** What was looked for, in the user's words and dates in their locale: `contract SC-1042, invoice GRC-3357, dated Jan 31, 2026`. */
export function describeIdentity(identity: ClaimIdentity, locale?: string): string {
  const parts: string[] = [];
  if (identity.claimId !== undefined) parts.push(`claim ${identity.claimId}`);
  if (identity.contractNumber !== undefined) parts.push(`contract ${identity.contractNumber}`);
  if (identity.vendorName !== undefined) parts.push(`vendor ${identity.vendorName}`);
  if (identity.invoiceNumber !== undefined) parts.push(`invoice ${identity.invoiceNumber}`);
  if (identity.invoiceDate !== undefined) parts.push(`dated ${formatDate(identity.invoiceDate, locale)}`);
  return parts.join(', ');
}

/**
 * The key under which a contract number, invoice number or vendor name is compared between the page
 * and the host: Unicode-normalised (NFKC), upper case, letters and digits only. `SC-1042`, `sc 1042`
 * and `SC1042` are one contract; `INV-0042` and `inv 0042` one invoice. Different letters stay
 * different: the sandbox page shows contract `SC-1042` while the contract's id is `C-1042`, so the host
 * compares the page's text with both the contract's number and its id. When neither matches, the
 * page's form is unknown to the host and the claim is looked up by vendor and invoice number instead,
 * the user picking when that finds several.
 */
export function matchKey(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * An invoice date as a page shows it, read to ISO `YYYY-MM-DD`; null when it is not a date or could be
 * read two ways. Accepted: `2026-03-31` (also with `/`), `03/31/2026` and `3/31/2026` (month first,
 * as Portfolio Financials and US finance pages show dates), `Mar 31, 2026`, `March 31 2026` and
 * `31 Mar 2026`. Refused rather than guessed: two-digit years (which century?), a slash date whose first
 * part cannot be a month (`31/03/2026`: the page writes day first, so its other slash dates cannot be
 * trusted month first either), dotted dates (`31.03.2026`, day first in most places), and days that
 * the month does not have.
 */
export function readInvoiceDate(text: string): string | null {
  const clean = text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (clean.length > 40) return null;
  let match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(clean);
  if (match) return isoDate(match[1]!, match[2]!, match[3]!);
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(clean);
  if (match) return isoDate(match[3]!, match[1]!, match[2]!);
  match = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(clean);
  if (match) return monthNamed(match[1]!, match[2]!, match[3]!);
  match = /^(\d{1,2}) ([a-z]+)\.?,? (\d{4})$/.exec(clean);
  if (match) return monthNamed(match[2]!, match[1]!, match[3]!);
  return null;
}

function monthNamed(name: string, day: string, year: string): string | null {
  // A month's name or its first three letters or more (`Mar`, `Sept`); not a word that merely starts
  // like one (`Marching`).
  const month = name.length < 3 ? -1 : MONTHS.findIndex((full) => full.startsWith(name));
  return month < 0 ? null : isoDate(year, String(month + 1), day);
}

function isoDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  // Day 0 of the next month is the last day of this one (UTC: no time zone can shift it).
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const IDENTITY_TEXT_LIMITS: Record<keyof ClaimIdentity, number> = {
  claimId: IDENTITY_LIMITS.text,
  contractNumber: IDENTITY_LIMITS.text,
  invoiceNumber: IDENTITY_LIMITS.text,
  vendorName: IDENTITY_LIMITS.vendorName,
  invoiceDate: IDENTITY_LIMITS.text,
};

/**
 * An identity as it crosses a boundary, checked by hand for the content script (which carries no
 * schema library): exactly what `ClaimIdentitySchema` accepts, texts trimmed; null for anything else.
 */
export function readIdentityValue(value: unknown): ClaimIdentity | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const identity: ClaimIdentity = {};
  for (const [field, text] of Object.entries(value)) {
    if (!Object.hasOwn(IDENTITY_TEXT_LIMITS, field) || typeof text !== 'string') return null;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.length > IDENTITY_TEXT_LIMITS[field as keyof ClaimIdentity]) return null;
    identity[field as keyof ClaimIdentity] = trimmed;
  }
  if (identity.invoiceDate !== undefined && !isIsoDate(identity.invoiceDate)) return null;
  return isCompleteIdentity(identity) ? identity : null;
}
