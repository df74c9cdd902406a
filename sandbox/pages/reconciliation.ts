import type { ReconciliationRow } from '../../lib/schemas';
import { formatMoney } from '../../lib/money';
import { usDate } from '../format';
import { html, type SafeHtml } from '../html';
import type { State } from '../model';
import { reconciliationRows } from '../views';
import { AMOUNT_COLUMNS, GRID_COLUMNS, TABLE_COLUMNS, type Column, type ColumnKey } from './columns';
import { layout } from './layout';
import { RECONCILIATION_SCRIPT } from './reconciliation-script';
import { HOSTILE_PAGE_SCRIPT } from '../hostile';

export interface ReconciliationQuery {
  layout: 'table' | 'grid';
  /** Only this contract's rows; '' for all. */
  contractId: string;
  onlyDifferences: boolean;
  /**
   * Whether rows carry `data-claim-id` and `data-contract-id`. `/?ids=none` leaves them out, as real
   * reconciliation pages do: a row then says which claim it is only by what it shows.
   */
  claimIds: boolean;
  /** `/?hostile=1`: the page attacks the extension (see sandbox/hostile.ts). */
  hostile: boolean;
}

export function readReconciliationQuery(params: URLSearchParams): ReconciliationQuery {
  return {
    layout: params.get('layout') === 'grid' ? 'grid' : 'table',
    contractId: params.get('contract') ?? '',
    onlyDifferences: params.get('differences') === '1',
    claimIds: params.get('ids') !== 'none',
    hostile: params.get('hostile') === '1',
  };
}

/**
 * `/` (a `<table>`) and `/?layout=grid` (an ARIA grid, columns reordered): one row per Yardi payment,
 * each with `data-claim-id` and `data-contract-id` unless the query says `ids=none`. Filters come from the query, so the first render
 * already matches the URL the inline script keeps up to date.
 */
export function reconciliationPage(state: State, query: ReconciliationQuery, nonce: string): string {
  const all = reconciliationRows(state);
  const shown = all.filter(
    (row) => (query.contractId === '' || row.contractId === query.contractId) && (!query.onlyDifferences || row.difference !== '0.00'),
  );
  const grid = query.layout === 'grid';
  const columns = grid ? GRID_COLUMNS : TABLE_COLUMNS;
  const body = html`
<div class="page-head">
  <div>
    <p class="eyebrow">Yardi integration</p>
    <h1>Reconciliation</h1>
    <p class="sub">Payments made in Yardi compared with progress claims in Procore. A difference means the claim still needs to be backfilled.</p>
  </div>
  <nav class="switch" aria-label="Layout">
    <a href="/${query.claimIds ? '' : '?ids=none'}"${grid ? null : html` aria-current="page"`}>Table</a>
    <a href="/?layout=grid${query.claimIds ? '' : '&ids=none'}"${grid ? html` aria-current="page"` : null}>Grid</a>
  </nav>
</div>
<section class="card">
  <form id="filters" class="toolbar" method="get" action="/">
    ${grid ? html`<input type="hidden" name="layout" value="grid">` : null}
    ${query.claimIds ? null : html`<input type="hidden" name="ids" value="none">`}
    <label>Contract
      <select id="contract-filter" name="contract">
        <option value="">All contracts</option>
        ${state.contracts.map(
          (contract) =>
            html`<option value="${contract.id}"${contract.id === query.contractId ? html` selected` : null}>${contract.number} · ${contract.vendorName}</option>`,
        )}
      </select>
    </label>
    <label><input type="checkbox" id="only-differences" name="differences" value="1"${query.onlyDifferences ? html` checked` : null}> Only differences</label>
    <noscript><button class="button" type="submit">Apply</button></noscript>
    <span class="spacer"></span>
    <span id="row-count" class="count" aria-live="polite">Showing ${shown.length} of ${all.length} payments</span>
    <button class="button" type="button" id="refresh">Refresh</button>
  </form>
  <p id="load-problem" class="problem" role="alert" hidden></p>
  <div id="reconciliation" data-layout="${query.layout}" data-ids="${query.claimIds ? 'claim' : 'none'}" data-columns="${columns.map((column) => column.key).join(',')}">
    ${grid ? gridMarkup(columns, shown, query.claimIds) : tableMarkup(columns, shown, query.claimIds)}
  </div>
  <p id="empty" class="empty"${shown.length > 0 ? html` hidden` : null}>No payments match these filters.</p>
</section>${query.hostile ? CLOBBERING : null}`;
  const source = query.hostile ? RECONCILIATION_SCRIPT + HOSTILE_PAGE_SCRIPT : RECONCILIATION_SCRIPT;
  return layout(state, { title: 'Reconciliation', section: 'reconciliation', body, script: { source, nonce } });
}

// Elements named like the globals a content script might use (DOM clobbering): two forms with one id
// make `window.browser` a collection whose `runtime` is the second form, with an `id` (so
// `browser.runtime.id` looks like an extension's); likewise `window.chrome`, and
// `document.getElementsByTagName` shadowed by an image's name.
const CLOBBERING = html`
<form id="browser" hidden></form><form id="browser" name="runtime" hidden></form>
<form id="chrome" hidden></form><form id="chrome" name="runtime" hidden></form>
<img name="getElementsByTagName" alt="" hidden>`;

/** A row's ids as attributes, or nothing on the `ids=none` page. */
function idAttributes(row: ReconciliationRow, claimIds: boolean): SafeHtml | null {
  return claimIds ? html` data-claim-id="${row.claimId}" data-contract-id="${row.contractId}"` : null;
}

function tableMarkup(columns: readonly Column[], rows: ReconciliationRow[], claimIds: boolean): SafeHtml {
  return html`<table class="data">
    <thead><tr>${columns.map((column) => html`<th scope="col"${AMOUNT_COLUMNS.has(column.key) ? html` class="num"` : null}>${column.header}</th>`)}</tr></thead>
    <tbody data-rows>${rows.map(
      (row) => html`
      <tr${idAttributes(row, claimIds)}>${columns.map((column) => html`<td class="${cellClass(row, column.key)}">${cellContent(row, column.key)}</td>`)}</tr>`,
    )}
    </tbody>
  </table>`;
}

function gridMarkup(columns: readonly Column[], rows: ReconciliationRow[], claimIds: boolean): SafeHtml {
  return html`<div class="grid" role="grid" aria-label="Reconciliation" aria-colcount="${columns.length}">
    <div role="rowgroup"><div role="row" class="grid-row grid-head">${columns.map(
      (column) => html`<div role="columnheader" class="cell${AMOUNT_COLUMNS.has(column.key) ? ' num' : ''}">${column.header}</div>`,
    )}</div></div>
    <div role="rowgroup" data-rows>${rows.map(
      (row) => html`
      <div role="row" class="grid-row"${idAttributes(row, claimIds)}>${columns.map(
        (column) => html`<div role="gridcell" class="${cellClass(row, column.key)}">${cellContent(row, column.key)}</div>`,
      )}</div>`,
    )}
    </div>
  </div>`;
}

function cellClass(row: ReconciliationRow, key: ColumnKey): string {
  if (key !== 'yardiPtd' && key !== 'procore' && key !== 'difference') return 'cell';
  const negative = row[key].startsWith('-') ? ' neg' : '';
  const open = key === 'difference' && row.difference !== '0.00' ? ' open' : '';
  return `cell num${negative}${open}`;
}

function cellContent(row: ReconciliationRow, key: ColumnKey): SafeHtml | string {
  switch (key) {
    case 'contract':
      return html`<a href="/contracts/${encodeURIComponent(row.contractId)}">${row.contractNumber}</a>`;
    case 'vendor':
      return row.vendorName;
    case 'invoice':
      return row.invoiceNumber;
    case 'date':
      return usDate(row.invoiceDate);
    case 'yardiPtd':
      return formatMoney(row.yardiPtd);
    case 'procore':
      // Nothing linked in Procore yet: a dash, as the host shows it.
      return row.status === 'Unlinked' ? '\u2014' : formatMoney(row.procore);
    case 'difference':
      return formatMoney(row.difference);
    case 'status':
      return html`<span class="badge ${row.status === 'Unlinked' ? 'badge-unlinked' : 'badge-synced'}">${row.status}</span>`;
  }
}
