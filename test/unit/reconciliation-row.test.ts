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
    ).toEqual({ contract: 0, invoice: 2, yardiPtd: 4, procore: 5, difference: 6 });
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
