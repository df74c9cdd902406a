import type { ImportedClaim } from '../../lib/import';

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
