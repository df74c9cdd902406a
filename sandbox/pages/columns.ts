/**
 * The reconciliation page's columns. The table uses plain headers; the grid layout puts them in
 * another order with odd case and whitespace (as real apps do), so the extension's header matching
 * is exercised rather than positions. The inline script renders rows from the same keys.
 */
export type ColumnKey = 'contract' | 'vendor' | 'invoice' | 'date' | 'yardiPtd' | 'procore' | 'difference' | 'status';

export interface Column {
  key: ColumnKey;
  header: string;
}

export const AMOUNT_COLUMNS: ReadonlySet<ColumnKey> = new Set(['yardiPtd', 'procore', 'difference']);

export const TABLE_COLUMNS: readonly Column[] = [
  { key: 'contract', header: 'Contract' },
  { key: 'vendor', header: 'Vendor' },
  { key: 'invoice', header: 'Invoice #' },
  { key: 'date', header: 'Invoice date' },
  { key: 'yardiPtd', header: 'Yardi PTD' },
  { key: 'procore', header: 'Procore' },
  { key: 'difference', header: 'Difference' },
  { key: 'status', header: 'Status' },
];

export const GRID_COLUMNS: readonly Column[] = [
  { key: 'invoice', header: 'Invoice #' },
  { key: 'contract', header: ' CONTRACT' },
  { key: 'difference', header: 'difference  ' },
  { key: 'yardiPtd', header: '  yardi   PTD ' },
  { key: 'vendor', header: 'Vendor' },
  { key: 'procore', header: 'ProCore\u00a0' },
  { key: 'date', header: 'invoice DATE' },
  { key: 'status', header: 'Status' },
];
