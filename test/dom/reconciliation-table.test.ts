// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readReconciliationRows, type ReconciliationRowReading } from '../../entrypoints/reconciliation.content/reconciliation-table';
import { loadFixture } from './load-fixture';

function summary(readings: ReconciliationRowReading[]) {
  return readings.map(({ amounts, identity, lastCell, row }) => ({
    status: amounts.status,
    identity,
    buttonInLastCell: lastCell !== undefined && lastCell === row.lastElementChild,
  }));
}

beforeEach(() => document.body.replaceChildren());

describe('reading a <table> reconciliation page', () => {
  it('reads the body rows under a two-row header, with colspans, and skips the totals footer', () => {
    loadFixture('sandbox-table.html');
    expect(summary(readReconciliationRows(document))).toEqual([
      { status: 'mismatched', identity: { claimId: 'C-1', contractNumber: 'SC-001', invoiceNumber: 'INV-1' }, buttonInLastCell: true },
      // Contract and invoice are read only where a button needs them.
      { status: 'matched', identity: { claimId: 'C-2' }, buttonInLastCell: true },
      { status: 'mismatched', identity: { claimId: 'C-3', contractNumber: 'SC-003', invoiceNumber: 'INV-3' }, buttonInLastCell: true },
      {
        status: 'mismatched',
        identity: { claimId: 'C-4', contractNumber: 'SC-004', invoiceNumber: 'INV-4 (no date)' },
        buttonInLastCell: true,
      },
      { status: 'unreadable', identity: { claimId: 'C-5' }, buttonInLastCell: true },
      { status: 'unreadable', identity: null, buttonInLastCell: true },
    ]);
  });

  it('says why a row cannot be decided', () => {
    loadFixture('sandbox-table.html');
    const pending = readReconciliationRows(document)[4]!;
    expect(pending.amounts).toEqual({ status: 'unreadable', reason: 'Yardi PTD is not an amount (INVALID)' });
  });

  it('finds a header row of <td>s in the body and reads the Claim column', () => {
    loadFixture('header-in-body.html');
    expect(summary(readReconciliationRows(document))).toEqual([
      { status: 'mismatched', identity: { claimId: 'K-1' }, buttonInLastCell: true },
      { status: 'matched', identity: { claimId: 'K-2' }, buttonInLastCell: true },
    ]);
  });

  it('sees no reconciliation rows when a table lacks one of the three headers', () => {
    loadFixture('header-in-body.html');
    document.querySelectorAll('td')[3]!.textContent = 'Delta';
    expect(readReconciliationRows(document)).toEqual([]);
  });
});

describe('reading an ARIA grid', () => {
  beforeEach(() => loadFixture('aria-grid.html'));

  it('reads rows in another column order, by aria-colindex where given, and not the rows of a nested grid', () => {
    expect(summary(readReconciliationRows(document))).toEqual([
      { status: 'mismatched', identity: { claimId: 'G-1', contractNumber: 'SC-101' }, buttonInLastCell: true },
      { status: 'matched', identity: { claimId: 'G-2' }, buttonInLastCell: true },
      { status: 'mismatched', identity: { claimId: 'G-3', contractNumber: 'SC-103 Note nested' }, buttonInLastCell: true },
      { status: 'mismatched', identity: { claimId: 'G-4', contractNumber: 'SC-104' }, buttonInLastCell: true },
    ]);
  });

  it('reads amounts from the right columns', () => {
    const [first, , virtualised] = readReconciliationRows(document);
    expect(first!.amounts).toEqual({ status: 'mismatched', yardiPtd: '1500.00', procore: '1000.00' });
    expect(virtualised!.amounts).toEqual({ status: 'mismatched', yardiPtd: '42.10', procore: '0.00' });
  });

  it('survives a page-supplied aria-colindex far beyond any real column', () => {
    document.querySelector('[aria-colindex="5"]')!.setAttribute('aria-colindex', '999999999');
    expect(readReconciliationRows(document)[2]!.identity).toEqual({ claimId: 'G-3' });
  });
});
