// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKFILLED_NOTE, LINK_BUTTON_LABEL, LINK_BUTTON_TAG } from '../../entrypoints/reconciliation.content/link-buttons';
import { SCAN_MEASURE } from '../../entrypoints/reconciliation.content/scan';
import { identityKey } from '../../lib/claim-identity';
import { loadFixture } from './load-fixture';
import { useScan, userClick } from './scan-harness';

beforeEach(() => loadFixture('sandbox-table.html'));
const at = useScan();

function buttonOf(claimId: string): HTMLButtonElement {
  return row(claimId).querySelector(LINK_BUTTON_TAG)!.shadowRoot!.querySelector('button')!;
}

/** The claim ids of the rows showing our button, or showing `BACKFILLED_NOTE` in its place. */
function rowsShowing(what: 'button' | 'backfilled' = 'button'): string[] {
  return [...document.getElementsByTagName(LINK_BUTTON_TAG)]
    .filter((host) => {
      const button = host.shadowRoot!.querySelector('button')!;
      const note = host.shadowRoot!.querySelector('.backfilled');
      return what === 'button' ? !button.hidden : note !== null && !(note as HTMLElement).hidden && note.textContent === BACKFILLED_NOTE;
    })
    .map((host) => host.closest('tr')?.dataset.claimId ?? '?');
}

function row(claimId: string): HTMLTableRowElement {
  return document.querySelector(`tr[data-claim-id="${claimId}"]`)!;
}

describe('a scan', () => {
  it('puts one button in an open shadow root in the last cell of each mismatched row', () => {
    at.scan.run();
    expect(rowsShowing()).toEqual(['C-1', 'C-3', 'C-4']);
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
    expect(rowsShowing()).toEqual(['C-2', 'C-3', 'C-4']);
  });

  it('puts the button back when the page rewrites the cell it was in', () => {
    at.scan.run();
    row('C-3').cells[6]!.textContent = '$4,200.50';
    expect(rowsShowing()).toEqual(['C-1', 'C-4']);
    at.scan.run();
    expect(rowsShowing()).toEqual(['C-1', 'C-3', 'C-4']);
  });

  it('moves buttons into the new rows when the page rebuilds them all, building none', () => {
    at.scan.run();
    const hosts = new Set(document.getElementsByTagName(LINK_BUTTON_TAG));
    const tbody = document.querySelector('#reconciliation tbody')!;
    tbody.replaceChildren(...[...tbody.children].map((row) => row.cloneNode(true)));
    at.scan.run();
    expect(rowsShowing()).toEqual(['C-1', 'C-3', 'C-4']);
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
    expect(rowsShowing()).toEqual(['C-1', 'C-3', 'C-4']);
    expect(tbody.getElementsByTagName(LINK_BUTTON_TAG)).toHaveLength(3);
  });

  it('removes copies of our button in rows the page cloned', () => {
    at.scan.run();
    const copy = row('C-1').cloneNode(true) as HTMLTableRowElement;
    copy.dataset.claimId = 'C-1-copy';
    copy.cells[5]!.textContent = '$12,500.00';
    row('C-1').after(copy);
    at.scan.run();
    expect(rowsShowing()).toEqual(['C-1', 'C-3', 'C-4']);
  });

  it('hands the clicked button’s claim to the panel opener', () => {
    at.scan.run();
    userClick(buttonOf('C-4'));
    expect(at.linked).toEqual([{ claimId: 'C-4', contractNumber: 'SC-004', invoiceNumber: 'INV-4 (no date)' }]);
    expect(at.buttons.focusTargetFor(identityKey({ claimId: 'C-4' }))).toBe(buttonOf('C-4'));
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
    expect((measures[0] as PerformanceMeasure).detail).toMatchObject({ rows: 6, buttons: 3, slices: 1 });
  });

  it('gives the page its turn between slices and ends with what one pass finds', () => {
    // A budget of zero: each slice reads the fewest rows it can, then stops.
    const rows = [...document.querySelectorAll('#reconciliation tbody tr')];
    document.querySelector('#reconciliation tbody')!.append(...Array.from({ length: 40 }, () => rows.map((each) => each.cloneNode(true))).flat());
    let slices = 1;
    while (!at.scan.run(0)) slices++;
    expect(slices).toBeGreaterThan(1);
    const sliced = rowsShowing();
    expect(sliced).toHaveLength(41 * 3);
    at.scan.run();
    expect(rowsShowing()).toEqual(sliced);
    expect((performance.getEntriesByName(SCAN_MEASURE)[0] as PerformanceMeasure).detail).toMatchObject({ slices: 1 });
  });
});

describe('a submitted claim', () => {
  it('shows backfilled in place of its button at once, until its row is matched', () => {
    at.scan.run();
    at.scan.markSubmitted({ claimId: 'C-3' });
    expect(rowsShowing()).toEqual(['C-1', 'C-4']);
    expect(rowsShowing('backfilled')).toEqual(['C-3']);
    at.scan.run();
    expect(rowsShowing('backfilled')).toEqual(['C-3']);
    // The note opens nothing.
    userClick(row('C-3').querySelector(LINK_BUTTON_TAG)!.shadowRoot!.querySelector('.backfilled')!);
    expect(at.linked).toEqual([]);
    row('C-3').cells[5]!.textContent = '$4,200.50';
    at.scan.run();
    expect(rowsShowing('backfilled')).toEqual([]);
    row('C-3').cells[5]!.textContent = '$1.00';
    at.scan.run();
    expect(rowsShowing()).toEqual(['C-1', 'C-3', 'C-4']);
  });
});

describe('draft marks', () => {
  it('shows a draft as the button’s description, its name still Link Progress Claim', () => {
    at.scan.run();
    at.buttons.setMarks(new Map([[identityKey({ claimId: 'C-1' }), { state: 'draft', percent: 60 }]]));
    const host = row('C-1').querySelector(LINK_BUTTON_TAG)!;
    const button = buttonOf('C-1');
    expect(button.textContent).toBe(LINK_BUTTON_LABEL);
    const described = host.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Draft 60%');
    expect(buttonOf('C-3').hasAttribute('aria-describedby')).toBe(false);
    // The draft is gone (deleted, or its claim opened elsewhere): so is the badge.
    at.buttons.setMarks(new Map());
    expect(button.hasAttribute('aria-describedby')).toBe(false);
    expect((host.shadowRoot!.querySelector('.badge') as HTMLElement).hidden).toBe(true);
  });

  it('shows backfilled for a claim submitted in another tab, and keeps badges on rows the page re-rendered', () => {
    at.scan.run();
    at.buttons.setMarks(
      new Map([
        [identityKey({ claimId: 'C-1' }), { state: 'submitted' }],
        [identityKey({ claimId: 'C-4' }), { state: 'draft', percent: null }],
      ]),
    );
    expect(rowsShowing('backfilled')).toEqual(['C-1']);
    const body = document.querySelector('#reconciliation tbody')!;
    body.replaceChildren(...[...body.children].map((each) => each.cloneNode(true)));
    at.scan.run();
    expect(rowsShowing('backfilled')).toEqual(['C-1']);
    expect(row('C-4').querySelector(LINK_BUTTON_TAG)!.shadowRoot!.querySelector('.badge')!.textContent).toBe('Draft');
  });
});
