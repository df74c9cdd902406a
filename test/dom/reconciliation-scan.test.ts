// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LINK_BUTTON_LABEL, LINK_BUTTON_TAG } from '../../entrypoints/reconciliation.content/link-buttons';
import { SCAN_MEASURE } from '../../entrypoints/reconciliation.content/scan';
import { identityKey } from '../../lib/claim-identity';
import { loadFixture } from './load-fixture';
import { useScan, userClick } from './scan-harness';

beforeEach(() => loadFixture('sandbox-table.html'));
const at = useScan();

function buttonOf(claimId: string): HTMLButtonElement {
  return row(claimId).querySelector(LINK_BUTTON_TAG)!.shadowRoot!.querySelector('button')!;
}

function rowsWithButtons(): string[] {
  return [...document.getElementsByTagName(LINK_BUTTON_TAG)].map((host) => host.closest('tr')?.dataset.claimId ?? '?');
}

function row(claimId: string): HTMLTableRowElement {
  return document.querySelector(`tr[data-claim-id="${claimId}"]`)!;
}

describe('a scan', () => {
  it('puts one button in an open shadow root in the last cell of each mismatched row', () => {
    at.scan.run();
    expect(rowsWithButtons()).toEqual(['C-1', 'C-3', 'C-4']);
    const host = row('C-1').cells[6]!.lastElementChild!;
    expect(host.tagName.toLowerCase()).toBe(LINK_BUTTON_TAG);
    expect(host.shadowRoot?.mode).toBe('open');
    expect(host.shadowRoot?.querySelector('button')?.textContent).toBe(LINK_BUTTON_LABEL);
    expect(row('C-1').cells).toHaveLength(7);
  });

  it('changes nothing when run again on an unchanged page', () => {
    at.scan.run();
    const hosts = [...document.getElementsByTagName(LINK_BUTTON_TAG)];
    at.scan.run();
    expect([...document.getElementsByTagName(LINK_BUTTON_TAG)]).toEqual(hosts);
  });

  it('removes the button of a row that became matched and adds one to a row that became mismatched', () => {
    at.scan.run();
    row('C-1').cells[5]!.textContent = '$12,500.00';
    row('C-2').cells[5]!.textContent = '$7,000.00';
    at.scan.run();
    expect(rowsWithButtons()).toEqual(['C-2', 'C-3', 'C-4']);
  });

  it('puts the button back when the page rewrites the cell it was in', () => {
    at.scan.run();
    row('C-3').cells[6]!.textContent = '$4,200.50';
    expect(rowsWithButtons()).toEqual(['C-1', 'C-4']);
    at.scan.run();
    expect(rowsWithButtons()).toEqual(['C-1', 'C-3', 'C-4']);
  });

  it('moves buttons into the new rows when the page rebuilds them all, building none', () => {
    at.scan.run();
    const hosts = new Set(document.getElementsByTagName(LINK_BUTTON_TAG));
    const tbody = document.querySelector('#reconciliation tbody')!;
    tbody.replaceChildren(...[...tbody.children].map((row) => row.cloneNode(true)));
    at.scan.run();
    expect(rowsWithButtons()).toEqual(['C-1', 'C-3', 'C-4']);
    expect(new Set(document.getElementsByTagName(LINK_BUTTON_TAG))).toEqual(hosts);
    userClick(buttonOf('C-3'));
    expect(at.linked).toEqual([{ claimId: 'C-3', contractNumber: 'SC-003', invoiceNumber: 'INV-3' }]);
  });

  it('keeps one button per row when a row whose cell was re-rendered comes after a new row', () => {
    at.scan.run();
    row('C-4').lastElementChild!.textContent = '$0.01';
    const tbody = document.querySelector('#reconciliation tbody')!;
    const fresh = row('C-1').cloneNode(true) as HTMLTableRowElement;
    row('C-1').replaceWith(fresh);
    at.scan.run();
    expect(rowsWithButtons()).toEqual(['C-1', 'C-3', 'C-4']);
    expect(tbody.getElementsByTagName(LINK_BUTTON_TAG)).toHaveLength(3);
  });

  it('removes copies of our button in rows the page cloned', () => {
    at.scan.run();
    const copy = row('C-1').cloneNode(true) as HTMLTableRowElement;
    copy.dataset.claimId = 'C-1-copy';
    copy.cells[5]!.textContent = '$12,500.00';
    row('C-1').after(copy);
    at.scan.run();
    expect(rowsWithButtons()).toEqual(['C-1', 'C-3', 'C-4']);
  });

  it('hands the clicked button’s claim to the panel opener', () => {
    at.scan.run();
    userClick(buttonOf('C-4'));
    expect(at.linked).toEqual([{ claimId: 'C-4', contractNumber: 'SC-004', invoiceNumber: 'INV-4 (no date)' }]);
    expect(at.buttons.buttonFor(identityKey({ claimId: 'C-4' }))).toBe(buttonOf('C-4'));
  });

  it('keeps events on our button from reaching the page’s handlers', () => {
    at.scan.run();
    const pageHandler = vi.fn();
    for (const type of ['click', 'keydown', 'pointerdown']) {
      row('C-1').addEventListener(type, pageHandler);
      document.addEventListener(type, pageHandler, { capture: true });
    }
    userClick(buttonOf('C-1'));
    buttonOf('C-1').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    buttonOf('C-1').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(pageHandler).not.toHaveBeenCalled();
    expect(at.linked).toHaveLength(1);
  });

  it('does not open the panel for a click a page script fakes', () => {
    at.scan.run();
    buttonOf('C-1').click();
    row('C-1').querySelector(LINK_BUTTON_TAG)!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(at.linked).toEqual([]);
  });

  it('lets the page’s own events through', () => {
    at.scan.run();
    const pageHandler = vi.fn();
    row('C-1').addEventListener('click', pageHandler);
    userClick(row('C-1').cells[0]!);
    expect(pageHandler).toHaveBeenCalledOnce();
  });

  it('logs each reason for a missing button once, however often it scans', () => {
    at.scan.run();
    at.scan.run();
    expect(vi.mocked(console.warn).mock.calls.map(([message]) => message)).toEqual([
      '[Backfill] No button on a reconciliation row: Yardi PTD is not an amount (INVALID).',
    ]);
  });

  it('leaves one timing measure per scan for the bench', () => {
    at.scan.run();
    at.scan.run();
    const measures = performance.getEntriesByName(SCAN_MEASURE);
    expect(measures).toHaveLength(1);
    expect((measures[0] as PerformanceMeasure).detail).toEqual({ rows: 6, buttons: 3 });
  });
});

describe('a submitted claim', () => {
  it('loses its button at once and stays without one until its row is matched', () => {
    at.scan.run();
    at.scan.markSubmitted({ claimId: 'C-3' });
    expect(rowsWithButtons()).toEqual(['C-1', 'C-4']);
    at.scan.run();
    expect(rowsWithButtons()).toEqual(['C-1', 'C-4']);
    row('C-3').cells[5]!.textContent = '$4,200.50';
    at.scan.run();
    row('C-3').cells[5]!.textContent = '$1.00';
    at.scan.run();
    expect(rowsWithButtons()).toEqual(['C-1', 'C-3', 'C-4']);
  });
});
