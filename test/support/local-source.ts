import type { ImportedClaim, ImportedSovLine } from '../../lib/import';

/** A claim as read from a Yardi export: two codes of contract SC-1042. */
export const IMPORTED: ImportedClaim = {
  invoiceNumber: 'INV-7',
  invoiceDate: '2026-03-31',
  vendorName: 'Granite Ridge Concrete',
  contractNumber: 'SC-1042',
  allocated: false,
  codes: [
    { categoryCode: '03-300', amount: '1000.00' },
    { categoryCode: '09-900', amount: '500.00' },
  ],
  total: '1500.00',
};

/** A G703 sheet of contract SC-1042: one line per code of `IMPORTED`, nothing claimed yet. */
export const G703_LINES: ImportedSovLine[] = [
  { number: '1', description: 'Footings', categoryCode: '03-300', scheduledValue: '2000.00', claimedToDate: '0.00' },
  { number: '2', description: 'Painting', categoryCode: '09-900', scheduledValue: '600.00', claimedToDate: '0.00' },
];
