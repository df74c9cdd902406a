import { IDENTITY_LIMITS, isCompleteIdentity, readInvoiceDate, type ClaimIdentity } from './claim-identity';
import { parseMoney, type Money } from './money-parse';

/**
 * The rules for reading the host's reconciliation page, kept apart from the DOM so they are tested
 * fast and the same everywhere: which header means which column, and when a reconciliation row needs
 * a backfill. The DOM side hands in header and cell texts; nothing here touches a page.
 */

/**
 * Header text as people read it: case and runs of whitespace (including no-break spaces) ignored, and
 * `Invoice#` read as `Invoice #`.
 */
export function normalizeHeader(text: string): string {
  return text.replace(/#/g, ' #').replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim().toLowerCase();
}

type IdentityColumn = 'claim' | 'contract' | 'invoice' | 'vendor' | 'date';
export type ReconciliationColumn = 'yardiPtd' | 'procore' | 'difference' | IdentityColumn;

/** Column positions (0-based, in grid columns) on one reconciliation table. */
export type ReconciliationColumns = { yardiPtd: number; procore: number; difference: number } & Partial<Record<IdentityColumn, number>>;

/** `name`, `name #`, `name no.`, `name no` and `name number`: the ways a number column is headed. */
const numbered = (name: string) => [name, `${name} #`, `${name} no.`, `${name} no`, `${name} number`];

const HEADER_NAMES: Record<ReconciliationColumn, readonly string[]> = {
  yardiPtd: ['yardi ptd'],
  procore: ['procore'],
  difference: ['difference'],
  claim: [...numbered('claim'), 'claim id'],
  contract: numbered('contract'),
  invoice: numbered('invoice'),
  vendor: ['vendor', 'vendor name'],
  date: ['invoice date', 'date'],
};

const COLUMN_BY_HEADER = new Map<string, ReconciliationColumn>(
  Object.entries(HEADER_NAMES).flatMap(([column, names]) => names.map((name) => [name, column as ReconciliationColumn])),
);

/**
 * Which columns of a header row are the reconciliation columns, or null when the row is not the
 * header of a reconciliation table (it must name Yardi PTD, Procore and Difference). `headers[i]` is
 * the text of the header cell at grid column `i`; absent entries are columns without a header. When a
 * name repeats, the first column with it counts.
 */
export function matchReconciliationColumns(headers: ReadonlyArray<string | undefined>): ReconciliationColumns | null {
  const found: Partial<Record<ReconciliationColumn, number>> = {};
  headers.forEach((header, index) => {
    if (header === undefined) return;
    const column = COLUMN_BY_HEADER.get(normalizeHeader(header));
    if (column !== undefined && found[column] === undefined) found[column] = index;
  });
  const { yardiPtd, procore, difference, ...identity } = found;
  if (yardiPtd === undefined || procore === undefined || difference === undefined) return null;
  return { yardiPtd, procore, difference, ...identity };
}

/** What a reconciliation row says about its claim, decided from the amounts, never the Difference text. */
export type RowAmounts =
  | { status: 'matched'; amount: Money }
  | { status: 'mismatched'; yardiPtd: Money; procore: Money }
  | { status: 'unreadable'; reason: string };

// The host shows "nothing in Procore yet" as an empty cell or a dash.
const PROCORE_NOTHING = new Set(['', '-', '\u2013', '\u2014']);

/**
 * Compares the Yardi PTD and Procore amounts of a row to the cent (`parseMoney`). An empty, `-` or
 * `—` Procore cell is zero. A Yardi PTD cell that is empty, or any cell that is not an amount, makes
 * the row unreadable: no decision is better than a wrong one.
 */
export function classifyRowAmounts(cells: { yardiPtd: string; procore: string }): RowAmounts {
  const yardi = parseMoney(cells.yardiPtd);
  if (!yardi.ok) return { status: 'unreadable', reason: `Yardi PTD is not an amount (${yardi.error})` };
  const procoreText = cells.procore.replace(/[\s\u00a0\u2007\u202f]+/g, '');
  const procore = PROCORE_NOTHING.has(procoreText) ? ({ ok: true, value: '0.00' } as const) : parseMoney(cells.procore);
  if (!procore.ok) return { status: 'unreadable', reason: `Procore is not an amount (${procore.error})` };
  // Canonical money strings are equal exactly when the amounts are equal to the cent.
  return yardi.value === procore.value
    ? { status: 'matched', amount: yardi.value }
    : { status: 'mismatched', yardiPtd: yardi.value, procore: procore.value };
}

// Characters that change how text is shown without being part of it: bidi overrides and isolates
// (a page could make `INV-1` read backwards) and zero-width marks. Never part of a number or a name.
const INVISIBLE_FORMATTING = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function cleanIdentityText(text: string | null | undefined, maxLength: number = IDENTITY_LIMITS.text): string | undefined {
  // Checked before cleaning too, so a 100 kB cell costs no regular-expression work.
  if (text == null || text.length > maxLength * 4) return undefined;
  const clean = text.replace(INVISIBLE_FORMATTING, '').replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
  return clean && clean.length <= maxLength ? clean : undefined;
}

/**
 * The row's claim identity (see `ClaimIdentity`): the row's `data-claim-id` when present, else its
 * Claim column, with contract and invoice number when the table has them. Without a claim id: contract
 * and invoice number, vendor and invoice date, from the cells that hold something usable (a text of at
 * most 200 characters, 500 for a vendor; a date `readInvoiceDate` reads without guessing). Null when the
 * row names no claim by any of the three accepted sets of fields.
 */
export function readClaimIdentity(texts: {
  dataClaimId?: string | null;
  claim?: string;
  contract?: string;
  invoice?: string;
  vendor?: string;
  date?: string;
}): ClaimIdentity | null {
  // Absent fields are left out rather than set to undefined: identities are compared and serialised.
  const identity: ClaimIdentity = {};
  const claimId = cleanIdentityText(texts.dataClaimId) ?? cleanIdentityText(texts.claim);
  if (claimId !== undefined) identity.claimId = claimId;
  const contractNumber = cleanIdentityText(texts.contract);
  if (contractNumber !== undefined) identity.contractNumber = contractNumber;
  const invoiceNumber = cleanIdentityText(texts.invoice);
  if (invoiceNumber !== undefined) identity.invoiceNumber = invoiceNumber;
  // A claim id says it all; vendor and date only matter for finding a claim without one.
  if (claimId !== undefined) return identity;
  const vendorName = cleanIdentityText(texts.vendor, IDENTITY_LIMITS.vendorName);
  if (vendorName !== undefined) identity.vendorName = vendorName;
  const date = cleanIdentityText(texts.date);
  const invoiceDate = date === undefined ? null : readInvoiceDate(date);
  if (invoiceDate !== null) identity.invoiceDate = invoiceDate;
  return isCompleteIdentity(identity) ? identity : null;
}

/**
 * `classifyRowAmounts` that remembers the cell texts it has seen: pages re-render the same amounts
 * again and again, and parsing is most of a scan's cost. Forgets everything past `maxEntries`
 * distinct pairs, so memory stays bounded on a page open all day.
 */
export function rememberingClassifier(maxEntries = 20_000): (cells: { yardiPtd: string; procore: string }) => RowAmounts {
  // Keyed by Yardi PTD text, then Procore text: no key string to build for every row.
  const known = new Map<string, Map<string, RowAmounts>>();
  let size = 0;
  return (cells) => {
    let byProcore = known.get(cells.yardiPtd);
    let amounts = byProcore?.get(cells.procore);
    if (amounts !== undefined) return amounts;
    if (size >= maxEntries) {
      known.clear();
      size = 0;
      byProcore = undefined;
    }
    if (byProcore === undefined) known.set(cells.yardiPtd, (byProcore = new Map()));
    amounts = classifyRowAmounts(cells);
    byProcore.set(cells.procore, amounts);
    size++;
    return amounts;
  };
}
