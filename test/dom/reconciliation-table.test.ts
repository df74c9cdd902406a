// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { reconciliationRows, type ReconciliationRowReading } from '../../entrypoints/reconciliation.content/reconciliation-table';
import { loadFixture, showPage } from './load-fixture';

function summary(readings: ReconciliationRowReading[]) {
  return readings.map(({ amounts, identity, lastCell, row }) => ({
    status: amounts.status,
    identity,
    // The last cell is looked up with the identity, for rows that get a button.
    buttonInLastCell: lastCell === undefined ? 'not read' : lastCell === row?.lastElementChild,
  }));
}

beforeEach(() => document.body.replaceChildren());

describe('reading a <table> reconciliation page', () => {
  it('reads the body rows under a two-row header, with colspans, and skips the totals footer', () => {
    loadFixture('sandbox-table.html');
    expect(summary([...reconciliationRows(document)])).toEqual([
      { status: 'mismatched', identity: { claimId: 'C-1', contractNumber: 'SC-001', invoiceNumber: 'INV-1' }, buttonInLastCell: true },
      // Rows are identified only where a button needs it.
      { status: 'matched', identity: null, buttonInLastCell: 'not read' },
      { status: 'mismatched', identity: { claimId: 'C-3', contractNumber: 'SC-003', invoiceNumber: 'INV-3' }, buttonInLastCell: true },
      {
        status: 'mismatched',
        identity: { claimId: 'C-4', contractNumber: 'SC-004', invoiceNumber: 'INV-4 (no date)' },
        buttonInLastCell: true,
      },
      { status: 'unreadable', identity: null, buttonInLastCell: 'not read' },
      { status: 'unreadable', identity: null, buttonInLastCell: 'not read' },
    ]);
  });

  it('says why a row cannot be decided', () => {
    loadFixture('sandbox-table.html');
    const pending = [...reconciliationRows(document)][4]!;
    expect(pending.amounts).toEqual({ status: 'unreadable', reason: 'Yardi PTD is not an amount (INVALID)' });
  });

  it('finds a header row of <td>s in the body and reads the Claim column', () => {
    loadFixture('header-in-body.html');
    expect(summary([...reconciliationRows(document)])).toEqual([
      { status: 'mismatched', identity: { claimId: 'K-1' }, buttonInLastCell: true },
      { status: 'matched', identity: null, buttonInLastCell: 'not read' },
    ]);
  });

  it('sees no reconciliation rows when a table lacks one of the three headers', () => {
    loadFixture('header-in-body.html');
    document.querySelectorAll('td')[3]!.textContent = 'Delta';
    expect([...reconciliationRows(document)]).toEqual([]);
  });
});

describe('reading an ARIA grid', () => {
  beforeEach(() => loadFixture('aria-grid.html'));

  it('reads rows in another column order, by aria-colindex where given, and not the rows of a nested grid', () => {
    expect(summary([...reconciliationRows(document)])).toEqual([
      { status: 'mismatched', identity: { claimId: 'G-1', contractNumber: 'SC-101' }, buttonInLastCell: true },
      { status: 'matched', identity: null, buttonInLastCell: 'not read' },
      { status: 'mismatched', identity: { claimId: 'G-3', contractNumber: 'SC-103 Note nested' }, buttonInLastCell: true },
      { status: 'mismatched', identity: { claimId: 'G-4', contractNumber: 'SC-104' }, buttonInLastCell: true },
    ]);
  });

  it('reads amounts from the right columns', () => {
    const [first, , virtualised] = [...reconciliationRows(document)];
    expect(first!.amounts).toEqual({ status: 'mismatched', yardiPtd: '1500.00', procore: '1000.00' });
    expect(virtualised!.amounts).toEqual({ status: 'mismatched', yardiPtd: '42.10', procore: '0.00' });
  });

  it('survives a page-supplied aria-colindex far beyond any real column', () => {
    document.querySelector('[aria-colindex="5"]')!.setAttribute('aria-colindex', '999999999');
    expect([...reconciliationRows(document)][2]!.identity).toEqual({ claimId: 'G-3' });
  });
});

describe('reading a plain table, the usual real page', () => {
  const HEAD = '<thead><tr><th>Contract</th><th>Invoice #</th><th>Yardi PTD</th><th>Procore</th><th>Difference</th></tr></thead>';
  const row = (contract: string, yardi: string, procore: string) => `<tr><td>${contract}</td><td>INV-${contract}</td><td>${yardi}</td><td>${procore}</td><td>?</td></tr>`;

  it('pairs each row’s amounts, and still does when rows differ in shape', () => {
    showPage(`<table>${HEAD}<tbody>${row('A', '$5.00', '$4.00')}${row('B', '$5.00', '$5.00')}${row('C', '(1.00)', '-')}</tbody></table>`);
    const expected = [
      { status: 'mismatched', identity: { contractNumber: 'A', invoiceNumber: 'INV-A' }, buttonInLastCell: true },
      { status: 'matched', identity: null, buttonInLastCell: 'not read' },
      { status: 'mismatched', identity: { contractNumber: 'C', invoiceNumber: 'INV-C' }, buttonInLastCell: true },
    ];
    expect(summary([...reconciliationRows(document)])).toEqual(expected);
    // A row whose Procore cell is a <th>, and a row straight under <table>: read row by row instead.
    const header = document.createElement('th');
    header.textContent = '$5.00';
    document.querySelectorAll('tbody tr')[1]!.children[3]!.replaceWith(header);
    expect(summary([...reconciliationRows(document)])).toEqual(expected);
    const straight = document.createElement('tr');
    for (const text of ['D', 'INV-D', '$2.00', '$1.00', '?']) straight.insertCell().textContent = text;
    document.querySelector('table')!.append(straight);
    expect(summary([...reconciliationRows(document)])).toEqual([
      ...expected,
      { status: 'mismatched', identity: { contractNumber: 'D', invoiceNumber: 'INV-D' }, buttonInLastCell: true },
    ]);
  });

  it('reads a row short of an amount cell as unreadable, never another row’s amount', () => {
    showPage(`<table>${HEAD}<tbody>${row('A', '$5.00', '$4.00')}<tr><td>B</td><td>INV-B</td><td>$5.00</td></tr>${row('C', '$3.00', '$3.00')}</tbody></table>`);
    expect(summary([...reconciliationRows(document)]).map(({ status }) => status)).toEqual(['mismatched', 'unreadable', 'matched']);
  });
});
