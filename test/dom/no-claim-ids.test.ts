// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { LINK_BUTTON_TAG } from '../../entrypoints/reconciliation.content/link-buttons';
import { reconciliationRows } from '../../entrypoints/reconciliation.content/reconciliation-table';
import { loadFixture } from './load-fixture';
import { useScan, userClick } from './scan-harness';

// Rows that name no claim id: the reader and the scan on a page with other headers, another column
// order, several date formats and cells that are not what they should be.

const GRANITE = { invoiceNumber: 'GRC-3357', vendorName: 'Granite Ridge Concrete, Inc.', invoiceDate: '2026-01-31', contractNumber: 'SC-1042' };
const HARBOR = { invoiceNumber: 'HDP-4566', vendorName: 'Harbor Drywall & Paint', invoiceDate: '2026-02-28', contractNumber: 'SC-1071' };
const APEX = { invoiceNumber: 'AGS-2384', vendorName: 'Apex Glazing Systems', invoiceDate: '2026-02-28' };

beforeEach(() => loadFixture('no-claim-ids.html'));

function identities() {
  return [...reconciliationRows(document)].map(({ amounts, identity }) => ({ status: amounts.status, identity }));
}

describe('reading rows without a claim id', () => {
  it('names each mismatched row by contract + invoice, or vendor + invoice + date, whatever the headers and order', () => {
    expect(identities()).toEqual([
      { status: 'mismatched', identity: GRANITE },
      // Matched rows are not identified: no button, so nothing to name.
      { status: 'matched', identity: null },
      // The Difference says $0.00, but a credit against nothing in Procore differs: amounts decide.
      { status: 'mismatched', identity: HARBOR },
      // 31/01/2026 is day first: refused, and without a contract or a date the row names no claim.
      { status: 'mismatched', identity: null },
      { status: 'mismatched', identity: null },
      { status: 'mismatched', identity: APEX },
      // 03/04/26: a two-digit year is refused rather than guessed.
      { status: 'mismatched', identity: null },
    ]);
  });

  it('identifies matched rows too when asked', () => {
    const matched = [...reconciliationRows(document, undefined, true)][1]!;
    expect(matched.identity).toEqual({ invoiceNumber: 'GRC-3351', vendorName: 'Granite Ridge Concrete, Inc.', invoiceDate: '2025-10-31', contractNumber: 'SC-1042' });
  });

  it('takes hostile cell text as text: markup, bidi overrides, 100 kB cells', () => {
    const row = document.querySelector('#payments tbody tr')!;
    const cells = (row as HTMLTableRowElement).cells;
    cells[1]!.textContent = '\u202e<script>alert(1)</script>\u202c';
    expect([...reconciliationRows(document)][0]!.identity).toEqual({ ...GRANITE, invoiceNumber: '<script>alert(1)</script>' });
    cells[4]!.textContent = 'x'.repeat(100_000);
    // No contract to go by: vendor + invoice + date still names the claim.
    expect([...reconciliationRows(document)][0]!.identity).toEqual({ ...GRANITE, invoiceNumber: '<script>alert(1)</script>', contractNumber: undefined });
    cells[1]!.textContent = '9'.repeat(100_000);
    expect([...reconciliationRows(document)][0]!.identity).toBeNull();
  });
});

describe('a scan of a page without claim ids', () => {
  const at = useScan();

  /** The invoice number shown in each row that has a button. */
  function invoicesWithButtons(): string[] {
    const shown = [...document.getElementsByTagName(LINK_BUTTON_TAG)].filter((host) => !host.shadowRoot!.querySelector('button')!.hidden);
    return shown.map((host) => {
      const row = host.closest('tr, [role="row"]')!;
      return (row.matches('tr') ? row.children[1] : row.children[2])!.textContent!;
    });
  }

  function click(invoice: string): void {
    const host = [...document.getElementsByTagName(LINK_BUTTON_TAG)].find((candidate) => candidate.closest('tr, [role="row"]')!.textContent!.includes(invoice))!;
    userClick(host.shadowRoot!.querySelector('button')!);
  }

  it('puts buttons on exactly the mismatched rows that name a claim, and hands over what the row shows', () => {
    at.scan.run();
    expect(invoicesWithButtons()).toEqual(['GRC-3357', 'HDP-4566', 'AGS-2384']);
    click('AGS-2384');
    expect(at.linked).toEqual([APEX]);
  });

  it('shows a submitted row backfilled, known by its identity, until the row shows matched', () => {
    at.scan.run();
    at.scan.markSubmitted(GRANITE);
    expect(invoicesWithButtons()).toEqual(['HDP-4566', 'AGS-2384']);
    // The page re-renders the row with the old amounts: still no button.
    const row = document.querySelector('#payments tbody tr')!;
    row.replaceWith(row.cloneNode(true));
    at.scan.run();
    expect(invoicesWithButtons()).toEqual(['HDP-4566', 'AGS-2384']);
    // The row shows matched, then differs again later: the button is back.
    const procore = (document.querySelector('#payments tbody tr') as HTMLTableRowElement).cells[7]!;
    procore.textContent = '$69,145.19';
    at.scan.run();
    procore.textContent = '$1.00';
    at.scan.run();
    expect(invoicesWithButtons()).toEqual(['GRC-3357', 'HDP-4566', 'AGS-2384']);
  });
});
