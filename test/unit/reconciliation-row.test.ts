import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyRowAmounts,
  matchReconciliationColumns,
  normalizeHeader,
  readClaimIdentity,
  rememberingClassifier,
} from '../../lib/reconciliation-row';

describe('normalizeHeader', () => {
  it.each([
    ['Yardi PTD', 'yardi ptd'],
    ['  YARDI\u00a0\u00a0 ptd\n', 'yardi ptd'],
    ['Invoice\t#', 'invoice #'],
    ['', ''],
  ])('reads %j as %j', (text, expected) => expect(normalizeHeader(text)).toBe(expected));
});

describe('matchReconciliationColumns', () => {
  it('finds the sandbox columns', () => {
    expect(
      matchReconciliationColumns(['Contract', 'Vendor', 'Invoice #', 'Invoice date', 'Yardi PTD', 'Procore', 'Difference']),
    ).toEqual({ contract: 0, vendor: 1, invoice: 2, date: 3, yardiPtd: 4, procore: 5, difference: 6 });
  });

  it('finds columns in any order, any case, with extra whitespace, and a Claim ID column', () => {
    expect(matchReconciliationColumns(['DIFFERENCE', ' procore ', 'Yardi \u00a0 PTD', 'Claim ID', 'invoice  #'])).toEqual({
      difference: 0,
      procore: 1,
      yardiPtd: 2,
      claim: 3,
      invoice: 4,
    });
  });

  it('skips columns without a header and takes the first of a repeated name', () => {
    expect(matchReconciliationColumns([undefined, 'Yardi PTD', 'Procore', 'Procore', 'Difference'])).toEqual({
      yardiPtd: 1,
      procore: 2,
      difference: 4,
    });
  });

  it.each([
    [['Yardi PTD', 'Procore']],
    [['Yardi PTD', 'Difference']],
    [['Yardi PTD (prior)', 'Procore', 'Difference']],
    [['Yardi', 'Procore', 'Difference']],
    [[]],
  ])('is not a reconciliation header: %j', (headers) => expect(matchReconciliationColumns(headers)).toBeNull());
});

describe('classifyRowAmounts', () => {
  it.each([
    ['$12,500.00', '$10,000.00', 'mismatched'],
    ['$8,000.00', '8000', 'matched'],
    ['$1,000.00', '$999.99', 'mismatched'],
    ['$4,200.50', '\u2014', 'mismatched'],
    ['$4,200.50', '-', 'mismatched'],
    ['$4,200.50', ' \u2013 ', 'mismatched'],
    ['$0.00', '', 'matched'],
    ['0', '\u2014', 'matched'],
    ['($1,250.00)', '-1250.00', 'matched'],
    ['\u2212$5.00', '($5.00)', 'matched'],
    ['$1.230', '$1.23', 'matched'],
    ['\u00a0$7.00\u00a0', '$7', 'matched'],
  ])('Yardi PTD %j against Procore %j is %s', (yardiPtd, procore, status) => {
    expect(classifyRowAmounts({ yardiPtd, procore }).status).toBe(status);
  });

  it('carries both canonical amounts of a mismatch', () => {
    expect(classifyRowAmounts({ yardiPtd: '$12,500.00', procore: '\u2014' })).toEqual({
      status: 'mismatched',
      yardiPtd: '12500.00',
      procore: '0.00',
    });
  });

  it.each([
    ['', '$1.00', 'Yardi PTD is not an amount (EMPTY)'],
    ['n/a', '$1.00', 'Yardi PTD is not an amount (INVALID)'],
    ['-', '$1.00', 'Yardi PTD is not an amount (INVALID)'],
    ['$1.005', '$1.00', 'Yardi PTD is not an amount (PRECISION)'],
    ['$1.00', '\u202e$1.00', 'Procore is not an amount (INVALID)'],
    ['$1.00', '1.2.3', 'Procore is not an amount (INVALID)'],
  ])('cannot decide Yardi PTD %j against Procore %j', (yardiPtd, procore, reason) => {
    expect(classifyRowAmounts({ yardiPtd, procore })).toEqual({ status: 'unreadable', reason });
  });

  it('never throws and decides by the cents alone, whatever the cell text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (yardiPtd, procore) => {
        const result = classifyRowAmounts({ yardiPtd, procore });
        if (result.status === 'matched') expect(result.amount).toMatch(/^-?\d+\.\d{2}$/);
        if (result.status === 'mismatched') expect(result.yardiPtd).not.toBe(result.procore);
      }),
    );
  });
});

describe('rememberingClassifier', () => {
  it('decides exactly as classifyRowAmounts, including after it forgets', () => {
    const classify = rememberingClassifier(3);
    const texts = fc.array(fc.record({ yardiPtd: fc.constantFrom('$1.00', '1', '(1.00)', 'x', ''), procore: fc.constantFrom('$1.00', '-', '2', '') }));
    fc.assert(
      fc.property(texts, (rows) => {
        for (const cells of rows) expect(classify(cells)).toEqual(classifyRowAmounts(cells));
      }),
    );
  });
});

describe('readClaimIdentity', () => {
  it('prefers the row’s data-claim-id and cleans whitespace', () => {
    expect(readClaimIdentity({ dataClaimId: ' C-1 ', claim: 'other', contract: ' SC\u00a0 1 ', invoice: 'INV-1\n' })).toEqual({
      claimId: 'C-1',
      contractNumber: 'SC 1',
      invoiceNumber: 'INV-1',
    });
  });

  it('falls back to the Claim column and leaves out what is blank', () => {
    expect(readClaimIdentity({ dataClaimId: '  ', claim: 'G-3', contract: '', invoice: undefined })).toEqual({ claimId: 'G-3' });
  });

  it.each([[{}], [{ dataClaimId: null, claim: ' ' }], [{ claim: 'x'.repeat(201) }]])('names no claim: %j', (texts) => {
    expect(readClaimIdentity(texts)).toBeNull();
  });
});

describe('matchReconciliationColumns on pages not built for us', () => {
  it.each([
    [['Invoice No.', 'Vendor Name', 'Date', 'Contract Number', 'Yardi PTD', 'Procore', 'Difference', 'Notes'], { invoice: 0, vendor: 1, date: 2, contract: 3 }],
    [['CONTRACT #', 'INVOICE#', 'VENDOR', 'INVOICE DATE', 'YARDI PTD', 'PROCORE', 'DIFFERENCE'], { contract: 0, invoice: 1, vendor: 2, date: 3 }],
    [['Status', 'Difference', 'Procore', 'Yardi PTD', 'invoice\u00a0number', 'contract no', 'Notes'], { invoice: 4, contract: 5 }],
    [['Yardi PTD', 'Procore', 'Difference', 'Vendor', 'Invoice No', 'Invoice  Date'], { vendor: 3, invoice: 4, date: 5 }],
  ])('finds the identity columns of %j', (headers, identity) => {
    expect(matchReconciliationColumns(headers)).toMatchObject(identity);
  });

  it('reads no identity column from a header that only resembles one', () => {
    const columns = matchReconciliationColumns(['Yardi PTD', 'Procore', 'Difference', 'Vendor code', 'Invoice total', 'Due date', 'Contractor']);
    expect(columns).toEqual({ yardiPtd: 0, procore: 1, difference: 2 });
  });
});

describe('readClaimIdentity on rows without a claim id', () => {
  const row = { contract: 'SC-1042', vendor: 'Granite Ridge Concrete, Inc.', invoice: 'GRC-3357', date: '01/31/2026' };

  it('keeps contract, invoice, vendor and the date read to ISO', () => {
    expect(readClaimIdentity(row)).toEqual({
      contractNumber: 'SC-1042',
      invoiceNumber: 'GRC-3357',
      vendorName: 'Granite Ridge Concrete, Inc.',
      invoiceDate: '2026-01-31',
    });
  });

  it('names the claim by contract and invoice when the date cannot be read without guessing', () => {
    expect(readClaimIdentity({ ...row, date: '31/01/2026' })).toEqual({ contractNumber: 'SC-1042', invoiceNumber: 'GRC-3357', vendorName: 'Granite Ridge Concrete, Inc.' });
  });

  it.each([
    ['vendor, invoice and date', { vendor: 'Acme', invoice: 'A-1', date: 'Mar 31, 2026' }, { vendorName: 'Acme', invoiceNumber: 'A-1', invoiceDate: '2026-03-31' }],
    ['contract and invoice', { contract: 'SC-1', invoice: 'A-1' }, { contractNumber: 'SC-1', invoiceNumber: 'A-1' }],
  ])('names the claim by %s', (_, texts, identity) => {
    expect(readClaimIdentity(texts)).toEqual(identity);
  });

  it.each([
    ['no invoice number', { contract: 'SC-1', vendor: 'Acme', date: '2026-03-31' }],
    ['a vendor and invoice without a date', { vendor: 'Acme', invoice: 'A-1' }],
    ['a vendor and invoice with an ambiguous date', { vendor: 'Acme', invoice: 'A-1', date: '03/31/26' }],
    ['a blank contract and no vendor', { contract: ' \u00a0 ', invoice: 'A-1', date: '2026-03-31' }],
    ['a 100 kB invoice cell', { contract: 'SC-1', invoice: 'x'.repeat(100_000) }],
    ['a 100 kB contract cell and no vendor', { contract: '9'.repeat(100_000), invoice: 'A-1' }],
    ['an invoice made only of invisible formatting', { contract: 'SC-1', invoice: '\u202e\u200b\u2066' }],
  ])('names no claim with %s', (_, texts) => {
    expect(readClaimIdentity(texts)).toBeNull();
  });

  it('takes script-looking text as plain text, bounded', () => {
    const invoice = '<img src=x onerror=alert(1)>';
    expect(readClaimIdentity({ contract: '"><script>alert(1)</script>', invoice })).toEqual({
      contractNumber: '"><script>alert(1)</script>',
      invoiceNumber: invoice,
    });
  });

  it('drops bidi overrides and zero-width marks, so the panel shows what the row means', () => {
    // U+202E shows "GRC-3357" backwards on the page; the characters underneath still read GRC-3357.
    expect(readClaimIdentity({ contract: 'SC\u200b-1042', invoice: '\u202eGRC-3357\u202c', vendor: '\u2067Acme\u2069', date: '\u200e2026-01-31' })).toEqual({
      contractNumber: 'SC-1042',
      invoiceNumber: 'GRC-3357',
      vendorName: 'Acme',
      invoiceDate: '2026-01-31',
    });
  });

  it('bounds a vendor at 500 characters and the other texts at 200', () => {
    expect(readClaimIdentity({ vendor: 'v'.repeat(500), invoice: 'i'.repeat(200), date: '2026-03-31' })).toMatchObject({ vendorName: 'v'.repeat(500) });
    expect(readClaimIdentity({ vendor: 'v'.repeat(501), invoice: 'A-1', date: '2026-03-31' })).toBeNull();
  });

  it('leaves vendor and date out when the row has a claim id', () => {
    expect(readClaimIdentity({ dataClaimId: 'YC-1', ...row })).toEqual({ claimId: 'YC-1', contractNumber: 'SC-1042', invoiceNumber: 'GRC-3357' });
  });
});
