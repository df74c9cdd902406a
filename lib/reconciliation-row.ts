import { parseMoney, type Money } from './money';

/**
 * The rules for reading the host's reconciliation page, kept apart from the DOM so they are tested
 * fast and the same everywhere: which header means which column, and when a reconciliation row needs
 * a backfill. The DOM side hands in header and cell texts; nothing here touches a page.
 */

/** Header text as people read it: case and runs of whitespace (including no-break spaces) ignored. */
export function normalizeHeader(text: string): string {
  return text.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim().toLowerCase();
}

export type ReconciliationColumn = 'yardiPtd' | 'procore' | 'difference' | 'claim' | 'contract' | 'invoice';

/** Column positions (0-based, in grid columns) on one reconciliation table. */
export type ReconciliationColumns = { yardiPtd: number; procore: number; difference: number } & Partial<
  Record<'claim' | 'contract' | 'invoice', number>
>;

const HEADER_NAMES: Record<ReconciliationColumn, readonly string[]> = {
  yardiPtd: ['yardi ptd'],
  procore: ['procore'],
  difference: ['difference'],
  claim: ['claim', 'claim id', 'claim #', 'claim no.', 'claim number'],
  contract: ['contract', 'contract #', 'contract no.', 'contract number'],
  invoice: ['invoice #', 'invoice', 'invoice no.', 'invoice number'],
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

/** The claim a reconciliation row is about, as the page shows it. */
export interface ClaimIdentity {
  claimId: string;
  contractNumber?: string;
  invoiceNumber?: string;
}

const MAX_IDENTITY_LENGTH = 200;

function cleanIdentityText(text: string | null | undefined): string | undefined {
  const clean = text?.replace(/[\s\u00a0\u2007\u202f]+/g, ' ').trim();
  return clean && clean.length <= MAX_IDENTITY_LENGTH ? clean : undefined;
}

/**
 * The row's claim identity: the row's `data-claim-id` when present, else its Claim column; contract
 * and invoice number when the table has those columns. Null when the row names no usable claim id
 * (missing, blank or longer than 200 characters).
 */
export function readClaimIdentity(texts: {
  dataClaimId?: string | null;
  claim?: string;
  contract?: string;
  invoice?: string;
}): ClaimIdentity | null {
  const claimId = cleanIdentityText(texts.dataClaimId) ?? cleanIdentityText(texts.claim);
  if (claimId === undefined) return null;
  const identity: ClaimIdentity = { claimId };
  const contractNumber = cleanIdentityText(texts.contract);
  const invoiceNumber = cleanIdentityText(texts.invoice);
  if (contractNumber !== undefined) identity.contractNumber = contractNumber;
  if (invoiceNumber !== undefined) identity.invoiceNumber = invoiceNumber;
  return identity;
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
