/**
 * The reconciliation page's only script, inline under the page's CSP nonce. On a filter change or
 * Refresh it fetches `/api/reconciliation` and replaces every row with new elements, as single-page
 * finance apps do, so the extension must cope with its rows being re-created. Text goes in through
 * `textContent` only. Cells are the same as the server renders (see reconciliation.ts).
 */
export const RECONCILIATION_SCRIPT = `
(() => {
  'use strict';
  const root = document.getElementById('reconciliation');
  const body = root.querySelector('[data-rows]');
  const grid = root.dataset.layout === 'grid';
  const claimIds = root.dataset.ids !== 'none';
  const columns = root.dataset.columns.split(',');
  const form = document.getElementById('filters');
  const contract = form.elements.namedItem('contract');
  const onlyDifferences = form.elements.namedItem('differences');
  const count = document.getElementById('row-count');
  const empty = document.getElementById('empty');
  const problem = document.getElementById('load-problem');

  const money = (value) => {
    const [whole, cents] = value.replace('-', '').split('.');
    const text = '$' + whole.replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',') + '.' + cents;
    return value.startsWith('-') ? '(' + text + ')' : text;
  };
  const usDate = (iso) => { const [y, m, d] = iso.split('-'); return m + '/' + d + '/' + y; };
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const content = {
    contract: (r) => { const a = element('a', '', r.contractNumber); a.href = '/contracts/' + encodeURIComponent(r.contractId); return a; },
    vendor: (r) => r.vendorName,
    invoice: (r) => r.invoiceNumber,
    date: (r) => usDate(r.invoiceDate),
    yardiPtd: (r) => money(r.yardiPtd),
    procore: (r) => (r.status === 'Unlinked' ? '\\u2014' : money(r.procore)),
    difference: (r) => money(r.difference),
    status: (r) => element('span', 'badge ' + (r.status === 'Unlinked' ? 'badge-unlinked' : 'badge-synced'), r.status),
  };

  function cell(r, key) {
    const amount = key === 'yardiPtd' || key === 'procore' || key === 'difference';
    let className = 'cell';
    if (amount) className += ' num' + (r[key].startsWith('-') ? ' neg' : '') + (key === 'difference' && r.difference !== '0.00' ? ' open' : '');
    const node = element(grid ? 'div' : 'td', className);
    if (grid) node.setAttribute('role', 'gridcell');
    node.append(content[key](r));
    return node;
  }

  function row(r) {
    const node = element(grid ? 'div' : 'tr', grid ? 'grid-row' : '');
    if (grid) node.setAttribute('role', 'row');
    if (claimIds) {
      node.dataset.claimId = r.claimId;
      node.dataset.contractId = r.contractId;
    }
    for (const key of columns) node.append(cell(r, key));
    return node;
  }

  function render(rows) {
    const shown = rows.filter((r) => (!contract.value || r.contractId === contract.value) && (!onlyDifferences.checked || r.difference !== '0.00'));
    body.replaceChildren(...shown.map(row));
    count.textContent = 'Showing ' + shown.length + ' of ' + rows.length + ' payments';
    empty.hidden = shown.length > 0;
  }

  async function reload() {
    root.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch('/api/reconciliation', { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error('the server answered ' + response.status);
      render(await response.json());
      problem.hidden = true;
    } catch (error) {
      problem.textContent = 'The reconciliation could not be loaded (' + error.message + '). Try Refresh.';
      problem.hidden = false;
    } finally {
      root.removeAttribute('aria-busy');
    }
  }

  function filtersChanged() {
    const params = new URLSearchParams(new FormData(form));
    for (const [name, value] of [...params]) if (value === '') params.delete(name);
    const query = params.toString();
    history.replaceState(null, '', query ? '?' + query : location.pathname);
    return reload();
  }

  form.addEventListener('change', filtersChanged);
  form.addEventListener('submit', (event) => { event.preventDefault(); filtersChanged(); });
  document.getElementById('refresh').addEventListener('click', reload);
})();
`;
